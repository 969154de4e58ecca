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
import io
import json
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from county_data.error_codes import FRICTIONLESS_PREFIX
from county_data.errors import Problem
from county_data.package.columnar_sql import (
    FAILED,
    PACKAGE,
    SCAN_PREFIX,
    cell_problems_sql,
    foreign_problems_sql,
    key_fields,
    quote_name,
    referenced_fields,
    repeat_problems_sql,
    repeated_sql,
    scan_sql,
)
from county_data.package.row_rules import flag_column, rule_flags, rules_of

MEMORY_LIMIT = "512MB"
SMALL_BYTES = 32 << 20  # packages smaller than this are validated on one thread
ERROR_LIMIT = 1000  # frictionless's default limit_errors, per resource
FIELD_TYPES = ("string", "integer", "number", "boolean", "any")
FILE = "__county_data_file"  # the column naming the file a row was read from
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


@dataclass(frozen=True)
class Target:
    """A package to validate: its checked descriptor, the folder its paths start from, and the path problems name."""

    descriptor: dict[str, Any]
    folder: Path
    shown: Path


def validate_columnar(
    descriptor: dict[str, Any], folder: Path, shown: Path, *, row_rules: bool = True
) -> list[Problem]:
    """Every problem in the package's resources, then (when there is none) every row that breaks
    one of our row rules; raises Unsupported when frictionless must decide."""
    found = validate_together([Target(descriptor, folder, shown)], row_rules=row_rules)[0]
    if found is None:
        raise Unsupported("the package uses features the columnar engine does not read")
    return found


def validate_together(targets: Sequence[Target], *, row_rules: bool = True) -> list[list[Problem] | None]:
    """What :func:`validate_columnar` finds in each package, or None where frictionless must decide.

    Packages whose tables have the same names, paths and schemas (the packages of one build)
    are read together: each table of all of them in one scan, their keys compared within each
    package, so many small packages cost little more than one. A group that cannot be read
    together is validated again package by package.
    """
    found: list[list[Problem] | None] = [None] * len(targets)
    groups: dict[str, list[int]] = {}
    for index, target in enumerate(targets):
        if supports(target.descriptor):
            groups.setdefault(json.dumps(_tables(target.descriptor), sort_keys=True), []).append(index)
    for members in groups.values():
        try:
            results = _validate_group([targets[i] for i in members], row_rules)
        except Unsupported:
            if len(members) == 1:
                continue
            results = [validate_together([targets[i]], row_rules=row_rules)[0] for i in members]
        for index, problems in zip(members, results, strict=True):
            found[index] = problems
    return found


def _validate_group(targets: list[Target], row_rules: bool) -> list[list[Problem] | None]:
    import duckdb

    tables = _tables(targets[0].descriptor)
    paths = [[target.folder / path for target in targets] for _, path, _ in tables]
    if not all(path.is_file() for table in paths for path in table):
        raise Unsupported("a table's file is missing: frictionless names it")
    small = sum(_size(target.descriptor, target.folder) for target in targets) < SMALL_BYTES
    joining = small and len(targets) > 1  # large packages are read file by file, in parallel
    scratch = tempfile.TemporaryDirectory(prefix="county-data-joined-") if joining else nullcontext(None)
    with _connection(small) as connection, scratch as folder:
        try:
            for index, ((name, _, schema), files) in enumerate(zip(tables, paths, strict=True)):
                kept = key_fields(schema) | referenced_fields(targets[0].descriptor, name)
                _load(connection, f"t{index}", files, name, schema, kept, Path(folder) if folder else None)
            problems = [list(_integrity_problems(target)) for target in targets]
            for package, problem in _table_problems(connection, tables, targets):
                problems[package].append(problem)
            if row_rules:  # only where the files are sound, as before
                sound = {package for package, found in enumerate(problems) if not found}
                for package, problem in _row_rule_problems(connection, tables, targets):
                    if package in sound:
                        problems[package].append(problem)
        except duckdb.Error as error:  # a row DuckDB's strict CSV reader refuses
            raise Unsupported(str(error)) from None
    return list(problems)


def _tables(descriptor: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(resource name, path, schema) of each resource with a Table Schema, in the descriptor's order."""
    return [
        (str(resource.get("name", index)), resource["path"], resource["schema"])
        for index, resource in enumerate(descriptor["resources"])
        if resource.get("schema") is not None
    ]


@contextmanager
def _connection(small: bool) -> Iterator[Any]:
    """A database in memory: for a small package the one this thread of this process keeps (connecting
    costs more than validating), on one thread; for a large one its own, spilling to a temporary folder."""

    if small:
        if getattr(_kept, "pid", None) != os.getpid():  # a forked worker never uses its parent's connection
            _kept.pid, _kept.connection = os.getpid(), _connect(threads=1, temp_directory="")  # nothing spills
        try:
            yield _kept.connection
        finally:
            _clear()
        return
    with tempfile.TemporaryDirectory(prefix="county-data-duckdb-") as spill:
        connection = _connect(temp_directory=spill)
        try:
            yield connection
        finally:
            connection.close()


_kept = threading.local()  # this thread's connection (closed when the thread ends) and its process


def _clear() -> None:
    """Drop what a validation made, so the next starts empty; forget a connection that cannot."""
    import duckdb

    connection = _kept.connection
    try:
        views = connection.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
        tables = connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        drops = [f"DROP VIEW {quote_name(v)}" for (v,) in views] + [f"DROP TABLE {quote_name(t)}" for (t,) in tables]
        if drops:
            connection.execute("; ".join(drops))
    except duckdb.Error:
        connection.close()
        del _kept.pid


def _connect(**settings: str | bool | int | float | list[str]) -> Any:
    import duckdb

    config = {"memory_limit": MEMORY_LIMIT, "preserve_insertion_order": True, **settings}
    connection = duckdb.connect(":memory:", config=config)
    connection.execute("SET enable_progress_bar = false")  # it would write to standard output
    return connection


def _size(descriptor: dict[str, Any], folder: Path) -> int:
    paths = [r["path"] for r in descriptor["resources"] if isinstance(r.get("path"), str)]
    return sum((folder / path).stat().st_size for path in paths if (folder / path).is_file())


def _integrity_problems(target: Target) -> Iterator[Problem]:
    """Byte counts and hashes of every file the package lists; a missing text file is a scheme-error."""
    for index, resource in enumerate(target.descriptor["resources"]):
        if not isinstance(resource["path"], str):
            continue
        name, path = str(resource.get("name", index)), target.folder / resource["path"]
        if not path.is_file():
            yield _problem(target.shown, name, "scheme-error", f"cannot open {resource['path']!r} (no such file)")
            continue
        yield from _integrity(resource, path, target.shown, name)


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


def _load(
    connection: Any,
    table: str,
    paths: list[Path],
    resource: str,
    schema: dict[str, Any],
    kept: set[str],
    scratch: Path | None = None,
) -> None:
    """Read the CSVs (one per package) once, checking every cell and row rule as they are read, into a
    table that keeps ``PACKAGE``, the ``kept`` fields of every row (what keys compare), the other cells
    of failing rows only and the flags."""
    names = [str(field["name"]) for field in schema["fields"]]
    if any(name.startswith(SCAN_PREFIX) for name in names):
        raise Unsupported(f"a field of {resource!r} starts with {SCAN_PREFIX!r}, which the columnar engine uses")
    source = _source(connection, table, paths, names, scratch)
    connection.execute(f"CREATE TABLE {table}_cells AS {scan_sql(source, schema, kept, rule_flags(resource, schema))}")
    # rows keep the order of the files (preserve_insertion_order): row 2 is the first after a header
    number = "rowid + 2" if len(paths) == 1 else f"rowid + 2 - min(rowid) OVER (PARTITION BY {PACKAGE})"
    connection.execute(f"CREATE VIEW {table} AS SELECT {number} AS row_number, * FROM {table}_cells")


def _source(connection: Any, table: str, paths: list[Path], names: list[str], scratch: Path | None) -> str:
    """The raw cells of the files (named as the fields) with ``PACKAGE``, the index of the file each row is from.

    Many small files are read as one: their bodies joined into a file in ``scratch`` (DuckDB
    reads one file of thousands of rows faster than each of dozens of rows), the rows of each
    counted by Python's csv module first; the count must agree with DuckDB's.
    """
    columns = "{" + ", ".join(f"'{n.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for n in names) + "}"
    options = "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false"
    joined = _joined(paths, names, scratch / f"{table}.csv") if scratch is not None and len(paths) > 1 else None
    if joined is not None:
        path, ends = joined
        connection.execute(
            f"CREATE TABLE {table}_raw AS SELECT * FROM read_csv({_literal_path(path)}, {options}, columns = {columns})"
        )
        if connection.execute(f"SELECT count(*) FROM {table}_raw").fetchone()[0] != ends[-1]:
            raise Unsupported("DuckDB and Python's csv module count the rows of the joined files differently")
        package = " ".join(f"WHEN rowid < {end} THEN {index}" for index, end in enumerate(ends))
        return f"(SELECT CASE {package} END AS {PACKAGE}, * FROM {table}_raw)"
    for path in paths:
        with path.open(encoding="utf-8", newline="") as file:
            if next(csv.reader(file), []) != names:
                raise Unsupported(f"the header of {path.name} differs from its schema")
    files = "[" + ", ".join(_literal_path(path) for path in paths) + "]"
    cells = f"read_csv({files}, {options}, columns = {columns}, filename = '{FILE}')"
    package = "0" if len(paths) == 1 else f"list_position({files}, {FILE}) - 1"
    return f"(SELECT {package} AS {PACKAGE}, * EXCLUDE ({FILE}) FROM {cells})"


def _literal_path(path: Path) -> str:
    return "'" + path.as_posix().replace("'", "''") + "'"


def _joined(paths: list[Path], names: list[str], joined: Path) -> tuple[Path, list[int]] | None:
    """One CSV at ``joined``: the header, then the body of each file; with the row count after each file.

    None when a file does not start with the header as written here, or its body is not rows of
    ``len(names)`` cells that Python's strict csv reader reads: those files are read one by one.
    """
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(names)
    start = header.getvalue().encode("utf-8")
    bodies: list[bytes] = []
    ends: list[int] = []
    for path in paths:
        data = path.read_bytes()
        if not data.startswith(start):
            return None
        body = data[len(start) :]
        try:
            rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline=""), strict=True))
        except (csv.Error, UnicodeDecodeError):
            return None
        if any(len(row) != len(names) for row in rows):
            return None
        bodies.append(body if body.endswith(b"\n") or not body else body + b"\n")
        ends.append((ends[-1] if ends else 0) + len(rows))
    joined.write_bytes(start + b"".join(bodies))
    return joined, ends


def _table_problems(
    connection: Any, loaded: list[tuple[str, str, dict[str, Any]]], targets: list[Target]
) -> Iterator[tuple[int, Problem]]:
    """(package, problem) for the foreign keys, the cells of failing rows and repeats (once a cheap
    grouping found one) of every loaded table, each table's first ``ERROR_LIMIT`` in each package
    in row order: two queries in all, however many tables and packages."""
    tables = {name: f"t{index}" for index, (name, _, _) in enumerate(loaded)}
    found = _probe(connection, loaded)
    per_table = []
    for index, (_, _, schema) in enumerate(loaded):
        table = f"t{index}"
        queries = foreign_problems_sql(table, schema, tables)
        if (index, "failed") in found:
            queries += cell_problems_sql(f"(SELECT * FROM {table} WHERE {FAILED})", schema)
        if (index, "repeated") in found:
            queries += repeat_problems_sql(table, schema)
        if queries:
            union = " UNION ALL ".join(f"({query})" for query in queries)
            first = f"row_number() OVER (PARTITION BY {PACKAGE} ORDER BY row_number, field_index, code)"
            per_table.append(
                f"(SELECT {index} AS resource, {PACKAGE}, row_number, field_index, code, field, found, expected "
                f"FROM ({union}) QUALIFY {first} <= {ERROR_LIMIT})"
            )
    if not per_table:
        return
    query = " UNION ALL ".join(per_table) + f" ORDER BY {PACKAGE}, resource, row_number, field_index, code"
    for index, package, row_number, _, code, field, found_value, expected in connection.execute(query).fetchall():
        message = _message(code, field, found_value, expected)
        shown = targets[package].shown
        yield package, _problem(shown, loaded[index][0], code, message, row=row_number, field=field)


def _probe(connection: Any, loaded: list[tuple[str, str, dict[str, Any]]]) -> set[tuple[int, str]]:
    """(table index, "failed") for each table with a failing row, (index, "repeated") for each that repeats a key."""
    probes = []
    for index, (_, _, schema) in enumerate(loaded):
        probes.append(f"(SELECT {index}, 'failed' FROM (SELECT 1 FROM t{index}_cells WHERE {FAILED} LIMIT 1))")
        if (repeated := repeated_sql(f"t{index}", schema)) is not None:
            probes.append(f"(SELECT {index}, 'repeated' FROM ({repeated}))")
    return set(connection.execute(" UNION ALL ".join(probes)).fetchall()) if probes else set()


def _row_rule_problems(
    connection: Any, loaded: list[tuple[str, str, dict[str, Any]]], targets: list[Target]
) -> Iterator[tuple[int, Problem]]:
    """(package, problem): one ``schema-violation`` per row that breaks a row rule of the table its resource is named after."""
    for index, (name, _, schema) in enumerate(loaded):
        for rule in rules_of(name, schema):
            flag = quote_name(flag_column(rule))
            query = f"SELECT {PACKAGE}, row_number FROM t{index} WHERE {flag} ORDER BY {PACKAGE}, row_number"
            for package, row_number in connection.execute(query).fetchall():
                message = f"table {name!r}: row must satisfy {rule.error}"
                shown = str(targets[package].shown)
                yield package, Problem("schema-violation", message, path=shown, row=row_number, expected=rule.error)


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


__all__ = ["Target", "Unsupported", "quote_name", "supports", "validate_columnar", "validate_together"]
