"""One regex match -> one Quantity, or None when the match is not a figure.

The match says what was written; this module decides what it means: value
in base units, unit code, qualifier and bounds, kind and sign. Context rules
that need the text around a match (years, 一 as an article, 亿元以上项目)
live here too, so ``extract`` only walks the matches.
"""

from __future__ import annotations

import re

from county_data.qualifiers import DOUBLING_QUALIFIER, flipped, stated_bounds

from .mirror import Mirror
from .numerals import has_digit, trailing_scale
from .numerals import read_numeral as parse_number
from .patterns import rank_context_pattern
from .periods import PeriodIndex
from .record import Quantity
from .vocabulary import (
    BIG_MULTIPLIERS,
    CATEGORY_NOUNS,
    DIGITS,
    FALL_VERBS,
    INNER_MORE_UNITS,
    MONEY_UNITS,
    MORE_WORDS,
    NEAR_WORDS,
    ORDINAL_NOUNS,
    PREFIX_QUALIFIERS,
    SHARE_WORDS,
    SMALL_MULTIPLIERS,
    STREAK_WORDS,
    SUFFIX_QUALIFIERS,
    UNIT_WORDS,
)
from .words import numeral_in_a_word

_SCALES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, **BIG_MULTIPLIERS, **SMALL_MULTIPLIERS}
#: 1%人口抽样调查, 5‰人口变动抽样调查: a survey named by its sampling fraction
_SAMPLE_SURVEY = re.compile(r"[^，。；：,;:\n]{0,8}抽样调查")
_SAMPLE_RATES = frozenset({"percent", "per_mille"})
_ONE = frozenset("一壹")
_RATE_DENOMINATORS = {"千": "per_mille", "万": "per_ten_thousand"}
_CLAUSE_BREAK = re.compile(r"[，。；：,;:\n!?！？]")
_DURATIONS = frozenset({"year", "month", "day"})
_UNIT_KINDS = {"times": "multiple", "percentage_point": "change"}
# plain copies of the vocabulary for the per-match lookups: MappingProxyType and tuple
# lookups cost several times more, and this code runs for every candidate figure
_UNITS = dict(UNIT_WORDS)
_PREFIXES = dict(PREFIX_QUALIFIERS)
_SUFFIXES = dict(SUFFIX_QUALIFIERS)
_FALLS = frozenset(FALL_VERBS)

#: the groups a plain figure is read from, in the order ``read_plain`` unpacks them
PLAIN_GROUPS = ("verb", "pre", "lo", "hi", "more", "scale", "more2", "unit", "suf")
#: the text of PLAIN_GROUPS, None where a group did not take part
Written = tuple["str | None", ...]
#: what the number and unit say, before qualifiers and verbs: (value, upper, unit, measure word, kind)
Core = tuple[float, "float | None", str, str, str]


def read_match(m: re.Match[str], normal: str, mirror: Mirror, periods: PeriodIndex | None) -> Quantity | None:
    """Interpret a match of ``quantity_pattern`` over ``normal`` (``mirror.normal``).

    Period hints come from ``periods`` (none without it), looked up only for a figure.
    """
    written = m.group(*PLAIN_GROUPS)
    if written[2] is not None:  # a number and a unit: most figures
        cents = _cents(m["jiao"], m["fen"]) if m["jiao"] else 0.0
        return read_plain(written, m.start(), m.end(), normal, mirror, periods, cents)
    if m["top"]:  # 前十名: among the first ten
        top = _top(m)
        if top is None:
            return None
        return _quantity(top, written, m.start(), m.end(), normal, mirror, periods, qualifier="at_most")
    core = _rank(m, normal) if m["rank_mark"] else _flat(m) if m["flat"] else _special(m, normal)
    if core is None:
        return None
    qualifier = "approx" if m["flat_about"] else DOUBLING_QUALIFIER if m["fan"] else None  # 基本持平; 翻番
    return _quantity(core, written, m.start(), m.end(), normal, mirror, periods, qualifier=qualifier)


def read_plain(
    written: Written,
    start: int,
    end: int,
    normal: str,
    mirror: Mirror,
    periods: PeriodIndex | None,
    cents: float = 0.0,
) -> Quantity | None:
    """A number and a unit, as ``PLAIN_GROUPS`` found them at ``normal[start:end]``.

    ``cents``: the 角 and 分 written after 元 or 块 (十二元五角六分), in yuan.
    """
    unit_word = written[7] or ""
    if unit_word in INNER_MORE_UNITS:  # 3个多月 reads as 3多个月
        written = (*written[:6], unit_word[1], INNER_MORE_UNITS[unit_word], written[8])
    core = _plain(written, start, end, normal)
    if cents and core is not None:
        if core[2] != "CNY" or core[1] is not None:
            return None
        core = (core[0] + cents, *core[1:])
    return None if core is None else _quantity(core, written, start, end, normal, mirror, periods)


def _quantity(
    core: Core,
    written: Written,
    start: int,
    end: int,
    text: str,
    mirror: Mirror,
    periods: PeriodIndex | None,
    qualifier: str | None = None,
) -> Quantity:
    """The Quantity of ``core``; ``qualifier``, when given, overrides what ``written`` implies."""
    verb, pre, _, hi, more, _, more2, _, suf = written
    qualifier = qualifier or _qualifier(pre, hi, more, more2, suf)
    value, lower, upper = _bounds(core, qualifier, pre in NEAR_WORDS)
    kind = _kind(core, verb, text, start)
    if verb in _FALLS:
        value, lower, upper = -value, _neg(upper), _neg(lower)
        qualifier = flipped(qualifier)
    hints = () if periods is None else periods.before(start)
    start, end = mirror.original(start, end)
    return Quantity(value, core[2], core[3], qualifier, lower, upper, kind,
                    start, end, mirror.source[start:end], hints)  # fmt: skip


def _cents(jiao: str, fen: str | None) -> float:
    """五角六分 -> 0.56 yuan; 八毛五 -> 0.85 (a bare digit after 毛 is 分)."""
    tenths = parse_number(jiao) or 0.0
    hundredths = (parse_number(fen) or 0.0) if fen else 0.0
    return round(tenths / 10 + hundredths / 100, 2)


def _neg(bound: float | None) -> float | None:
    return None if bound is None else -bound


def _rank(m: re.Match[str], text: str) -> Core | None:
    value = _rank_number(m["rank"])
    if value is None:
        return None
    if not m["rank_unit"]:
        # 全州第一 is a rank; 第一产业, 第一方阵, 第一批 are ordinals of the word after them
        if _is_han(text[m.end() : m.end() + 1]):
            return None
        if not rank_context_pattern().search(text, max(0, m.start() - 14), m.start()):
            return None
    return value, None, "rank", m["rank_unit"] or "第", "rank"


def _top(m: re.Match[str]) -> Core | None:
    value = _rank_number(m["top_n"])
    return None if value is None else (value, None, "rank", m["top_unit"], "rank")


def _rank_number(written: str) -> float | None:
    """A whole number from 1 up, with a digit in it (第万 is no rank)."""
    value = parse_number(written)
    if value is None or value < 1 or value != int(value) or not has_digit(written):
        return None
    return value


def _flat(m: re.Match[str]) -> Core:
    """与上年持平: zero growth, reported as 0 percent."""
    return 0.0, None, "percent", m["flat"], "growth"


def _special(m: re.Match[str], text: str) -> Core | None:
    """Fractions (四分之一), tenths (三成) and doublings (翻一番)."""
    if m["den"]:
        return _fraction(m["den"], m["numr"])
    if m["cheng"]:
        if _bare_one_tenth(m, text):
            return None
        tail = DIGITS[m["cheng_tail"]] if m["cheng_tail"] else 0
        return float(parse_number(m["cheng"]) or 0) * 10 + tail, None, "percent", "成", "share"
    if m["fan"]:
        times = parse_number(m["fan_n"]) if m["fan_n"] else 1.0
        ok = times is not None and 0 < times <= 10 and times == int(times)
        return (2.0**times, None, "times", "番", "multiple") if ok else None  # type: ignore[operator]
    return None


def _bare_one_tenth(m: re.Match[str], text: str) -> bool:
    """一成不变: a bare 一成 is a share only where the clause names a part of a whole (仅占一成)."""
    if m["cheng"] != "一" or m["cheng_tail"] or m["verb"] or m["pre"] or m["suf"]:
        return False
    return not _clause_has(text, m.start(), SHARE_WORDS)


def _fraction(den_text: str, numr_text: str) -> Core | None:
    den, numr = parse_number(den_text), parse_number(numr_text)
    if not den or numr is None or numr > den:
        return None
    word = f"{den_text}分之" if not has_digit(den_text) else "分之"  # 百分之, 千分之 / 四分之一
    if den_text in _RATE_DENOMINATORS:  # 千分之五 is 5‰, a rate like ‰ itself
        return numr, None, _RATE_DENOMINATORS[den_text], word, "level"
    return numr / den * 100, None, "percent", word, "share"


def _plain(written: Written, start: int, end: int, text: str) -> Core | None:
    verb, pre, lo_group, hi_text, more, scale_word, more2, unit_group, suf = written
    lo_text, unit_word = lo_group or "", unit_group or ""  # both always take part here
    unit = _UNITS.get(unit_word, "count") if unit_group is not None else "number"
    lo, hi = parse_number(lo_text), parse_number(hi_text) if hi_text else None
    if lo is None or (hi_text and hi is None):
        return None
    if not has_digit(lo_text) and not _qualified_round_number(pre, text, end):
        return None
    if _not_a_figure(unit, pre, hi_text, suf, lo, lo_text, text, start, end):
        return None
    if unit == "number" and not _bare_magnitude(verb, pre, hi_text or lo_text):
        return None
    if unit_word == "次" and not lo_text[:1].isdecimal() and text.startswith(ORDINAL_NOUNS, end):
        return None  # 三次产业, 六次会议: an ordinal in a name, not a count
    marked = bool(verb or pre or more or scale_word or more2 or suf)
    if not hi_text and numeral_in_a_word(lo_text, unit, marked, start, end, text):
        return None
    if scale_word:
        lo *= _SCALES[scale_word]
        hi = None if hi is None else hi * _SCALES[scale_word]
    if hi_text and hi is not None:
        inherited = trailing_scale(hi_text)  # 3—5万: the 3 is 3万 too
        if trailing_scale(lo_text) == 1 and lo * inherited <= hi:
            lo *= inherited
        if lo >= hi:
            return None
    measure = unit_word
    if unit == "number":  # 13.6亿: keep the magnitude as written
        number = hi_text or lo_text
        measure = number[len(number.rstrip("十百千万亿")) :] + (scale_word or "")
    if unit in MONEY_UNITS:  # money keeps its scale: 亿元, 万美元
        number = hi_text or lo_text
        measure = number[len(number.rstrip("十百千万亿")) :] + (scale_word or "") + unit_word
    return lo, hi, unit, measure, _UNIT_KINDS.get(unit, "level")


def _bare_magnitude(verb: str | None, pre: str | None, number: str) -> bool:
    """8.7万, 四百万: a number with 万/亿 and no unit is a figure; 十万火急 and 一亿 alone are words."""
    if number[:1].isdecimal() or verb or pre:
        return True
    digits = [ch for ch in number if ch in DIGITS]
    return bool(digits) and not (len(number) == 2 and number[0] in _ONE)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _not_a_figure(
    unit: str,
    pre: str | None,
    hi_text: str | None,
    suf: str | None,
    lo: float,
    lo_text: str,
    text: str,
    start: int,
    end: int,
) -> bool:
    """Years, 近三年 / 五年来 (periods), 亿元以上项目 (a category), 5‰人口抽样调查 (a survey's name)."""
    if unit in _SAMPLE_RATES and _SAMPLE_SURVEY.match(text, end):
        return True
    if unit == "year":
        after = text[end : end + 3]
        if _year_like(lo, lo_text) or after[:1] in ("来", "间") or after.startswith("以来"):
            return True
    if unit in _DURATIONS and pre in NEAR_WORDS:
        return True
    if unit in _DURATIONS and not lo_text[:1].isdecimal() and text[max(0, start - 4) : start].endswith(STREAK_WORDS):
        return True  # 连续三年: a streak in words (GB/T 15835 writes measured figures in digits)
    return suf in ("以上", "以下") and text.startswith(CATEGORY_NOUNS, end)


def _qualified_round_number(pre: str | None, text: str, end: int) -> bool:
    """逾千人, 近万人, 投资超亿元 are figures; 超亿元企业 and a bare 千年 are not."""
    return bool(pre) and not text.startswith(CATEGORY_NOUNS, end)


def _year_like(value: float, written: str) -> bool:
    return value == int(value) and 1000 <= value <= 2999 and len(written) == 4


def _qualifier(pre: str | None, hi: str | None, more: str | None, more2: str | None, suf: str | None) -> str:
    prefix = _PREFIXES.get(pre or "", "exact")
    if hi:
        return "approx" if prefix == "approx" else "at_least"
    if prefix != "exact":
        return prefix
    if more in MORE_WORDS or more2 in MORE_WORDS:
        return "more_than"
    return _SUFFIXES.get(suf or "", "exact")


def _bounds(core: Core, qualifier: str, near: bool) -> tuple[float, float | None, float | None]:
    return (core[0], *stated_bounds(qualifier, core[0], core[1], near))


def _kind(core: Core, verb: str | None, text: str, start: int) -> str:
    kind, unit = core[4], core[2]
    if verb and kind in ("level", "share"):
        return "growth" if unit == "percent" else "change"
    if kind == "level" and unit == "percent" and _clause_has(text, start, SHARE_WORDS):
        return "share"
    return kind


def _clause_has(text: str, position: int, words: tuple[str, ...]) -> bool:
    window = text[max(0, position - 30) : position]
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(window)]
    clause = window[breaks[-1] :] if breaks else window
    return any(word in clause for word in words)
