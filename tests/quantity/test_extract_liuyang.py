"""extract_quantities on the cited Liuyang excerpts: every figure, read by hand.

The texts are not shipped (see conftest.py); without them these tests skip.
Each row was read from the sentence quoted beside it, before running the reader.
"""

from __future__ import annotations

import math

import pytest

from county_data.quantity import extract_quantities

#: file stem -> figures (surface, value in base units, unit, qualifier, kind) in text order
Figure = tuple[str, float, str, str, str]
LIUYANG_FIGURES: dict[str, list[Figure]] = {
    "liuyang-daily-2025-11-28": [
        ("第一", 1, "rank", "exact", "rank"),  # 评价排名全省第一
        ("第5位", 5, "rank", "exact", "rank"),  # 百强县排名跃升至第5位
        ("第11位", 11, "rank", "exact", "rank"),  # 跻身全国工业百强县第11位
        ("第68位", 68, "rank", "exact", "rank"),  # 跃居国家级经开区第68位
        ("142场", 142, "count", "exact", "level"),  # 举办创意焰火秀142场
        ("超700万人次", 7_000_000, "count", "more_than", "level"),  # 累计吸引游客超700万人次
        ("第3位", 3, "rank", "exact", "rank"),  # 旅游综合实力百强县第3位
        ("190项", 190, "count", "exact", "level"),  # 190项重点改革任务全面完成
        ("46项", 46, "count", "exact", "level"),  # 46项改革走在全国前列
        ("1613项", 1613, "count", "exact", "level"),  # 1613项业务实现“一窗综办”
        ("5年", 5, "year", "exact", "level"),  # 连续5年获评
        ("翻番", 2, "times", "at_least", "multiple"),  # 科技型中小企业实现翻番
        ("169项", 169, "count", "exact", "level"),  # 169项政务服务事项
        ("64.7%", 64.7, "percent", "exact", "level"),  # 城镇化率提升至64.7%
        ("171个", 171, "count", "exact", "level"),  # 完成市政基础设施项目171个
        ("241个", 241, "count", "exact", "level"),  # 提质老旧小区241个
        ("41条", 41, "count", "exact", "level"),  # 拉通城市道路41条
        ("1629.5公里", 1629.5, "km", "exact", "level"),  # 提质农村公路1629.5公里
    ],
    "chinanews-2025-11-29": [
        ("1个", 1, "count", "exact", "level"),  # 共1个回答: the mirror site's chrome, a count all the same
        ("超500亿元", 500 * 10**8, "CNY", "more_than", "level"),  # 烟花爆竹产业年产值超500亿元
        ("142场", 142, "count", "exact", "level"),  # 已成功举办142场创意焰火活动
        ("超700万人次", 7_000_000, "count", "more_than", "level"),  # 吸引游客超700万人次
        ("超200亿元", 200 * 10**8, "CNY", "more_than", "level"),  # 拉动消费超200亿元
        ("两项", 2, "count", "exact", "level"),  # 打破两项吉尼斯世界纪录
    ],
    "peoples-daily-2025-02-12": [
        ("431家", 431, "count", "exact", "level"),  # 烟花爆竹生产企业431家
        ("约60%", 60, "percent", "approx", "share"),  # 国内市场占有率约60%
        ("超30万人次", 300_000, "count", "more_than", "level"),  # 带动从业人员超30万人次
        ("500万人次", 5_000_000, "count", "exact", "level"),  # 累计吸引游客500万人次
        ("超150亿元", 150 * 10**8, "CNY", "more_than", "level"),  # 拉动消费超150亿元
        ("502.2亿元", 502.2 * 10**8, "CNY", "exact", "level"),  # 总产值502.2亿元
        # 城乡居民人均可支配收入比为1.3: a bare ratio, cut off by the excerpt; not asserted
    ],
}


@pytest.mark.parametrize("stem", sorted(LIUYANG_FIGURES))
def test_liuyang_every_figure_and_nothing_else(liuyang_texts: dict[str, str], stem: str) -> None:
    expected = LIUYANG_FIGURES[stem]
    found = extract_quantities(liuyang_texts[stem])
    assert [(q.surface, q.unit, q.qualifier, q.kind) for q in found] == [(s, u, ql, k) for s, _, u, ql, k in expected]
    for q, (surface, value, *_) in zip(found, expected, strict=True):
        assert math.isclose(q.value, value, rel_tol=1e-12), (surface, q.value, value)
