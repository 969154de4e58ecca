"""The SQL of each Table Schema check, as frictionless applies it, over a table of VARCHAR cells.

Several packages with the same schemas may be checked at once: every table carries
``PACKAGE`` (which package a row came from), keys are compared within a package, and each
query yields ``(PACKAGE, row_number, field_index, code, field, found, expected)`` for every
failing cell or row. A cell is missing when it is one of the schema's ``missingValues``;
a cell of the wrong type is a ``type-error`` and its constraints are not checked; unique
and key checks compare typed values and report every row after the first of its kind.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: what Python's int() and Decimal() accept after strip(), as frictionless casts them
INTEGER = r"^\s*[+-]?[0-9]+(_[0-9]+)*\s*$"
NUMBER = (
    r"^\s*[+-]?(([0-9]+(_[0-9]+)*(\.([0-9]+(_[0-9]+)*)?)?|\.[0-9]+(_[0-9]+)*)([eE][+-]?[0-9]+(_[0-9]+)*)?"
    r"|[iI][nN][fF]([iI][nN][iI][tT][yY])?|[nN][aA][nN])\s*$"
)
WHITESPACE = "chr(9) || chr(10) || chr(12) || chr(13) || ' '"  # RE2's \\s
SCAN_PREFIX = "__county_data_"  # columns a scan adds; no field may start so
FAILED = SCAN_PREFIX + "failed"  # whether any cell of the row fails
PACKAGE = SCAN_PREFIX + "package"  # which of the packages read together a row came from (0, 1, …)
TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(float(value))
    return "'" + str(value).replace("'", "''") + "'"


def _is_in(expression: str, values: list[Any]) -> str:
    """Whether ``expression`` is one of ``values`` (NULL when it is NULL), as an IN list: no list per row."""
    if not values:
        return f"(CASE WHEN {expression} IS NOT NULL THEN FALSE END)"
    return f"({expression} IN ({', '.join(literal(value) for value in values)}))"


def cell(field: dict[str, Any], schema: dict[str, Any]) -> str:
    """The cell as text, NULL when it is one of the schema's missing values."""
    column = quote_name(str(field["name"]))
    missing = schema.get("missingValues", [""])
    return f"CASE WHEN {column} IS NULL OR {_is_in(column, missing)} THEN NULL ELSE {column} END"


@dataclass(frozen=True)
class Cell:
    """The SQL of one field's cell: its text (NULL when missing), whether that text is of the
    field's type, and its typed value (NULL when missing or of the wrong type)."""

    field: dict[str, Any]
    text: str
    ok: str
    value: str


def inline_cell(field: dict[str, Any], schema: dict[str, Any]) -> Cell:
    """The cell as expressions over the raw column (each evaluated where it is used)."""
    text = cell(field, schema)
    ok = _type_ok(field.get("type", "string"), text, field)
    return Cell(field, text, ok, _typed(field, text, ok))


def scanned_cells(schema: dict[str, Any]) -> list[tuple[Cell, Cell]]:
    """Each field's cell as columns a scan computes once per row: ``(columns, their SQL)`` pairs,
    the SQL of each layer (text, type test, value) reading the columns of the layer before."""
    pairs = []
    for index, field in enumerate(schema["fields"]):
        names = Cell(field, *(f"{SCAN_PREFIX}{part}{index}" for part in ("text", "ok", "value")))
        sql = Cell(field, cell(field, schema), _type_ok(field.get("type", "string"), names.text, field), "")
        pairs.append((names, Cell(field, sql.text, sql.ok, _typed(field, names.text, names.ok))))
    return pairs


def _type_ok(kind: str, value: str, field: dict[str, Any]) -> str:
    if kind == "integer":
        return f"regexp_full_match({value}, '{INTEGER}')"
    if kind == "number":
        return f"regexp_full_match({value}, '{NUMBER}')"
    if kind == "boolean":
        allowed = field.get("trueValues", TRUE_VALUES) + field.get("falseValues", FALSE_VALUES)
        return _is_in(value, allowed)
    return "TRUE"


def _typed(field: dict[str, Any], text: str, ok: str) -> str:
    kind = field.get("type", "string")
    if kind in ("integer", "number"):
        # DuckDB casts what the type test passed as Python's strip() then int()/Decimal() read it;
        # spelled out (RE2's \s stripped, "_" dropped) only where its cast refuses: trim() is slow
        bare = f"replace(trim({text}, {WHITESPACE}), '_', '')"
        target = "HUGEINT" if kind == "integer" else "DOUBLE"
        return f"CASE WHEN {ok} THEN coalesce(TRY_CAST({text} AS {target}), TRY_CAST({bare} AS {target})) END"
    if kind == "boolean":
        return _is_in(text, field.get("trueValues", TRUE_VALUES))
    return text


def typed(field: dict[str, Any], schema: dict[str, Any]) -> str:
    """The cell as a value of its field's type (NULL when missing or of the wrong type)."""
    return inline_cell(field, schema).value


def _constraint_tests(cell: Cell) -> list[tuple[str, str]]:
    """(failing condition on a present cell of the right type, expected) for each constraint."""
    field, value, text = cell.field, cell.value, cell.text
    constraints = field.get("constraints", {})
    tests = []
    if "enum" in constraints:
        allowed = [v if field.get("type", "string") == "string" else float(v) for v in constraints["enum"]]
        tests.append((f"NOT {_is_in(value, allowed)}", f"enum {json.dumps(constraints['enum'])}"))
    if "pattern" in constraints:
        pattern = constraints["pattern"]
        tests.append((f"NOT regexp_full_match({text}, {literal(pattern)})", f"pattern {pattern}"))
    for key, operator in (("minimum", "<"), ("maximum", ">")):
        if key in constraints:
            tests.append((f"{value} {operator} {literal(constraints[key])}", f"{key} {constraints[key]}"))
    for key, operator in (("minLength", "<"), ("maxLength", ">")):
        if key in constraints:
            tests.append((f"length({text}) {operator} {int(constraints[key])}", f"{key} {constraints[key]}"))
    return tests


def field_failures(cell: Cell) -> list[tuple[str, str]]:
    """(condition true of a failing cell, "code|expected") for each way a cell of its field fails."""
    kind, text = cell.field.get("type", "string"), cell.text
    failures = []
    if cell.field.get("constraints", {}).get("required"):
        failures.append((f"{text} IS NULL", "constraint-error|required"))
    if kind in ("integer", "number", "boolean"):
        failures.append((f"{text} IS NOT NULL AND NOT {cell.ok}", f"type-error|{kind}"))
    failures += [
        (f"{cell.value} IS NOT NULL AND ({test})", f"constraint-error|{expected}")
        for test, expected in _constraint_tests(cell)
    ]
    return failures


def scan_sql(
    source: str, schema: dict[str, Any], kept: set[str], flags: Callable[[dict[str, str]], dict[str, str]]
) -> str:
    """A query over ``source`` (raw cells named as the fields) that checks every cell once.

    ``source`` has a ``PACKAGE`` column, which the query keeps. It yields the ``kept`` fields of every row, the other cells of failing rows only (NULL
    elsewhere), ``FAILED`` (whether any cell of the row fails) and one column per entry of
    ``flags(values)``: a condition over the typed values, given by field name.
    """
    cells = scanned_cells(schema)
    conditions = [f"({condition})" for names, _ in cells for condition, _ in field_failures(names)]
    failed = f"coalesce({' OR '.join(conditions)}, FALSE)" if conditions else "FALSE"
    extra = flags({str(names.field["name"]): names.value for names, _ in cells})
    fields = [str(names.field["name"]) for names, _ in cells]
    kept_cells = [
        quote_name(n) if n in kept else f"CASE WHEN {FAILED} THEN {quote_name(n)} END AS {quote_name(n)}"
        for n in fields
    ]
    outputs = [
        PACKAGE,
        *kept_cells,
        FAILED,
        *(f"{condition} AS {quote_name(name)}" for name, condition in extra.items()),
    ]
    layer = source
    for part in ("text", "ok", "value"):
        columns = ", ".join(f"{getattr(sql, part)} AS {getattr(names, part)}" for names, sql in cells)
        layer = f"(SELECT *, {columns} FROM {layer})" if columns else layer
    return f"SELECT {', '.join(outputs)} FROM (SELECT *, {failed} AS {FAILED} FROM {layer})"


def cell_problems_sql(failed: str, schema: dict[str, Any]) -> list[str]:
    """A query per field: its missing required cells, type errors and failed constraints among the
    rows of ``failed`` (a table, or a subquery of the rows that failed :func:`row_fails_sql`)."""
    queries = []
    for index, field in enumerate(schema["fields"]):
        failures = field_failures(inline_cell(field, schema))
        if not failures:
            continue
        checks = ", ".join(f"CASE WHEN {condition} THEN {literal(failure)} END" for condition, failure in failures)
        queries.append(
            f"SELECT {PACKAGE}, row_number, {index} AS field_index, split_part(failure, '|', 1) AS code, "
            f"{literal(str(field['name']))} AS field, found, split_part(failure, '|', 2) AS expected FROM "
            f"(SELECT {PACKAGE}, row_number, {cell(field, schema)} AS found, unnest([{checks}]) AS failure "
            f"FROM {failed}) "
            "WHERE failure IS NOT NULL"
        )
    return queries


def _unique_keys(schema: dict[str, Any]) -> list[tuple[int, str, list[str]]]:
    """(field index, field, names) of each unique field, then of the primary key (index past the fields)."""
    fields = schema["fields"]
    keys = [
        (i, str(f["name"]), [str(f["name"])]) for i, f in enumerate(fields) if f.get("constraints", {}).get("unique")
    ]
    return keys + ([(len(fields), "", primary)] if (primary := primary_key(schema)) else [])


def repeated_sql(table: str, schema: dict[str, Any]) -> str | None:
    """A query that yields a row only when some unique field or the primary key repeats a value in a package.

    Grouping is cheap; the window queries that number every repeat (:func:`repeat_problems_sql`)
    run only once this found one.
    """
    fields = {str(f["name"]): f for f in schema["fields"]}
    queries = []
    for _, _, names in _unique_keys(schema):
        values = [typed(fields[name], schema) for name in names]
        present = " OR ".join(f"{v} IS NOT NULL" for v in values)
        groups = ", ".join([PACKAGE, *values])
        queries.append(f"(SELECT 1 FROM {table} WHERE {present} GROUP BY {groups} HAVING count(*) > 1)")
    return f"SELECT 1 FROM ({' UNION ALL '.join(queries)}) LIMIT 1" if queries else None


def repeat_problems_sql(table: str, schema: dict[str, Any]) -> list[str]:
    """A query per unique field and the primary key: every row that repeats a value of an earlier one of its package."""
    fields = {str(f["name"]): f for f in schema["fields"]}
    queries = []
    for index, field, names in _unique_keys(schema):
        values = [typed(fields[name], schema) for name in names]
        texts = [cell(fields[name], schema) for name in names]
        code, what = ("unique-error", "unique") if field else ("primary-key", ", ".join(names))
        queries.append(_repeats(table, values, texts, index, code, field, what))
    return queries


def foreign_problems_sql(table: str, schema: dict[str, Any], tables: dict[str, str]) -> list[str]:
    """A query per foreign key: the rows whose key is not found in the resource it references, in their package."""
    fields = {str(f["name"]): f for f in schema["fields"]}
    return [_foreign(table, schema, key, tables, fields) for key in schema.get("foreignKeys") or []]


def primary_key(schema: dict[str, Any]) -> list[str]:
    primary = schema.get("primaryKey") or []
    return [primary] if isinstance(primary, str) else list(primary)


def key_fields(schema: dict[str, Any]) -> set[str]:
    """The fields of unique constraints, the primary key and foreign keys: their checks read every row."""
    unique = {str(f["name"]) for f in schema["fields"] if f.get("constraints", {}).get("unique")}
    foreign = {name for key in schema.get("foreignKeys") or [] for name in _names(key["fields"])}
    return unique | set(primary_key(schema)) | foreign


def referenced_fields(descriptor: dict[str, Any], resource: str) -> set[str]:
    """The fields of ``resource`` that foreign keys of any resource (itself included) point at."""
    found: set[str] = set()
    for other in descriptor["resources"]:
        schema = other.get("schema") if isinstance(other, dict) else None
        for key in schema.get("foreignKeys") or [] if isinstance(schema, dict) else []:
            target = key["reference"].get("resource") or other.get("name")
            if target == resource:
                found |= set(_names(key["reference"]["fields"]))
    return found


def _names(fields: str | list[str]) -> list[str]:
    return [fields] if isinstance(fields, str) else list(fields)


def _repeats(table: str, values: list[str], texts: list[str], index: int, code: str, field: str, what: str) -> str:
    keys = ", ".join([PACKAGE, *values])
    present = " OR ".join(f"{v} IS NOT NULL" for v in values)
    found = " || ', ' || ".join(f"coalesce({t}, '')" for t in texts)
    return (
        f"SELECT {PACKAGE}, row_number, {index} AS field_index, '{code}' AS code, {literal(field)} AS field, "
        f"found, {literal(what)} AS expected FROM (SELECT {PACKAGE}, row_number, {found} AS found, "
        f"row_number() OVER (PARTITION BY {keys} ORDER BY row_number) AS seen FROM {table} WHERE {present}) "
        "WHERE seen > 1"
    )


def _foreign(
    table: str, schema: dict[str, Any], key: dict[str, Any], tables: dict[str, str], fields: dict[str, Any]
) -> str:
    from county_data.package.columnar import Unsupported

    names, reference = _names(key["fields"]), key["reference"]
    targets = _names(reference["fields"])
    parent = tables.get(reference.get("resource") or "", table) if reference.get("resource") else table
    if reference.get("resource") and reference["resource"] not in tables:
        raise Unsupported(f"foreign key to a missing resource {reference['resource']!r}")
    texts = [cell(fields[name], schema) for name in names]
    keys = ", ".join(f"{x} AS __k{i}" for i, x in enumerate(texts))
    matches = " AND ".join(
        [
            f"__ref.{PACKAGE} = __child.{PACKAGE}",
            *(f"__ref.{quote_name(t)} = __child.__k{i}" for i, t in enumerate(targets)),
        ]
    )
    present = " OR ".join(f"__child.__k{i} IS NOT NULL" for i in range(len(texts)))
    found = " || ', ' || ".join(f"coalesce(__child.__k{i}, '')" for i in range(len(texts)))
    return (
        f"SELECT {PACKAGE}, row_number, {len(fields) + 1} AS field_index, 'foreign-key' AS code, '' AS field, "
        f"{found} AS found, {literal(', '.join(names))} AS expected "
        f"FROM (SELECT {PACKAGE}, row_number, {keys} FROM {table}) __child "
        f"WHERE ({present}) AND NOT EXISTS (SELECT 1 FROM {parent} __ref WHERE {matches})"
    )
