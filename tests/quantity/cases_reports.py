"""Case rows for the forms of real reports: mirror text, more units, bare magnitudes.

Same row shape as ``cases.py`` (text, surface, value, unit, qualifier, kind); the
expected values were read by hand. Each group is one family of rules in
``county_data.quantity``; each has near misses beside it.
"""

from __future__ import annotations

from cases import AP, MT, Case, E

#: mirror text (quantity/mirror.py): converted script, full-width digits, pinyin, spaces, footnotes;
#: a span ends at the last character of the figure (pinyin after it is not part of it)
MIRROR: list[Case] = [
    ("产值３６.5亿元", "３６.5亿元", 3.65e9, "CNY", E, "level"),
    ("人口２．７万人", "２．７万人", 27000, "count", E, "level"),
    ("總產值36.5億元", "36.5億元", 3.65e9, "CNY", E, "level"),
    ("糧食產量1.2萬噸", "1.2萬噸", 12000, "tonne", E, "level"),
    ("播種面積約3000畝", "約3000畝", 3000, "mu", AP, "level"),
    ("比上年增長6.0%", "增長6.0%", 6.0, "percent", E, "growth"),
    ("提高0.2個百分點", "提高0.2個百分點", 0.2, "percentage_point", E, "change"),
    ("下降1.5個(gè)百分點(diǎn)。", "下降1.5個(gè)百分點", -1.5, "percentage_point", E, "change"),
    ("生產(chǎn)總值0.74億元", "0.74億元", 7.4e7, "CNY", E, "level"),
    ("规模以上企业318 家", "318 家", 318, "count", E, "level"),
    ("城镇化率6.3 %", "6.3 %", 6.3, "percent", E, "level"),
    ("财政收入0.74 亿元", "0.74 亿元", 7.4e7, "CNY", E, "level"),
    ("第三产业占比1.6\n%", "1.6\n%", 1.6, "percent", E, "share"),
    ("产值5.2億 元", "5.2億 元", 5.2e8, "CNY", E, "level"),
    ("比上年增长 6.0%", "增长 6.0%", 6.0, "percent", E, "growth"),
    ("全县生产总值[2]61.9亿元", "61.9亿元", 6.19e9, "CNY", E, "level"),
    ("比上年增长8.1%[3]", "增长8.1%", 8.1, "percent", E, "growth"),
    ("完成投资〔5〕2.3亿元", "2.3亿元", 2.3e8, "CNY", E, "level"),
    ("總人口超過２萬人", "超過２萬人", 20000, "count", MT, "level"),
]

#: mirror noise that must not make a figure: dates, table rows, chrome, brackets that are no footnote
MIRROR_NEGATIVES = [
    "2025 年 3 月 30 日", "男 233123 234361", "(图1)", "[LV.9]", "Rank: 7", "一、综合",
    "發佈時間：2024 年 5 月", "見表[1]", "第 十五 届",
]  # fmt: skip
