"""Chinese, Arabic and mixed numerals -> float.

Written by hand rather than with cn2an: ``import cn2an`` costs ~70 ms (it
pulls in proces, PyYAML and importlib.resources) and ``cn2an.cn2an`` rejects
forms reports use (3万4000, 三万五, 廿三). The tests check this module
against ``cn2an.an2cn`` on random numbers, so cn2an stays the oracle.
"""

from __future__ import annotations

import math
import re

from .vocabulary import BIG_MULTIPLIERS, DIGITS, SMALL_MULTIPLIERS, TENS

#: one-to-one character mapping, so offsets in the normalised text stay valid
FULLWIDTH = str.maketrans("０１２３４５６７８９％．－～", "0123456789%.-~")

_FULLWIDTH_CHAR = re.compile("[０-９％．－～]")
_ARABIC_SCALED = re.compile(r"(\d+(?:\.\d+)?)([十百千]?(?:万亿|万|亿)?)")
_ARABIC = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SEPARATOR = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|.", re.S)


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, one character for one."""
    # translate is slow on long texts; most reports have nothing to translate
    return text.translate(FULLWIDTH) if _FULLWIDTH_CHAR.search(text) else text


def parse_number(text: str) -> float | None:
    """Read one numeral ("1,500", "二十三点六亿", "3万4000", "三万五"); None if it is not one."""
    return read_numeral(normalize(text).strip())


def read_numeral(text: str) -> float | None:
    """``parse_number`` for text already normalised and stripped (the extraction path)."""
    sign = -1.0 if text[:1] in ("负", "-") else 1.0
    text = text[1:] if sign < 0 else text
    if not text:
        return None
    scaled = _ARABIC_SCALED.fullmatch(text)  # the usual 5.5亿, 2.8万, 62: no accumulator needed
    if scaled:
        value: float | None = float(scaled[1]) * trailing_scale(scaled[2])
    elif _ARABIC.fullmatch(text):
        value = float(text.replace(",", "").replace("，", ""))
    else:
        value = _parse_chinese(_expand_tens(_SEPARATOR.sub("", text)))
    if value is None or not math.isfinite(value):
        return None
    return sign * value


def has_digit(text: str) -> bool:
    """False for multipliers alone (超亿元 names a category) and a lone 零 (零部件)."""
    return any(ch.isdigit() or DIGITS.get(ch) or ch in TENS for ch in text) or text.startswith("十")


def trailing_scale(text: str) -> float:
    """The product of the multipliers a numeral ends with: 5万 -> 1e4, 3千万 -> 1e7."""
    scale = 1.0
    for ch in reversed(text):
        factor = BIG_MULTIPLIERS.get(ch) or SMALL_MULTIPLIERS.get(ch)
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
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        return _parse_digit_string(text)
    return _Accumulator().read(_TOKEN.findall(text))


def _parse_digit_string(text: str) -> float | None:
    # 二〇二四 is a digit string; 三五 ("three or five") is not a number
    if not any(DIGITS[ch] == 0 for ch in text):
        return None
    return float("".join(str(DIGITS[ch]) for ch in text))


class _Accumulator:
    """Left-to-right reading of 一千二百三十四亿五千六百万零一十二 and friends."""

    def __init__(self) -> None:
        self.total = 0.0  # groups closed by 万 or 亿
        self.section = 0.0  # below 万 in the open group
        self.number: float | None = None
        self.previous = ""  # kind of the previous token
        self.before_number = ""  # kind of the token before the pending number
        self.ceiling = math.inf  # 十百千 must descend inside a group
        self.scale = 1.0  # the last multiplier, for 三万五 = 35000

    def read(self, tokens: list[str]) -> float | None:
        for token in tokens:
            if not self._step(token):
                return None
        return self._finish()

    def _step(self, token: str) -> bool:
        if token[0].isdigit() or (token in DIGITS and DIGITS[token] > 0):
            return self._digit(token)
        if token in DIGITS:  # 零 only marks a gap: 一百零五
            self.previous = "zero"
            return self.number is None
        if token in SMALL_MULTIPLIERS:
            return self._small(SMALL_MULTIPLIERS[token])
        if token in BIG_MULTIPLIERS:
            return self._big(BIG_MULTIPLIERS[token])
        return False

    def _digit(self, token: str) -> bool:
        if self.number is not None:
            return False
        arabic = token[0].isdigit()
        self.number = float(token) if arabic else float(DIGITS[token])
        self.before_number = "arabic" if arabic else self.previous
        self.previous = "digit"
        return True

    def _small(self, factor: int) -> bool:
        if factor >= self.ceiling:
            return False
        self.section += (1.0 if self.number is None else self.number) * factor
        self.ceiling, self.scale, self.number, self.previous = factor, factor, None, "multiplier"
        return True

    def _big(self, factor: int) -> bool:
        group = self.section + (self.number or 0.0)
        if group == 0 and self.total == 0:
            group = 1.0  # a bare 万 or 亿 reads as one of it
        if factor == BIG_MULTIPLIERS["亿"]:
            self.total = (self.total + group) * factor
        else:
            self.total += group * factor
        self.section, self.number, self.ceiling = 0.0, None, math.inf
        self.scale, self.previous = factor, "multiplier"
        return True

    def _finish(self) -> float | None:
        if self.previous == "":
            return None
        number = self.number or 0.0
        if self.before_number == "multiplier":  # colloquial tail: 一百二 = 120
            number *= self.scale / 10
        return self.total + self.section + number
