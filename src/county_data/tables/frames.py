"""Rows to pandera-validated DataFrames, with every failure reported at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import pandera.errors

from county_data.errors import Problem, SchemaError
from county_data.tables.models import TABLES


def to_frame(table: str, rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``rows`` with the columns of ``table`` in schema order."""
    columns = list(TABLES[table].to_schema().columns)
    return pd.DataFrame(list(rows), columns=columns)


def validate_frame(table: str, frame: pd.DataFrame, path: str = "", first_row: int = 1) -> pd.DataFrame:
    """Validate ``frame`` against its pandera model (lazily: all failures at once).

    Rows are numbered from ``first_row``: 1 for in-memory rows, 2 for a CSV
    file whose row 1 is the header (the numbering frictionless uses).
    """
    try:
        return TABLES[table].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as error:
        raise SchemaError(_problems(table, error, path, first_row)) from None


def validate_frames(frames: Mapping[str, pd.DataFrame], path: str = "") -> dict[str, pd.DataFrame]:
    problems: list[Problem] = []
    valid: dict[str, pd.DataFrame] = {}
    for table, frame in frames.items():
        try:
            valid[table] = validate_frame(table, frame, path)
        except SchemaError as error:
            problems += error.problems
    if problems:
        raise SchemaError(problems)
    return valid


def _problems(table: str, error: pandera.errors.SchemaErrors, path: str, first_row: int) -> list[Problem]:
    """One problem per failing cell, and one per row for checks across columns."""
    problems: list[Problem] = []
    across_columns: dict[tuple[int | None, str], list[str]] = {}
    for case in error.failure_cases.itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index) + first_row
        field = "" if case.column is None or pd.isna(case.column) else str(case.column)
        if case.schema_context == "DataFrameSchema":
            across_columns.setdefault((row, str(case.check)), []).append(field)
            continue
        message = f"table {table!r}: {field or 'table'} must satisfy {case.check} (got {case.failure_case!r})"
        problems.append(
            Problem(
                "schema-violation",
                message,
                path=path,
                row=row,
                field=field,
                found=case.failure_case,
                expected=str(case.check),
            )
        )
    for (row, check), fields in across_columns.items():
        named = ", ".join(fields) if check == "multiple_fields_uniqueness" else ""
        message = f"table {table!r}: row must satisfy {check}" + (f" over ({named})" if named else "")
        problems.append(Problem("schema-violation", message, path=path, row=row, field=named, expected=check))
    return problems
