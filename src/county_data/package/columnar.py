"""Validate a tabular data package with DuckDB: every Table Schema constraint as SQL over typed columns.

The same checks frictionless makes (types, required, enum, pattern, minimum/maximum,
minLength/maxLength, unique, primary and foreign keys, byte count and sha256), reported
with frictionless's codes, rows and fields, at a fraction of its time and memory: DuckDB
reads each CSV once, in parallel, and spills to a temporary folder past ``MEMORY_LIMIT``.

What it does not read — another dialect, encoding or format, a field type or constraint it
does not know, a header that differs from the schema, a row that is not well formed — makes
:func:`supports` or the read fail, and the caller hands the package to frictionless, which
names such problems precisely. The caller checks the descriptor's references first
(:mod:`county_data.package.safety`); this module reads only the paths it is given.
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from county_data.error_codes import FRICTIONLESS_PREFIX
from county_data.errors import Problem
from county_data.package.columnar_sql import field_problems_sql, key_problems_sql, quote_name

MEMORY_LIMIT = "512MB"
IN_MEMORY_BYTES = 32 << 20  # packages smaller than this are validated without a database file
ERROR_LIMIT = 1000  # frictionless's default limit_errors, per resource
FIELD_TYPES = ("string", "integer", "number", "boolean", "any")
CONSTRAINTS = ("required", "unique", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength")


class Unsupported(Exception):
    """The package uses something this engine does not read; frictionless validates it instead."""


def supports(descriptor: dict[str, Any]) -> bool:
    """Whether every resource is local CSV (UTF-8, default dialect) with fields and constraints we check."""
    resources = descriptor.get("resources")
    return isinstance(resources, list) and all(_supported(r) for r in resources)


def _supported(resource: Any) -> bool:
    if not isinstance(resource, dict):
        return False
    if not isinstance(resource.get("path"), str):  # a file list: bytes and hash are not stated for it
        return resource.get("schema") is None and isinstance(resource.get("path"), list)
    if resource.get("dialect") or resource.get("encoding", "utf-8").lower() not in ("utf-8", "utf8"):
        return False
    schema = resource.get("schema")
    if schema is None:
        return not str(resource["path"]).lower().endswith(".csv")  # a text file: bytes and hash only
    if not isinstance(schema, dict) or not str(resource["path"]).lower().endswith(".csv"):
        return False
    fields = schema.get("fields")
    return isinstance(fields, list) and all(_supported_field(f) for f in fields)


def _supported_field(field: Any) -> bool:
    if not isinstance(field, dict) or field.get("type", "string") not in FIELD_TYPES:
        return False
    if field.get("format", "default") != "default" or "bareNumber" in field or "groupChar" in field:
        return False
    return set(field.get("constraints", {})) <= set(CONSTRAINTS)


def validate_columnar(descriptor: dict[str, Any], folder: Path, shown: Path) -> list[Problem]:
    """Every problem in the package's resources; raises Unsupported when frictionless must decide."""
    import duckdb

    if not supports(descriptor):
        raise Unsupported("the package uses features the columnar engine does not read")
    with tempfile.TemporaryDirectory(prefix="county-data-duckdb-") as spill:
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": MEMORY_LIMIT,
            "temp_directory": spill,
            "preserve_insertion_order": True,
        }
        database = _database(descriptor, folder, Path(spill))
        if database == ":memory:":
            config["threads"] = 1  # on a small package, threads cost more than they save
        connection = duckdb.connect(database, config=config)
        connection.execute("SET enable_progress_bar = false")  # it would write to standard output
        try:
            return list(_problems(connection, descriptor, folder, shown))
        except duckdb.Error as error:  # a row DuckDB's strict CSV reader refuses
            raise Unsupported(str(error)) from None
        finally:
            connection.close()


def _database(descriptor: dict[str, Any], folder: Path, spill: Path) -> str:
    """ ":memory:" for a small package (no file to create); for a large one a database file, whose
    loaded tables may leave memory for disk, so memory stays bounded."""
    paths = [r["path"] for r in descriptor["resources"] if isinstance(r.get("path"), str)]
    size = sum((folder / path).stat().st_size for path in paths if (folder / path).is_file())
    return ":memory:" if size < IN_MEMORY_BYTES else str(spill / "validate.duckdb")


def _problems(connection: Any, descriptor: dict[str, Any], folder: Path, shown: Path) -> Iterator[Problem]:
    resources = descriptor["resources"]
    tables = {str(r.get("name", i)): f"r{i}" for i, r in enumerate(resources)}
    for index, resource in enumerate(resources):
        if not isinstance(resource["path"], str):
            continue
        name, path = str(resource.get("name", index)), folder / resource["path"]
        if not path.is_file():
            yield _problem(shown, name, "scheme-error", f"cannot open {resource['path']!r} (no such file)")
            continue
        yield from _integrity(resource, path, shown, name)
        if resource.get("schema") is not None:
            _load(connection, f"r{index}", path, resource["schema"])
    for index, resource in enumerate(resources):
        schema = resource.get("schema")
        if schema is not None and isinstance(resource["path"], str) and (folder / resource["path"]).is_file():
            yield from _table_problems(connection, f"r{index}", schema, tables, shown, str(resource.get("name", index)))


def _integrity(resource: dict[str, Any], path: Path, shown: Path, name: str) -> Iterator[Problem]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    if isinstance(expected := resource.get("bytes"), int) and expected != size:
        yield _problem(shown, name, "byte-count", f"bytes must be {expected} (got {size})")
    hashed = resource.get("hash")
    if isinstance(hashed, str) and hashed.startswith("sha256:") and hashed[7:] != digest.hexdigest():
        yield _problem(shown, name, "hash-count", f"sha256 must be {hashed[7:]} (got {digest.hexdigest()})")


def _load(connection: Any, table: str, path: Path, schema: dict[str, Any]) -> None:
    names = [str(field["name"]) for field in schema["fields"]]
    with path.open(encoding="utf-8", newline="") as file:
        header = next(csv.reader(file), [])
    if header != names:
        raise Unsupported(f"the header of {path.name} differs from its schema")
    columns = "{" + ", ".join(f"'{n.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for n in names) + "}"
    source = path.as_posix().replace("'", "''")
    connection.execute(
        f"CREATE TABLE {table}_cells AS SELECT * FROM read_csv('{source}', header = true, auto_detect = false, "
        f"delim = ',', quote = '\"', escape = '\"', columns = {columns}, allow_quoted_nulls = false)"
    )
    # rows keep the order of the file (preserve_insertion_order): row 2 is the first after the header
    connection.execute(f"CREATE VIEW {table} AS SELECT rowid + 2 AS row_number, * FROM {table}_cells")


def _table_problems(
    connection: Any, table: str, schema: dict[str, Any], tables: dict[str, str], shown: Path, name: str
) -> Iterator[Problem]:
    queries = [*field_problems_sql(table, schema), *key_problems_sql(table, schema, tables)]
    if not queries:
        return
    union = " UNION ALL ".join(f"({query})" for query in queries)
    rows = connection.execute(
        f"SELECT row_number, field_index, code, field, found, expected FROM ({union}) "
        f"ORDER BY row_number, field_index, code LIMIT {ERROR_LIMIT}"
    ).fetchall()
    for row_number, _, code, field, found, expected in rows:
        yield _problem(shown, name, code, _message(code, field, found, expected), row=row_number, field=field)


def _message(code: str, field: str, found: object, expected: str) -> str:
    if code == "type-error":
        return f"field {field!r} must be of type {expected} (got {found!r})"
    if code == "constraint-error":
        return f"field {field!r} must satisfy {expected} (got {found!r})"
    if code == "unique-error":
        return f"field {field!r} must be unique (got {found!r} again)"
    if code == "primary-key":
        return f"the primary key ({expected}) must be unique (got {found!r} again)"
    return f"({expected}) must be found in the referenced resource (got {found!r})"


def _problem(
    shown: Path, resource: str, code: str, message: str, *, row: int | None = None, field: str = ""
) -> Problem:
    return Problem(
        FRICTIONLESS_PREFIX + code, f"resource {resource!r}: {message}", path=str(shown), row=row, field=field
    )


__all__ = ["Unsupported", "quote_name", "supports", "validate_columnar"]
