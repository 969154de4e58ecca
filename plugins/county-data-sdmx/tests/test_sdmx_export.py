"""SDMX tools read the export: pysdmx and sdmx1 each read both counties with the shipped structure.

Expected values come from the county's validated observations table, not from the writer.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from county_data_sdmx.codes import our_id, sdmx_id

from county_data.plugins.testing import check_distribution

COUNTIES = ("shangli", "liuyang")
# SDMX CL_UNIT-style codes, written out by hand for the units the two counties use.
UNIT = {
    "CNY": "CNY",
    "percent": "PC",
    "percentage_point": "PP",
    "count": "NUMBER",
    "rank": "RANK",
    "km": "KM",
    "times": "TIMES",
    "mu": "MU",
    "hectare": "HA",
    "m2": "M2",
    "km2": "KM2",
}


def test_distribution_conforms(tmp_path: Path) -> None:
    checked = check_distribution("sdmx", tmp_path)
    assert checked["exporters"] == ["sdmx-csv", "sdmx-csv-labels", "sdmx-structure"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Per county: the data and structure files and the observations they were written from."""
    from county_data import export, load
    from county_data.plugins.registry import load_registry

    registry = load_registry()
    folder = tmp_path_factory.mktemp("sdmx")
    result = {}
    for county in COUNTIES:
        data = export(county, "sdmx-csv", folder / f"{county}.csv", registry=registry)
        structure = export(county, "sdmx-structure", folder / f"{county}.xml", registry=registry)
        result[county] = (data, structure, load(county, registry=registry)["observations"])
    return result


def expected(observations: Any) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    """Observations with a stated period, keyed as SDMX keys them (period in county_data form)."""
    rows = observations[observations["period"] != "unknown"].to_dict(orient="records")
    return {(r["county_code"], r["metric_id"], r["source_id"], r["period"]): r for r in rows}


def same_number(found: Any, want: Any) -> bool:
    if want is None or (isinstance(want, float) and math.isnan(want)):
        return found in ("", None) or (isinstance(found, float) and math.isnan(found))
    return math.isclose(float(found), float(want), rel_tol=1e-12)


def text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def assert_attributes(found: dict[str, Any], want: dict[str, Any]) -> None:
    assert same_number(found["OBS_VALUE"], want["value"])
    assert found["UNIT_MEASURE"] == UNIT[want["unit"]] and str(found["UNIT_MULT"]) == "0"
    assert found["OBS_STATUS"] == ("E" if want["qualifier"] == "approx" else "A")
    assert found["QUALIFIER"] == want["qualifier"] and found["METHOD"] == want["method"]
    assert same_number(found["LOWER_BOUND"], want["lower_bound"])
    assert same_number(found["UPPER_BOUND"], want["upper_bound"])
    assert text(found["MEASURE_WORD"]) == text(want["measure_word"])
    assert found["SURFACE"] == want["surface"] and found["QUOTE"] == want["quote"]
    assert int(found["CHAR_START"]) == want["char_start"] and int(found["CHAR_END"]) == want["char_end"]


@pytest.mark.parametrize("county", COUNTIES)
def test_pysdmx_reads_every_observation_and_value(exported: dict[str, Any], county: str) -> None:
    from county_data_sdmx import from_time_period
    from pysdmx.io import get_datasets

    data, structure, observations = exported[county]
    (dataset,) = get_datasets(str(data), str(structure))
    assert dataset.short_urn == "Dataflow=COUNTY_DATA:DF_COUNTY_DEV(1.0.0)"
    want = expected(observations)
    rows = dataset.data.to_dict(orient="records")
    found = {
        (r["REF_AREA"], our_id(r["INDICATOR"]), our_id(r["SOURCE"]), from_time_period(r["TIME_PERIOD"])): r
        for r in rows
    }
    assert len(rows) == len(want) and found.keys() == want.keys()
    for key, row in found.items():
        assert_attributes(row, want[key])


def read_with_sdmx1(path: Path, **options: Any) -> Any:
    """sdmx1 leaves a file it opened itself open; hand it one we close."""
    import sdmx

    with path.open("rb") as handle:
        return sdmx.read_sdmx(handle, format=path.suffix[1:], **options)


@pytest.mark.parametrize("county", COUNTIES)
def test_sdmx1_reads_every_observation_and_value(exported: dict[str, Any], county: str) -> None:
    from county_data_sdmx import from_time_period

    data, structure, observations = exported[county]
    flow = read_with_sdmx1(structure).dataflow["DF_COUNTY_DEV"]
    message = read_with_sdmx1(data, structure=flow)
    (dataset,) = message.data
    want = expected(observations)
    found = {}
    for obs in dataset.obs:
        key = obs.key.get_values()
        row = {name: value.value for name, value in obs.attached_attribute.items()}
        area, indicator, source = map(str, key[:3])
        found[(area, our_id(indicator), our_id(source), from_time_period(str(key[3])))] = {
            **row,
            "OBS_VALUE": obs.value,
        }
    assert len(dataset.obs) == len(want) and found.keys() == want.keys()
    for key, row in found.items():
        assert_attributes(row, want[key])


@pytest.mark.parametrize("county", COUNTIES)
def test_structure_code_lists_name_every_code_in_english_and_chinese(exported: dict[str, Any], county: str) -> None:

    _, structure, observations = exported[county]
    lists = read_with_sdmx1(structure).codelist
    assert set(observations["county_code"]) <= set(lists["CL_REF_AREA"].items)
    assert {sdmx_id(m) for m in observations["metric_id"]} <= set(lists["CL_INDICATOR"].items)
    assert {UNIT[unit] for unit in observations["unit"]} <= set(lists["CL_UNIT"].items)
    assert set(lists["CL_OBS_STATUS"].items) == {"A", "E"} and set(lists["CL_UNIT_MULT"].items) == {"0"}
    code = lists["CL_REF_AREA"][observations["county_code"].iloc[0]]
    assert {"en", "zh"} <= set(code.name.localizations)


def test_unknown_periods_are_left_out_and_counted_on_stderr(
    county_data_registry: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from county_data import export, load

    unknown = int((load("shangli", registry=county_data_registry)["observations"]["period"] == "unknown").sum())
    path = export("shangli", "sdmx-csv", tmp_path / "s.csv", registry=county_data_registry)
    assert unknown > 0
    assert f"left out {unknown} observation(s) of shangli" in capsys.readouterr().err
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(line.split(",")[6] for line in lines[1:])  # TIME_PERIOD is never empty


def test_header_is_plain_by_default_and_labelled_on_request(county_data_registry: Any, tmp_path: Path) -> None:
    from county_data import export

    plain = export("shangli", "sdmx-csv", tmp_path / "p.csv", registry=county_data_registry)
    labelled = export("shangli", "sdmx-csv-labels", tmp_path / "l.csv", registry=county_data_registry)
    plain_lines = plain.read_text(encoding="utf-8").splitlines()
    assert plain_lines[0].startswith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,SOURCE,TIME_PERIOD,OBS_VALUE,")
    assert plain_lines[1].startswith("dataflow,COUNTY_DATA:DF_COUNTY_DEV(1.0.0),I,360322,")
    labelled_lines = labelled.read_text(encoding="utf-8").splitlines()
    assert labelled_lines[0].startswith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA: Reference area (GB/T 2260),")
    assert ",360322: Shangli County," in labelled_lines[1]


def test_same_bytes_twice(county_data_registry: Any, tmp_path: Path) -> None:
    from county_data import export

    for name, suffix in (("sdmx-csv", ".csv"), ("sdmx-csv-labels", ".csv"), ("sdmx-structure", ".xml")):
        first = export("liuyang", name, tmp_path / f"a{suffix}", registry=county_data_registry, force=True)
        second = export("liuyang", name, tmp_path / f"b{suffix}", registry=county_data_registry, force=True)
        assert first.read_bytes() == second.read_bytes(), name
