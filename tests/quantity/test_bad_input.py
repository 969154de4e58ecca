"""Inputs a scanner meets in the wild: nothing here may raise."""

from __future__ import annotations

import pytest

from county_data.quantity import Quantity, extract_quantities, parse_quantity


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "没有数字的文字",
        bytes(range(256)).decode("latin-1"),
        "“未闭合的引号 62条",
        "「4050",
        '"“”"',
        "\x00" * 100,
    ],
    ids=["empty", "newlines", "no-numbers", "binary-junk", "open-quote", "open-bracket", "quotes-only", "nul"],
)
def test_odd_text_does_not_raise(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.surface
    assert parse_quantity(text) is None or isinstance(parse_quantity(text), Quantity)


def test_unbalanced_quote_does_not_hide_later_figures() -> None:
    assert [q.surface for q in extract_quantities("“未闭合的引号，建成62条")] == ["62条"]


def test_thirty_digit_numbers() -> None:
    text = "共" + "9" * 30 + "个，" + "1" * 400 + "元"
    found = extract_quantities(text)
    assert [q.surface for q in found] == ["9" * 30 + "个"]
    assert found[0].value == pytest.approx(1e30)


def test_ten_megabytes_of_report(shangli_text: str) -> None:
    per_copy = len(extract_quantities(shangli_text))
    copies = 10_000_000 // len(shangli_text.encode("utf-8")) + 1
    found = extract_quantities(shangli_text * copies)
    assert len(found) == per_copy * copies


def test_a_list_is_not_a_thousands_separator() -> None:
    assert [q.value for q in extract_quantities("分别为1，2个")] == [2.0]


def test_quantity_checks_itself() -> None:
    good = extract_quantities("超80%")[0]
    with pytest.raises(ValueError, match="unit must be"):
        Quantity(1.0, "yuan", "元", "exact", 1.0, 1.0, "level", 0, 2, "1元")
    with pytest.raises(ValueError, match="qualifier must be"):
        Quantity(1.0, "CNY", "元", "roughly", None, None, "level", 0, 2, "1元")
    with pytest.raises(ValueError, match="len\\(surface\\) must be"):
        Quantity(1.0, "CNY", "元", "exact", 1.0, 1.0, "level", 0, 3, "1元")
    with pytest.raises(ValueError, match="lower must be"):
        Quantity(80.0, "percent", "%", "more_than", None, None, "level", 0, 4, "超80%")
    with pytest.raises(ValueError, match="upper must be"):
        Quantity(80.0, "percent", "%", "approx", 70.0, 75.0, "level", 0, 4, "约80%")
    assert good.lower == 80.0 and good.upper is None
