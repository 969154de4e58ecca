"""One regex match -> one Quantity, or None when the match is not a figure.

The match says what was written; this module decides what it means: value
in base units, unit code, qualifier and bounds, kind and sign. Context rules
that need the text around a match (years, 一 as an article, 亿元以上项目)
live here too, so ``extract`` only walks the matches.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .numerals import has_digit, trailing_scale
from .numerals import read_numeral as parse_number
from .patterns import rank_context_pattern
from .record import PeriodHint, Quantity
from .vocabulary import (
    BIG_MULTIPLIERS,
    CATEGORY_NOUNS,
    DIGITS,
    FALL_VERBS,
    MONEY_UNITS,
    MORE_WORDS,
    NEAR_WORDS,
    PREFIX_QUALIFIERS,
    SHARE_WORDS,
    SMALL_MULTIPLIERS,
    SUFFIX_QUALIFIERS,
    UNIT_WORDS,
)

_SCALES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, **BIG_MULTIPLIERS, **SMALL_MULTIPLIERS}
_FLIP = {"more_than": "less_than", "less_than": "more_than", "at_least": "at_most", "at_most": "at_least"}
_CLAUSE_BREAK = re.compile(r"[，。；：,;:\n!?！？]")
_DURATIONS = frozenset({"year", "month", "day"})


class Core(NamedTuple):
    """What the number and unit say, before qualifiers and verbs."""

    value: float
    upper: float | None  # top of a range
    unit: str
    measure_word: str
    kind: str


def read_match(m: re.Match[str], normal: str, original: str, hints: tuple[PeriodHint, ...]) -> Quantity | None:
    """Interpret a match of ``quantity_pattern`` over ``normal`` (``original`` normalised)."""
    core = _rank(m, normal) if m["rank_mark"] else _flat(m) if m["flat"] else _core(m, normal)
    if core is None:
        return None
    qualifier = _qualifier(m)
    value, lower, upper = _bounds(core, qualifier, m["pre"] in NEAR_WORDS)
    kind = _kind(core, m, normal)
    if m["verb"] in FALL_VERBS:
        value, lower, upper = -value, _neg(upper), _neg(lower)
        qualifier = _FLIP.get(qualifier, qualifier)
    start, end = m.span()
    return Quantity(value, core.unit, core.measure_word, qualifier, lower, upper, kind,
                    start, end, original[start:end], hints)  # fmt: skip


def _neg(bound: float | None) -> float | None:
    return None if bound is None else -bound


def _rank(m: re.Match[str], text: str) -> Core | None:
    value = parse_number(m["rank"])
    if value is None or value < 1 or value != int(value) or not has_digit(m["rank"]):
        return None
    if not m["rank_unit"] and not rank_context_pattern().search(text, max(0, m.start() - 14), m.start()):
        return None
    return Core(value, None, "rank", m["rank_unit"] or "第", "rank")


def _flat(m: re.Match[str]) -> Core:
    """与上年持平: zero growth, reported as 0 percent."""
    return Core(0.0, None, "percent", m["flat"], "growth")


def _core(m: re.Match[str], text: str) -> Core | None:
    if m["den"]:
        return _fraction(m["den"], m["numr"])
    if m["cheng"]:
        tail = DIGITS[m["cheng_tail"]] if m["cheng_tail"] else 0
        return Core(float(parse_number(m["cheng"]) or 0) * 10 + tail, None, "percent", "成", "share")
    if m["fan"]:
        times = parse_number(m["fan_n"]) if m["fan_n"] else 1.0
        ok = times is not None and 0 < times <= 10 and times == int(times)
        return Core(2.0 ** times, None, "times", "番", "multiple") if ok else None  # type: ignore[operator]
    return _plain(m, text)


def _fraction(den_text: str, numr_text: str) -> Core | None:
    den, numr = parse_number(den_text), parse_number(numr_text)
    if not den or numr is None or numr > den:
        return None
    word = f"{den_text}分之" if not has_digit(den_text) else "分之"  # 百分之, 千分之 / 四分之一
    return Core(numr / den * 100, None, "percent", word, "share")


def _plain(m: re.Match[str], text: str) -> Core | None:
    lo_text, hi_text, unit_word = m["lo"], m["hi"], m["unit"]
    unit = UNIT_WORDS.get(unit_word, "count")
    lo, hi = parse_number(lo_text), parse_number(hi_text) if hi_text else None
    if lo is None or (hi_text and hi is None):
        return None
    if not has_digit(lo_text) and not _qualified_round_number(m, text):
        return None
    if _not_a_figure(m, text, unit, lo, lo_text):
        return None
    scale = _SCALES.get(m["scale"] or "", 1.0)
    lo *= scale
    if hi is not None:
        hi *= scale
        inherited = trailing_scale(hi_text)  # 3—5万: the 3 is 3万 too
        if trailing_scale(lo_text) == 1 and lo * inherited <= hi:
            lo *= inherited
        if lo >= hi:
            return None
    written = hi_text or lo_text
    scale_chars = written[len(written.rstrip("十百千万亿")) :] + (m["scale"] or "")
    measure = scale_chars + unit_word if unit in MONEY_UNITS else unit_word
    kind = {"times": "multiple", "percentage_point": "change"}.get(unit, "level")
    return Core(lo, hi, unit, measure, kind)


def _not_a_figure(m: re.Match[str], text: str, unit: str, lo: float, lo_text: str) -> bool:
    """Years, 近三年 / 五年来 (periods), 一个 (an article), 亿元以上项目 (a category)."""
    after = text[m.end() : m.end() + 3]
    if unit == "year" and (_year_like(lo, lo_text) or after[:1] in ("来", "间") or after.startswith("以来")):
        return True
    if unit in _DURATIONS and m["pre"] in NEAR_WORDS:
        return True
    if unit == "count" and lo_text == "一" and not m["hi"]:
        return True
    return m["suf"] in ("以上", "以下") and after.startswith(CATEGORY_NOUNS)


def _qualified_round_number(m: re.Match[str], text: str) -> bool:
    """逾千人, 近万人, 投资超亿元 are figures; 超亿元企业 and a bare 千年 are not."""
    return bool(m["pre"]) and not text.startswith(CATEGORY_NOUNS, m.end())


def _year_like(value: float, written: str) -> bool:
    return value == int(value) and 1000 <= value <= 2999 and len(written) == 4


def _qualifier(m: re.Match[str]) -> str:
    prefix = PREFIX_QUALIFIERS.get(m["pre"] or "", "exact")
    if m["hi"]:
        return "approx" if prefix == "approx" else "at_least"
    if prefix != "exact":
        return prefix
    if m["more"] in MORE_WORDS or m["more2"] in MORE_WORDS:
        return "more_than"
    return SUFFIX_QUALIFIERS.get(m["suf"] or "", "exact")


def _bounds(core: Core, qualifier: str, near: bool) -> tuple[float, float | None, float | None]:
    value = core.value
    if qualifier == "exact":
        return value, value, value
    if qualifier in ("more_than", "at_least"):
        return value, value, core.upper
    if qualifier in ("less_than", "at_most"):
        return value, None, value
    if core.upper is not None:
        return value, value, core.upper
    return value, None, value if near else None


def _kind(core: Core, m: re.Match[str], text: str) -> str:
    if m["verb"] and core.kind in ("level", "share"):
        return "growth" if core.unit == "percent" else "change"
    if core.kind == "level" and core.unit == "percent" and _clause_has(text, m.start(), SHARE_WORDS):
        return "share"
    return core.kind


def _clause_has(text: str, position: int, words: tuple[str, ...]) -> bool:
    window = text[max(0, position - 30) : position]
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(window)]
    clause = window[breaks[-1] :] if breaks else window
    return any(word in clause for word in words)
