"""The Liuyang county as installed: loads, builds, uses the shared catalogue, ships no texts."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from county_data import get_county, load
from county_data.plugins.testing import check_distribution

#: generic figures, read by hand from the texts: on core metrics, never declared by the plugin
CORE_USED = {
    "old_residential_communities_renovated",
    "urban_through_roads_opened",
    "urbanisation_rate",
    "tech_smes_multiple",
    "national_top_county_comprehensive_rank",
}


def test_distribution_conforms(tmp_path: Path) -> None:
    checked = check_distribution("liuyang", tmp_path)
    assert checked["counties"] == ["430181"]


def test_loads_by_slug_and_code(county_data_registry: Any) -> None:
    by_slug = get_county("liuyang", county_data_registry)
    assert get_county("430181", county_data_registry) is by_slug
    assert (by_slug.name_zh, by_slug.prefecture_zh, by_slug.province_zh) == ("浏阳市", "长沙市", "湖南省")
    assert county_data_registry.counties.providers["430181"] == "liuyang"


def test_ranks_are_rank_measures(county_data_registry: Any) -> None:
    tables = load("liuyang", county_data_registry)
    ranks = tables["observations"][tables["observations"]["unit"] == "rank"]
    kinds = tables["metrics"].set_index("metric_id").loc[ranks["metric_id"], "measure_kind"]
    assert len(ranks) == 4
    assert set(kinds) == {"rank"}
    assert sorted(ranks["value"]) == [3, 5, 11, 68]


def test_generic_metrics_are_core_ids_and_own_metrics_are_namespaced(county_data_registry: Any) -> None:
    used = set(load("liuyang", county_data_registry)["observations"]["metric_id"])
    assert used >= CORE_USED
    for metric in CORE_USED:
        assert county_data_registry.metrics.providers[metric] == "county_data"
    own = set(county_data_registry.metrics.provided_by("liuyang"))
    assert own and all(key.startswith("liuyang.") for key in own)
    assert "liuyang.fireworks_output_value" in used
    assert not county_data_registry.conflicts()


def test_one_figure_from_two_reports_is_two_observations(county_data_registry: Any) -> None:
    """142场 since 2023, reported by 浏阳日报 (2025-11-28) and 中新网 (2025-11-29): each up to its own date."""
    observations = load("liuyang", county_data_registry)["observations"]
    shows = observations[observations["metric_id"] == "liuyang.fireworks_shows_held"]
    assert sorted(zip(shows["source_id"], shows["period"], shows["value"], strict=True)) == [
        ("chinanews-2025-11-29", "2023/2025-11-29", 142.0),
        ("liuyang-daily-2025-11-28", "2023/2025-11-28", 142.0),
    ]


def test_an_annual_output_without_its_year_is_not_dated(county_data_registry: Any) -> None:
    """年产值超500亿元 (中新网) names no year; 2024年…502.2亿元 (人民日报) does."""
    observations = load("liuyang", county_data_registry)["observations"]
    output = observations[observations["metric_id"] == "liuyang.fireworks_output_value"]
    assert sorted(zip(output["source_id"], output["period"], output["qualifier"], strict=True)) == [
        ("chinanews-2025-11-29", "unknown", "more_than"),
        ("peoples-daily-2025-02-12", "2024", "exact"),
    ]


def test_no_source_text_is_shipped(county_data_registry: Any) -> None:
    tables = load("liuyang", county_data_registry)
    assert tables["sources"]["path"].isna().all()
    assert set(tables["sources"]["url"].str[:4]) == {"http"}
    package = files("county_data_liuyang")
    assert not [entry.name for entry in package.iterdir() if entry.name.endswith(".txt")]


def test_quotes_are_figures_or_titles_not_sentences(county_data_registry: Any) -> None:
    tables = load("liuyang", county_data_registry)
    quotes = tables["mentions"]["quote"]
    assert quotes.str.len().max() <= 20
    assert not quotes.str.contains("[，。,;；]").any()
    observations = tables["observations"]
    assert (observations["quote"] == observations["surface"]).all()
