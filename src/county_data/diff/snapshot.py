"""A built data package as read back from its files: descriptor, tables of text cells, shipped texts.

Cells stay the strings the CSV holds (the package's own formatting is what a
reader downloads); numbers are read from them only where a comparison needs one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from county_data.diff.files import PackageFiles
from county_data.errors import PackageError, Problem
from county_data.source.frozen import sha256_of

Row = dict[str, str]


@dataclass(frozen=True)
class Table:
    """One tabular resource: its Table Schema and its rows in file order."""

    name: str
    schema: Mapping[str, Any]
    rows: tuple[Row, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(str(item["name"]) for item in self.schema.get("fields", []))

    @property
    def types(self) -> dict[str, str]:
        return {str(item["name"]): str(item.get("type", "any")) for item in self.schema.get("fields", [])}

    @property
    def primary_key(self) -> tuple[str, ...]:
        key = self.schema.get("primaryKey", [])
        return (key,) if isinstance(key, str) else tuple(key)


@dataclass(frozen=True)
class Package:
    """Everything a review page or a diff needs from one package."""

    label: str
    descriptor: Mapping[str, Any]
    tables: Mapping[str, Table]
    texts: Mapping[str, str] = field(default_factory=dict)
    #: source id -> why its text is not shown (not shipped, or not the bytes its sha256 names)
    missing_texts: Mapping[str, str] = field(default_factory=dict)

    def rows(self, table: str) -> tuple[Row, ...]:
        return self.tables[table].rows if table in self.tables else ()


def read_package(files: PackageFiles) -> Package:
    """Load → parse: the descriptor, every CSV table resource, and the source texts shipped."""
    descriptor = _descriptor(files)
    tables = {
        str(resource["name"]): _table(files, resource)
        for resource in descriptor.get("resources", [])
        if isinstance(resource, dict) and resource.get("format") == "csv" and "schema" in resource
    }
    texts, missing = _texts(files, tables.get("sources"))
    return Package(files.label, descriptor, tables, texts, missing)


def _descriptor(files: PackageFiles) -> dict[str, Any]:
    if not files.exists("datapackage.json"):
        raise PackageError(
            Problem("missing-descriptor", "no datapackage.json here (expected a data package)", path=files.label)
        )
    try:
        document = json.loads(files.read("datapackage.json").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageError(
            Problem("invalid-package", f"cannot read the package ({error})", path=f"{files.label}/datapackage.json")
        ) from None
    if not isinstance(document, dict):
        raise PackageError(
            Problem(
                "invalid-package",
                f"cannot read the package (datapackage.json must be a JSON object (got {type(document).__name__}))",
                path=f"{files.label}/datapackage.json",
            )
        )
    return document


def _table(files: PackageFiles, resource: Mapping[str, Any]) -> Table:
    path = str(resource.get("path", ""))
    try:
        text = files.read(path).decode("utf-8")
    except UnicodeDecodeError as error:
        raise PackageError(
            Problem("invalid-package", f"cannot read the package ({path} must be UTF-8: {error})", path=files.label)
        ) from None
    rows = tuple(dict(row) for row in csv.DictReader(io.StringIO(text, newline="")))
    return Table(str(resource["name"]), resource["schema"], rows)


def _texts(files: PackageFiles, sources: Table | None) -> tuple[dict[str, str], dict[str, str]]:
    texts: dict[str, str] = {}
    missing: dict[str, str] = {}
    for row in sources.rows if sources else ():
        reason = _why_not_shown(files, row)
        if reason:
            missing[row["source_id"]] = reason
        else:
            texts[row["source_id"]] = files.read(row["path"]).decode("utf-8")
    return texts, missing


def _why_not_shown(files: PackageFiles, row: Row) -> str:
    path = row.get("path", "")
    if not path:
        return "The full text of this source is not shipped in the package."
    if not files.exists(path):
        return f"The package names {path} for this text, but the file is missing."
    data = files.read(path)
    if sha256_of(data) != row.get("sha256") or str(len(data)) != row.get("bytes"):
        return f"The shipped file {path} is not the frozen text its sha256 names, so its offsets cannot be trusted."
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return f"The shipped file {path} is not UTF-8."
    return ""
