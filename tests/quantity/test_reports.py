"""The forms of real reports that give several figures or a bare number (cases_reports.py)."""

from __future__ import annotations

import math

import cn2an
import pytest
from cases_reports import BARE_NUMBERS, SEVERAL

from county_data.quantity import extract_quantities, parse_quantity


@pytest.mark.parametrize(("text", "expected"), SEVERAL, ids=[f"several-{i:02d}" for i in range(len(SEVERAL))])
def test_several_figures(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    found = extract_quantities(text)
    assert [(q.surface, q.unit, q.kind) for q in found] == [(s, u, k) for s, _, u, k in expected]
    assert all(math.isclose(q.value, e[1]) for q, e in zip(found, expected, strict=True))
    assert all(text[q.start : q.end] == q.surface for q in found)


@pytest.mark.parametrize(("text", "value"), BARE_NUMBERS, ids=[f"bare-{i:02d}" for i in range(len(BARE_NUMBERS))])
def test_parse_reads_a_number_alone_as_a_number(text: str, value: float) -> None:
    q = parse_quantity(f" {text} ")
    assert q is not None
    assert (q.unit, q.qualifier, q.surface, q.start) == ("number", "exact", text, 1)
    assert math.isclose(q.value, value)


@pytest.mark.parametrize("text", ["二百零三", "二十万零五", "壹仟贰佰", "零点三", "负十五", "两亿三千万"])
def test_bare_numbers_agree_with_cn2an(text: str) -> None:
    q = parse_quantity(text)
    assert q is not None and math.isclose(q.value, float(cn2an.cn2an(text, "smart")))


@pytest.mark.parametrize("text", ["二十万零五", "四万七", "5万2000", "2,340,000", "二百零三"])
def test_extract_returns_no_bare_number_without_context(text: str) -> None:
    assert extract_quantities(f"编号{text}号") == []


@pytest.mark.parametrize("text", ["一亿", "一万", "万一"])
def test_one_and_a_magnitude_is_a_word_in_running_text(text: str) -> None:
    """一亿 in running text is a manner of speaking (一万个理由); alone, parse reads it as a number."""
    assert extract_quantities(text) == []
