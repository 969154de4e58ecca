"""extract_quantities on the sample reports: every figure, nothing else.

The expected figures were read by hand from the frozen text, not taken from
the reader or from the annotations (the build forces those to equal the
reader). Spans are found in the text by the tests themselves.
"""

from __future__ import annotations

import math

from county_data.quantity import extract_quantities

#: (surface, value in base units, unit, qualifier, kind) in report order, read by hand;
#: the phrase each comes from is in the comment
SHANGLI_FIGURES = [
    ("超80%", 80, "percent", "more_than", "level"),  # 生产机械化应用率超80%
    ("62条", 62, "count", "exact", "level"),  # 建成62条自动化示范生产线
    ("突破200亿元", 200 * 10**8, "CNY", "more_than", "level"),  # 产业集群总产值突破200亿元
    ("四分之一以上", 25, "percent", "at_least", "share"),  # 出口贸易额占全国总量的四分之一以上
    ("215件", 215, "count", "exact", "level"),  # 企业累计获专利215件
    ("150余种", 150, "count", "more_than", "level"),  # 稻穗烟花等150余种新产品
    ("140余家", 140, "count", "more_than", "level"),  # 园区已聚集企业140余家
    ("8家", 8, "count", "exact", "level"),  # 与8家湘籍医疗机构深度合作
    ("34个", 34, "count", "exact", "level"),  # 老旧小区改造34个
    ("2.8万户", 28_000, "count", "exact", "level"),  # 惠及居民2.8万户
    ("10条", 10, "count", "exact", "level"),  # 新建改建城市道路10条
    ("约30个", 30, "count", "approx", "level"),  # 建成约30个生态休闲空间
    ("22个", 22, "count", "exact", "level"),  # 推动22个农产品入选
    ("7120人次", 7120, "count", "exact", "level"),  # 政府补贴性培训7120人次
    ("20余个", 20, "count", "more_than", "level"),  # 中式烹调师等20余个工种
    ("超5.5亿元", 550_000_000, "CNY", "more_than", "level"),  # 发放创业贷款超5.5亿元
    ("1500余家", 1500, "count", "more_than", "level"),  # 培育小微企业1500余家
    ("1.25万人", 12_500, "count", "exact", "level"),  # 带动就业1.25万人
    ("215件", 215, "count", "exact", "level"),  # 花炮企业累计获专利215件 (stated again)
    ("150余种", 150, "count", "more_than", "level"),  # 培育150余种新产品 (stated again)
    ("473人", 473, "count", "exact", "level"),  # 奖励优秀医护人员473人
    ("70余人", 70, "count", "more_than", "level"),  # 选送70余人进修
    ("59名", 59, "count", "exact", "level"),  # 推动59名县级医师...下沉基层
    ("达93.82%", 93.82, "percent", "exact", "share"),  # 优良天数比例达93.82%: a proportion of days
    ("改善3.82个百分点", 3.82, "percentage_point", "exact", "change"),  # 较2020年改善3.82个百分点
    ("达100%", 100, "percent", "exact", "level"),  # 地表水断面水质优良率达100%
    ("达100%", 100, "percent", "exact", "level"),  # 受污染耕地安全利用率达100%
    ("增长16%", 16, "percent", "exact", "growth"),  # 接待游客量增长16%
    ("增长18%", 18, "percent", "exact", "growth"),  # 文旅综合收入增长18%
]
#: numerals in the text that are not figures (names, ordinals, years, set phrases), read by hand
SHANGLI_NOT_FIGURES = [
    "千年", "十四五", "五县", "第一方阵", "四好农村路", "一花独放", "四大", "2024年", "十佳", "首个", "一次办",
    "一批", "2025年", "两地", "半小时", "第四批", "一件事", "三位一体", "4050", "四单式", "一支", "五年来",
    "三级", "一体化", "三大保卫战", "2020年", "十五五", "第三届",
]  # fmt: skip


def _spans_by_hand(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """Where each surface is, taking repeated surfaces in order: found by str.find, not by the reader."""
    spans: list[tuple[int, int]] = []
    after: dict[str, int] = {}
    for surface in surfaces:
        start = text.find(surface, after.get(surface, 0))
        assert start >= 0, surface
        spans.append((start, start + len(surface)))
        after[surface] = start + len(surface)
    return spans


def test_shangli_every_figure_and_nothing_else(shangli_text: str) -> None:
    found = extract_quantities(shangli_text)
    assert [(q.surface, q.unit, q.qualifier, q.kind) for q in found] == [
        (s, u, ql, k) for s, _, u, ql, k in SHANGLI_FIGURES
    ]
    for q, (surface, value, *_) in zip(found, SHANGLI_FIGURES, strict=True):
        assert math.isclose(q.value, value, rel_tol=1e-12), (surface, q.value, value)


def test_shangli_spans_are_where_the_figures_are(shangli_text: str) -> None:
    spans = [(q.start, q.end) for q in extract_quantities(shangli_text)]
    assert spans == _spans_by_hand(shangli_text, [figure[0] for figure in SHANGLI_FIGURES])


def test_shangli_numerals_that_are_not_figures(shangli_text: str) -> None:
    taken = [(q.start, q.end) for q in extract_quantities(shangli_text)]
    for word in SHANGLI_NOT_FIGURES:
        start = shangli_text.index(word)
        assert not any(s < start + len(word) and start < e for s, e in taken), word


def test_shangli_period_hints(shangli_text: str) -> None:
    by_surface = {q.surface: q for q in extract_quantities(shangli_text)}
    change = by_surface["改善3.82个百分点"]  # 2024年...比例达93.82%，较2020年改善
    assert [(h.role, h.period) for h in change.period_hints] == [("reference", "2024"), ("baseline", "2020")]
    assert [h.period for h in by_surface["突破200亿元"].period_hints] == ["2024"]  # 2024年产业集群总产值
    assert by_surface["超80%"].period_hints == ()  # no year in its sentence
