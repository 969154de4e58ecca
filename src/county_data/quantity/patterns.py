"""The regular expressions, assembled once from ``vocabulary`` on first use.

Compiling them lazily keeps ``import county_data.quantity`` cheap. Every
pattern is a flat alternation without nested quantifiers, so a scan is
linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .vocabulary import (
    COUNT_WORDS,
    DIGITS,
    FALL_VERBS,
    FEN_WORD,
    INNER_MORE_UNITS,
    JIAO_WORDS,
    MULTIPLIER_CHARS,
    NOT_BEFORE_TOP,
    NUMERAL_CHARS,
    PREFIX_QUALIFIERS,
    RANK_CONTEXT,
    RISE_VERBS,
    SIGN_WORDS,
    SUFFIX_QUALIFIERS,
    TOP_MARK,
    UNIT_WORDS,
)


def alternation(words: Iterable[str]) -> str:
    """Longest first, so 个百分点 wins over 个 and 超过 over 超."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


#: after a multiplier: 千 is no multiplier before the units 千米 and 千克 (5千米 is 5 km, not 5000 m)
NOT_THOUSAND_OF_UNIT = r"(?!(?<=千)[米克])"


def _number() -> str:
    arabic = r"(?:\d{1,3}(?:[,，]\d{3})+(?!\d)|\d+)(?:\.\d+)?"
    guard = NOT_THOUSAND_OF_UNIT
    mixed = rf"(?<![\dA-Za-z.]){arabic}(?:[{MULTIPLIER_CHARS}]+{guard}(?:\d+(?![\d.]))?)?"
    digits = "".join(DIGITS)
    chinese = (
        rf"(?<![{NUMERAL_CHARS}])[{NUMERAL_CHARS}]+{guard}"
        rf"(?:点[{digits}]+[{MULTIPLIER_CHARS}]*{guard})?"
    )
    return f"(?:{mixed}|{chinese})"


def _units() -> str:
    return alternation([*UNIT_WORDS, *INNER_MORE_UNITS, *COUNT_WORDS])


def _prefix() -> str:
    return alternation(PREFIX_QUALIFIERS)


def _suffix() -> str:
    return alternation(SUFFIX_QUALIFIERS).replace("上下", "上下(?![游级班])")


def _general() -> str:
    number = _number()
    units = _units()
    digits = "".join(d for d, value in DIGITS.items() if value)
    fraction = rf"(?P<den>{number})分之(?P<numr>{number})"
    cheng = r"(?P<cheng>(?<![\d.])\d|[一二两三四五六七八九])成(?P<cheng_tail>[一二三四五六七八九](?![成十百千万亿]))?"
    fan = r"(?P<fan>翻了?(?P<fan_n>[一二两三四五六七八九十\d]*)番)"
    sign = rf"(?:(?<![\dA-Za-z.%])-|{alternation(w for w in SIGN_WORDS if w != '-')})"
    jiao = alternation(JIAO_WORDS)
    cents = rf"(?:(?<=[元块])(?P<jiao>\d|[{digits}])(?:{jiao})(?:(?P<fen>\d|[{digits}]){FEN_WORD}?)?)?"
    plain = (
        rf"(?P<lo>{sign}?{number})(?:(?P<lo_unit>%)?(?P<sep>—{{1,2}}|[-–~至到])(?P<hi>{number}))?"
        rf"(?P<more>[余多])?(?:(?P<scale>万亿|千万|百万|[十百千万亿]){NOT_THOUSAND_OF_UNIT})?(?P<more2>[余多])?"
        # no unit after 万 or 亿 (出口额13.6亿, 8.7万): a bare magnitude, read as a plain number
        rf"(?:(?P<unit>{units}){cents}|(?<=[万亿])(?P<bare>)(?![\d.{NUMERAL_CHARS}]))"
    )
    verb = alternation([*RISE_VERBS, *FALL_VERBS])
    return (
        rf"(?:(?P<verb>{verb})了?)?(?P<pre>{_prefix()})?"
        rf"(?:{fraction}|{cheng}|{fan}|{plain})(?P<suf>{_suffix()})?"
    )


#: a part of a colon ratio: full-width dots too, for text as written (the reader's is normalised)
RATIO_PART = r"\d+(?:[.．]\d+)?"
#: a structure ratio as the reader takes it: three or four parts joined by colons, not inside a longer chain
RATIO = rf"(?<![\d.．:：])(?P<ratio>{RATIO_PART}(?:[:：]{RATIO_PART}){{2,3}})(?![\d.．:：])"


@cache
def quantity_pattern() -> re.Pattern[str]:
    """Every candidate figure; ``extract`` decides which candidates are figures."""
    rank = rf"(?P<rank_mark>第)(?P<rank>{_number()})(?P<rank_unit>位|名)?"
    top = rf"(?<![{NOT_BEFORE_TOP}])(?P<top>{TOP_MARK})(?P<top_n>{_number()})(?P<top_unit>位|名|强)"
    flat = r"(?<!保)(?P<flat>(?P<flat_about>基本)?持平)"  # 保持平稳 is a verb, not 持平
    return re.compile(f"{first_chars()}(?:{rank}|{top}|{flat}|{_general()}|{RATIO})")


@cache
def simple_pattern() -> re.Pattern[str]:
    """The commonest whole expression, 超5.5亿元 or 约三千五百元: qualifier, number, unit.

    A sub-language of ``quantity_pattern``: a text this fullmatches, that one
    fullmatches with the same pre, lo, unit and suf and no other group, so
    ``parse_quantity`` may read it without the general pattern (which costs
    twice as much to run). ``tests/quantity/test_fast_path.py`` checks this.
    """
    return re.compile(rf"{first_chars()}({_prefix()})?({_number()})({_units()})({_suffix()})?")


def first_chars() -> str:
    """Lookaheads: every character a match can start with, and a number close by.

    re only skips ahead quickly when a pattern starts with a character set;
    the first lookahead gives it one and makes the scan ~7x faster. Common
    words start like verbs and qualifiers (上, 下, 不, 大, 高); the second
    drops them unless a number or 翻 follows within verb + 了 + qualifier
    (another ~15% off the scan).
    """
    direct = set("第基持翻0123456789" + NUMERAL_CHARS + "".join(w[0] for w in SIGN_WORDS))
    starts = direct | {word[0] for word in (*RISE_VERBS, *FALL_VERBS, *PREFIX_QUALIFIERS, TOP_MARK)}
    lead = max(map(len, (*RISE_VERBS, *FALL_VERBS))) + len("了") + max(map(len, PREFIX_QUALIFIERS))
    # \d, not 0-9: after a qualifier a number may be written in any script's digits (超٣件)
    direct_set = r"\d" + re.escape("".join(sorted(direct)))
    return f"(?=[{re.escape(''.join(sorted(starts)))}])(?=[{direct_set}]|.{{1,{lead}}}[{direct_set}])"


@cache
def label_pattern() -> re.Pattern[str]:
    """A short quoted label: “4050”, “五县”, 「十佳」 — numerals inside are names."""
    return re.compile(r"[“「『\"]([^“”「」『』\"\n，。；！？,]{1,12})[”」』\"]")


@cache
def rank_context_pattern() -> re.Pattern[str]:
    """排名全省|第一: a rank word shortly before 第, with no clause break between."""
    return re.compile(rf"(?:{alternation(RANK_CONTEXT)})[^，。；、,;]{{0,10}}$")
