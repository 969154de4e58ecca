"""Numerals that are part of a word, not an amount: 一批, 一天, 三位一体, 三番五次.

Decided by the shape of the text, not by a list of phrases: a list only ever
holds the sentences someone has already met. Apart from 一 before a measure
word of counts (一个, 一批: always an article), they apply only to a numeral
and measure word with nothing that marks an amount (a verb, a qualifier,
余/多, a scale): 增长一倍 and 约一天 stay figures. Ranges (一至三年) are
never words.
Names without a measure word (三亚, 万载, 五角大楼, 一带一路, 十字路口, 三峡)
need no rule here: a figure needs a unit or measure word after its number.
"""

from __future__ import annotations

from .vocabulary import DIGITS, NUMERAL_CHARS, ONE_IS_A_FIGURE

#: numerals of one character that start four-character idioms (三头六臂, 十人九慕)
_SINGLE = frozenset(ch for ch, value in DIGITS.items() if value) | {"十", "拾"}
_NUMERALS = frozenset(NUMERAL_CHARS)
#: what may not stand before the other numeral: 第一批三个 is an ordinal and a count
_ORDINAL = _NUMERALS | {"第"}


def numeral_in_a_word(numeral: str, unit: str, marked: bool, start: int, end: int, text: str) -> bool:
    """True when ``numeral`` + measure word at ``text[start:end]`` belongs to a word.

    ``marked``: a verb, qualifier, 余/多 or scale says it is an amount.

    - 一 before a count's measure word is an article (一个, 一批), marked or not;
    - an unmarked lone 一 starts a word (一天, 一块, 一元复始), except before 倍,
      个百分点 and %, where it is the figure one (提高一个百分点), and before a unit
      that starts with 千, where it is 一千 of the base unit (一千米, 一千克);
    - an unmarked single numeral with another single numeral beside it has the
      parallel four-character shape of idioms and slogans (三位|一体, 三年|五载,
      七嘴|八张, 两学|一做).
    """
    if numeral == "一":
        thousand = text[start + 1 : start + 2] == "千"  # the unit's 千 is the numeral's: 一千米
        return unit == "count" or not (marked or thousand or unit in ONE_IS_A_FIGURE)
    return not marked and end - start == 2 and numeral in _SINGLE and _parallel(text, start, end)


def _parallel(text: str, start: int, end: int) -> bool:
    if _numeral_and_letter(text[end : end + 2]):
        return True
    return start >= 2 and _numeral_and_letter(text[start - 2 : start]) and text[start - 3 : start - 2] not in _ORDINAL


def _numeral_and_letter(pair: str) -> bool:
    return len(pair) == 2 and pair[0] in _SINGLE and "\u4e00" <= pair[1] <= "\u9fff" and pair[1] not in _NUMERALS
