"""Mirror text -> the text the patterns read, with a map back to the original offsets.

Mirror sites convert scripts, insert spaces, break lines and glue footnote
markers to figures. One step undoes that:

- one character for one: full-width digits and signs (３６．５ -> 36.5),
  the minus sign (− -> -), traditional characters (億 噸 增長 -> 亿 吨 增长,
  table in ``traditional``);
- deletions: inline pinyin (產(chǎn) -> 产), footnote markers (生产总值[2]61.9亿元,
  8.1%〔3〕), and the spaces or one line break between a number and what follows
  it (318 家, 1.6\\n%), inside a word (億 元) or between a word and its number
  (增长 6.0%). Spaces between two numbers stay: they separate table cells.

``Mirror.original(start, end)`` maps a span of the normal text back; spans of
quantities always index the text the caller passed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

_ONE_FOR_ONE = "０１２３４５６７８９％．－～＋−"
_ASCII = "0123456789%.-~+-"
_PINYIN_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_HAN = r"\u4e00-\u9fff"
#: what a number may be followed by across a space: a unit, a sign, a Chinese word
_AFTER_NUMBER = rf"[{_HAN}%‰℃]"


@cache
def translation() -> dict[int, int]:
    """The one-for-one table, built on first use (it has ~3,000 entries)."""
    from .traditional import SIMPLIFIED, TRADITIONAL

    table = str.maketrans(TRADITIONAL, SIMPLIFIED)
    table.update(str.maketrans(_ONE_FOR_ONE, _ASCII))
    return table


@cache
def _convertible() -> re.Pattern[str]:
    from .traditional import TRADITIONAL

    return re.compile(f"[{re.escape(TRADITIONAL + _ONE_FOR_ONE)}]")


#: below this length one search for anything to do is cheaper than the two scans
_SHORT = 200


@cache
def _anything() -> re.Pattern[str]:
    from .traditional import TRADITIONAL

    return re.compile(f"[{re.escape(TRADITIONAL + _ONE_FOR_ONE)}(\\[〔［ \t\n\u3000\u00a0]")


@cache
def noise_pattern() -> re.Pattern[str]:
    """What normalisation deletes; each alternative is one kind of mirror noise.

    Every alternative starts by consuming one character of a small set and
    checks what stands before it only then (a lookbehind after the first
    character): re then skips ahead to candidates in C, ~3x faster than
    starting with a lookbehind.
    """
    blank = r"[ \t\u3000\u00a0]"
    pinyin = rf"\((?<=[{_HAN}]\()[a-zü]*[{_PINYIN_VOWELS}][a-zü]*\)"
    footnote = r"\[\d{1,2}\]|〔\d{1,2}〕|［\d{1,2}］"
    after_number = (
        rf"\n(?<=[\d%]\n){blank}*(?={_AFTER_NUMBER})"
        rf"|{blank}(?<=[\d%].){blank}*\n?{blank}*(?={_AFTER_NUMBER})"
    )
    inside_word = rf"{blank}(?<=[{_HAN}].){blank}?(?=[{_HAN}\d])|\n(?<=[{_HAN}]\n)(?=[{_HAN}%])"
    return re.compile(f"{pinyin}|{footnote}|{after_number}|{inside_word}")


class Mirror:
    """``normal``: the text to read; ``original(start, end)``: where a span of it came from."""

    __slots__ = ("_kept_original", "_kept_starts", "normal", "source")

    def __init__(self, text: str) -> None:
        self.source = text
        self._kept_starts: list[int] = []  # start of each kept piece in the normal text
        self._kept_original: list[int] = []  # and in the original text
        if len(text) < _SHORT and not _anything().search(text):  # parse_quantity's usual input: one search
            self.normal = text
            return
        converted = text.translate(translation()) if _convertible().search(text) else text
        pieces: list[str] = []
        position = length = 0
        for noise in noise_pattern().finditer(converted):
            self._keep(pieces, converted, position, noise.start(), length)
            length += noise.start() - position
            position = noise.end()
        if not pieces:  # nothing deleted: the commonest case, offsets are the identity
            self.normal = converted
            return
        self._keep(pieces, converted, position, len(converted), length)
        self.normal = "".join(pieces)

    def _keep(self, pieces: list[str], text: str, start: int, end: int, length: int) -> None:
        pieces.append(text[start:end])
        self._kept_starts.append(length)
        self._kept_original.append(start)

    @property
    def identity(self) -> bool:
        """True when every offset of ``normal`` is the same offset in the original."""
        return not self._kept_starts

    def position(self, normal_position: int) -> int:
        """The original offset of the character at ``normal_position``."""
        if not self._kept_starts:
            return normal_position
        i = bisect_right(self._kept_starts, normal_position) - 1
        return self._kept_original[i] + normal_position - self._kept_starts[i]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``normal[start:end]`` (end exclusive, ``start < end``)."""
        return self.position(start), self.position(end - 1) + 1
