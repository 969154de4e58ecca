"""What a period is, and what a county code looks like."""

import pytest

from county_data.catalogue.codes import is_county_code
from county_data.periods import is_dated, is_open, is_period


@pytest.mark.parametrize(
    "text", ["2024", "2021/2025", "2023/2025-02-12", "2024-06", "2024-06-30", "unknown", "2023/..", "2024-06/.."]
)
def test_periods(text: str) -> None:
    assert is_period(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "24",
        "2024年",
        "2021-2025",
        "2021/",
        "2021/2025/2026",
        "Unknown",
        "2024-6",
        "../2025",
        "2023/...",
        "unknown/..",
    ],
)
def test_not_periods(text: str) -> None:
    assert not is_period(text)


@pytest.mark.parametrize(
    ("period", "open_", "dated"),
    [("2023/..", True, False), ("unknown", False, False), ("2023/2025-02-12", False, True), ("2024", False, True)],
)
def test_open_and_dated_periods(period: str, open_: bool, dated: bool) -> None:
    assert (is_open(period), is_dated(period)) == (open_, dated)


@pytest.mark.parametrize(
    ("text", "ok"), [("360322", True), ("430181", True), ("36032", False), ("3603220", False), ("36032x", False)]
)
def test_county_codes(text: str, ok: bool) -> None:
    assert is_county_code(text) is ok
