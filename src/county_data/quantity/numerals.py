"""Chinese, Arabic and mixed numerals -> float.

Written by hand rather than with cn2an: ``import cn2an`` costs ~70 ms (it
pulls in proces, PyYAML and importlib.resources) and ``cn2an.cn2an`` rejects
forms reports use (3万4000, 三万五, 廿三). The tests check this module
against ``cn2an.an2cn`` on random numbers, so cn2an stays the oracle.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from .vocabulary import BIG_MULTIPLIERS, DIGITS, SMALL_MULTIPLIERS, TENS

#: one-to-one character mapping, so offsets in the normalised text stay valid
FULLWIDTH = str.maketrans("０１２３４５６７８９％．－～", "0123456789%.-~")

_FULLWIDTH_CHAR = re.compile("[０-９％．－～]")
_ARABIC = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SEPARATOR = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|.", re.S)
_ANY_DIGIT = re.compile(r"\d")
_DIGIT_CHARS = "".join(DIGITS)
_YI = BIG_MULTIPLIERS["亿"]
_TENS_CHARS = frozenset(TENS)
# plain dicts: a lookup in a MappingProxyType costs several times more, per character
_DIGIT = dict(DIGITS)
_SMALL = dict(SMALL_MULTIPLIERS)
_BIG = dict(BIG_MULTIPLIERS)
_MULTIPLIER = {**BIG_MULTIPLIERS, **SMALL_MULTIPLIERS}
_SIGNS = frozenset(("负", "-"))


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, one character for one."""
    # translate is slow on long texts; most reports have nothing to translate
    return text.translate(FULLWIDTH) if _FULLWIDTH_CHAR.search(text) else text


def parse_number(text: str) -> float | None:
    """Read one numeral ("1,500", "二十三点六亿", "3万4000", "三万五"); None if it is not one."""
    return read_numeral(normalize(text).strip())


def read_numeral(text: str) -> float | None:
    """``parse_number`` for text already normalised and stripped (the extraction path)."""
    sign = 1.0
    if text[:1] in _SIGNS:
        sign, text = -1.0, text[1:]
    elif text.startswith("零下"):  # below zero: 零下5 is -5
        sign, text = -1.0, text[2:]
    if not text:
        return None
    if text.isdecimal():  # the commonest numeral, 62 or 2024; isdecimal is exactly re's \d
        value: float | None = float(text)
    elif text[0].isdecimal():
        value = _read_arabic(text)
    else:
        value = _read_chinese(text)
    if value is None or not math.isfinite(value):
        return None
    return sign * value


def _read_arabic(text: str) -> float | None:
    # the usual 5.5亿, 2.8万: a decimal and a tail in _ARABIC_SCALES, checked without a regex
    head = text.rstrip("十百千万亿")
    scale = _ARABIC_SCALES.get(text[len(head) :])
    if scale is not None and _is_decimal(head):
        return float(head) * scale
    if _ARABIC.fullmatch(text):
        return float(text.replace(",", "").replace("，", ""))
    return _read_chinese(text)


def _is_decimal(text: str) -> bool:
    r"""``\d+(?:\.\d+)?`` (str.isdecimal is exactly re's \d)."""
    whole, dot, fraction = text.partition(".")
    return whole.isdecimal() and (not dot or fraction.isdecimal())


def _read_chinese(text: str) -> float | None:
    if "," in text or "，" in text:
        text = _SEPARATOR.sub("", text)
    if not _TENS_CHARS.isdisjoint(text):
        text = _expand_tens(text)
    return _parse_integer(text) if "点" not in text else _parse_chinese(text)


def has_digit(text: str) -> bool:
    """False for multipliers alone (超亿元 names a category) and a lone 零 (零部件)."""
    first = text[:1]
    if first.isdigit() or _DIGIT.get(first) or first in _TENS_CHARS:  # the usual figure, without the loop
        return True
    return any(ch.isdigit() or _DIGIT.get(ch) or ch in _TENS_CHARS for ch in text) or text.startswith("十")


def trailing_scale(text: str) -> float:
    """The product of the multipliers a numeral ends with: 5万 -> 1e4, 3千万 -> 1e7."""
    scale = 1.0
    for ch in reversed(text):
        factor = _MULTIPLIER.get(ch)
        if factor is None:
            break
        scale *= factor
    return scale


def _expand_tens(text: str) -> str:
    for short, long in TENS.items():
        text = text.replace(short, long)
    return text


def _parse_chinese(text: str) -> float | None:
    whole, dot, fraction = text.partition("点")
    if not dot:
        return _parse_integer(whole)
    digits = fraction.rstrip("".join(BIG_MULTIPLIERS) + "".join(SMALL_MULTIPLIERS))
    scale = trailing_scale(fraction) if len(digits) < len(fraction) else 1.0
    head = _parse_integer(whole) if whole else None
    if head is None or not digits or any(ch not in DIGITS for ch in digits):
        return None
    return (head + float("0." + "".join(str(DIGITS[ch]) for ch in digits))) * scale


def _parse_integer(text: str) -> float | None:
    if len(text) > 1 and not text.strip(_DIGIT_CHARS):
        return _parse_digit_string(text)
    # without Arabic digits every character is a token: skip the tokenizer
    return _accumulate(_TOKEN.findall(text) if _ANY_DIGIT.search(text) else text)


def _parse_digit_string(text: str) -> float | None:
    # 二〇二四 is a digit string; 三五 ("three or five") is not a number
    if not any(DIGITS[ch] == 0 for ch in text):
        return None
    return float("".join(str(DIGITS[ch]) for ch in text))


def _accumulate(tokens: Iterable[str]) -> float | None:
    """Left-to-right reading of 一千二百三十四亿五千六百万零一十二 and friends.

    One function with local state rather than an object: it runs for every
    Chinese numeral, and attribute access would double its cost.
    """
    total = 0.0  # groups closed by 万 or 亿
    section = 0.0  # below 万 in the open group
    number: float | None = None
    previous = ""  # kind of the previous token
    before_number = ""  # kind of the token before the pending number
    ceiling = math.inf  # 十百千 must descend inside a group
    scale = 1.0  # the last multiplier, for 三万五 = 35000
    for token in tokens:
        digit = _DIGIT.get(token)
        if digit:  # no key of DIGITS is an Arabic digit, so this test may come first
            if number is not None:
                return None
            number, before_number, previous = float(digit), previous, "digit"
        elif digit is not None:  # 零 only marks a gap: 一百零五
            if number is not None:
                return None
            previous = "zero"
        elif token[0].isdecimal():  # not isdigit: ² is a digit float() cannot read
            if number is not None:
                return None
            number, before_number, previous = float(token), "arabic", "digit"
        elif token in _SMALL:
            factor = _SMALL[token]
            if factor >= ceiling:
                return None
            section += (1.0 if number is None else number) * factor
            ceiling, scale, number, previous = factor, factor, None, "multiplier"
        elif token in _BIG:
            factor = _BIG[token]
            group = section + (number or 0.0)
            if group == 0 and total == 0:
                group = 1.0  # a bare 万 or 亿 reads as one of it
            total = (total + group) * factor if factor == _YI else total + group * factor
            section, number, ceiling, scale, previous = 0.0, None, math.inf, factor, "multiplier"
        else:
            return None
    if previous == "":
        return None
    tail = number or 0.0
    if before_number == "multiplier":  # colloquial tail: 一百二 = 120
        tail *= scale / 10
    return total + section + tail


#: the multiplier tails an Arabic number may end with, ``[十百千]?(?:万亿|万|亿)?``, -> their scale
_ARABIC_SCALES = {
    small + big: trailing_scale(small + big) for small in ("", "十", "百", "千") for big in ("", "万亿", "万", "亿")
}
