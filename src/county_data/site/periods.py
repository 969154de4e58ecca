"""How each figure's period was decided: the period rule re-run on the shipped text, beside the package's period.

The package records the period and the words a curator saw (``period_text``), not
the rule's reasoning; the rule (:mod:`county_data.periods.rule`) is re-run here on
the shipped text, with what the package knows of the source (publication date,
the heading of the figure's section, a bulletin's title). Where the package's
period differs from the rule's, the curator overrode the rule (the build refuses
any other disagreement) and the panel shows both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from county_data.diff.snapshot import Package, Row

if TYPE_CHECKING:
    from county_data.periods.rule import PeriodDecision
    from county_data.quantity import Quantity


def period_decisions(package: Package) -> dict[str, PeriodDecision]:
    """observation_id -> the rule's decision, for each reported figure whose text is shipped."""
    from county_data.quantity import extract_quantities

    sources = {row["source_id"]: row for row in package.rows("sources")}
    read: dict[str, list[Quantity]] = {}
    decided = {}
    for row in package.rows("observations"):
        text = package.texts.get(row["source_id"])
        if row["method"] != "reported" or text is None:
            continue
        if row["source_id"] not in read:
            read[row["source_id"]] = extract_quantities(text)
        figure = _figure_of(row, read[row["source_id"]])
        if figure is not None:
            decided[row["observation_id"]] = _decide(text, figure, row, sources.get(row["source_id"], {}))
    return decided


def _figure_of(row: Row, figures: list[Quantity]) -> Quantity | None:
    """The reader's figure inside the row's quote: the one written as the row's surface, else the first."""
    from county_data.annotation.periods import figure_at

    return figure_at(figures, int(row["char_start"]), int(row["char_end"]), row["surface"])


def _decide(text: str, figure: Quantity, row: Row, source: Mapping[str, str]) -> PeriodDecision:
    from county_data.periods.rule import decide_period, text_context

    heading = _heading(text, row.get("section", ""), figure.start)
    headings = (heading,) if heading else ()
    context = text_context(source.get("kind", ""), source.get("title", ""), source.get("published", ""), headings)
    return decide_period(text, figure, context)


def _heading(text: str, section: str, before: int) -> tuple[int, int] | None:
    """The span of the section heading the package names (its lines joined by " / "), last before ``before``."""
    lines = [line for line in section.split(" / ") if line]
    if not lines:
        return None
    pattern = re.compile(r"\s*\n\s*".join(re.escape(line) for line in lines))
    found = [m for m in pattern.finditer(text, 0, before)]
    return (found[-1].start(), found[-1].end()) if found else None


def period_words(row: Row, dated: PeriodDecision | None) -> str:
    """The period and how it was decided, for a figure's panel."""
    baseline = f"; compared with {row['baseline_period']}" if row.get("baseline_period") else ""
    if dated is None:
        words = f" from the words “{row['period_text']}”" if row.get("period_text") else " (the text does not date it)"
        return f"{row['period']}{words}{baseline}"
    rule = _reasoning(dated)
    if dated.period == row["period"]:
        return f"{row['period']} — by the period rule: {rule}{baseline}"
    return (
        f"{row['period']} — set by the curator, overriding the period rule (see the note); "
        f"the rule gives {dated.period}: {rule}{baseline}"
    )


def _reasoning(decision: PeriodDecision) -> str:
    from county_data.periods.rule import RULES

    where = f" at characters {decision.start}–{decision.end}" if decision.start >= 0 else ""
    where = " in the title" if decision.rule == "title" else where
    said = f", “{decision.words}”{where}" if decision.words else ""
    return f"{RULES[decision.rule]}{said}"
