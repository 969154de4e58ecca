"""The jingde county as installed: conforms, builds and validates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from county_data.plugins.testing import check_distribution


def test_distribution_conforms(tmp_path: Path) -> None:
    checked = check_distribution("jingde", tmp_path)
    assert checked["counties"] == ["341825"]


# Figures read by hand from the bulletin (jingde-report.txt), not from the annotations.
GDP_2021 = {"gdp": 61.9e8, "gdp_primary": 8.9e8, "gdp_secondary": 25.7e8, "gdp_tertiary": 27.3e8}
#: 主要农产品产量: each row of the table repeats a figure of the prose (tonnes, growth %)
TABLE_ROWS = {
    "grain_output": (54300, 0.37),
    "oil_crops_output": (1800, 3.6),
    "vegetables_output": (28800, 6.9),
    "fruit_output": (1800, 13.9),
    "tea_output": (700, 3.6),
}


def _observations() -> Any:
    from county_data import load

    return load("jingde")["observations"].set_index("metric_id")


def test_the_bulletin_figures_of_2021(county_data_registry: Any) -> None:
    observations = _observations()
    for metric, value in GDP_2021.items():
        assert observations.loc[metric, "value"] == pytest.approx(value)
    assert observations.loc["gdp_per_capita", "value"] == 56282
    assert observations.loc["pigs_slaughtered", "value"] == 58100  # 5.81万头, not 58099.99…
    assert observations.loc["eggs_output_growth", "value"] == pytest.approx(-2.3)
    assert set(observations["period"]) == {"2021"}
    growth = observations[observations["unit"] == "percent"]
    assert set(growth["baseline_period"].dropna()) == {"2020"}


def test_table_cells_are_further_mentions_of_the_prose_figures(county_data_registry: Any) -> None:
    from county_data import load

    tables = load("jingde")
    mentions = tables["mentions"]
    ids = tables["observations"].set_index("metric_id")["observation_id"]
    for metric, (level, growth) in TABLE_ROWS.items():
        for kind, value in ((metric, level), (f"{metric}_growth", growth)):
            quotes = list(mentions[mentions["record_id"] == ids[kind]]["quote"])
            assert len(quotes) == 2 and quotes[1] == f"{value:g}", (kind, quotes)


def test_nearly_every_observation_is_on_a_core_metric(county_data_registry: Any) -> None:
    observations = _observations()
    core = [metric for metric in observations.index if county_data_registry.metrics.providers[metric] == "county_data"]
    # 42 drafted + pork and poultry growth (增长36.4 %, 增长58.3 %) + three structure shares + the 油菜籽 row
    assert len(observations) == 49
    assert len(core) / len(observations) >= 0.9


def test_the_structure_ratio_is_three_shares_of_gdp(county_data_registry: Any) -> None:
    observations = _observations()
    shares = {"gdp_primary_share": 14.4, "gdp_secondary_share": 41.4, "gdp_tertiary_share": 44.2}  # 14.4:41.4:44.2
    for metric, value in shares.items():
        assert (observations.loc[metric, "value"], observations.loc[metric, "unit"]) == (value, "percent")


def test_a_table_only_row_takes_the_units_of_its_columns(county_data_registry: Any) -> None:
    observations = _observations()
    # 其中:油菜籽 | 1200 | 2.5 | under 绝对数(吨) and 比上年增长(%)
    level = observations.loc["rapeseed_output"]
    assert (level["value"], level["unit"]) == (1200, "tonne")
    growth = observations.loc["rapeseed_output_growth"]
    assert (growth["value"], growth["unit"], growth["baseline_period"]) == (2.5, "percent", "2020")
