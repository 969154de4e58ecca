"""parse_number: every numeral form the reports use, and the ones they must not."""

from __future__ import annotations

import math

import pytest

from county_data.quantity.numerals import has_digit, normalize, parse_number, trailing_scale

NUMERALS = [
    ("0", 0), ("62", 62), ("1,500", 1500), ("1，500", 1500), ("12,345,678", 12345678),
    ("1,234.5", 1234.5), ("93.82", 93.82), ("８０", 80), ("１２．５", 12.5),
    ("零", 0), ("十", 10), ("十五", 15), ("二十", 20), ("二十三", 23), ("一百", 100),
    ("一百零五", 105), ("一百二十", 120), ("一百二", 120), ("三千五", 3500), ("三万五", 35000),
    ("两万三", 23000), ("一亿五", 1.5e8), ("一千零二十", 1020), ("一万零一十", 10010),
    ("十万零一十", 100010), ("两千", 2000), ("两百", 200), ("廿", 20), ("廿三", 23), ("卅五", 35),
    ("二十三点六亿", 2.36e9), ("三点一四", 3.14), ("零点五", 0.5), ("十点零五", 10.05),
    ("一万亿", 1e12), ("两千万亿", 2e15), ("三亿五千万", 3.5e8), ("一亿零五万", 100050000),
    ("一千二百三十四亿五千六百七十八万九千零一十二", 123456789012),
    ("壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰", 123456789012),
    ("壹拾", 10), ("贰拾", 20), ("叁佰", 300), ("玖仟", 9000), ("壹拾万零壹拾", 100010),
    ("3万4000", 34000), ("1.25万", 12500), ("5.5亿", 5.5e8), ("3千万", 3e7), ("2百万", 2e6),
    ("1,500万", 1.5e7), ("二〇二四", 2024), ("负五", -5), ("-3.5", -3.5), ("万", 1e4), ("亿", 1e8),
]  # fmt: skip

NOT_NUMERALS = ["", "  ", "三五", "一两", "十四五", "十十", "百千", "一二", "abc", "点五", "五点", "1.2.3", "，"]


@pytest.mark.parametrize(("text", "value"), NUMERALS, ids=[f"numeral-{i:02d}" for i in range(len(NUMERALS))])
def test_numeral_reads(text: str, value: float) -> None:
    assert math.isclose(parse_number(text), value, rel_tol=1e-12)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", NOT_NUMERALS, ids=[f"not-{i:02d}" for i in range(len(NOT_NUMERALS))])
def test_not_a_numeral(text: str) -> None:
    assert parse_number(text) is None


def test_huge_numbers_are_finite_or_rejected() -> None:
    assert parse_number("9" * 30) == 1e30 - 1 or math.isclose(parse_number("9" * 30), 1e30)  # type: ignore[arg-type]
    assert parse_number("9" * 400) is None
    assert parse_number("一" + "亿" * 50) is None


def test_normalize_keeps_length() -> None:
    text = "增长１６．５％，约～３"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "增长16.5%，约~3"


@pytest.mark.parametrize(
    ("text", "expected"), [("亿", False), ("千万", False), ("零", False), ("十", True), ("三", True), ("3", True)]
)
def test_has_digit(text: str, expected: bool) -> None:
    assert has_digit(text) is expected


@pytest.mark.parametrize(("text", "scale"), [("5", 1), ("5万", 1e4), ("3千万", 1e7), ("二十三点六亿", 1e8)])
def test_trailing_scale(text: str, scale: float) -> None:
    assert trailing_scale(text) == scale
