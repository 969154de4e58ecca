"""The case table, read by extract_quantities (in context) and parse_quantity (alone)."""

from __future__ import annotations

import math

import pytest
from cases import CASE_IDS, CASES, HELD_OUT_IDIOMS, KNOWN_MISSES, NEGATIVES

from county_data.errors import QuantityParseError
from county_data.quantity import Quantity, extract_quantities, parse_quantity


def _check(q: Quantity, text: str, surface: str, value: float, unit: str, qualifier: str, kind: str) -> None:
    start = text.index(surface)
    assert (q.surface, q.start, q.end) == (surface, start, start + len(surface))
    assert math.isclose(q.value, value, rel_tol=1e-9), (q.value, value)
    assert (q.unit, q.qualifier, q.kind) == (unit, qualifier, kind)


@pytest.mark.parametrize(("text", "surface", "value", "unit", "qualifier", "kind"), CASES, ids=CASE_IDS)
def test_extract_reads_the_case(text: str, surface: str, value: float, unit: str, qualifier: str, kind: str) -> None:
    found = extract_quantities(text)
    assert len(found) == 1, found
    _check(found[0], text, surface, value, unit, qualifier, kind)


#: 第一 is a rank only after 排名/居/列, and a bare 一成 a share only after 占, so they cannot be parsed alone
NEEDS_CONTEXT = ("第一", "第二", "一成")
STANDALONE = [(case, id_) for case, id_ in zip(CASES, CASE_IDS, strict=True) if not case[1].endswith(NEEDS_CONTEXT)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier", "kind"),
    [case for case, _ in STANDALONE],
    ids=[id_ for _, id_ in STANDALONE],
)
def test_parse_reads_the_surface_alone(
    text: str, surface: str, value: float, unit: str, qualifier: str, kind: str
) -> None:
    q = parse_quantity(f" {surface}\n")
    assert q is not None
    assert math.isclose(q.value, value, rel_tol=1e-9) and q.unit == unit
    assert (q.start, q.end) == (1, 1 + len(surface))


@pytest.mark.parametrize("text", NEGATIVES, ids=[f"negative-{i:02d}" for i in range(len(NEGATIVES))])
def test_non_figures_are_not_returned(text: str) -> None:
    assert extract_quantities(text) == []
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(text, expected, marks=pytest.mark.xfail(reason=why, strict=True))
        for text, expected, why in KNOWN_MISSES
    ],
    ids=[f"known-miss-{i}" for i in range(len(KNOWN_MISSES))],
)
def test_known_misses(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(q.surface, q.value) for q in extract_quantities(text)] == expected


def test_idioms_the_word_rules_were_not_written_against() -> None:
    misread = [idiom for idiom in HELD_OUT_IDIOMS if extract_quantities(idiom)]
    assert len(misread) <= 27, misread  # 53 before the rules, 27 after: a regression guard


@pytest.mark.parametrize("text", ["", "   ", "没有数字", "62条和8家", "超", "亿元"])
def test_parse_returns_none_unless_exactly_one_quantity(text: str) -> None:
    assert parse_quantity(text) is None


def test_parse_strict_raises_with_the_text_in_the_message() -> None:
    with pytest.raises(QuantityParseError, match="没有数字"):
        parse_quantity("没有数字", strict=True)


def test_parse_strict_returns_a_quantity_when_it_can() -> None:
    assert parse_quantity("超5.5亿元", strict=True).value == 5.5e8  # type: ignore[union-attr]
