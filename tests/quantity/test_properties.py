"""Property tests: numerals round-trip through cn2an, any text is safe to scan."""

from __future__ import annotations

import math

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from county_data.quantity import extract_quantities, parse_quantity
from county_data.quantity.numerals import parse_number

# values are floats, exact for integers up to 2**53 (cn2an.an2cn stops at 16 digits)
integers = st.integers(min_value=0, max_value=2**53)
decimals = st.decimals(min_value=0, max_value=10**8, places=3, allow_nan=False, allow_infinity=False)


@given(integers)
def test_chinese_integers_round_trip(n: int) -> None:
    assert parse_number(cn2an.an2cn(n)) == n


@given(integers)
def test_financial_uppercase_round_trips(n: int) -> None:
    assert parse_number(cn2an.an2cn(n, "up")) == n


@given(decimals)
def test_chinese_decimals_round_trip(d: object) -> None:
    value = float(d)  # type: ignore[arg-type]
    written = cn2an.an2cn(str(d))
    assert math.isclose(parse_number(written), value, rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([",", "，"]))
def test_arabic_thousands_separators(n: int, separator: str) -> None:
    assert parse_number(f"{n:,}".replace(",", separator)) == n


@given(integers)
def test_chinese_counts_extract_with_their_value(n: int) -> None:
    text = f"共有{cn2an.an2cn(n)}家企业"
    found = extract_quantities(text)
    if n <= 1:  # 零 is not a figure and 一家 is an article
        assert found == []
    else:
        assert [(q.value, q.measure_word) for q in found] == [(n, "家")]


def _valid_spans(text: str) -> None:
    found = extract_quantities(text)
    previous_end = 0
    for q in found:
        assert text[q.start : q.end] == q.surface
        assert q.start >= previous_end
        previous_end = q.end


@settings(max_examples=300)
@given(st.text())
def test_any_text_is_safe_and_spans_are_valid(text: str) -> None:
    _valid_spans(text)
    parse_quantity(text)


figure_alphabet = st.sampled_from(
    list(
        '0123456789０１２.,，%％—-至到约超余多以上下万亿千百十一二三四五六七八九零两元家个人第位年成分之番翻增长下降较“”「」" \n。，'
    )
)


@settings(max_examples=300)
@given(st.lists(figure_alphabet, max_size=60).map("".join))
def test_figure_like_text_is_safe_and_spans_are_valid(text: str) -> None:
    _valid_spans(text)
    assert parse_quantity(text) is None or parse_quantity(text).surface == text.strip()  # type: ignore[union-attr]
