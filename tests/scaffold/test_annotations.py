"""Draft figures as annotation entries; expected values read by hand from the sentences."""

from __future__ import annotations

import yaml

from county_data.annotation.draft import draft_entries, render_annotations
from county_data.catalogue.core import core_metrics
from county_data.periods.rule import text_context
from county_data.scaffold.annotations import honours

TEXT = "2021年全县生产总值61.9亿元,比上年增长9.8%。生猪出栏5.81万头。"


def _document(text: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(render_annotations(draft_entries(text, core_metrics()), text, "s"))


def test_each_figure_becomes_an_observation_with_markers_where_a_person_decides() -> None:
    document = _document(TEXT)
    assert document["source"] == "s" and document["honours"] == [] and document["excluded"] == []
    gdp, growth, pigs = document["observations"]
    assert gdp["surface"] == "61.9亿元" and gdp["value"] == 6190000000 and gdp["unit"] == "CNY"
    assert gdp["metric"] == "TODO: gdp"
    assert (gdp["period"], gdp["period_text"]) == ("2021", "2021年")
    assert gdp["mentions"] == [{"quote": "61.9亿元", "start": 11, "end": 17}]
    assert TEXT[11:17] == "61.9亿元"
    assert growth["surface"] == "增长9.8%" and growth["value"] == 9.8
    assert growth["baseline_period"] == "2020"  # 比上年 of 2021
    assert pigs["period"] == "2021"  # the period rule: 2021年 opens the figure's paragraph
    (undated,) = _document("生猪出栏5.81万头。")["observations"]
    assert undated["period"] == "TODO"  # no words date it: a person decides


def test_a_bulletin_s_title_dates_its_figures_and_their_growth() -> None:
    text = "生猪出栏5.81万头,增长12.5%。"
    dating = text_context("statistical_bulletin", "2021年某县国民经济和社会发展统计公报")
    document = yaml.safe_load(render_annotations(draft_entries(text, core_metrics(), dating), text, "s"))
    pigs, growth = document["observations"]
    assert (pigs["period"], growth["period"], growth["baseline_period"]) == ("2021", "2021", "2020")
    news = yaml.safe_load(render_annotations(draft_entries(text, core_metrics()), text, "s"))
    assert [entry["period"] for entry in news["observations"]] == ["TODO", "TODO"]
    assert "baseline_period" not in news["observations"][1]


def test_values_are_as_written_not_float_products() -> None:
    [pigs] = [entry for entry in _document(TEXT)["observations"] if entry["surface"] == "5.81万头"]
    assert pigs["value"] == 58100


def test_exact_figures_carry_no_bounds_and_qualified_ones_do() -> None:
    text = "全年接待游客超500万人次,其中外省游客约20万人次。"
    first, second = _document(text)["observations"]
    assert "lower" not in first or first["qualifier"] != "exact"
    assert (first["qualifier"], first["lower"]) == ("more_than", 5000000)
    assert second["qualifier"] == "approx"


def test_honours_are_found_by_their_verb_and_need_a_level() -> None:
    text = "我县被评为“全国文明城市”,并荣获省级生态县称号。"
    found = list(honours(text))
    assert [h["name_zh"] for h in found] == ["全国文明城市", "省级生态县称号"]
    for honour in found:
        [mention] = honour["mentions"]
        assert text[mention["start"] : mention["end"]] == honour["name_zh"]
        assert honour["level"].startswith("TODO") and honour["name_en"] == "TODO"
