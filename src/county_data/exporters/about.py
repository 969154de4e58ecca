"""What every export says about itself: title, licence, sources, version, citation and column meanings.

All of it is read from the package's own ``datapackage.json``, so an export can never
describe the data differently from the package it was made from.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from county_data.exporters.formats import ExportData


#: The zip format's earliest date: the date of an export whose sources are all undated.
EPOCH = "1980-01-01T00:00:00Z"


def package_date(descriptor: Mapping[str, Any]) -> str:
    """The package's ``created`` as UTC W3CDTF, for formats that need a date; never the clock."""
    from datetime import UTC, datetime

    created = descriptor.get("created")
    if not created:
        return EPOCH
    return datetime.fromisoformat(created).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def package_descriptor(data: ExportData) -> dict[str, Any]:
    """The data package descriptor the export is made from."""
    document: dict[str, Any] = json.loads(data.files["datapackage.json"])
    return document


def licence_text(descriptor: Mapping[str, Any]) -> str:
    return "; ".join(f"{item.get('name', '')} {item.get('path', '')}".strip() for item in descriptor["licenses"])


def source_lines(descriptor: Mapping[str, Any]) -> list[str]:
    """One line per source: title, outlet, date, URL and sha256 where known."""
    keys = ("title", "outlet", "author", "published", "path")
    return [
        ", ".join(str(source[key]) for key in keys if source.get(key)) + f" (sha256 {source['sha256']})"
        for source in descriptor["sources"]
    ]


def citation(descriptor: Mapping[str, Any]) -> str:
    """How to cite the package: creator, title, version, where it lives, licence."""
    creators = ", ".join(c["title"] for c in descriptor["contributors"] if "creator" in c.get("roles", []))
    parts = [creators, descriptor["title"], f"Version {descriptor['version']}", descriptor.get("homepage", "")]
    return ". ".join(part for part in parts if part) + f" ({licence_text(descriptor)})"


def summary(descriptor: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(property, value) pairs in a fixed order, for an About sheet or a metadata table."""
    return [
        ("title", descriptor["title"]),
        ("description", descriptor["description"]),
        ("version", descriptor["version"]),
        ("licence", licence_text(descriptor)),
        ("homepage", descriptor.get("homepage", "")),
        ("identifier", descriptor.get("id", "")),
        ("citation", citation(descriptor)),
        *(("source", line) for line in source_lines(descriptor)),
    ]


def table_resources(descriptor: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The table resources by name, each with its Table Schema."""
    return {r["name"]: r for r in descriptor["resources"] if r.get("type") == "table"}


def column_descriptions(resource: Mapping[str, Any]) -> dict[str, str]:
    return {field["name"]: field.get("description", "") for field in resource["schema"]["fields"]}


def cell(value: Any, kind: str) -> Any:
    """A plain Python value of the Table Schema type (int, float, bool, str); missing → None."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return bool(value)
    return str(value)


def typed_rows(frame: pd.DataFrame, schema: Mapping[str, Any]) -> list[list[Any]]:
    """The rows of ``frame`` in Table Schema field order, each cell typed by its field."""
    fields = schema["fields"]
    present = frame.astype(object).where(frame.notna(), None)
    columns = [present[field["name"]].tolist() for field in fields]
    return [
        [cell(value, field["type"]) for value, field in zip(row, fields, strict=True)]
        for row in zip(*columns, strict=True)
    ]
