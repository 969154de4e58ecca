"""county_data periods ⇄ SDMX TIME_PERIOD."""

from __future__ import annotations

import pytest
from county_data_sdmx import from_time_period, to_time_period

CASES = [
    ("2024", "2024"),
    ("2021/2025", "2021-01-01/P5Y"),
    ("2023/2025", "2023-01-01/P3Y"),
    ("2023/2025-11-28", "2023-01-01/P2Y10M28D"),
    ("2024-03/2024-05", "2024-03-01/P3M"),
    ("2024-01/2024-06", "2024-01-01/P6M"),  # 2024年上半年
    ("2024-01/2024-09", "2024-01-01/P9M"),  # 2024年前三季度
    ("unknown", ""),
]


@pytest.mark.parametrize(("period", "sdmx"), CASES)
def test_to_time_period(period: str, sdmx: str) -> None:
    assert to_time_period(period) == sdmx


@pytest.mark.parametrize(("period", "sdmx"), CASES)
def test_round_trip(period: str, sdmx: str) -> None:
    assert from_time_period(sdmx) == period


def test_bad_period_names_the_bound() -> None:
    with pytest.raises(ValueError, match="period bound must be"):
        to_time_period("2021/last year")


@pytest.mark.parametrize("period", ["2023/..", "2024-06/..", "unknown"])
def test_open_and_unknown_periods_have_no_time_period(period: str) -> None:
    assert to_time_period(period) == ""


def test_writer_leaves_out_open_and_unknown_periods_and_counts_them() -> None:
    from types import SimpleNamespace

    import pandas as pd
    from county_data_sdmx.writer import dated

    periods = ["2024", "2023/..", "unknown", "2023/2025-02-12"]
    data = SimpleNamespace(frames={"observations": pd.DataFrame({"period": periods})})
    kept, left_out = dated(data)  # type: ignore[arg-type]
    assert [obs["period"] for obs in kept] == ["2024", "2023/2025-02-12"]
    assert left_out == 2
