from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import county_data
from county_data import UnknownCountyError


def test_load_by_slug_and_by_code_gives_the_same_tables() -> None:
    by_slug, by_code = county_data.load("shangli"), county_data.load("360322")
    assert sorted(by_slug) == ["counties", "honours", "mentions", "metrics", "observations", "sources"]
    for name in by_slug:
        pd.testing.assert_frame_equal(by_slug[name], by_code[name])


def test_loaded_observations_carry_value_unit_qualifier_period_and_quote() -> None:
    observations = county_data.load("shangli")["observations"].set_index("observation_id")
    loans = observations.loc["startup-loans"]
    assert (loans.value, loans.unit, loans.qualifier, loans.surface) == (5.5e8, "CNY", "more_than", "超5.5亿元")
    assert loans.lower_bound == 5.5e8 and pd.isna(loans.upper_bound)
    change = observations.loc["air-quality-change-2024"]
    assert (change.unit, change.baseline_period, change.period) == ("percentage_point", "2020", "2024")
    assert observations.loc["air-quality-2020"].value == pytest.approx(90.0)
    assert observations.loc["renovation-households"].measure_word == "户"


def test_counties_lists_shangli() -> None:
    [county] = county_data.counties()
    assert (county.code, county.slug, county.name_zh, county.prefecture_zh, county.province_zh) == (
        "360322",
        "shangli",
        "上栗县",
        "萍乡市",
        "江西省",
    )


def test_source_metadata_is_recorded_and_unknowns_stay_empty() -> None:
    [source] = county_data.load("shangli")["sources"].to_dict("records")
    assert (source["title"], source["subject"], source["author"], source["photographs"]) == (
        "花炮故里向新攀高",
        "上栗县",
        "钟进文",
        "上栗县委宣传部",
    )
    assert (source["language"], source["kind"], source["bytes"]) == ("zh-Hans", "news", 10335)
    assert pd.isna(source["outlet"]) and pd.isna(source["published"])


def test_honours_are_a_table_with_years_where_stated() -> None:
    honours = county_data.load("shangli")["honours"].set_index("honour_id")
    assert honours.loc["four-good-rural-roads-demo-county", "year"] == 2024
    assert pd.isna(honours.loc["national-civilised-city", "year"])
    assert len(honours) == 4


def test_unknown_county_lists_what_exists() -> None:
    with pytest.raises(UnknownCountyError, match=r"no county 'pingxiang' \(expected one of: shangli \(360322\)\)"):
        county_data.load("pingxiang")
    with pytest.raises(LookupError):
        county_data.get_county("999999")


@pytest.mark.parametrize("name", [None, 3.6e5, b"shangli", True, 36032, -360322, "Shang Li", "", ["shangli"]])
@pytest.mark.parametrize(
    "call",
    [
        lambda name, tmp: county_data.load(name),
        lambda name, tmp: county_data.get_county(name),
        lambda name, tmp: county_data.build(name, tmp / "out"),
        lambda name, tmp: county_data.export(name, "json", tmp / "x.json"),
        lambda name, tmp: county_data.verify(name, tmp),
    ],
    ids=["load", "get_county", "build", "export", "verify"],
)
def test_every_function_taking_a_county_refuses_what_is_not_a_slug_or_code(
    call: Callable[[object, Path], object], name: object, tmp_path: Path
) -> None:
    from county_data.errors import CountyNameError

    with pytest.raises(CountyNameError, match=r"county must be a slug or a 6-digit GB/T 2260 code \(got ") as caught:
        call(name, tmp_path)
    assert caught.value.problems[0].code == "bad-county-name"
    assert f"(got {name!r})" in str(caught.value)
    assert isinstance(caught.value, LookupError) and isinstance(caught.value, ValueError)
    assert list(tmp_path.iterdir()) == []


def test_an_int_code_is_the_county_with_that_code() -> None:
    assert county_data.get_county(360322).slug == "shangli"
    assert county_data.get_county(pd.Series([360322]).iloc[0]).slug == "shangli"
    assert county_data.get_county("SHANGLI").code == "360322"
    pd.testing.assert_frame_equal(county_data.load(360322)["counties"], county_data.load("360322")["counties"])
    with pytest.raises(UnknownCountyError, match=r"no county 999999"):
        county_data.get_county(999999)


def test_every_lazy_name_is_exported_typed_and_loads() -> None:
    """``__all__``, the lazy table and the imports type checkers read name the same things."""
    import ast
    import inspect

    lazy: dict[str, str] = county_data._LAZY  # type: ignore[attr-defined]
    tree = ast.parse(inspect.getsource(county_data))
    guarded = next(node for node in tree.body if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))
    typed = {
        alias.name: node.module for node in guarded.body if isinstance(node, ast.ImportFrom) for alias in node.names
    }
    assert typed == {name: f"county_data.{module}" for name, module in lazy.items()}
    assert set(lazy) <= set(county_data.__all__)
    for name in county_data.__all__:
        assert getattr(county_data, name) is not None, name
