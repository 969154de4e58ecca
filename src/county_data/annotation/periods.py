"""Annotated periods against the period rule (:mod:`county_data.periods.rule`).

Each reported observation's period must be the one the rule decides from the
words around its first mention, unless the curator overrides the rule with
``period_rule: override`` and a ``note`` saying why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from county_data.annotation.entries import Annotations, ObservationEntry
from county_data.errors import Problem
from county_data.periods.rule import PeriodDecision, TextContext, decide_period

if TYPE_CHECKING:
    from county_data.catalogue.county import County
    from county_data.quantity import Quantity


def text_context(county: County, source_id: str) -> TextContext:
    """What the rule knows of a source of ``county`` beyond its words."""
    source = county.source(source_id)
    headings = tuple((s.start, s.start + len(s.quote)) for s in source.sections)
    title = source.title if source.kind == "statistical_bulletin" else ""
    return TextContext(source.published, headings, title)


def period_problems(county: County, annotations: Annotations, texts: Mapping[str, str]) -> list[Problem]:
    """Observations whose period is not the rule's and that do not override it."""
    figures: dict[str, list[Quantity]] = {}
    problems = []
    for entry in annotations.observations:
        if entry.derived or entry.period_rule or entry.source_id not in texts:
            continue
        decision = decide_entry_period(county, entry, texts, figures)
        if decision is not None and decision.period != entry.period:
            problems.append(_problem(entry, decision, str(annotations.path)))
    return problems


def decide_entry_period(
    county: County, entry: ObservationEntry, texts: Mapping[str, str], figures: dict[str, list[Quantity]]
) -> PeriodDecision | None:
    """The rule's period for ``entry`` (None when the reader finds no figure in its first quote)."""
    from county_data.quantity import extract_quantities

    mention = entry.mentions[0]
    text = texts[mention.source_id]
    if mention.source_id not in figures:
        figures[mention.source_id] = extract_quantities(text)
    inside = [q for q in figures[mention.source_id] if mention.start <= q.start and q.end <= mention.end]
    figure = next((q for q in inside if q.surface == entry.surface), inside[0] if inside else None)
    return None if figure is None else decide_period(text, figure, text_context(county, mention.source_id))


def _problem(entry: ObservationEntry, decision: PeriodDecision, path: str) -> Problem:
    message = (
        f"observation {entry.id!r}: period must be {decision.explain()} by the period rule "
        f"(got {entry.period!r}); or set period_rule: override with a note saying why"
    )
    return Problem(
        "period-rule",
        message,
        path=path,
        line=entry.line,
        field="period",
        found=entry.period,
        expected=decision.period,
    )
