"""Our row rules (checks across columns of one row, which no Table Schema states), streamed.

The rules are the pandera models' own dataframe checks (``lower_bound <= value <=
upper_bound``, ``char_end > char_start`` …), run over the CSV in chunks of ``CHUNK_ROWS``
so memory stays bounded; only the columns of the model, typed as the model says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from county_data.errors import Problem

CHUNK_ROWS = 200_000


def row_rule_problems(descriptor: dict[str, Any], shown: Path) -> list[Problem]:
    """One ``schema-violation`` per row that breaks a row rule of the table its resource is named after."""
    from county_data.tables.models import TABLES

    problems: list[Problem] = []
    for resource in descriptor.get("resources", []):
        name = resource.get("name") if isinstance(resource, dict) else None
        if name in TABLES and TABLES[name].to_schema().checks:
            problems += _table_problems(name, shown.parent / resource["path"], shown)
    return problems


def _numeric(schema: Any) -> list[str]:
    return [name for name, column in schema.columns.items() if str(column.dtype) in ("int64", "Int64", "float64")]


def _table_problems(table: str, path: Path, shown: Path) -> list[Problem]:
    import pandas as pd

    from county_data.tables.models import TABLES

    schema = TABLES[table].to_schema()
    numeric = _numeric(schema)
    # our rules compare numbers: read those columns only, and all of them should a rule want more
    try:  # the cells are known to be numbers (the engine checked their types first): parse them as such
        chunks = pd.read_csv(path, usecols=numeric, **{**_reading(), "dtype": dict.fromkeys(numeric, "float64")})
        return list(_chunk_problems(table, schema, chunks, shown))
    except KeyError:
        return list(_chunk_problems(table, schema, pd.read_csv(path, **_reading()), shown))


def _reading() -> dict[str, Any]:
    return {"dtype": str, "keep_default_na": False, "na_values": [""], "chunksize": CHUNK_ROWS}


def _chunk_problems(table: str, schema: Any, chunks: Iterator[Any], shown: Path) -> Iterator[Problem]:
    import pandas as pd

    first_row = 2
    for chunk in chunks:
        frame = chunk.assign(**{name: pd.to_numeric(chunk[name], errors="coerce") for name in _numeric(schema)})
        for check in schema.checks:
            passed = check(frame).check_output
            for position in (~passed.fillna(False).astype(bool)).to_numpy().nonzero()[0]:
                message = f"table {table!r}: row must satisfy {check.error}"
                yield Problem(
                    "schema-violation",
                    message,
                    path=str(shown),
                    row=first_row + int(position),
                    expected=str(check.error),
                )
        first_row += len(chunk)
