"""The core catalogue: enough entries, each documented, kinds expanded by the documented rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import county_data
from core_paths import ROOT, SHANGLI
from county_data import CatalogueError
from county_data.catalogue.core import core_metrics, core_relations
from county_data.catalogue.metric import read_metrics
from county_data.catalogue.render import render_catalogue
from county_data.catalogue.topics import TOPICS

CORE = {metric.id: metric for metric in core_metrics()}


def test_at_least_100_documented_entries() -> None:
    specs = county_data.metrics()
    assert len(specs) >= 100
    for spec in specs:
        assert spec.label_zh and spec.label_en and spec.topic in TOPICS
        assert len(spec.definition) >= 20, spec.id


@pytest.mark.parametrize(
    ("metric_id", "unit", "kind"),
    [
        ("gdp", "CNY", "level"),
        ("gdp_real_growth", "percent", "real_growth"),
        ("gdp_rank", "rank", "rank"),
        ("gdp_primary_share", "percent", "share"),
        ("urbanisation_rate", "percent", "share"),
        ("urbanisation_rate_change", "percentage_point", "change"),
        ("population_resident_change", "count", "change"),
        ("tech_smes_multiple", "times", "multiple"),
        ("retail_sales_growth", "percent", "growth"),
        ("birth_rate", "per_mille", "level"),
        ("pm25_concentration", "microgram_per_m3", "level"),
    ],
)
def test_each_kind_is_a_metric_with_the_unit_of_the_rule(metric_id: str, unit: str, kind: str) -> None:
    assert (CORE[metric_id].unit, CORE[metric_id].measure_kind) == (unit, kind)


def test_a_count_keeps_its_measure_word_only_in_count_kinds() -> None:
    assert CORE["population_resident_change"].measure_word == "人"
    assert CORE["market_entities_growth"].measure_word == ""


def test_the_sections_of_a_bulletin_are_covered() -> None:
    wanted = {
        "gdp", "gdp_primary", "gdp_per_capita", "population_resident", "population_registered", "birth_rate",
        "general_budget_revenue", "tax_revenue", "general_budget_expenditure", "grain_output", "pigs_slaughtered",
        "above_scale_industrial_value_added_real_growth", "above_scale_industrial_enterprises",
        "fixed_asset_investment_growth", "retail_sales", "imports_exports", "deposits", "loans",
        "urban_disposable_income_per_capita", "rural_disposable_income_per_capita", "consumer_price_index",
        "schools", "hospital_beds", "air_quality_good_days", "pm25_concentration", "forest_cover_rate",
        "tourist_visits", "tourism_revenue",
    }  # fmt: skip
    assert wanted <= set(CORE)


def test_docs_catalogue_md_is_the_rendering() -> None:
    rendered = render_catalogue(county_data.metrics(), core_relations())
    assert (ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8") == rendered


def test_shangli_declares_only_its_own_namespace() -> None:
    own = read_metrics(SHANGLI / "metrics.yaml")
    assert own and all(metric.id.startswith("shangli.") for metric in own)
    assert not {metric.id for metric in own} & set(CORE)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "metrics.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = """- id: x.fairs_held
  label_zh: 举办展会
  label_en: Fairs held
  topic: {topic}
  unit: count
  measure_word: 场
  kinds: {kinds}
  definition: Trade fairs held in the county.
"""


def test_a_topic_not_in_the_list_is_a_named_error(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(topic="fairs", kinds="[level]"))
    with pytest.raises(CatalogueError) as caught:
        read_metrics(path)
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.field) == ("unknown-topic", 1, "topic")
    assert "'fairs'" in problem.message and "economy" in problem.message


@pytest.mark.parametrize(
    ("kinds", "reason"),
    [
        ("[]", "one or more kinds"),
        ("[level, level]", "one or more kinds once each"),
        ("[level, speed]", "kinds must be among"),
        ("[growth]", "must be in 'percent'"),
        ("[level, share]", "share_of must name the whole"),
        ("level", "kinds must be a list"),
    ],
)
def test_malformed_kinds_are_refused(tmp_path: Path, kinds: str, reason: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        read_metrics(write(tmp_path, ENTRY.format(topic="economy", kinds=kinds)))
    [problem] = caught.value.problems
    assert problem.code == "bad-metric" and reason in problem.message


def test_a_kind_whose_id_another_entry_declares_is_refused(tmp_path: Path) -> None:
    second = (
        ENTRY.replace("x.fairs_held", "x.fairs_held_growth")
        .replace("count", "percent")
        .replace("  measure_word: 场\n", "")
    )
    text = ENTRY.format(topic="economy", kinds="[level, growth]") + second.format(topic="economy", kinds="[growth]")
    with pytest.raises(CatalogueError) as caught:
        read_metrics(write(tmp_path, text))
    assert {(p.code, p.line) for p in caught.value.problems} == {("bad-metric", 1), ("bad-metric", 9)}
    assert all("'x.fairs_held_growth'" in p.message for p in caught.value.problems)


def test_core_ids_carry_no_namespace_and_metrics_is_public() -> None:
    assert not [metric_id for metric_id in CORE if "." in metric_id]
    assert "metrics" in county_data.__all__


def test_plausible_ranges_of_kinds() -> None:
    assert (
        CORE["air_quality_good_days_ratio_change"].min_value,
        CORE["air_quality_good_days_ratio_change"].max_value,
    ) == (
        -100,
        100,
    )
    assert CORE["gdp_real_growth"].min_value == -100 and CORE["gdp_real_growth"].max_value is None
    assert (CORE["gdp_primary_share"].min_value, CORE["gdp_primary_share"].max_value) == (0, 100)
    assert CORE["gdp_rank"].min_value == 1
    assert CORE["population_resident_change"].min_value is None


def test_a_file_that_is_neither_a_list_nor_has_metrics_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        read_metrics(write(tmp_path, "relations: []\n"))
    [problem] = caught.value.problems
    assert problem.code == "bad-catalogue" and problem.path.endswith("metrics.yaml")
