"""Annotated periods against the period rule (:mod:`county_data.periods.rule`).

Each reported observation's period must be the one the rule decides from the
words around its first mention, unless the curator overrides the rule with
``period_rule: override`` and a ``note`` saying why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from county_data.annotation.entries import Annotations, ObservationEntry
from county_data.errors import Problem
from county_data.periods.rule import PeriodDecision, TextContext, decide_baseline, decide_period
from county_data.periods.rule import text_context as for_source

if TYPE_CHECKING:
    from county_data.catalogue.county import County
    from county_data.quantity import Quantity


def text_context(county: County, source_id: str) -> TextContext:
    """What the rule knows of a source of ``county`` beyond its words."""
    source = county.source(source_id)
    headings = tuple((s.start, s.start + len(s.quote)) for s in source.sections)
    return for_source(source.kind, source.title, source.published, headings)


def period_problems(
    county: County,
    annotations: Annotations,
    texts: Mapping[str, str],
    read: Mapping[str, Sequence[Quantity]] | None = None,
) -> list[Problem]:
    """Observations whose period is not the rule's and that do not override it (``read``: the
    reader's figures of each text, when the caller has read them already)."""
    figures: dict[str, list[Quantity]] = {source_id: list(found) for source_id, found in (read or {}).items()}
    problems = []
    for entry in annotations.observations:
        if entry.derived or entry.period_rule or entry.source_id not in texts:
            continue
        decision = decide_entry_period(county, entry, texts, figures)
        if decision is not None and decision.period != entry.period:
            said = f"{decision.explain()} by the period rule"
            problems.append(_problem(entry, "period", entry.period, decision.period, said, str(annotations.path)))
        elif decision is not None and entry.baseline_period:
            problems += _baseline_problems(county, entry, decision, figures, str(annotations.path))
    return problems


def _baseline_problems(
    county: County, entry: ObservationEntry, decision: PeriodDecision, figures: dict[str, list[Quantity]], path: str
) -> list[Problem]:
    """The annotated baseline against the rule's, where the rule decides one."""
    figure = _figure(entry, figures[entry.mentions[0].source_id])
    context = text_context(county, entry.mentions[0].source_id)
    expected = decide_baseline(figure, decision.period, context) if figure is not None else ""
    if not expected or expected == entry.baseline_period:
        return []
    said = f"{expected!r} by the period rule's baseline"
    return [_problem(entry, "baseline_period", entry.baseline_period, expected, said, path)]


def decide_entry_period(
    county: County, entry: ObservationEntry, texts: Mapping[str, str], figures: dict[str, list[Quantity]]
) -> PeriodDecision | None:
    """The rule's period for ``entry`` (None when the reader finds no figure in its first quote)."""
    from county_data.quantity import extract_quantities

    mention = entry.mentions[0]
    text = texts[mention.source_id]
    if mention.source_id not in figures:
        figures[mention.source_id] = extract_quantities(text)
    figure = _figure(entry, figures[mention.source_id])
    return None if figure is None else decide_period(text, figure, text_context(county, mention.source_id))


def _figure(entry: ObservationEntry, figures: list[Quantity]) -> Quantity | None:
    mention = entry.mentions[0]
    return figure_at(figures, mention.start, mention.end, entry.surface)


def figure_at(figures: list[Quantity], start: int, end: int, surface: str) -> Quantity | None:
    """The reader's figure inside the quote at ``start:end``: the one written as ``surface``, else the first."""
    inside = [q for q in figures if start <= q.start and q.end <= end]
    return next((q for q in inside if q.surface == surface), inside[0] if inside else None)


def _problem(entry: ObservationEntry, field: str, found: str, expected: str, said: str, path: str) -> Problem:
    message = (
        f"observation {entry.id!r}: {field} must be {said} "
        f"(got {found!r}); or set period_rule: override with a note saying why"
    )
    return Problem("period-rule", message, path=path, line=entry.line, field=field, found=found, expected=expected)
