"""Every figure in running text, in order, without overlaps.

One scan with ``quantity_pattern``; candidates inside a quoted label
(“4050”) are dropped before they are read, and ``reading`` drops the
numerals that are words (一批, 三位一体) by their shape, not by a list.
Never raises on a str: a match that cannot be read is simply not a figure.
Anything else (bytes, None) is refused with ``text-not-str``.
"""

from __future__ import annotations

from bisect import bisect_right

from county_data.errors import Problem, QuantityParseError

from .mirror import Mirror
from .patterns import label_pattern, quantity_pattern
from .periods import PeriodIndex
from .ratios import read_ratio
from .reading import read_match
from .record import Quantity
from .tables import with_table_cells


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text``, sorted by start, spans pointing into ``text``."""
    if not isinstance(text, str):
        raise not_str(text)
    mirror = Mirror(text)
    normal = mirror.normal
    blocked = blocked_spans(normal)
    blocked_starts, blocked_ends = blocked.starts, blocked.ends
    periods = PeriodIndex(mirror)
    found: list[Quantity] = []
    for match in quantity_pattern().finditer(normal):
        start, end = match.span()
        i = bisect_right(blocked_starts, end - 1) - 1  # _Blocked.overlaps, inlined: it runs per candidate
        if i >= 0 and blocked_ends[i] > start:
            continue
        quantity = read_match(match, normal, mirror, periods)
        if quantity is not None:
            found.append(quantity)
        elif match["ratio"]:  # checked only for the few matches that are no single figure
            found.extend(read_ratio(match, normal, mirror, periods))
    return with_table_cells(text, found)


def not_str(text: object) -> QuantityParseError:
    """The error for input that is not text: say how to make it text."""
    kind = type(text).__name__
    fix = (
        "decode it first, e.g. data.decode('utf-8')" if isinstance(text, bytes | bytearray) else "pass the text itself"
    )
    message = f"text must be str (got {kind}); {fix}"
    return QuantityParseError(Problem("text-not-str", message, field="text", found=kind, expected="str"))


def blocked_spans(text: str) -> _Blocked:
    """Where numerals are names, not figures: quoted labels (“4050”员工, 「三县」)."""
    return _Blocked(text)


def may_be_blocked(text: str) -> bool:
    """A cheap first test for short texts: is there any quoted label at all?"""
    return bool(label_pattern().search(text))


class _Blocked:
    """Merged spans of quoted labels, for overlap checks by bisect."""

    def __init__(self, text: str) -> None:
        spans = sorted(m.span(1) for m in label_pattern().finditer(text))
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start
