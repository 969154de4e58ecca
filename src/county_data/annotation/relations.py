"""Relations between a county's figures, checked at build.

Declared relations (sector value added sums to GDP, structure shares to 100,
per-capita GDP ≈ GDP / population) and those that follow from the kinds (a
share is part / whole; growth and change agree with the levels of the period
and its baseline) must hold for every period in which all their figures are
reported. Each figure counts as the range its wording and rounding allow:
61.9 stands for 61.85..61.95, 超80% for anything above 80, so a relation fails
only when no values the words allow could satisfy it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence

from county_data.annotation.entries import Annotations, ObservationEntry
from county_data.catalogue.metric import Metric
from county_data.catalogue.relations import Relation, Span
from county_data.errors import Problem
from county_data.periods import YEAR_PATTERN
from county_data.qualifiers import allowed

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(YEAR_PATTERN)
#: kinds compared with the levels of their metric: (problem code, the relation they state)
_AGAINST_LEVELS = {
    "growth": ("growth-relation-broken", "100 * (now - then) / then"),
    "change": ("change-relation-broken", "now - then"),
}
_LEVEL_KINDS = ("level", "cumulative", "share")

Groups = Mapping[tuple[str, str], Sequence[ObservationEntry]]


def relation_problems(
    annotations: Annotations, catalogue: Mapping[str, Metric], relations: Sequence[Relation] | None = None
) -> list[Problem]:
    """Every relation the reported figures of ``annotations`` break; ``relations`` default to the core ones."""
    if relations is None:
        from county_data.catalogue.core import core_relations

        relations = core_relations()
    groups: dict[tuple[str, str], list[ObservationEntry]] = {}
    for entry in annotations.observations:
        if entry.value is not None and entry.period != "unknown":
            groups.setdefault((entry.metric, entry.period), []).append(entry)
    path = str(annotations.path)
    problems = [p for relation in relations for p in _declared_problems(relation, groups, path)]
    for (metric_id, _), entries in sorted(groups.items()):
        metric = catalogue.get(metric_id)
        if metric is not None and metric.measure_kind in _AGAINST_LEVELS:
            problems += [p for entry in entries for p in _against_levels(entry, metric, catalogue, groups, path)]
    return problems


def figure_span(entry: ObservationEntry) -> Span:
    """The values a reported figure allows: its qualifier's range widened by half its last stated digit."""
    assert entry.value is not None
    interval = allowed(entry.qualifier, entry.value, entry.lower, entry.upper)
    half_digit = _half_last_digit(entry.surface, entry.value)
    return Span(interval.low - half_digit, interval.high + half_digit)


def _half_last_digit(surface: str, value: float) -> float:
    """Half a unit of the last digit written, in base units (61.9亿元 -> 0.05亿 = 5e6 yuan).

    The number written is the one the value is a power of ten of (3 in 3—5万, 3.82
    in 较2020年改善3.82个百分点); a surface without digits (两项) is taken as exact.
    """
    numbers = [text for text in _NUMBER.findall(surface) if float(text) != 0]
    written = next((text for text in reversed(numbers) if _power_of_ten(abs(value) / float(text))), None)
    if written is None:
        return 0.0
    decimals = len(written.partition(".")[2])
    return 0.5 * 10.0**-decimals * abs(value) / float(written)


def _power_of_ten(ratio: float) -> bool:
    exponent = math.log10(ratio) if ratio > 0 else 0.5
    return abs(exponent - round(exponent)) < 1e-9


def _declared_problems(relation: Relation, groups: Groups, path: str) -> list[Problem]:
    periods = {period for (_, period) in groups}
    problems = []
    for period in sorted(periods):
        choices = [groups.get((metric_id, period), []) for metric_id in relation.metric_ids]
        for chosen in itertools.product(*choices):
            named = dict(zip(relation.metric_ids, chosen, strict=True))
            left, right = relation.evaluate({key: figure_span(entry) for key, entry in named.items()})
            if not left.meets(right):
                problems.append(_broken(relation, period, named, path))
    return problems


def _broken(relation: Relation, period: str, named: Mapping[str, ObservationEntry], path: str) -> Problem:
    left, right = relation.evaluate({key: Span.point(float(entry.value or 0)) for key, entry in named.items()})
    message = (
        f"relation {relation.id!r} ({relation.holds.strip()}) must hold for {period} within the rounding of its "
        f"figures (got {left.low:g} = {right.low:g}; figures: {_figures(named.values())})"
    )
    first = next(iter(named.values()))
    ids = tuple(entry.id for entry in named.values())
    return Problem(relation.code, message, path, first.line, None, "value", ids, relation.holds.strip())


def _figures(entries: Iterable[ObservationEntry]) -> str:
    return "; ".join(f"{e.id!r} (line {e.line}) {e.surface!r} in {e.mentions[0].quote!r}" for e in entries)


def _against_levels(
    entry: ObservationEntry, metric: Metric, catalogue: Mapping[str, Metric], groups: Groups, path: str
) -> list[Problem]:
    """Growth or change of a metric against its levels in the period and in the baseline period."""
    kind = metric.measure_kind
    base = metric.id.removesuffix(f"_{kind}")
    level = catalogue.get(base)
    baseline = entry.baseline_period or _year_before(entry.period)
    if level is None or level.measure_kind not in _LEVEL_KINDS or not baseline:
        return []
    problems = []
    for now, then in itertools.product(groups.get((base, entry.period), []), groups.get((base, baseline), [])):
        expected = _from_levels(kind, figure_span(now), figure_span(then))
        if not expected.meets(figure_span(entry)):
            problems.append(_level_problem(entry, kind, (now, then), baseline, path))
    return problems


def _year_before(period: str) -> str:
    return str(int(period) - 1) if _YEAR.match(period) else ""


def _from_levels(kind: str, now: Span, then: Span) -> Span:
    if kind == "change":
        return now - then
    return Span.point(100) * (now - then) / then


def _level_problem(
    entry: ObservationEntry, kind: str, levels: tuple[ObservationEntry, ObservationEntry], baseline: str, path: str
) -> Problem:
    now, then = levels
    point = _from_levels(kind, Span.point(float(now.value or 0)), Span.point(float(then.value or 0))).low
    code, formula = _AGAINST_LEVELS[kind]
    message = (
        f"observation {entry.id!r}: {entry.metric} for {entry.period} against {baseline} must agree with the "
        f"levels of {now.metric} ({formula} = {point:g}, got {entry.value:g}; figures: {_figures([entry, now, then])})"
    )
    return Problem(code, message, path, entry.line, None, "value", (entry.id, now.id, then.id), f"{point:g}")
