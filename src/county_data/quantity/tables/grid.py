"""A table as rows and columns, whatever its layout.

``Grid`` is what the layouts (``rows.py``: one row per line, cut at ``|`` or
spaces; ``stream.py``: one cell per line) hand to ``cells.py``: the caption
lines above the header, the header's value columns and unit column, and rows
of a label, a unit cell and value cells in column order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lines import Cell

#: a header cell naming the unit column
UNIT_HEADERS = frozenset({"单位", "计量单位"})
#: a table needs at least this many rows with figures: one line of numbers is no table
MIN_ROWS = 2
#: a header cell is a short name; a long one is a sentence
MAX_HEADER_CHARS = 30


@dataclass(frozen=True, slots=True)
class Row:
    label: Cell | None
    unit: Cell | None
    values: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Grid:
    captions: tuple[Cell, ...]
    label_header: str
    columns: tuple[Cell, ...]
    rows: tuple[Row, ...]
    #: from the header's first character to the last row's last: prose figures here are cells
    start: int
    end: int


@cache
def _unit_line() -> re.Pattern[str]:
    return re.compile(r"单位\s*[:：]\s*(?P<unit>[^\s,，、;；)）]+)")


def caption_unit(captions: tuple[Cell, ...]) -> Cell | None:
    """The unit of a ``单位：亿元`` line above the header (the nearest one), as a Cell."""
    for line in reversed(captions):
        match = _unit_line().search(line.text)
        if match:
            return Cell(match["unit"], line.start + match.start("unit"), line.start + match.end("unit"))
    return None


def caption_title(captions: tuple[Cell, ...]) -> str:
    """The title: the nearest caption line that is neither a unit line nor a note in brackets."""
    for line in reversed(captions):
        title = _unit_line().sub("", line.text).strip()
        if title and title[0] not in "(（[【〔":
            return title
    return ""


def is_header_cell(cell: Cell) -> bool:
    return 0 < len(cell.text) <= MAX_HEADER_CHARS


def split_header(header: list[Cell], width: int) -> tuple[str, Cell | None, tuple[Cell, ...]] | None:
    """(label header, unit column header, value column headers) for rows of ``width`` values.

    The value columns are the last ``width`` cells; a 单位 cell before them is
    the unit column; the rest, joined, names the label column (指 标 -> 指 标).
    """
    if width < 1 or len(header) < width + 1 or not all(map(is_header_cell, header)):
        return None
    columns = tuple(header[-width:])
    rest = header[:-width]
    unit = rest[-1] if rest[-1].text in UNIT_HEADERS else None
    labels = rest[:-1] if unit else rest
    return " ".join(cell.text for cell in labels), unit, columns
