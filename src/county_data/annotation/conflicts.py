"""Sources that report the same metric for the same period must agree.

Each observation allows an interval of true values: 502.2亿元 (exact) allows
only itself, 超500亿元 (more_than) everything above 500亿元, 约30个 (approx)
values within ``APPROX_TOLERANCE`` of 30. Two observations agree when their
intervals meet; otherwise the build reports a conflict naming both.
"""

from __future__ import annotations

import math
from itertools import combinations

from county_data.annotation.entries import Annotations, ObservationEntry
from county_data.errors import Problem

APPROX_TOLERANCE = 0.1


def interval(entry: ObservationEntry) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open) of the values the wording allows."""
    value = float(entry.value if entry.value is not None else math.nan)
    low = entry.lower if entry.lower is not None else value
    high = entry.upper if entry.upper is not None else value
    if entry.qualifier == "more_than":
        return low, math.inf, True, False
    if entry.qualifier == "at_least":
        return low, math.inf, False, False
    if entry.qualifier == "less_than":
        return -math.inf, high, False, True
    if entry.qualifier == "at_most":
        return -math.inf, high, False, False
    if entry.qualifier == "approx":
        spread = abs(value) * APPROX_TOLERANCE
        return value - spread, value + spread, False, False
    return low, high, False, False


def agree(first: ObservationEntry, second: ObservationEntry) -> bool:
    """Whether some value satisfies both observations."""
    low_a, high_a, low_open_a, high_open_a = interval(first)
    low_b, high_b, low_open_b, high_open_b = interval(second)
    low, low_open = _tighter(low_a, low_open_a, low_b, low_open_b, max)
    high, high_open = _tighter(high_a, high_open_a, high_b, high_open_b, min)
    if math.isclose(low, high, rel_tol=1e-9):
        return not (low_open or high_open)
    return low < high


def _tighter(a: float, a_open: bool, b: float, b_open: bool, pick: object) -> tuple[float, bool]:
    if math.isclose(a, b, rel_tol=1e-9):
        return a, a_open or b_open
    return (a, a_open) if pick(a, b) == a else (b, b_open)


def conflict_problems(annotations: Annotations) -> list[Problem]:
    """Every pair of reported observations of one metric and period whose values cannot both be true."""
    groups: dict[tuple[str, str], list[ObservationEntry]] = {}
    for entry in annotations.observations:
        if not entry.derived and entry.period != "unknown":
            groups.setdefault((entry.metric, entry.period), []).append(entry)
    problems = []
    for (metric, period), entries in sorted(groups.items()):
        for first, second in combinations(entries, 2):
            if first.source_id != second.source_id and not agree(first, second):
                problems.append(_conflict(annotations, metric, period, first, second))
    return problems


def _conflict(
    annotations: Annotations, metric: str, period: str, first: ObservationEntry, second: ObservationEntry
) -> Problem:
    message = (
        f"sources disagree on {metric} for {period}: {first.surface!r} ({first.qualifier}) in "
        f"{first.source_id!r} and {second.surface!r} ({second.qualifier}) in {second.source_id!r} cannot both hold"
    )
    return Problem(
        "source-conflict",
        message,
        path=str(annotations.path),
        line=second.line,
        field="value",
        found=second.surface,
        expected=f"agreement with {first.id}",
    )
