"""Measure kinds: the forms one metric is reported in, and the unit and id of each.

A catalogue entry declares the kinds it may take, ``kinds: [level, growth, rank]``
for GDP. The first kind is the metric's own: it keeps the bare id and the unit
the entry declares. Every further kind becomes a metric of its own, with the id
``<id>_<kind>`` and the unit the rule below gives, so that a GDP level, its
growth and its rank in one year are three rows with three keys:

- ``level``: the declared unit; the value in a year or at its end.
- ``cumulative``: the declared unit; summed over a stated interval (累计).
- ``growth``: percent; relative change against a baseline, at current prices.
- ``real_growth``: percent; growth at comparable prices (按可比价格, GDP and value
  added), which the ratio of two nominal levels does not give.
- ``change``: percentage_point for a metric in percent, otherwise the declared
  unit; the difference against a baseline.
- ``share``: percent; the part of the whole named by ``share_of``.
- ``rank``: rank; a position in a ranking (第5位).
- ``multiple``: times; the value as a multiple of a baseline (翻番 = 2).
"""

from __future__ import annotations

from types import MappingProxyType

MEASURE_KINDS: tuple[str, ...] = ("level", "cumulative", "growth", "real_growth", "change", "share", "rank", "multiple")

_FIXED_UNITS = MappingProxyType(
    {"growth": "percent", "real_growth": "percent", "share": "percent", "rank": "rank", "multiple": "times"}
)

#: plausible (min, max) of a kind whose unit the rule fixes; None leaves a side open
KIND_RANGES = MappingProxyType(
    {
        "growth": (-100.0, None),
        "real_growth": (-100.0, None),
        "share": (0.0, 100.0),
        "rank": (1.0, None),
        "multiple": (0.0, None),
        "change": (None, None),
    }
)
#: a change of a percentage cannot leave -100..100 percentage points
PERCENTAGE_CHANGE_RANGE = (-100.0, 100.0)

#: words for the label of a derived kind: (Chinese suffix, English prefix)
KIND_WORDS = MappingProxyType(
    {
        "level": ("", ""),
        "cumulative": ("累计", "Cumulative"),
        "growth": ("增长率", "Growth of"),
        "real_growth": ("增长率（可比价）", "Real growth of"),
        "change": ("变化", "Change in"),
        "share": ("占比", "Share of"),
        "rank": ("排名", "Rank by"),
        "multiple": ("倍数", "Multiple of"),
    }
)


def unit_of_kind(kind: str, unit: str) -> str:
    """The unit of ``kind`` for a metric declared in ``unit`` (growth -> percent, change of a share -> pp)."""
    if kind == "change":
        return "percentage_point" if unit == "percent" else unit
    return _FIXED_UNITS.get(kind, unit)


def kind_range(kind: str, unit: str) -> tuple[float | None, float | None]:
    """The plausible (min, max) of ``kind`` in ``unit`` when the entry does not say; None leaves a side open."""
    if kind == "change" and unit == "percentage_point":
        return PERCENTAGE_CHANGE_RANGE
    return KIND_RANGES.get(kind, (None, None))


def kind_id(metric_id: str, kind: str, own_kind: str) -> str:
    """The id of ``kind`` of ``metric_id``: the bare id for the metric's own kind, else ``<id>_<kind>``."""
    return metric_id if kind == own_kind else f"{metric_id}_{kind}"
