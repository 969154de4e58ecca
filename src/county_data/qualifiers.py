"""What a qualifier means: the values a figure's wording allows.

The one place that says it; the quantity reader, the tables and the check
that sources agree all ask this module.

- ``exact`` (达93.82%): the number itself.
- ``more_than`` (超80%, 突破200亿元, 140余家): above the number, not including it.
- ``at_least`` (80%以上, 至少3个): the number or above — 以上 includes the number by
  the convention of Chinese statistics.
- ``less_than`` (不足30%) and ``at_most`` (50%以下, 前十名): the mirror images.
- ``approx`` (约30个, 30个左右): within ``APPROX_TOLERANCE`` of the number either way;
  "nearly" (近30个) is approx with the number as its upper bound.

- a doubling (翻番, 翻两番) is ``at_least`` its multiple: "doubled" says the figure
  reached twice its base, not that it stopped there (``DOUBLING_QUALIFIER``).

A decline turns the direction round: 下降超过2% is a change of less than −2%.
"""

from __future__ import annotations

from dataclasses import dataclass

QUALIFIERS: tuple[str, ...] = ("exact", "more_than", "at_least", "approx", "less_than", "at_most")
#: the qualifier of 翻番 / 翻N番: at least 2**N times the base
DOUBLING_QUALIFIER = "at_least"
#: how far from its number an approximate figure may be, as a share of the number
APPROX_TOLERANCE = 0.1
_FLIPPED = {"more_than": "less_than", "less_than": "more_than", "at_least": "at_most", "at_most": "at_least"}
_LOWER_ONLY = frozenset({"more_than", "at_least"})
_UPPER_ONLY = frozenset({"less_than", "at_most"})
_OPEN = frozenset({"more_than", "less_than"})


def flipped(qualifier: str) -> str:
    """The qualifier of the negated figure: more_than 2 becomes less_than −2."""
    return _FLIPPED.get(qualifier, qualifier)


def stated_bounds(
    qualifier: str, value: float, range_upper: float | None = None, nearly: bool = False
) -> tuple[float | None, float | None]:
    """(lower, upper) the words state: 超80% -> (80, None); 3—5万 -> (3万, 5万); 近30 -> (None, 30).

    A bound that is the stated number itself is exclusive for more_than/less_than
    (see :func:`allowed`); ``None`` means the words set no bound on that side.
    """
    if qualifier == "exact":
        return value, value
    if qualifier in _LOWER_ONLY:
        return value, range_upper
    if qualifier in _UPPER_ONLY:
        return None, value
    if range_upper is not None:
        return value, range_upper
    return None, (value if nearly else None)


def bounds_equal_value(qualifier: str) -> tuple[bool, bool]:
    """Whether the (lower, upper) bounds of a figure with ``qualifier`` must equal its value."""
    return qualifier in ("exact", *_LOWER_ONLY), qualifier in ("exact", *_UPPER_ONLY)


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a figure allows; an open end excludes its bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False


def allowed(qualifier: str, value: float, lower: float | None = None, upper: float | None = None) -> Interval:
    """Every value that the wording of a figure allows, given its stated bounds."""
    spread = abs(value) * APPROX_TOLERANCE if qualifier == "approx" else 0.0
    low = lower if lower is not None else (-float("inf") if qualifier in _UPPER_ONLY else value - spread)
    high = upper if upper is not None else (float("inf") if qualifier in _LOWER_ONLY else value + spread)
    low_open = qualifier == "more_than" and low == value
    high_open = qualifier == "less_than" and high == value
    return Interval(low, high, low_open, high_open)


def overlap(first: Interval, second: Interval) -> bool:
    """Whether some value lies in both intervals."""
    low = max(first.low, second.low)
    high = min(first.high, second.high)
    if low < high:
        return True
    if low > high:
        return False
    return not _open_at(first, low) and not _open_at(second, low)


def _open_at(interval: Interval, point: float) -> bool:
    return (interval.low_open and interval.low == point) or (interval.high_open and interval.high == point)
