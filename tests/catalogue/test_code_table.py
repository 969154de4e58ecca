"""Counties against GB/T 2260: the report's year and the shipped counties."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import county_data_liuyang
import pytest

from county_data.catalogue.code_table import CURRENT, code_table_problems, report_year
from county_data.catalogue.county import County, read_county

SHANGLI = Path(__file__).parents[2] / "src" / "county_data" / "counties" / "shangli"
LIUYANG = Path(county_data_liuyang.__file__).parent


@pytest.fixture(scope="module")
def shangli() -> County:
    return read_county(SHANGLI)


@pytest.mark.parametrize("root", [SHANGLI, LIUYANG], ids=["shangli", "liuyang"])
def test_the_shipped_counties_agree_with_the_table(root: Path) -> None:
    county = read_county(root)
    assert code_table_problems(county, report_year(county, ["2024", "2021/2025"])) == []


def test_the_latest_publication_year_is_the_report_s_year() -> None:
    assert report_year(read_county(LIUYANG), ["2030"]) == 2025  # its sources: 2025-02-12 … 2025-11-29


def test_without_a_date_the_last_year_of_the_periods(shangli: County) -> None:
    assert shangli.sources[0].published == ""
    assert report_year(shangli, ["unknown", "2024", "2021/2025", "2023/.."]) == 2025


def test_without_a_date_or_a_period_the_current_codes(shangli: County) -> None:
    assert report_year(shangli, ["unknown"]) == CURRENT


def test_a_code_before_it_was_created_is_refused(shangli: County) -> None:
    # 上栗县 has been 360322 since 1997; before, 上栗区 was 360311
    (problem,) = code_table_problems(shangli, 1995)
    assert problem.code == "county-code-unknown" and problem.field == "code" and problem.line == 6


def test_the_county_s_old_name_under_its_old_code(shangli: County) -> None:
    old = replace(shangli, code="360311")
    (problem,) = code_table_problems(old, 1995)
    assert (problem.code, problem.field, problem.found, problem.expected) == (
        "county-code-mismatch",
        "name_zh",
        "上栗县",
        "上栗区",
    )
