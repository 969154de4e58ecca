"""Grid cells -> ``TableCell``: a Quantity with its row, column, caption and unit source.

The unit that governs a cell is, in order: the row's unit column (吨), the
column header's bracket (绝对数(吨), 比上年增长(%)), the row label's bracket
(粮食产量（吨）), the caption (单位：亿元), and last a count's name
(年末总户数 is counted in 户). A column of growth (比上年增长)
with no unit of its own is in percent. A unit is read as the quantity reader
reads "1" + unit, so 亿元 is CNY × 10^8 by the same rule as in prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..numerals import normalize, read_numeral
from ..record import PeriodHint, Quantity
from ..vocabulary import FALL_VERBS, RISE_VERBS, SHARE_WORDS
from .grid import Grid, Row, caption_title, caption_unit
from .lines import Cell, is_number

#: where a cell's unit came from
UNIT_SOURCES: tuple[str, ...] = ("unit column", "header", "row label", "caption", "growth column", "none")
#: words of a column (or row) of changes over a period; 增减 and 增速 name a change either way
GROWTH_WORDS: tuple[str, ...] = (*RISE_VERBS, *FALL_VERBS, "增速", "增幅", "增减", "比上年", "同比")


@dataclass(frozen=True, slots=True)
class TableCell:
    """One number of a bulletin table, read with the labels that say what it is.

    ``quantity`` spans the number as written (surface ``414.9``), value in base
    units; ``row`` is the row label ("" when the page lost it), ``column`` the
    column header, ``caption`` the table's title line ("" if none), ``unit``
    the unit as written where it was found and ``unit_source`` one of ``UNIT_SOURCES``.
    """

    quantity: Quantity
    row: str
    column: str
    caption: str
    unit: str
    unit_source: str

    def __post_init__(self) -> None:
        if self.unit_source not in UNIT_SOURCES:
            raise ValueError(f"unit_source must be one of {UNIT_SOURCES} (got {self.unit_source!r})")


@cache
def _bracket_unit() -> re.Pattern[str]:
    return re.compile(r"[(（]\s*(?P<unit>[^()（）\d]{1,8}?)\s*[)）]\s*$")


@cache
def _year() -> re.Pattern[str]:
    return re.compile(r"(?:19|20)\d{2}(?=年)")


def grid_cells(grid: Grid, text: str) -> list[TableCell]:
    """Every number of ``grid`` as a TableCell, in text order."""
    caption = caption_title(grid.captions)
    found = []
    for row in grid.rows:
        for column, cell in zip(grid.columns, row.values, strict=False):
            if is_number(cell):
                found.append(_cell(grid, row, column, cell, caption, text))
    return sorted(found, key=lambda c: c.quantity.start)


def _cell(grid: Grid, row: Row, column: Cell, cell: Cell, caption: str, text: str) -> TableCell:
    label = row.label.text if row.label else ""
    unit, source = _governing_unit(grid, row, column, cell)
    code, measure_word, scale = read_unit(unit)
    names = column.text + label
    kind = _kind(code, names)
    number = _number(cell.text)
    if any(word in column.text for word in FALL_VERBS) and not any(word in column.text for word in RISE_VERBS):
        number = -number
    value = number * scale  # as the prose reader scales 128.3亿元, so the two agree to the bit
    hints = _period_hints(column, grid.captions)
    quantity = Quantity(value, code, measure_word, "exact", value, value, kind,
                        cell.start, cell.end, text[cell.start : cell.end], hints)  # fmt: skip
    return TableCell(quantity, label, column.text, caption, unit, source)


def _governing_unit(grid: Grid, row: Row, column: Cell, cell: Cell) -> tuple[str, str]:
    if cell.text.endswith("%"):
        return "%", "header"
    if row.unit is not None and row.unit.text:
        return row.unit.text, "unit column"
    for name, source in ((column.text, "header"), (row.label.text if row.label else "", "row label")):
        match = _bracket_unit().search(name)
        if match:
            return match["unit"], source
    if any(word in column.text for word in GROWTH_WORDS):
        return "%", "growth column"
    found = caption_unit(grid.captions)
    if found:
        return found.text, "caption"
    counted = _counted_in(row.label.text if row.label else "")
    return (counted, "row label") if counted else ("", "none")


def _counted_in(label: str) -> str:
    """户 of 年末总户数, 人 of 从业人数: a count named "<measure word>数" is counted in that word."""
    if len(label) < 2 or not label.endswith("数"):
        return ""
    code, measure_word, _ = read_unit(label[-2])
    return measure_word if code == "count" and measure_word else ""


@cache
def read_unit(unit: str) -> tuple[str, str, float]:
    """(unit code, measure word, scale) of a unit as written: 亿元 -> (CNY, 亿元, 1e8).

    A unit the quantity reader does not know, or none, gives a plain count.
    """
    from ..parse import parse_quantity  # parse imports extract, which imports this package

    quantity = parse_quantity("1" + normalize(unit)) if unit else None
    if quantity is None or quantity.value <= 0:
        return "count", "", 1.0
    return quantity.unit, quantity.measure_word, quantity.value


def _kind(code: str, names: str) -> str:
    if code == "percent" and any(word in names for word in SHARE_WORDS):
        return "share"
    if any(word in names for word in GROWTH_WORDS):
        return "growth" if code == "percent" else "change"
    return "level"


def _number(written: str) -> float:
    value = read_numeral(normalize(written).rstrip("%").replace("−", "-").replace(",", ""))
    if value is None:  # is_number let it through, so it reads; a guard for mypy
        raise ValueError(f"cell must be a number (got {written!r})")
    return value


def _period_hints(column: Cell, captions: tuple[Cell, ...]) -> tuple[PeriodHint, ...]:
    """The year a column (2024年) or else the caption (2021年…产量) names, as a reference hint."""
    for place in (column, *reversed(captions)):
        match = _year().search(place.text)
        if match:
            start = place.start + match.start()
            return (PeriodHint(match.group() + "年", start, start + 5, "reference", match.group()),)
    return ()
