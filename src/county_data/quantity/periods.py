"""Period hints: the time expressions a figure's sentence gives before it.

A hint is evidence for the curators, not a decision: the reference period of
a figure is whatever the annotation says. Hints are found in one pass over
the text and looked up per figure with bisect, so long texts stay linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from .mirror import Mirror
from .numerals import parse_number
from .patterns import alternation
from .record import PeriodHint
from .vocabulary import PLAN_NUMBERS, RELATIVE_PERIODS

#: how far back (characters) a hint may be from its figure, within the sentence
WINDOW = 120
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
#: a part of a year: 上半年, 下半年, (第)一季度, 前三季度, 1—9月 (months first to last)
YEAR_PART = (
    rf"[上下]半年|前[一二两三2-3]季度|第?[一二三四1-4]季度"
    rf"|{_MONTH}(?:—{{1,2}}|[-–~至到]){_MONTH}月份?"
)
_HALVES = {"上": (1, 6), "下": (7, 12)}
_PART_PARTS = re.compile(rf"(?P<half>[上下])半年|(?P<to>前)?第?(?P<q>\S)季度|(?P<m1>{_MONTH})\D+?(?P<m2>{_MONTH})月")


@cache
def hint_pattern() -> re.Pattern[str]:
    year = r"(?:19|20)\d{2}"
    starts = (
        "较比相与12同上下前第"
        + "".join({word[0] for word in (*PLAN_NUMBERS, *RELATIVE_PERIODS)})
        + "一二两三四五六七八九十0123456789"
    )
    return re.compile(
        rf"(?=[{re.escape(starts)}])"  # a first-character set lets re skip ahead fast
        rf"(?:(?P<base>较|比|相比于?|与)?(?P<y1>{year})年?(?:(?:—{{1,2}}|[-–~至到])(?P<y2>{year}))?年"
        rf"(?:(?P<since>以来)|(?P<ypart>{YEAR_PART}))?"
        rf"|(?P<plan>{alternation(PLAN_NUMBERS)})"
        rf"|(?P<rbase>较|比|与)?(?P<rel>{alternation(RELATIVE_PERIODS)})(?P<rpart>{YEAR_PART})?"
        rf"|(?P<part>{YEAR_PART})"
        rf"|(?P<yoy>同比)"
        rf"|(?P<n>[一二两三四五六七八九十\d]{{1,3}})年(?:来|以来|间))"
    )


def part_months(part: str) -> tuple[int, int]:
    """上半年 -> (1, 6), 一季度 -> (1, 3), 前三季度 -> (1, 9), 1—9月 -> (1, 9)."""
    match = _PART_PARTS.match(part)
    if match is None:
        raise ValueError(f"a part of a year must be one of {YEAR_PART!r} (got {part!r})")
    if match["half"]:
        return _HALVES[match["half"]]
    if match["q"]:
        quarter = int(parse_number(match["q"]) or 0)
        return (1 if match["to"] else 3 * quarter - 2), 3 * quarter
    return int(parse_number(match["m1"]) or 0), int(parse_number(match["m2"]) or 0)


def part_period(part: str, year: str = "") -> str:
    """The months of ``part`` in ``year`` (2024-01/2024-06), or without a year (--01/--06,
    ISO 8601's year-less month) for the period rule to date."""
    first, last = part_months(part)
    return f"{year or '-'}-{first:02d}/{year or '-'}-{last:02d}"


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
        if match["ypart"]:  # a baseline is a year: 较2023年上半年 is left to a person
            return role, "" if match["base"] else part_period(match["ypart"], match["y1"])
        return role, f"{match['y1']}/.." if match["since"] else match["y1"]
    if match["part"]:
        return "reference", part_period(match["part"])
    if match["plan"]:
        return "reference", plan_period(match["plan"])
    if match["rel"]:
        if match["rpart"] and not match["rbase"]:  # 今年上半年: the rule dates it by the relative year
            return "reference", part_period(match["rpart"])
        return ("baseline" if match["rbase"] else "reference"), ""
    if match["yoy"]:
        return "baseline", ""
    years = parse_number(match["n"])
    return "reference", f"P{int(years)}Y" if years else ""


class PeriodIndex:
    """All hint spans of one text, for lookups by position.

    Hints and sentence breaks are only worked out near figures that have a
    hint candidate before them: most positions have none, and a report has
    thousands of sentence ends but few hints.
    """

    def __init__(self, mirror: Mirror) -> None:
        """Hints are found in ``mirror.normal``; their spans and text are the original's."""
        self._mirror = mirror
        self._normal = mirror.normal
        self._matches = list(hint_pattern().finditer(self._normal))
        self._starts = [m.start() for m in self._matches]
        self._hints: dict[int, PeriodHint] = {}  # by match index, built on first use

    def before(self, position: int) -> tuple[PeriodHint, ...]:
        """Hints that end at or before ``position`` in the same sentence."""
        first = bisect_left(self._starts, position - WINDOW)
        last = bisect_right(self._starts, position)
        if first == last:
            return ()
        # a hint belongs to the figure's sentence if no sentence end lies between them
        sentence_start = self._starts[first]
        for end in _SENTENCE_END.finditer(self._normal, sentence_start, position):
            sentence_start = end.end()
        return tuple(
            self._hint(i)
            for i in range(first, last)
            if self._starts[i] >= sentence_start and self._matches[i].end() <= position
        )

    def _hint(self, i: int) -> PeriodHint:
        hint = self._hints.get(i)
        if hint is None:
            m = self._matches[i]
            start, end = self._mirror.original(m.start(), m.end())
            hint = self._hints[i] = PeriodHint(self._mirror.source[start:end], start, end, *_period(m))
        return hint


def hints_in(text: str, start: int, end: int) -> tuple[PeriodHint, ...]:
    """Every hint lying wholly inside ``text[start:end]`` (an opening sentence or paragraph)."""
    from .numerals import normalize

    piece = normalize(text[start:end])  # the piece only: openers are short, texts may be long
    return tuple(
        PeriodHint(text[start + m.start() : start + m.end()], start + m.start(), start + m.end(), *_period(m))
        for m in hint_pattern().finditer(piece)
    )
