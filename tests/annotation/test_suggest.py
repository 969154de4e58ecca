"""Suggested metrics: each rule of county_data.annotation.suggest on sentences written for it.

The expected metric of every figure below was decided by reading the sentence against the
core catalogue (docs/catalogue.md); ``None`` where the sentence does not say which
catalogue metric the figure is, or says it is one the catalogue does not have.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from core_paths import ROOT
from county_data.annotation.draft import draft_entries
from county_data.catalogue.core import core_metrics


def _suggested(text: str) -> dict[str, str | None]:
    """The suggestion for each figure of ``text``, by its quote (quotes are unique in these sentences)."""
    return {entry["quote"]: entry["suggested_metric"] for entry in draft_entries(text, core_metrics())}


def test_the_longest_of_overlapping_names_is_the_subject() -> None:
    assert _suggested("全年人均地区生产总值68000元。")["68000元"] == "gdp_per_capita"
    assert _suggested("全年全县地区生产总值128.6亿元。")["128.6亿元"] == "gdp"
    # 进出口总额 contains 出口总额; 城镇新增就业 overlaps 就业人员 (a name of employed_persons)
    assert _suggested("全县外贸进出口总额12.5亿元。")["12.5亿元"] == "imports_exports"
    assert _suggested("全年城镇新增就业人员2560人。")["2560人"] == "urban_jobs_created"


def test_aliases_and_the_words_reports_use_name_an_entry() -> None:
    found = _suggested("全县生产总值(GDP)完成88.2亿元。年末全县常住人口30.5万人。全年粮食产量6.1万吨。")
    assert found == {"88.2亿元": "gdp", "30.5万人": "population_resident", "6.1万吨": "grain_output"}
    assert _suggested("城乡居民基本养老保险参保18.2万人。")["18.2万人"] == "pension_insured"


def test_a_clause_of_frame_words_takes_the_subject_of_the_clause_before() -> None:
    found = _suggested("第二产业增加值30.2亿元,比上年增长6.4%,占比35.1%。")
    assert found == {
        "30.2亿元": "gdp_secondary",
        "增长6.4%": "gdp_secondary_real_growth",
        "35.1%": "gdp_secondary_share",
    }
    assert _suggested("水产品产量2100吨,同比下降1.5%。")["下降1.5%"] == "aquatic_products_output_growth"


def test_a_clause_with_other_words_and_no_name_gets_no_suggestion() -> None:
    found = _suggested("全年粮食产量5.2万吨,其中稻谷产量3.1万吨。")
    assert found == {"5.2万吨": "grain_output", "3.1万吨": None}  # rice is not a catalogue entry
    # the name goes on into words it does not cover: jobs and business starts together
    assert _suggested("新增城镇就业创业4200余人。")["4200余人"] is None
    # a comparison with the city is not the county's figure
    assert _suggested("社会消费品零售总额增长5.5%,与全市增速基本持平。")["基本持平"] is None


def test_respectively_leaves_the_figures_to_a_person() -> None:
    found = _suggested("第一产业增加值、第二产业增加值分别增长3.2%和7.5%。")
    assert found["增长3.2%"] is None and found["7.5%"] is None


def test_the_measure_kind_follows_the_verb() -> None:
    found = _suggested("全年城镇新增就业3300人,比上年多增120人。")
    assert found == {"3300人": "urban_jobs_created", "120人": "urban_jobs_created_change"}
    found = _suggested("农村居民人均可支配收入19500元,增长7.1%,扣除价格因素实际增长5.2%。")
    assert found == {
        "19500元": "rural_disposable_income_per_capita",
        "增长7.1%": "rural_disposable_income_per_capita_growth",
        "增长5.2%": "rural_disposable_income_per_capita_real_growth",
    }
    assert _suggested("常住人口城镇化率为52.3%,提高0.8个百分点。")["提高0.8个百分点"] == "urbanisation_rate_change"


def test_a_share_names_its_whole_and_must_be_of_the_entrys() -> None:
    assert _suggested("第三产业增加值占地区生产总值的比重为48.2%。")["48.2%"] == "gdp_tertiary_share"
    assert _suggested("工业增加值占GDP比重为21.4%。")["21.4%"] == "industry_value_added_share"
    assert _suggested("第三产业增加值占全省的比重为1.2%。")["1.2%"] is None  # a share of the province


def test_the_unit_and_measure_word_must_be_the_metrics() -> None:
    assert _suggested("全年粮食产量8.6亿斤。")["8.6亿斤"] is None  # the entry is in tonnes
    assert _suggested("全县规模以上工业企业56家。")["56家"] is None  # the entry counts 个
    assert _suggested("全县规模以上工业企业56个。")["56个"] == "above_scale_industrial_enterprises"


def test_cumulative_or_level_as_the_period_says() -> None:
    assert _suggested("累计建成高标准农田12.5万亩。")["12.5万亩"] == "high_standard_farmland_built"
    assert _suggested("2024年建成高标准农田2.1万亩。")["2.1万亩"] == "high_standard_farmland_built_level"


def test_a_verb_object_name_may_be_split_by_its_figure() -> None:
    assert _suggested("建成12个生态休闲空间。")["12个"] == "eco_leisure_spaces_built"
    assert _suggested("建成12个口袋公园。")["12个"] is None


def test_traditional_script_reads_as_simplified() -> None:
    assert _suggested("全年糧食產量12459噸,增長0.6%。") == {
        "12459噸": "grain_output",
        "增長0.6%": "grain_output_growth",
    }


GDP_STRUCTURE = ["gdp_primary_share", "gdp_secondary_share", "gdp_tertiary_share"]


def test_the_parts_of_a_named_structure_ratio_are_its_parts_in_order() -> None:
    assert list(_suggested("全县三次产业结构为12.6:38.5:48.9。").values()) == GDP_STRUCTURE
    assert list(_suggested("全县产业结构比为10.8:45.1:44.1。").values()) == GDP_STRUCTURE
    # traditional script, full-width digits and colons
    assert list(_suggested("三次產業結構調整為9.8:40.3:49.9。").values()) == GDP_STRUCTURE
    assert list(_suggested("2023年三次产业比重为１２．６：３８．５：４８．９。").values()) == GDP_STRUCTURE


def test_a_ratio_the_words_changed_from_or_compared_with_is_the_same_structure() -> None:
    found = _suggested("三次产业比例由15.7:29.6:54.7调整为14.7:30.9:54.4。")
    assert list(found.values()) == GDP_STRUCTURE * 2
    found = _suggested("三次产业比为14.6:31.2:54.2,与上年的15.7:29.6:54.7相比,第二产业占比提升。")
    assert list(found.values()) == GDP_STRUCTURE * 2


def test_a_ratio_no_structure_of_its_length_is_named_for_gets_no_suggestion() -> None:
    # four parts where the three sectors are named
    assert set(_suggested("三次产业结构为10.2:30.5:40.1:19.2。").values()) == {None}
    # a structure the catalogue does not have: farming, forestry, husbandry and fishery
    assert set(_suggested("农林牧渔业产值结构为52.1:8.3:31.6:8.0。").values()) == {None}
    # the employment of the three sectors, not their value added; no structure named at all
    assert set(_suggested("三次产业就业结构为35.2:24.6:40.2。").values()) == {None}
    assert set(_suggested("居民消费结构为30.1:25.4:44.5。").values()) == {None}
    # other words between the name and the ratio
    assert set(_suggested("三次产业结构进一步优化为12.6:38.5:48.9。").values()) == {None}


def test_a_table_cell_is_named_by_its_row_and_caption() -> None:
    text = (
        "2024年主要农产品产量\n产品名称 | 产量(吨) | 比上年增长(%) |\n粮食 | 61000 | 1.2 |\n其中:稻谷 | 42000 | 0.8 |\n"
    )
    found = _suggested(text)
    assert found == {"61000": "grain_output", "1.2": "grain_output_growth", "42000": None, "0.8": None}


JINGDE = ROOT / "plugins" / "county-data-jingde" / "src" / "county_data_jingde"


def test_on_the_jingde_bulletin_every_suggestion_is_the_metric_a_person_chose() -> None:
    """The reference is the Jingde plugin's annotations, reviewed by hand against the text."""
    if not JINGDE.is_dir():
        pytest.skip("the Jingde plugin is not in this checkout")
    chosen = _chosen_by_offsets(JINGDE / "annotations.yaml")
    text = (JINGDE / "jingde-report.txt").read_text(encoding="utf-8")
    suggested = {(e["start"], e["end"]): e["suggested_metric"] for e in draft_entries(text, core_metrics())}
    pairs = [(person, suggested[span]) for span, person in chosen.items() if span in suggested]
    wrong = [(person, suggested) for person, suggested in pairs if suggested not in (None, person)]
    assert wrong == []
    ratio = ((454, 458), (459, 463), (464, 468))  # 三次产业结构比为14.4:41.4:44.2
    assert [suggested[span] for span in ratio] == [chosen[span] for span in ratio] == GDP_STRUCTURE
    assert sum(person == suggested for person, suggested in pairs) >= 0.9 * len(pairs)


def _chosen_by_offsets(path: Path) -> dict[tuple[int, int], str]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {(m["start"], m["end"]): o["metric"] for o in document["observations"] for m in o["mentions"]}
