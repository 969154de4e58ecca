"""Write a county as a Frictionless data package, byte for byte the same every time.

No clock, rows sorted by primary key, JSON keys in a fixed order with a final
newline, one float format, LF line endings, UTF-8 without BOM. Writing them to
disk safely (staged, locked, marked, swapped in atomically) is
``county_data.output``'s job.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from county_data.package.table_schema import field_kinds, table_schema
from county_data.source.frozen import sha256_of

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
LICENCES = {
    "CC-BY-4.0": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    }
}


def format_cell(value: Any, kind: str) -> str:
    """One cell as text: empty for missing, integers without '.0', floats by repr.

    A value that is not of its kind is written as it is, for the validation of the
    written file to name (row, field, what was found).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    try:
        if kind == "integer":
            return str(int(value))
        if kind == "number":
            number = float(value)
            return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    except (TypeError, ValueError, OverflowError):
        return str(value)
    return str(value)


def csv_bytes(table: str, rows: Sequence[Mapping[str, Any]]) -> bytes:
    """The CSV of a table's rows (by field name; a missing key is an empty cell), formatted by its generated Table Schema."""
    fields = field_kinds(table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _ in fields])
    writer.writerows([format_cell(row.get(name), kind) for name, kind in fields] for row in rows)
    return buffer.getvalue().encode("utf-8")


def json_bytes(document: Any) -> bytes:
    """``document`` as UTF-8 JSON indented by two spaces, with a final newline.

    Written by orjson: the bytes Python's json module writes with ``indent=2`` (tested on
    every document we ship), fifty times faster, which a build of thousands of packages feels.
    """
    import orjson

    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def table_resource(table: str, path: str, data: bytes, title: str) -> dict[str, Any]:
    return {
        "name": table,
        "type": "table",
        "title": title,
        "path": path,
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "hash": f"sha256:{sha256_of(data)}",
        "bytes": len(data),
        "schema": table_schema(table),
    }


def text_resource(name: str, path: str, data: bytes, title: str) -> dict[str, Any]:
    return {
        "name": name,
        "title": title,
        "path": path,
        "scheme": "file",
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
        "hash": f"sha256:{sha256_of(data)}",
        "bytes": len(data),
    }


def write_files(directory: Path, files: Mapping[str, bytes]) -> None:
    made: set[Path] = set()
    for relative, data in sorted(files.items()):
        target = directory / relative
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
