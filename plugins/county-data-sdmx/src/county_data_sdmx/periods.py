"""county_data periods to SDMX TIME_PERIOD values and back.

SDMX has no interval of two dates: a time range is a start and an ISO 8601
duration (``2021-01-01/P5Y``). A year stays a year (``2024``). The period
``unknown`` has no SDMX form (``''``), nor has an open interval (``2023/..``,
since 2023 up to a publication date the source does not give: SDMX needs a
duration): the writer leaves those observations out of the message and counts
them on stderr.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from county_data.periods import UNKNOWN, is_dated

_POINT = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_RANGE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")


def to_time_period(period: str) -> str:
    """``2024`` → ``2024``; ``2021/2025`` → ``2021-01-01/P5Y``; ``unknown`` and ``2023/..`` → ``''``."""
    if not has_time_period(period):
        return ""
    if "/" not in period:
        return period
    first, last = period.split("/")
    start, end = _first_day(first), _day_after(last)
    return f"{start.isoformat()}/{_duration(start, end)}"


def has_time_period(period: str) -> bool:
    """Whether ``period`` has an SDMX TIME_PERIOD: both ends known."""
    return is_dated(period)


def from_time_period(value: str) -> str:
    """The inverse of :func:`to_time_period`."""
    if not value:
        return UNKNOWN
    match = _RANGE.match(value)
    if match is None:
        return value
    start = date(*(int(part) for part in match.group(1, 2, 3)))
    years, months, days = (int(part or 0) for part in match.group(4, 5, 6))
    end = _add(start, years, months) + timedelta(days=days) - timedelta(days=1)
    first, last = _compact(start, first=True), _compact(end, first=False)
    if len(first) == 4 and len(last) == 7 and start.year == end.year:
        first = f"{start.year:04d}-{start.month:02d}"  # months of one year (上半年) are written in months
    return f"{first}/{last}"


def _first_day(text: str) -> date:
    year, month, day = _parts(text)
    return date(year, month or 1, day or 1)


def _day_after(text: str) -> date:
    year, month, day = _parts(text)
    if day:
        return date(year, month, day) + timedelta(days=1)
    if month:
        return _add(date(year, month, 1), 0, 1)
    return date(year + 1, 1, 1)


def _parts(text: str) -> tuple[int, int, int]:
    match = _POINT.match(text)
    if match is None:
        raise ValueError(f"period bound must be YYYY, YYYY-MM or YYYY-MM-DD (got {text!r})")
    return tuple(int(part or 0) for part in match.groups())  # type: ignore[return-value]


def _add(start: date, years: int, months: int) -> date:
    total = start.year * 12 + start.month - 1 + years * 12 + months
    return date(total // 12, total % 12 + 1, start.day)


def _duration(start: date, end: date) -> str:
    """The ISO 8601 duration from ``start`` to ``end`` (exclusive), whole years and months first."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if _add(start, 0, months) > end:
        months -= 1
    days = (end - _add(start, 0, months)).days
    years, months = divmod(months, 12)
    text = "".join(f"{n}{unit}" for n, unit in ((years, "Y"), (months, "M"), (days, "D")) if n)
    return "P" + (text or "0D")


def _compact(day: date, *, first: bool) -> str:
    """The shortest of YYYY, YYYY-MM, YYYY-MM-DD that names ``day`` as a first (or last) day."""
    if first and day.month == 1 and day.day == 1:
        return f"{day.year:04d}"
    if not first and day.month == 12 and day.day == 31:
        return f"{day.year:04d}"
    if (first and day.day == 1) or (not first and (day + timedelta(days=1)).day == 1):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
