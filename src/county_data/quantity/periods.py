"""Period hints: the time expressions a figure's sentence gives before it.

A hint is evidence for the curators, not a decision: the reference period of
a figure is whatever the annotation says. Hints are found in one pass over
the text and looked up per figure with bisect, so long texts stay linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from .numerals import parse_number
from .patterns import alternation
from .record import PeriodHint
from .vocabulary import PLAN_NUMBERS, RELATIVE_PERIODS

#: how far back (characters) a hint may be from its figure, within the sentence
WINDOW = 120
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


@cache
def hint_pattern() -> re.Pattern[str]:
    year = r"(?:19|20)\d{2}"
    starts = "较比相与12同" + "".join({word[0] for word in (*PLAN_NUMBERS, *RELATIVE_PERIODS)}) + "一二两三四五六七八九十0123456789"
    return re.compile(
        rf"(?=[{re.escape(starts)}])"  # a first-character set lets re skip ahead fast
        rf"(?:(?P<base>较|比|相比于?|与)?(?P<y1>{year})年?(?:(?:—{{1,2}}|[-–~至到])(?P<y2>{year}))?年"
        rf"(?P<since>以来)?"
        rf"|(?P<plan>{alternation(PLAN_NUMBERS)})"
        rf"|(?P<rbase>较|比)?(?P<rel>{alternation(RELATIVE_PERIODS)})"
        rf"|(?P<yoy>同比)"
        rf"|(?P<n>[一二两三四五六七八九十\d]{{1,3}})年(?:来|以来|间))"
    )


def plan_period(name: str) -> str:
    """十四五 -> "2021/2025": the 3rd plan began in 1966, each lasts five years."""
    first = 1966 + 5 * (PLAN_NUMBERS[name] - 3)
    return f"{first}/{first + 4}"


def _period(match: re.Match[str]) -> tuple[str, str]:
    """(role, period) of one hint match."""
    if match["y1"]:
        role = "baseline" if match["base"] else "reference"
        if match["y2"]:
            return role, f"{match['y1']}/{match['y2']}"
        return role, f"{match['y1']}/.." if match["since"] else match["y1"]
    if match["plan"]:
        return "reference", plan_period(match["plan"])
    if match["rel"]:
        return ("baseline" if match["rbase"] else "reference"), ""
    if match["yoy"]:
        return "baseline", ""
    years = parse_number(match["n"])
    return "reference", f"P{int(years)}Y" if years else ""


class PeriodIndex:
    """All hints and sentence ends of one text, for lookups by position."""

    def __init__(self, text: str, normal: str | None = None) -> None:
        """``normal`` is ``text`` normalised (same length); hints quote ``text``."""
        normal = text if normal is None else normal
        self.hints = [
            PeriodHint(text[m.start() : m.end()], m.start(), m.end(), *_period(m))
            for m in hint_pattern().finditer(normal)
        ]
        self._starts = [hint.start for hint in self.hints]
        self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(normal)]

    def before(self, position: int) -> tuple[PeriodHint, ...]:
        """Hints that end at or before ``position`` in the same sentence."""
        ends = self._sentence_ends
        sentence_start = ends[bisect_right(ends, position) - 1] if ends and ends[0] <= position else 0
        first = bisect_left(self._starts, max(sentence_start, position - WINDOW))
        last = bisect_right(self._starts, position)
        return tuple(h for h in self.hints[first:last] if h.end <= position)
