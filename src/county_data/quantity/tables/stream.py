"""Tables written one cell per line (``生产总值 |`` then ``414.9 |`` then ``7.4 |``).

The header is the run of name cells before the first value, less the first
row's label (and unit); its width is the length of the first run of values.
Then rows repeat: a label, a unit under a 单位 column, the values. A label
followed by another label is a section heading; a value where a label is due
is a row whose label is missing from the page.
"""

from __future__ import annotations

from .grid import MIN_ROWS, UNIT_HEADERS, Grid, Row, split_header
from .lines import Cell, is_value, pipe_cell


def stream_grids(lines: list[Cell]) -> list[Grid]:
    """Every table of one region written one cell per line."""
    grids: list[Grid] = []
    run: list[tuple[Cell, Cell]] = []  # (line, its one cell)
    for line in [*lines, None]:
        cell = None if line is None else pipe_cell(line)
        if cell is not None and line is not None:
            run.append((line, cell))
            continue
        grid = _grid(run)
        if grid is not None:
            grids.append(grid)
        run = []
    return grids


def _grid(run: list[tuple[Cell, Cell]]) -> Grid | None:
    cells = [cell for _, cell in run]
    first = next((i for i, cell in enumerate(cells) if is_value(cell)), None)
    if first is None or first < 3:
        return None
    width = _run_length(cells, first)
    lead = 2 if any(c.text in UNIT_HEADERS for c in cells[max(0, first - width - 3) : first]) else 1
    header_at = first - lead - width - (lead - 1) - 1
    if header_at < 0:
        return None
    split = split_header(cells[header_at : first - lead], width)
    if split is None:
        return None
    label_header, unit_header, columns = split
    if (unit_header is not None) != (lead == 2):
        return None
    rows, last = _rows(cells, first - lead, width, lead == 2)
    if len([r for r in rows if len(r.values) == width]) < MIN_ROWS:
        return None
    captions = tuple(line for line, _ in run[:header_at])
    return Grid(captions, label_header, columns, tuple(rows), cells[header_at].start, cells[last].end)


def _run_length(cells: list[Cell], first: int) -> int:
    end = first
    while end < len(cells) and is_value(cells[end]):
        end += 1
    return end - first


def _rows(cells: list[Cell], at: int, width: int, has_unit: bool) -> tuple[list[Row], int]:
    """Rows from ``cells[at]`` on, and the index of the last cell read."""
    rows: list[Row] = []
    last = at
    while at < len(cells):
        label = None if is_value(cells[at]) else cells[at]
        at += label is not None
        unit = cells[at] if has_unit and at < len(cells) and not is_value(cells[at]) else None
        at += unit is not None
        values: list[Cell] = []
        while at < len(cells) and len(values) < width and is_value(cells[at]):
            values.append(cells[at])
            at += 1
        if values:
            rows.append(Row(label, unit, tuple(values)))
            last = at - 1
        elif label is not None and unit is not None:
            at -= 1  # the "unit" was the next label: this one heads a section
    return rows, last
