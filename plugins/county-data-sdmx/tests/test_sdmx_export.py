"""The sdmx-csv exporter: conformance, columns, labels, qualifiers and unknown periods."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from county_data_sdmx import read_sdmx_csv

from county_data.plugins.testing import check_distribution


def test_distribution_conforms(tmp_path: Path) -> None:
    checked = check_distribution("sdmx", tmp_path)
    assert checked["exporters"] == ["sdmx-csv"]


@pytest.fixture
def shangli_rows(county_data_registry: Any, tmp_path: Path) -> list[dict[str, str]]:
    from county_data import export

    path = export("shangli", "sdmx-csv", tmp_path / "shangli.csv", registry=county_data_registry)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def by_id(rows: list[dict[str, str]], metric: str) -> dict[str, str]:
    return next(row for row in rows if row["INDICATOR: Indicator"].startswith(f"{metric}: "))


def test_header_is_sdmx_csv_2_with_labels(tmp_path: Path, shangli_rows: list[dict[str, str]]) -> None:
    header = list(shangli_rows[0])
    assert header[:3] == ["STRUCTURE[;]", "STRUCTURE_ID", "ACTION"]
    ids = [name.split(": ")[0] for name in header[3:]]
    assert ids[:8] == [
        "REF_AREA",
        "INDICATOR",
        "SOURCE",
        "TIME_PERIOD",
        "OBS_VALUE",
        "UNIT_MEASURE",
        "UNIT_MULT",
        "OBS_STATUS",
    ]
    assert {"QUALIFIER", "LOWER_BOUND", "UPPER_BOUND", "COMMENT", "QUOTE", "CHAR_START", "CHAR_END"} <= set(ids)
    assert header[-3:] == ["REF_AREA_NAME[en;zh]", "INDICATOR_NAME[en;zh]", "UNIT_NAME[en;zh]"]
    assert "OBS_VALUE: Observation value" in header


def test_rows_carry_codes_and_zh_en_labels(shangli_rows: list[dict[str, str]]) -> None:
    row = by_id(shangli_rows, "shangli.fireworks_output_value")
    assert row["STRUCTURE[;]"] == "dataflow"
    assert row["STRUCTURE_ID"].startswith("COUNTY_DATA:DF_COUNTY_DEV(1.0.0): ")
    assert row["ACTION"] == "I"
    assert row["REF_AREA: Reference area (GB/T 2260)"] == "360322: Shangli County"
    assert row["REF_AREA_NAME[en;zh]"] == "en:Shangli County;zh:上栗县"
    assert row["INDICATOR_NAME[en;zh]"].endswith(";zh:花炮产业集群总产值")
    assert row["UNIT_MEASURE: Unit of measure"] == "CNY: yuan (renminbi)"
    assert row["UNIT_MULT: Unit multiplier"] == "0: Units"
    assert row["OBS_VALUE: Observation value"] == "20000000000"


def test_more_than_keeps_status_a_and_says_it_is_a_bound(shangli_rows: list[dict[str, str]]) -> None:
    row = by_id(shangli_rows, "shangli.fireworks_output_value")
    assert row["OBS_STATUS: Observation status"] == "A: Normal value"
    assert row["QUALIFIER: Qualifier as written"] == "more_than"
    assert row["LOWER_BOUND: Lower bound"] == "20000000000"
    assert row["UPPER_BOUND: Upper bound"] == ""
    assert "exclusive lower bound" in row["COMMENT: Comment"]
    assert row["SURFACE: Figure as written"] == "突破200亿元"


def test_approx_is_estimated(shangli_rows: list[dict[str, str]]) -> None:
    row = by_id(shangli_rows, "eco_leisure_spaces_built")
    assert row["OBS_STATUS: Observation status"] == "E: Estimated value"
    assert "approximate" in row["COMMENT: Comment"]


def test_exact_is_normal(shangli_rows: list[dict[str, str]]) -> None:
    row = by_id(shangli_rows, "urban_roads_built")
    assert (row["OBS_STATUS: Observation status"], row["QUALIFIER: Qualifier as written"]) == (
        "A: Normal value",
        "exact",
    )


def test_interval_becomes_sdmx_time_range(shangli_rows: list[dict[str, str]]) -> None:
    row = by_id(shangli_rows, "shangli.medical_staff_rewarded")
    assert row["TIME_PERIOD: Time period"] == "2021-01-01/P5Y"


def test_unknown_period_is_kept_as_empty_time_period_with_comment(
    shangli_rows: list[dict[str, str]], tmp_path: Path
) -> None:
    row = by_id(shangli_rows, "urban_roads_built")
    assert row["TIME_PERIOD: Time period"] == ""
    assert "reference period not stated" in row["COMMENT: Comment"]


def test_reads_back_every_observation(county_data_registry: Any, tmp_path: Path) -> None:
    from county_data import export, load

    path = export("shangli", "sdmx-csv", tmp_path / "s.csv", registry=county_data_registry)
    back = read_sdmx_csv(path)["observations"]
    original = load("shangli", registry=county_data_registry)["observations"]
    assert len(back) == len(original)
    assert set(back["period"]) == set(original["period"])
    assert "unknown" in set(back["period"])
    assert list(back["quote"]) == list(original["quote"])
