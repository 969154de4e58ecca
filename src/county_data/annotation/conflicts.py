"""Sources that report the same metric for the same period must agree.

Each observation allows an interval of true values (what 超, 以上 or 约 allow is
said once, in :mod:`county_data.qualifiers`). Two observations agree when their
intervals meet; otherwise the build reports a conflict naming both.
"""

from __future__ import annotations

import math
from itertools import combinations

from county_data.annotation.entries import Annotations, ObservationEntry
from county_data.errors import Problem
from county_data.qualifiers import Interval, allowed, overlap


def allowed_values(entry: ObservationEntry) -> Interval:
    """The values the wording of ``entry`` allows (see :mod:`county_data.qualifiers`)."""
    value = float(entry.value if entry.value is not None else math.nan)
    return allowed(entry.qualifier, value, entry.lower, entry.upper)


def agree(first: ObservationEntry, second: ObservationEntry) -> bool:
    """Whether some value satisfies both observations."""
    return overlap(allowed_values(first), allowed_values(second))


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
