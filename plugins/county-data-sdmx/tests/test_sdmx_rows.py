"""Single rows: formula neutralisation, number formatting and labels only on request."""

from __future__ import annotations

from county_data_sdmx import codes
from county_data_sdmx.reader import restored
from county_data_sdmx.rows import cells, number, observation_row

COUNTY = {"name_en": "Test County", "name_zh": "测试县"}
METRIC = {"label_en": "Roads", "label_zh": "道路"}
SOURCE = {"title": '=HYPERLINK("x")', "outlet": "", "published": "2025-01-02"}
COLUMNS = [component.id for component in codes.COMPONENTS]


def observation(**changes: object) -> dict[str, object]:
    base = {
        "county_code": "999999",
        "metric_id": "roads",
        "source_id": "s",
        "period": "2024",
        "value": -2.5,
        "unit": "km",
        "measure_word": None,
        "qualifier": "less_than",
        "lower_bound": None,
        "upper_bound": -2.5,
        "surface": "-2.5公里",
        "period_text": None,
        "baseline_period": None,
        "method": "reported",
        "formula": None,
        "quote": "=1+1",
        "char_start": 0,
        "char_end": 4,
        "note": "@note",
    }
    return {**base, **changes}


def row(labels: bool = False, **changes: object) -> dict[str, str]:
    values = cells(observation_row(observation(**changes), METRIC, SOURCE, COUNTY), labels=labels)
    return dict(zip(COLUMNS, values, strict=True))


def test_text_cells_are_neutralised_numbers_are_not() -> None:
    plain = row()
    assert plain["QUOTE"] == "'=1+1"
    assert plain["SURFACE"] == "'-2.5公里"
    assert plain["OBS_VALUE"] == "-2.5"
    assert plain["UPPER_BOUND"] == "-2.5"
    assert row(labels=True)["SOURCE"] == 's: 2025-01-02, =HYPERLINK("x")'
    assert restored(plain["QUOTE"]) == "=1+1"


def test_plain_rows_carry_codes_only() -> None:
    plain = row()
    assert (plain["REF_AREA"], plain["INDICATOR"], plain["UNIT_MEASURE"], plain["OBS_STATUS"]) == (
        "999999",
        "roads",
        "KM",
        "A",
    )
    assert row(labels=True)["REF_AREA"] == "999999: Test County"


def test_less_than_comment() -> None:
    comment = row()["COMMENT"]
    assert comment.startswith("OBS_VALUE is an exclusive upper bound")
    assert comment.endswith("@note")


def test_numbers_are_fixed_and_locale_free() -> None:
    assert [number(v) for v in (50220000000.0, 93.82, 0.1 + 0.2, None, float("nan"))] == [
        "50220000000",
        "93.82",
        "0.30000000000000004",
        "",
        "",
    ]
