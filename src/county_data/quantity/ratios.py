"""Structure ratios: 三次产业结构为12.4:38.9:48.7 -> three shares of a whole.

A chain of three or four numbers joined by colons is a structure ratio when
they add up to 100 (within rounding) and its sentence names a structure or
proportion before it; clock times (10:30:45) and scores fail one test or
the other. Each part becomes a share in percent with its own span.
"""

from __future__ import annotations

import re

from .mirror import Mirror
from .patterns import RATIO_PART
from .periods import PeriodIndex
from .record import Quantity
from .vocabulary import STRUCTURE_WORDS

#: parts may each be rounded to 0.1: three parts are within 0.15 of 100, allow a little more
_TOLERANCE = 0.5
_PART = re.compile(RATIO_PART)
#: the structure word may be a clause away: 产业比为14.7:30.9:54.4,与上年的15.7:29.6:54.7
_SENTENCE_BREAK = re.compile(r"[。；;\n!?！？]")
_WINDOW = 40


def read_ratio(match: re.Match[str], normal: str, mirror: Mirror, periods: PeriodIndex | None) -> list[Quantity]:
    """The shares of the ``ratio`` group of ``match``, or [] when it is not a structure ratio."""
    start = match.start("ratio")
    parts = list(_PART.finditer(match["ratio"]))
    values = [float(part[0]) for part in parts]
    if abs(sum(values) - 100) > _TOLERANCE or not _names_a_structure(normal, start):
        return []
    hints = () if periods is None else periods.before(start)
    shares = []
    for part, value in zip(parts, values, strict=True):
        s, e = mirror.original(start + part.start(), start + part.end())
        shares.append(Quantity(value, "percent", "", "exact", value, value, "share", s, e, mirror.source[s:e], hints))
    return shares


def _names_a_structure(text: str, position: int) -> bool:
    window = text[max(0, position - _WINDOW) : position]
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(window)]
    sentence = window[breaks[-1] :] if breaks else window
    return any(word in sentence for word in STRUCTURE_WORDS)
