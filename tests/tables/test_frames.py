"""pandera validation of in-memory tables: every failure, one problem per cell or per row."""

import pandas as pd
import pytest

import county_data
from county_data import SchemaError
from county_data.tables.frames import validate_frame


@pytest.fixture
def observations() -> pd.DataFrame:
    return county_data.load("shangli")["observations"].copy()


def problems(table: str, frame: pd.DataFrame) -> list[tuple]:
    with pytest.raises(SchemaError) as caught:
        validate_frame(table, frame, "memory")
    return sorted((p.row, p.field, p.expected) for p in caught.value.problems)


def test_loaded_tables_validate(observations: pd.DataFrame) -> None:
    assert validate_frame("observations", observations).shape == observations.shape


def test_bounds_must_enclose_the_value(observations: pd.DataFrame) -> None:
    observations.loc[0, "lower_bound"] = observations.loc[0, "value"] + 1
    assert problems("observations", observations) == [
        (1, "", "lower_bound <= value <= upper_bound where bounds are given")
    ]


def test_quote_spans_run_forward(observations: pd.DataFrame) -> None:
    observations.loc[4, "char_end"] = observations.loc[4, "char_start"]
    assert problems("observations", observations) == [(5, "", "char_end must be after char_start")]


def test_duplicate_key_names_the_key_columns(observations: pd.DataFrame) -> None:
    duplicated = pd.concat([observations, observations.iloc[[2]].assign(observation_id="copy")], ignore_index=True)
    key = "county_code, metric_id, period, source_id"
    assert problems("observations", duplicated) == [
        (3, key, "multiple_fields_uniqueness"),
        (29, key, "multiple_fields_uniqueness"),
    ]


def test_every_bad_cell_is_reported_at_once(observations: pd.DataFrame) -> None:
    observations.loc[0, "qualifier"] = "roughly"
    observations.loc[1, "unit"] = "亿元"
    observations.loc[2, "period"] = "last year"
    found = problems("observations", observations)
    assert [(row, field) for row, field, _ in found] == [(1, "qualifier"), (2, "unit"), (3, "period")]
