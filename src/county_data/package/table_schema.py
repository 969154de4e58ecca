"""Frictionless Table Schemas generated from the pandera models."""

from __future__ import annotations

import functools
import json
from typing import Any

from county_data.tables.models import FOREIGN_KEYS, PRIMARY_KEYS, TABLES

TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"

_TYPES = {
    "str": "string",
    "string": "string",
    "int64": "integer",
    "Int64": "integer",
    "float64": "number",
    "bool": "boolean",
}


def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema of ``table`` with fields, constraints, enums and keys (a new copy each time)."""
    schema: dict[str, Any] = json.loads(_schema_text(table))
    return schema


@functools.cache
def field_kinds(table: str) -> tuple[tuple[str, str], ...]:
    """(name, Table Schema type) of each field of ``table``, in order."""
    return tuple((str(field["name"]), str(field["type"])) for field in table_schema(table)["fields"])


@functools.cache  # generated once a process: every package of a build has the same schemas
def _schema_text(table: str) -> str:
    schema = TABLES[table].to_schema()
    fields = [_field(name, column) for name, column in schema.columns.items()]
    result: dict[str, Any] = {
        "$schema": TABLE_SCHEMA_PROFILE,
        "fields": fields,
        "missingValues": [""],
        "primaryKey": PRIMARY_KEYS[table],
    }
    foreign = [_foreign_key(*key) for key in FOREIGN_KEYS.get(table, [])]
    if foreign:
        result["foreignKeys"] = foreign
    return json.dumps(result, ensure_ascii=False)


def frictionless_type(column: Any) -> str:
    dtype = str(column.dtype)
    base = "string" if dtype.startswith("str") else _TYPES.get(dtype)
    if base is None:
        raise TypeError(f"no Frictionless type for pandera dtype {dtype!r} of column {column.name!r}")
    return base


def _field(name: str, column: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": frictionless_type(column)}
    if column.description:
        field["description"] = column.description
    constraints = _constraints(column)
    if constraints:
        field["constraints"] = constraints
    return field


def _constraints(column: Any) -> dict[str, Any]:
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        constraints.update(_check_constraint(check.name, check.statistics))
    return constraints


def _check_constraint(name: str, stats: dict[str, Any]) -> dict[str, Any]:
    if name == "isin":
        return {"enum": list(stats["allowed_values"])}
    if name == "str_matches":
        return {"pattern": stats["pattern"]}
    if name == "greater_than_or_equal_to":
        return {"minimum": stats["min_value"]}
    if name == "less_than_or_equal_to":
        return {"maximum": stats["max_value"]}
    if name == "in_range":
        return {"minimum": stats["min_value"], "maximum": stats["max_value"]}
    raise ValueError(f"pandera check {name!r} has no Frictionless constraint; add one to table_schema.py")


def _foreign_key(field: str, resource: str, target: str) -> dict[str, Any]:
    return {"fields": [field], "reference": {"resource": resource, "fields": [target]}}
