"""Numbers in bulletin tables, each with its row label, column header and unit.

Three layouts: one row per line cut at ``|`` (``粮食 | 54300 | 0.37 |``) or at
spaces (``年末总户数 150785 151284``), and one cell per line. The unit comes
from a unit column, the header (``绝对数(吨)``), the row label or a caption
(``单位：亿元``); see ``cells.py``. ``extract_quantities`` returns the cells'
quantities too, in place of what the prose reader saw inside a table.
"""

from __future__ import annotations

from bisect import bisect_right

from ..numerals import normalize
from ..record import Quantity
from .cells import UNIT_SOURCES, TableCell, grid_cells
from .grid import Grid
from .lines import may_hold_tables, regions
from .rows import row_grids
from .stream import stream_grids

__all__ = ["UNIT_SOURCES", "TableCell", "extract_table_cells", "with_table_cells"]


def extract_table_cells(text: str) -> list[TableCell]:
    """Every number standing in a table of ``text``, sorted by start; spans index ``text``."""
    if not isinstance(text, str):
        from ..extract import not_str

        raise not_str(text)
    return [cell for grid in _grids(text) for cell in grid_cells(grid, text)]


def with_table_cells(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` (the prose reader's figures) with each table's cells in place of its region."""
    grids = _grids(text)
    if not grids:
        return found
    starts = [grid.start for grid in grids]
    ends = [grid.end for grid in grids]
    kept = [q for q in found if not _inside(q, starts, ends)]
    cells = [cell.quantity for grid in grids for cell in grid_cells(grid, text)]
    return sorted(kept + cells, key=lambda q: (q.start, q.end))


def _inside(quantity: Quantity, starts: list[int], ends: list[int]) -> bool:
    i = bisect_right(starts, quantity.end - 1) - 1
    return i >= 0 and ends[i] > quantity.start


def _grids(text: str) -> list[Grid]:
    normal = normalize(text)
    if not may_hold_tables(normal):
        return []
    grids: list[Grid] = []
    for lines in regions(normal):
        grids += row_grids(lines) or stream_grids(lines)
    return grids
