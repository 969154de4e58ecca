"""The period rule on sentences written for these tests, each read by hand."""

from __future__ import annotations

import pytest

from county_data.periods.rule import PeriodDecision, TextContext, decide_baseline, decide_period, text_context
from county_data.quantity import extract_quantities


def decide(
    text: str, surface: str, published: str = "", headings: tuple[tuple[int, int], ...] = (), title: str = ""
) -> PeriodDecision:
    figure = next(q for q in extract_quantities(text) if q.surface == surface)
    return decide_period(text, figure, TextContext(published, headings, title))


@pytest.mark.parametrize(
    ("text", "surface", "published", "period", "rule", "words"),
    [
        ("2022年全县粮食产量达到30万吨。", "达到30万吨", "", "2022", "sentence", "2022年"),
        ("2023年以来，全县新增企业120家。", "120家", "2025-06-30", "2023/2025-06-30", "sentence", "2023年以来"),
        ("2023年以来，全县新增企业120家。", "120家", "", "2023/..", "sentence", "2023年以来"),
        ("“十三五”期间，全县新建学校12所。", "12所", "", "2016/2020", "sentence", "十三五"),
        ("五年来，全县新建道路30条。", "30条", "2024-01-10", "2020/2024", "sentence", "五年来"),
        ("五年来，全县新建道路30条。", "30条", "", "unknown", "sentence", "五年来"),
        ("今年，全县接待游客500万人次。", "500万人次", "2024-10-01", "2024", "sentence", "今年"),
        ("目前，全县有医院9家。", "9家", "2025-03-01", "2025-03-01", "now", "目前"),
        ("目前，全县有医院9家。", "9家", "", "unknown", "now", "目前"),
        ("粮食产量较2020年增长5%。", "增长5%", "", "unknown", "none", ""),
    ],
)
def test_the_figure_s_own_sentence(text: str, surface: str, published: str, period: str, rule: str, words: str) -> None:
    assert decide(text, surface, published) == PeriodDecision(period, rule, words)


def test_cumulative_without_a_start_is_unknown_even_under_a_plan() -> None:
    text = "“十四五”期间，该县坚持创新驱动。全县累计新增专利300件。"
    assert decide(text, "300件") == PeriodDecision("unknown", "cumulative", "累计")


def test_cumulative_with_a_start_keeps_the_start() -> None:
    text = "2021年以来，全县累计新增专利300件。"
    assert decide(text, "300件", "2024-12-31") == PeriodDecision("2021/2024-12-31", "sentence", "2021年以来")


def test_the_opening_sentence_of_the_paragraph_dates_the_rest() -> None:
    text = "“十四五”期间，该县加快城市建设。新建公园12个，改造管网80公里。\n下一段没有时间。新建桥梁3座。"
    assert decide(text, "80公里") == PeriodDecision("2021/2025", "paragraph", "十四五")
    assert decide(text, "3座") == PeriodDecision("unknown", "none", "")


def test_the_opening_paragraph_of_a_section_dates_its_figures() -> None:
    heading = "工业强县\n\n产业升级"
    text = f"{heading}\n“十四五”期间，该县坚持工业强县。\n花炮产业加快升级。建成生产线62条。"
    assert decide(text, "62条", headings=((0, len(heading)),)) == PeriodDecision("2021/2025", "section", "十四五")
    assert decide(text, "62条") == PeriodDecision("unknown", "none", "")


@pytest.mark.parametrize(
    ("text", "surface", "period"),
    [
        ("“十四五”期间，全县森林覆盖率提升至68.5%。", "68.5%", "unknown"),  # a rate at some time in it
        ("“十四五”期间，该县综合实力跃升至全国第8位。", "第8位", "unknown"),  # a rank
        ("“十四五”期间，该县茶叶年产值超10亿元。", "超10亿元", "unknown"),  # an amount per year
        ("“十四五”期间，全县生产总值年均增长6.5%。", "增长6.5%", "2021/2025"),  # growth over the interval
        ("“十四五”期间，全县高新技术企业数量翻两番。", "翻两番", "2021/2025"),  # a multiple over it
        ("2024年全县森林覆盖率达68.5%。", "达68.5%", "2024"),  # a year is a moment's period
    ],
)
def test_an_interval_is_no_period_of_a_level(text: str, surface: str, period: str) -> None:
    assert decide(text, surface).period == period


def test_explain_names_the_rule_and_the_words() -> None:
    decision = decide("2023年以来，全县新增企业120家。", "120家")
    assert decision.explain() == "2023/.. (a time expression in the figure's sentence from '2023年以来')"


def test_a_statistical_bulletin_s_title_dates_the_figures_its_text_does_not() -> None:
    text = "二、农业\n全县粮食产量5.4万吨,油料产量1800吨。\n2020年末常住人口13.2万人。"
    title = "2021年某县国民经济和社会发展统计公报"
    assert decide(text, "5.4万吨", title=title) == PeriodDecision("2021", "title", "2021年")
    assert decide(text, "13.2万人", title=title) == PeriodDecision("2020", "sentence", "2020年")
    assert decide(text, "5.4万吨") == PeriodDecision("unknown", "none", "")


@pytest.mark.parametrize(
    ("text", "surface", "published", "period", "words"),
    [
        ("2024年上半年，全县地区生产总值增长5.8%。", "增长5.8%", "", "2024-01/2024-06", "2024年上半年"),
        ("2023年下半年，全县新增企业80家。", "80家", "", "2023-07/2023-12", "2023年下半年"),
        ("2024年一季度，全县社会消费品零售总额增长6.2%。", "增长6.2%", "", "2024-01/2024-03", "2024年一季度"),
        ("2024年第三季度，全县新签约项目12个。", "12个", "", "2024-07/2024-09", "2024年第三季度"),
        ("2024年前三季度，全县实现生产总值98.6亿元。", "98.6亿元", "", "2024-01/2024-09", "2024年前三季度"),
        ("2024年1—9月，全县固定资产投资增长7.3%。", "增长7.3%", "", "2024-01/2024-09", "2024年1—9月"),
        ("2022年1-2月，全县规上工业增加值增长12%。", "增长12%", "", "2022-01/2022-02", "2022年1-2月"),
        ("今年上半年，全县接待游客120万人次。", "120万人次", "2024-08-01", "2024-01/2024-06", "今年上半年"),
        ("去年一季度，全县出口总额1.2亿元。", "1.2亿元", "2024-08-01", "2023-01/2023-03", "去年一季度"),
    ],
)
def test_a_part_of_a_year_is_its_months(text: str, surface: str, published: str, period: str, words: str) -> None:
    assert decide(text, surface, published) == PeriodDecision(period, "sentence", words)


def test_a_part_of_a_year_takes_the_year_of_its_paragraph_or_title_else_unknown() -> None:
    text = "2024年，全县经济运行稳中有进。上半年，全县一般公共预算收入4.1亿元。"
    assert decide(text, "4.1亿元") == PeriodDecision("2024-01/2024-06", "sentence", "上半年 (2024年)")
    alone = "一至九月，全县接待游客200万人次。"
    title = "2023年某县国民经济和社会发展统计公报"
    assert decide(alone, "200万人次", title=title) == PeriodDecision("2023-01/2023-09", "sentence", "一至九月 (2023年)")
    assert decide(alone, "200万人次") == PeriodDecision("unknown", "sentence", "一至九月")
    # 今年 needs the publication date, and a plan's interval is no year
    assert decide("今年上半年，全县新增企业50家。", "50家").period == "unknown"
    assert decide("“十四五”期间成效显著。上半年，全县新增企业50家。", "50家").period == "unknown"


@pytest.mark.parametrize(
    ("text", "surface", "title", "span"),
    [
        ("2022年全县粮食产量达到30万吨。", "达到30万吨", "", (0, 5)),  # 2022年
        ("目前，全县有医院9家。", "9家", "", (0, 2)),  # 目前
        ("“十四五”期间，该县坚持创新驱动。全县累计新增专利300件。", "300件", "", (19, 21)),  # 累计
        ("“十四五”期间，该县加快城市建设。新建公园12个，改造管网80公里。", "80公里", "", (1, 4)),  # 十四五
        ("2024年，全县经济运行稳中有进。上半年，全县一般公共预算收入4.1亿元。", "4.1亿元", "", (17, 20)),  # 上半年
        ("全县粮食产量5.4万吨。", "5.4万吨", "2021年某县国民经济和社会发展统计公报", (-1, -1)),  # in the title
        ("粮食产量较2020年增长5%。", "增长5%", "", (-1, -1)),  # no words
    ],
)
def test_a_decision_says_where_its_words_stand(text: str, surface: str, title: str, span: tuple[int, int]) -> None:
    decision = decide(text, surface, title=title)
    assert (decision.start, decision.end) == span


def test_a_rate_or_share_of_a_part_of_a_year_keeps_its_months() -> None:
    """Statistics report rates and shares for the months so far: 上半年 is no interval of years."""
    text = "2024年上半年，全县第三产业增加值占生产总值的比重为52.1%。"
    assert decide(text, "52.1%").period == "2024-01/2024-06"
    assert decide("2021—2023年，全县森林覆盖率达65%。", "达65%").period == "unknown"


def test_a_baseline_in_a_part_of_a_year_is_left_to_a_person() -> None:
    """A baseline is a year (tables.models): 较2023年上半年 gives none, rather than 2023."""
    [figure] = extract_quantities("全县生产总值较2023年上半年增长5%。")
    [hint] = figure.period_hints
    assert (hint.text, hint.role, hint.period) == ("较2023年上半年", "baseline", "")


BULLETIN = "2023年某县国民经济和社会发展统计公报"


@pytest.mark.parametrize(
    ("text", "surface", "title", "baseline"),
    [
        ("2023年全县生产总值120亿元，比上年增长6.1%。", "增长6.1%", "", "2022"),  # 比上年: the year before
        ("2023年粮食产量同比增长2%。", "增长2%", "", "2022"),  # 同比 on a year: the year before
        ("2023年末常住人口比上年末减少0.3万人。", "减少0.3万人", "", "2022"),  # 上年末 of a year-end level
        ("2023年粮食产量与上年相比下降2.3%。", "下降2.3%", "", "2022"),  # 与上年相比: compared with the year before
        ("2024年空气质量较2020年改善3.82个百分点。", "改善3.82个百分点", "", "2020"),  # the year named
        (
            "2023年第一产业增加值18亿元，增长4%。",
            "增长4%",
            BULLETIN,
            "2022",
        ),  # a bulletin states growth on the year before
        ("2023年第一产业增加值18亿元，增长4%。", "增长4%", "", ""),  # a work report or article need not
        ("2023年上半年规上工业增加值同比增长7%。", "增长7%", "", ""),  # a part of a year: left to a person
        ("“十四五”期间，全县生产总值年均增长6%。", "增长6%", BULLETIN, ""),  # over an interval: left to a person
        ("2023年全县生产总值120亿元，比上年增长6.1%。", "120亿元", BULLETIN, ""),  # a level has no baseline
    ],
)
def test_the_baseline_of_a_growth_or_change(text: str, surface: str, title: str, baseline: str) -> None:
    figure = next(q for q in extract_quantities(text) if q.surface == surface)
    context = TextContext(bulletin_title=title)
    assert decide_baseline(figure, decide_period(text, figure, context).period, context) == baseline


@pytest.mark.parametrize(
    ("kind", "title", "dated"),
    [("statistical_bulletin", BULLETIN, BULLETIN), ("work_report", "2024年政府工作报告", ""), ("news", BULLETIN, "")],
)
def test_only_a_bulletin_s_title_dates_its_figures(kind: str, title: str, dated: str) -> None:
    # a work report titled 2024年 reviews 2023: its title is not the period of its figures
    assert text_context(kind, title, "2024-01-10").bulletin_title == dated
