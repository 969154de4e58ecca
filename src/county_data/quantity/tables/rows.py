"""Tables written one row per line: ``粮食 | 54300 | 0.37 |`` or ``年末总户数 150785 151284``.

A row is a line whose last cells are values (numbers, or - for none); the
cells before them are the label (and the unit, under a 单位 column). The
header is the line just above the first row; the short lines above it are
the caption. A one-cell line between rows is a section heading (本年度人口变动情况).
"""

from __future__ import annotations

from .grid import MIN_ROWS, Grid, Row, split_header
from .lines import Cell, cells_of, is_number, is_value


def row_grids(lines: list[Cell]) -> list[Grid]:
    """Every table of one region written one row per line."""
    cut = [cells_of(line) for line in lines]
    grids: list[Grid] = []
    i = 0
    while i < len(cut):
        if not _is_row(cut[i]) or i == 0:
            i += 1
            continue
        end = _block_end(cut, i)
        grid = _grid(lines, cut, i - 1, i, end)
        if grid is not None:
            grids.append(grid)
        i = max(end, i + 1)
    return grids


def _is_row(cells: list[Cell]) -> bool:
    return len(cells) >= 2 and is_value(cells[-1]) and any(map(is_number, cells))


def _block_end(cut: list[list[Cell]], first: int) -> int:
    """The index after the last row of the block starting at ``first`` (section lines inside)."""
    end = i = first
    while i < len(cut):
        if _is_row(cut[i]):
            end = i + 1
        elif len(cut[i]) != 1:
            break
        i += 1
    return end


def _trailing_values(cells: list[Cell]) -> int:
    count = 0
    for cell in reversed(cells):
        if not is_value(cell):
            break
        count += 1
    return count


def _grid(lines: list[Cell], cut: list[list[Cell]], header_at: int, first: int, end: int) -> Grid | None:
    header = cut[header_at]
    if any(map(is_number, header)):
        return None
    at = [i for i in range(first, end) if _is_row(cut[i])]
    body = [cut[i] for i in at]
    labelled = [_trailing_values(cells) for cells in body if _trailing_values(cells) < len(cells)]
    width = min(max(labelled, default=len(header) - 1), len(header) - 1)
    split = split_header(header, width)
    if split is None or len(body) < MIN_ROWS:
        return None
    label_header, unit_header, columns = split
    if unit_header is not None and len(header) - width < 2:
        return None
    rows = tuple(_row(cells, len(columns), unit_header is not None) for cells in body)
    return Grid(tuple(lines[:header_at]), label_header, columns, rows, lines[header_at].start, lines[at[-1]].end)


def _row(cells: list[Cell], width: int, has_unit: bool) -> Row:
    count = _trailing_values(cells)
    values = cells[len(cells) - count :]
    labels = cells[: len(cells) - count]
    if len(values) > width:  # a label that is a number (a year) before the values
        labels, values = labels + values[: len(values) - width], values[len(values) - width :]
    unit = labels.pop() if has_unit and len(labels) >= 2 else None
    label = Cell(" ".join(c.text for c in labels), labels[0].start, labels[-1].end) if labels else None
    return Row(label, unit, tuple(values))
