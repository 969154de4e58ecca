"""Relations between figures, on hand-made observation sets whose sums were worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from county_data.annotation.entries import Annotations, Mention, ObservationEntry
from county_data.annotation.relations import figure_span, relation_problems
from county_data.catalogue.core import core_metrics
from county_data.catalogue.relations import Relation

CATALOGUE = {metric.id: metric for metric in core_metrics()}
PATH = Path("annotations.yaml")


def figure(
    id: str, metric: str, surface: str, value: float, unit: str, period: str = "2024", **fields: object
) -> ObservationEntry:
    quote = f"…{surface}…"
    mention = Mention("bulletin", quote, 100, 100 + len(quote))
    line = 10 + 10 * sum(map(ord, id)) % 500
    return ObservationEntry(id, metric, period, unit, surface, (mention,), value=value, line=line, **fields)  # type: ignore[arg-type]


def problems(*entries: ObservationEntry) -> list[tuple[str, object]]:
    return [(p.code, p.found) for p in relation_problems(Annotations(PATH, entries), CATALOGUE)]


def sectors(primary: str, secondary: str, tertiary: str, gdp: str = "61.9") -> list[ObservationEntry]:
    """GDP and its three sectors as a bulletin writes them, in 亿元."""
    written = {"gdp": gdp, "gdp_primary": primary, "gdp_secondary": secondary, "gdp_tertiary": tertiary}
    return [figure(key, key, f"{text}亿元", float(text) * 1e8, "CNY") for key, text in written.items()]


def test_sectors_that_sum_to_gdp_hold() -> None:
    assert problems(*sectors("7.6", "22.1", "32.2")) == []


def test_sectors_within_the_rounding_they_are_stated_with_hold() -> None:
    # 7.6 + 22.1 + 32.3 = 62.0 against 61.9: each figure may be off by 0.05, so 61.85..61.95
    # and 61.85..62.15 meet.
    assert problems(*sectors("7.6", "22.1", "32.3")) == []


def test_sectors_broken_by_one_digit_are_a_named_problem() -> None:
    entries = sectors("7.6", "22.1", "33.2")
    [problem] = relation_problems(Annotations(PATH, tuple(entries)), CATALOGUE)
    assert problem.code == "relation-broken" and problem.field == "value"
    assert problem.found == ("gdp", "gdp_primary", "gdp_secondary", "gdp_tertiary")
    assert problem.path == "annotations.yaml" and problem.line == entries[0].line
    assert "gdp-by-sector" in problem.message and "2024" in problem.message
    assert "'33.2亿元'" in problem.message and "…33.2亿元…" in problem.message
    assert f"line {entries[3].line}" in problem.message


def test_figures_of_other_periods_are_not_summed() -> None:
    entries = sectors("7.6", "22.1", "33.2")
    moved = figure("gdp", "gdp", "61.9亿元", 61.9e8, "CNY", period="2023")
    assert problems(moved, *entries[1:]) == []


@pytest.mark.parametrize(
    ("shares", "broken"),
    [(("7.6", "35.7", "56.7"), False), (("7.6", "35.7", "56.8"), False), (("7.6", "35.7", "57.7"), True)],
)
def test_structure_shares_sum_to_100_within_rounding(shares: tuple[str, str, str], broken: bool) -> None:
    # 7.6 + 35.7 + 56.8 = 100.1: three figures each off by up to 0.05 allow 99.85..100.15.
    entries = [
        figure(f"{key}-share", f"{key}_share", f"{text}%", float(text), "percent")
        for key, text in zip(("gdp_primary", "gdp_secondary", "gdp_tertiary"), shares, strict=True)
    ]
    assert [code for code, _ in problems(*entries)] == (["relation-broken"] if broken else [])


@pytest.mark.parametrize(("share", "broken"), [("12.3", False), ("13.3", True)])
def test_a_share_is_part_over_whole(share: str, broken: bool) -> None:
    # 7.6 / 61.9 = 12.28 %
    entries = [
        figure("gdp", "gdp", "61.9亿元", 61.9e8, "CNY"),
        figure("primary", "gdp_primary", "7.6亿元", 7.6e8, "CNY"),
        figure("primary-share", "gdp_primary_share", f"{share}%", float(share), "percent"),
    ]
    expected = [("share-relation-broken", ("primary-share", "primary", "gdp"))] if broken else []
    assert problems(*entries) == expected


@pytest.mark.parametrize(("growth", "broken"), [("8.0", False), ("8.1", False), ("9.0", True)])
def test_growth_agrees_with_the_levels_of_the_year_and_the_year_before(growth: str, broken: bool) -> None:
    # 54.0 / 50.0 = 1.08; with the rounding of both levels 53.95/50.05 .. 54.05/49.95 = 7.79 % .. 8.21 %.
    entries = [
        figure("retail-2024", "retail_sales", "54.0亿元", 54.0e8, "CNY"),
        figure("retail-2023", "retail_sales", "50.0亿元", 50.0e8, "CNY", period="2023"),
        figure("retail-growth", "retail_sales_growth", f"增长{growth}%", float(growth), "percent"),
    ]
    expected = [("growth-relation-broken", ("retail-growth", "retail-2024", "retail-2023"))] if broken else []
    assert problems(*entries) == expected


def test_real_growth_is_not_compared_with_nominal_levels() -> None:
    entries = [
        figure("gdp-2024", "gdp", "61.9亿元", 61.9e8, "CNY"),
        figure("gdp-2023", "gdp", "55.0亿元", 55.0e8, "CNY", period="2023"),
        figure("gdp-growth", "gdp_real_growth", "增长5.1%", 5.1, "percent"),
    ]
    assert problems(*entries) == []


@pytest.mark.parametrize(("change", "broken"), [("3.82", False), ("2.82", True)])
def test_change_against_a_stated_baseline(change: str, broken: bool) -> None:
    # 93.82 − 90.00 = 3.82 percentage points, the baseline year given by 较2020年
    entries = [
        figure("air-2024", "air_quality_good_days_ratio", "93.82%", 93.82, "percent"),
        figure("air-2020", "air_quality_good_days_ratio", "90.00%", 90.0, "percent", period="2020"),
        figure(
            "air-change",
            "air_quality_good_days_ratio_change",
            f"改善{change}个百分点",
            float(change),
            "percentage_point",
            baseline_period="2020",
        ),
    ]
    assert [code for code, _ in problems(*entries)] == (["change-relation-broken"] if broken else [])


@pytest.mark.parametrize(("per_capita", "broken"), [("61900", False), ("60000", False), ("55000", True)])
def test_per_capita_is_total_over_population_within_five_percent(per_capita: str, broken: bool) -> None:
    # 61.9亿元 / 10万人 = 61900 元; the average population makes 5 % either way acceptable (58805..64995).
    entries = [
        figure("gdp", "gdp", "61.9亿元", 61.9e8, "CNY"),
        figure("people", "population_resident", "10.0万人", 10.0e4, "count"),
        figure("per-capita", "gdp_per_capita", f"{per_capita}元", float(per_capita), "CNY"),
    ]
    assert [code for code, _ in problems(*entries)] == (["relation-broken"] if broken else [])


def test_a_lower_bound_holds_when_some_allowed_value_satisfies_the_relation() -> None:
    entries = sectors("7.6", "22.1", "33.2")
    entries[0] = figure("gdp", "gdp", "超60亿元", 60e8, "CNY", qualifier="more_than")
    assert problems(*entries) == []


def test_the_span_of_a_figure_is_its_last_digit_either_way() -> None:
    span = figure_span(figure("p", "population_resident", "1.25万人", 12500, "count"))
    assert (span.low, span.high) == pytest.approx((12450, 12550))
    assert figure_span(figure("r", "gdp_rank", "第5位", 5, "rank")).high == pytest.approx(5.5)


def test_unknown_periods_are_not_related() -> None:
    entries = [
        figure(key, key, f"{text}亿元", float(text) * 1e8, "CNY", period="unknown")
        for key, text in {"gdp": "61.9", "gdp_primary": "9", "gdp_secondary": "9", "gdp_tertiary": "9"}.items()
    ]
    assert problems(*entries) == []


def test_a_relation_passed_in_replaces_the_core_ones() -> None:
    relation = Relation("doubled", "gdp = 2 * gdp_primary")
    entries = sectors("7.6", "22.1", "33.2")
    found = relation_problems(Annotations(PATH, tuple(entries)), CATALOGUE, [relation])
    assert [(p.code, p.expected) for p in found] == [("relation-broken", "gdp = 2 * gdp_primary")]


def test_the_shipped_counties_keep_their_relations() -> None:
    from core_paths import SHANGLI
    from county_data.annotation.entries import read_annotations
    from county_data.catalogue.metric import read_metrics

    catalogue = {**CATALOGUE, **{m.id: m for m in read_metrics(SHANGLI / "metrics.yaml")}}
    assert relation_problems(read_annotations(SHANGLI / "annotations.yaml"), catalogue) == []


@pytest.mark.parametrize(
    ("surface", "value", "half"),
    [("较2020年改善3.82个百分点", 3.82, 0.005), ("3—5万人", 30000, 5000), ("两项", 2, 0), ("下降2.1%", -2.1, 0.05)],
)
def test_the_rounding_is_read_from_the_number_the_value_comes_from(surface: str, value: float, half: float) -> None:
    span = figure_span(figure("x", "births", surface, value, "count"))
    assert (span.low, span.high) == pytest.approx((value - half, value + half))
