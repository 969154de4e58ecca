"""Tables in bulletins: the three layouts, the unit that governs a cell, and what is no table.

Every table here is written by hand for the rule it tests; the expected values
are read from the table by hand (亿元 = 10^8 yuan, 万吨 = 10^4 tonnes).
"""

from __future__ import annotations

import math

import pytest

from county_data import TableCell, extract_table_cells
from county_data.errors import QuantityParseError
from county_data.quantity import extract_quantities

Row = tuple[str, float, str, str, str, str]


def read(text: str) -> list[Row]:
    """(surface, value, unit, row, column, unit source) of every cell, checking each span."""
    found = extract_table_cells(text)
    for cell in found:
        q = cell.quantity
        assert text[q.start : q.end] == q.surface
    return [(c.quantity.surface, c.quantity.value, c.quantity.unit, c.row, c.column, c.unit_source) for c in found]


def same(got: list[Row], want: list[Row]) -> None:
    assert [r[:1] + r[2:] for r in got] == [r[:1] + r[2:] for r in want]
    for (surface, value, *_), (_, expected, *_) in zip(got, want, strict=True):
        assert math.isclose(value, expected, rel_tol=1e-12), surface


PIPE_ROWS = """全年粮食产量5.43万吨,增长2.1%。
主要农产品产量
产品名称 | 产量(吨) | 比上年增长(%) |
粮食 | 54300 | 2.1 |
其中:稻谷 | 41200 | -0.8 |
茶叶 | 700 | 3.6 |
年末生猪存栏3.43万头,增长11.1%。
"""


def test_pipe_rows_take_their_units_from_the_header() -> None:
    same(
        read(PIPE_ROWS),
        [
            ("54300", 54300, "tonne", "粮食", "产量(吨)", "header"),
            ("2.1", 2.1, "percent", "粮食", "比上年增长(%)", "header"),
            ("41200", 41200, "tonne", "其中:稻谷", "产量(吨)", "header"),
            ("-0.8", -0.8, "percent", "其中:稻谷", "比上年增长(%)", "header"),
            ("700", 700, "tonne", "茶叶", "产量(吨)", "header"),
            ("3.6", 3.6, "percent", "茶叶", "比上年增长(%)", "header"),
        ],
    )


def test_cells_carry_caption_kind_and_measure_word() -> None:
    first, growth = extract_table_cells(PIPE_ROWS)[:2]
    assert first.caption == "主要农产品产量" and first.unit == "吨"
    assert (first.quantity.kind, growth.quantity.kind) == ("level", "growth")
    assert first.quantity.qualifier == "exact" and first.quantity.lower == first.quantity.upper == 54300


def test_extract_quantities_returns_prose_and_cells_once_in_order() -> None:
    found = extract_quantities(PIPE_ROWS)
    values = [(round(q.value, 6), q.unit) for q in found]  # prose surfaces are the prose reader's business
    assert values == [
        (54300, "tonne"), (2.1, "percent"),  # 全年粮食产量5.43万吨,增长2.1%
        (54300, "tonne"), (2.1, "percent"), (41200, "tonne"), (-0.8, "percent"), (700, "tonne"), (3.6, "percent"),
        (34300, "count"), (11.1, "percent"),  # 年末生猪存栏3.43万头,增长11.1%
    ]  # fmt: skip
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_a_percent_written_in_the_cell_is_read_once() -> None:
    text = "指标 | 增速 |\n工业 | 9.4% |\n建筑业 | 15.2% |\n"
    assert [(q.surface, q.value, q.unit, q.kind) for q in extract_quantities(text)] == [
        ("9.4%", 9.4, "percent", "growth"),
        ("15.2%", 15.2, "percent", "growth"),
    ]


SPACE_ROWS = """表2 主要农产品产量
指标 单位 2024年 2023年
粮食 万吨 5.43 5.21
油料 吨 1800 1700
生猪出栏 万头 5.81 3.60
"""


def test_space_aligned_rows_with_a_unit_column() -> None:
    same(
        read(SPACE_ROWS),
        [
            ("5.43", 54300, "tonne", "粮食", "2024年", "unit column"),
            ("5.21", 52100, "tonne", "粮食", "2023年", "unit column"),
            ("1800", 1800, "tonne", "油料", "2024年", "unit column"),
            ("1700", 1700, "tonne", "油料", "2023年", "unit column"),
            ("5.81", 58100, "count", "生猪出栏", "2024年", "unit column"),
            ("3.60", 36000, "count", "生猪出栏", "2023年", "unit column"),
        ],
    )


def test_a_year_column_is_the_reference_period_of_its_cells() -> None:
    cells = extract_table_cells(SPACE_ROWS)
    assert [c.quantity.period_hints[0].period for c in cells[:2]] == ["2024", "2023"]
    assert cells[4].quantity.measure_word == "头"


STREAM = """表1 全县生产总值及其增长速度
单位：亿元
指 标 |
绝对数 |
比上年增长(%) |
生产总值 |
414.9 |
7.4 |
第一产业 |
60.8 |
3.9 |
二、农业
全年农作物播种总面积24.9万公顷,比上年增长1.1%。
"""


def test_one_cell_per_line_with_the_unit_in_a_caption_line() -> None:
    same(
        read(STREAM),
        [
            ("414.9", 414.9e8, "CNY", "生产总值", "绝对数", "caption"),
            ("7.4", 7.4, "percent", "生产总值", "比上年增长(%)", "header"),
            ("60.8", 60.8e8, "CNY", "第一产业", "绝对数", "caption"),
            ("3.9", 3.9, "percent", "第一产业", "比上年增长(%)", "header"),
        ],
    )
    assert extract_table_cells(STREAM)[0].caption == "表1 全县生产总值及其增长速度"


def test_one_cell_per_line_without_bars() -> None:
    text = "单位:万元\n项目\n收入\n支出\n教育\n1200\n980\n卫生\n850\n-\n"
    same(
        read(text),
        [
            ("1200", 1200e4, "CNY", "教育", "收入", "caption"),
            ("980", 980e4, "CNY", "教育", "支出", "caption"),
            ("850", 850e4, "CNY", "卫生", "收入", "caption"),
        ],
    )


def test_a_growth_column_without_a_unit_is_in_percent_under_a_money_caption() -> None:
    text = "单位：亿元\n指标 | 总量 | 比上年增长 |\n财政收入 | 42.5 | 13.9 |\n税收收入 | 27.6 | 20.0 |\n"
    rows = read(text)
    assert [(r[0], r[2], r[5]) for r in rows] == [
        ("42.5", "CNY", "caption"),
        ("13.9", "percent", "growth column"),
        ("27.6", "CNY", "caption"),
        ("20.0", "percent", "growth column"),
    ]


def test_a_unit_in_the_row_label_governs_columns_without_one() -> None:
    text = "指标 2024年 2023年\n粮食产量（吨） 54300 53100\n茶叶产量（吨） 700 650\n"
    assert [(r[0], r[2], r[5]) for r in read(text)][:2] == [
        ("54300", "tonne", "row label"),
        ("53100", "tonne", "row label"),
    ]


def test_a_count_named_by_its_measure_word_is_counted_in_it() -> None:
    text = "指标 2024年 2023年\n年末总户数 150785 151284\n从业人数 2771 2820\n价格指数 102.3 101.8\n"
    cells = extract_table_cells(text)
    assert [(c.quantity.unit, c.quantity.measure_word, c.unit_source) for c in cells[::2]] == [
        ("count", "户", "row label"),
        ("count", "人", "row label"),
        ("count", "", "none"),  # 指数 is an index, not a count of 指
    ]


def test_a_decline_column_gives_negative_growth() -> None:
    text = "产品 | 产量(吨) | 比上年下降(%) |\n禽蛋 | 2400 | 2.3 |\n水产品 | 1900 | 2.1 |\n"
    assert [(c.quantity.value, c.quantity.kind) for c in extract_table_cells(text)][1::2] == [
        (-2.3, "growth"),
        (-2.1, "growth"),
    ]


def test_age_bands_and_a_missing_row_label_keep_the_columns_right() -> None:
    text = "指标 2024年 2023年\n其中:男 233123 234361\n211199 212128\n0-17岁 86248 84771\n60岁及以上 93132 87572\n"
    rows = read(text)
    assert [(r[0], r[3], r[4]) for r in rows] == [
        ("233123", "其中:男", "2024年"),
        ("234361", "其中:男", "2023年"),
        ("211199", "", "2024年"),
        ("212128", "", "2023年"),
        ("86248", "0-17岁", "2024年"),
        ("84771", "0-17岁", "2023年"),
        ("93132", "60岁及以上", "2024年"),
        ("87572", "60岁及以上", "2023年"),
    ]
    assert all(r[2] == "count" and r[5] == "none" for r in rows)
    assert "0-17岁" not in [q.surface for q in extract_quantities(text)]


def test_years_as_row_labels() -> None:
    text = "年份 | 产量(吨) | 增长(%) |\n2022 | 1800 | 3.6 |\n2023 | 1900 | 5.6 |\n"
    assert [(r[0], r[3], r[4]) for r in read(text)] == [
        ("1800", "2022", "产量(吨)"),
        ("3.6", "2022", "增长(%)"),
        ("1900", "2023", "产量(吨)"),
        ("5.6", "2023", "增长(%)"),
    ]


def test_a_section_line_between_rows_and_a_none_mark_in_a_cell() -> None:
    text = "指标 2024年 2023年\n出生 2771 2820\n本年度迁移情况\n迁入 856 -\n迁出 1918 2298\n"
    assert [(r[0], r[3], r[4]) for r in read(text)] == [
        ("2771", "出生", "2024年"),
        ("2820", "出生", "2023年"),
        ("856", "迁入", "2024年"),
        ("1918", "迁出", "2024年"),
        ("2298", "迁出", "2023年"),
    ]


def test_full_width_digits_keep_their_surface_and_span() -> None:
    text = "作物 | 面积(亩) |\n水稻 | ３０３２ |\n玉米 | １５００ |\n"
    assert [(r[0], r[1], r[2]) for r in read(text)] == [("３０３２", 3032, "mu"), ("１５００", 1500, "mu")]


def test_an_unknown_unit_still_gives_the_number_as_a_count() -> None:
    text = "指标 | 数量(某某) |\n甲 | 12 |\n乙 | 15 |\n"
    cells = extract_table_cells(text)
    assert [(c.quantity.value, c.quantity.unit, c.quantity.measure_word, c.unit) for c in cells] == [
        (12, "count", "", "某某"),
        (15, "count", "", "某某"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # forum chrome: bars between counters and links, no header, no row of values
        "查看: 462|回复: 0\n发表于 2023-6-5 22:20:33 | 显示全部楼层 |阅读模式\n",
        "    积分\n    146508\n\n    Rank: 7Rank: 7Rank: 7\n",
        # a line of numbers is no table: no header of names above it
        "2021 2022 2023\n12 15 18\n20 25 30\n",
        # one row under a header is a sentence cut by a mirror, not a table
        "产品名称 | 绝对数(吨) |\n粮食 | 54300 |\n",
        # prose broken between number and unit
        "全年城镇新增就业3184人,比上年增长\n1.6\n%,失业率2.87%。\n",
        # a date written with spaces, and a page title with a year tag
        "2025 年 3 月 30 日\n洛南县2024年国民经济和社会发展统计公报 2024\n",
    ],
)
def test_what_is_no_table(text: str) -> None:
    assert extract_table_cells(text) == []


def test_prose_is_returned_unchanged_around_no_table() -> None:
    text = "查看: 462|回复: 0\n预计全县生产总值达到300亿元,增长3%。\n"
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(300e8, "CNY"), (3, "percent")]


def test_two_tables_one_after_the_other() -> None:
    text = "表1 产量\n产品 | 产量(吨) |\n粮食 | 54300 |\n油料 | 1800 |\n表2 面积\n作物 | 面积(公顷) |\n水稻 | 8273.3 |\n玉米 | 120 |\n"
    cells = extract_table_cells(text)
    assert [(c.quantity.unit, c.caption) for c in cells] == [
        ("tonne", "表1 产量"),
        ("tonne", "表1 产量"),
        ("hectare", "表2 面积"),
        ("hectare", "表2 面积"),
    ]


def test_table_cell_refuses_an_unknown_unit_source() -> None:
    quantity = extract_table_cells(PIPE_ROWS)[0].quantity
    with pytest.raises(ValueError, match="unit_source must be one of"):
        TableCell(quantity, "粮食", "产量(吨)", "", "吨", "guess")


def test_bytes_are_refused_with_text_not_str() -> None:
    with pytest.raises(QuantityParseError) as raised:
        extract_table_cells(PIPE_ROWS.encode())
    assert raised.value.problems[0].code == "text-not-str"


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("全县生产总值61.9亿元,增长9.8%。\n人均56282元。", False),
        ("粮食 | 54300 | 0.37 |\r\n", True),
        ("年末总户数 150785\u3000\n", True),
        ("生产总值 |\n", True),
        ("", False),
    ],
)
def test_the_quick_test_lets_prose_through_and_never_misses_a_row_end(text: str, may: bool) -> None:
    from county_data.quantity.tables.lines import may_hold_tables, regions

    assert may_hold_tables(text) is may
    assert may or regions(text) == []
