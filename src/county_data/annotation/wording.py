"""Annotations against the quantity reader: the words must say what the row says,
and every figure the reader finds in a report must be accounted for."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from county_data.annotation.entries import Annotations, HonourEntry, Mention, ObservationEntry
from county_data.errors import Problem
from county_data.source.frozen import line_at, line_starts

if TYPE_CHECKING:
    from county_data.quantity.record import Quantity
    from county_data.quantity.tables import TableCell


def consistency_problems(
    annotations: Annotations,
    texts: Mapping[str, str],
    paths: Mapping[str, str] | None = None,
    read: Mapping[str, Sequence[Quantity]] | None = None,
) -> list[Problem]:
    """Words against rows, and every figure of every text accounted for.

    ``paths`` names the file each source text was read from, for messages; ``read`` holds
    the reader's figures of each text when the caller has read them already.
    """
    from county_data.quantity import extract_quantities

    path = str(annotations.path)
    read = read if read is not None else {source_id: extract_quantities(text) for source_id, text in texts.items()}
    figures = {source_id: {(f.start, f.end): f for f in read[source_id]} for source_id in texts}
    problems = [
        problem
        for entry in annotations.observations
        if not entry.derived
        for problem in _surface_problems(entry, path, figures.get(entry.source_id, {}))
    ]
    for source_id, text in sorted(texts.items()):
        text_path = (paths or {}).get(source_id, source_id)
        problems += coverage_problems(annotations, source_id, text, text_path, read[source_id])
    return problems


def _read_in_place(entry: ObservationEntry, figures: Mapping[tuple[int, int], Quantity]) -> Quantity | None:
    """The reader's figure at the surface's place in the text: a table cell (54300 under 产量(吨))
    or a share of a ratio (14.4 of 14.4:41.4:44.2) means what its table or ratio says, which the
    surface alone cannot tell."""
    mention = entry.mentions[0]
    offset = mention.quote.find(entry.surface)
    if offset < 0:
        return None
    start = mention.start + offset
    return figures.get((start, start + len(entry.surface)))


def _surface_problems(entry: ObservationEntry, path: str, figures: Mapping[tuple[int, int], Quantity]) -> list[Problem]:
    from county_data.quantity import parse_quantity

    quantity = _read_in_place(entry, figures) or parse_quantity(entry.surface)
    if quantity is None:
        return [
            _problem(entry, path, "unreadable-surface", "surface", f"surface {entry.surface!r} must be one quantity")
        ]
    problems = []
    if quantity.unit != entry.unit:
        problems.append(
            _problem(
                entry,
                path,
                "surface-unit",
                "unit",
                f"unit must be {quantity.unit!r} as written in {entry.surface!r} (got {entry.unit!r})",
            )
        )
    if entry.value is not None and not math.isclose(quantity.value, entry.value, rel_tol=1e-9):
        problems.append(
            _problem(
                entry,
                path,
                "surface-value",
                "value",
                f"value must be {quantity.value:g} as written in {entry.surface!r} (got {entry.value:g})",
            )
        )
    if quantity.qualifier != entry.qualifier:
        problems.append(
            _problem(
                entry,
                path,
                "surface-qualifier",
                "qualifier",
                f"qualifier must be {quantity.qualifier!r} as written in {entry.surface!r} (got {entry.qualifier!r})",
            )
        )
    return problems


def _problem(entry: ObservationEntry, path: str, code: str, field: str, message: str) -> Problem:
    return Problem(code, f"observation {entry.id!r}: {message}", path=path, line=entry.line, field=field)


def coverage_problems(
    annotations: Annotations,
    source_id: str,
    text: str,
    text_path: str = "",
    figures: Sequence[Quantity] | None = None,
) -> list[Problem]:
    """Figures of ``text`` (``figures``: the reader's, when read already) used by no observation
    or honour and not excluded with a reason."""
    from county_data.quantity import extract_quantities

    used = [m for m in _mentions(annotations) if m.source_id == source_id]
    excluded = [e.mention for e in annotations.excluded if e.mention.source_id == source_id]
    problems: list[Problem] = []
    matched: set[int] = set()
    starts = line_starts(text)
    cells: dict[tuple[int, int], TableCell] | None = None  # read only to describe a figure no one accounts for
    for quantity in figures if figures is not None else extract_quantities(text):
        covering = [m for m in used + excluded if m.start <= quantity.start and quantity.end <= m.end]
        matched.update(id(m) for m in covering)
        if not covering:
            line = line_at(starts, quantity.start)
            cells = cells if cells is not None else _table_cells(text)
            cell = cells.get((quantity.start, quantity.end))
            where = _cell_place(cell) if cell else _context(text, quantity.start, quantity.end)
            message = f"figure {quantity.surface!r} is in no observation and not excluded ({where})"
            problems.append(
                Problem(
                    "unaccounted-figure",
                    message,
                    path=text_path or source_id,
                    line=line,
                    field="excluded",
                    found=quantity.surface,
                )
            )
    for mention in excluded:
        if id(mention) not in matched:
            message = f"exclusion {mention.quote!r} at {mention.start} covers no figure the reader finds; remove it"
            problems.append(
                Problem("stale-exclusion", message, path=str(annotations.path), line=mention.line, field="excluded")
            )
    return problems


def _table_cells(text: str) -> dict[tuple[int, int], TableCell]:
    from county_data.quantity.tables import extract_table_cells

    return {(c.quantity.start, c.quantity.end): c for c in extract_table_cells(text)}


def _context(text: str, start: int, end: int) -> str:
    return "context: …" + text[max(0, start - 12) : end + 12].replace("\n", " ") + "…"


def _cell_place(cell: TableCell) -> str:
    """Where a table cell stands: its row and column, which say what it is better than its neighbours."""
    row = repr(cell.row) if cell.row else "with no label"
    caption = f" of table {cell.caption!r}" if cell.caption else ""
    return f"table cell{caption}, row {row}, column {cell.column!r}"


def _mentions(annotations: Annotations) -> list[Mention]:
    records: list[ObservationEntry | HonourEntry] = [*annotations.observations, *annotations.honours]
    return [m for record in records for m in record.mentions]
