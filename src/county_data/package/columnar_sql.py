"""The SQL of each Table Schema check, as frictionless applies it, over a table of VARCHAR cells.

Each query yields ``(row_number, field_index, code, field, found, expected)`` for every
failing cell or row. A cell is missing when it is one of the schema's ``missingValues``;
a cell of the wrong type is a ``type-error`` and its constraints are not checked; unique
and key checks compare typed values and report every row after the first of its kind.
"""

from __future__ import annotations

import json
from typing import Any

#: what Python's int() and Decimal() accept after strip(), as frictionless casts them
INTEGER = r"^\s*[+-]?[0-9]+(_[0-9]+)*\s*$"
NUMBER = (
    r"^\s*[+-]?(([0-9]+(_[0-9]+)*(\.([0-9]+(_[0-9]+)*)?)?|\.[0-9]+(_[0-9]+)*)([eE][+-]?[0-9]+(_[0-9]+)*)?"
    r"|[iI][nN][fF]([iI][nN][iI][tT][yY])?|[nN][aA][nN])\s*$"
)
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


def _list(values: list[Any]) -> str:
    return "[" + ", ".join(literal(v) for v in values) + "]" if values else "[]::VARCHAR[]"


def cell(field: dict[str, Any], schema: dict[str, Any]) -> str:
    """The cell as text, NULL when it is one of the schema's missing values."""
    column = quote_name(str(field["name"]))
    missing = schema.get("missingValues", [""])
    return f"CASE WHEN {column} IS NULL OR list_contains({_list(missing)}, {column}) THEN NULL ELSE {column} END"


def _type_ok(kind: str, value: str, field: dict[str, Any]) -> str:
    if kind == "integer":
        return f"regexp_full_match({value}, '{INTEGER}')"
    if kind == "number":
        return f"regexp_full_match({value}, '{NUMBER}')"
    if kind == "boolean":
        allowed = field.get("trueValues", TRUE_VALUES) + field.get("falseValues", FALSE_VALUES)
        return f"list_contains({_list(allowed)}, {value})"
    return "TRUE"


def typed(field: dict[str, Any], schema: dict[str, Any]) -> str:
    """The cell as a value of its field's type (NULL when missing or of the wrong type)."""
    value, kind = cell(field, schema), field.get("type", "string")
    bare = f"regexp_replace({value}, '^\\s+|\\s+$|_', '', 'g')"
    if kind == "integer":
        return f"CASE WHEN {_type_ok(kind, value, field)} THEN TRY_CAST({bare} AS HUGEINT) END"
    if kind == "number":
        return f"CASE WHEN {_type_ok(kind, value, field)} THEN TRY_CAST({bare} AS DOUBLE) END"
    if kind == "boolean":
        return f"list_contains({_list(field.get('trueValues', TRUE_VALUES))}, {value})"
    return value


def _constraint_tests(field: dict[str, Any], schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(failing condition on a present cell of the right type, expected) for each constraint."""
    constraints, value, text = field.get("constraints", {}), typed(field, schema), cell(field, schema)
    tests = []
    if "enum" in constraints:
        allowed = [v if field.get("type", "string") == "string" else float(v) for v in constraints["enum"]]
        tests.append((f"NOT list_contains({_list(allowed)}, {value})", f"enum {json.dumps(constraints['enum'])}"))
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


def field_problems_sql(table: str, schema: dict[str, Any]) -> list[str]:
    """A query per field: missing required cells, type errors, failed constraints, repeated unique values."""
    queries = []
    for index, field in enumerate(schema["fields"]):
        name, kind = str(field["name"]), field.get("type", "string")
        text, value = cell(field, schema), typed(field, schema)
        required = bool(field.get("constraints", {}).get("required"))
        checks = [f"CASE WHEN {text} IS NULL AND {literal(required)} THEN 'constraint-error|required' END"]
        checks.append(
            f"CASE WHEN {text} IS NOT NULL AND NOT {_type_ok(kind, text, field)} THEN 'type-error|{kind}' END"
        )
        checks += [
            f"CASE WHEN {value} IS NOT NULL AND ({test}) THEN {literal('constraint-error|' + expected)} END"
            for test, expected in _constraint_tests(field, schema)
        ]
        failing = f"unnest([{', '.join(checks)}])"
        queries.append(
            f"SELECT row_number, {index} AS field_index, split_part(failure, '|', 1) AS code, "
            f"{literal(name)} AS field, found, split_part(failure, '|', 2) AS expected "
            f"FROM (SELECT row_number, {text} AS found, {failing} AS failure FROM {table}) WHERE failure IS NOT NULL"
        )
        if field.get("constraints", {}).get("unique"):
            queries.append(_repeats(table, [value], [text], index, "unique-error", name, "unique"))
    return queries


def _repeats(table: str, values: list[str], texts: list[str], index: int, code: str, field: str, what: str) -> str:
    keys = ", ".join(values)
    present = " OR ".join(f"{v} IS NOT NULL" for v in values)
    found = " || ', ' || ".join(f"coalesce({t}, '')" for t in texts)
    return (
        f"SELECT row_number, {index} AS field_index, '{code}' AS code, {literal(field)} AS field, found, "
        f"{literal(what)} AS expected FROM (SELECT row_number, {found} AS found, "
        f"row_number() OVER (PARTITION BY {keys} ORDER BY row_number) AS seen FROM {table} WHERE {present}) "
        "WHERE seen > 1"
    )


def key_problems_sql(table: str, schema: dict[str, Any], tables: dict[str, str]) -> list[str]:
    """Queries for a repeated primary key and for foreign keys not found in the resource they reference."""
    fields = {str(f["name"]): f for f in schema["fields"]}
    queries = []
    primary = schema.get("primaryKey") or []
    primary = [primary] if isinstance(primary, str) else primary
    if primary:
        values = [typed(fields[name], schema) for name in primary]
        texts = [cell(fields[name], schema) for name in primary]
        queries.append(_repeats(table, values, texts, len(fields), "primary-key", "", ", ".join(primary)))
    for key in schema.get("foreignKeys") or []:
        queries.append(_foreign(table, schema, key, tables, fields))
    return queries


def _foreign(
    table: str, schema: dict[str, Any], key: dict[str, Any], tables: dict[str, str], fields: dict[str, Any]
) -> str:
    from county_data.package.columnar import Unsupported

    names = [key["fields"]] if isinstance(key["fields"], str) else list(key["fields"])
    reference = key["reference"]
    targets = [reference["fields"]] if isinstance(reference["fields"], str) else list(reference["fields"])
    parent = tables.get(reference.get("resource") or "", table) if reference.get("resource") else table
    if reference.get("resource") and reference["resource"] not in tables:
        raise Unsupported(f"foreign key to a missing resource {reference['resource']!r}")
    texts = [cell(fields[name], schema) for name in names]
    keys = ", ".join(f"{x} AS __k{i}" for i, x in enumerate(texts))
    matches = " AND ".join(f"__ref.{quote_name(t)} = __child.__k{i}" for i, t in enumerate(targets))
    present = " OR ".join(f"__child.__k{i} IS NOT NULL" for i in range(len(texts)))
    found = " || ', ' || ".join(f"coalesce(__child.__k{i}, '')" for i in range(len(texts)))
    return (
        f"SELECT row_number, {len(fields) + 1} AS field_index, 'foreign-key' AS code, '' AS field, {found} AS found, "
        f"{literal(', '.join(names))} AS expected FROM (SELECT row_number, {keys} FROM {table}) __child "
        f"WHERE ({present}) AND NOT EXISTS (SELECT 1 FROM {parent} __ref WHERE {matches})"
    )
