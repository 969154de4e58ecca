"""SQLite for SQL tools: keys, constraints and indexes from the Table Schemas, and a datasette metadata.json.

The DDL is derived from the package's generated Table Schemas (one meaning, one
place): required → NOT NULL, enum and minimum/maximum → CHECK, primaryKey →
PRIMARY KEY, foreignKeys → FOREIGN KEY with an index, so datasette addresses
rows by key and links observations to metrics, sources and counties.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from county_data.exporters import about

if TYPE_CHECKING:
    import sqlite3

    import pandas as pd

    from county_data.exporters.formats import ExportData

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
METADATA_TABLE = "_metadata"
#: The column that names a row (English first), shown by datasette in place of a foreign key.
LABEL_COLUMNS = ("label_en", "name_en", "title")


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: Any) -> str:
    return "'" + value.replace("'", "''") + "'" if isinstance(value, str) else repr(value)


def column_sql(field: Mapping[str, Any]) -> str:
    constraints = field.get("constraints", {})
    parts = [quoted(field["name"]), SQL_TYPES[field["type"]]]
    if constraints.get("required"):
        parts.append("NOT NULL")
    if constraints.get("unique"):
        parts.append("UNIQUE")
    parts += [f"CHECK ({check})" for check in _checks(quoted(field["name"]), constraints)]
    return " ".join(parts)


def _checks(column: str, constraints: Mapping[str, Any]) -> Iterator[str]:
    if "enum" in constraints:
        yield f"{column} IN ({', '.join(literal(value) for value in constraints['enum'])})"
    if "minimum" in constraints:
        yield f"{column} >= {literal(constraints['minimum'])}"
    if "maximum" in constraints:
        yield f"{column} <= {literal(constraints['maximum'])}"


def create_table_sql(table: str, schema: Mapping[str, Any]) -> str:
    lines = [column_sql(field) for field in schema["fields"]]
    lines.append(f"PRIMARY KEY ({', '.join(map(quoted, schema['primaryKey']))})")
    for key in schema.get("foreignKeys", []):
        reference = key["reference"]
        lines.append(
            f"FOREIGN KEY ({', '.join(map(quoted, key['fields']))}) "
            f"REFERENCES {quoted(reference['resource'])} ({', '.join(map(quoted, reference['fields']))})"
        )
    return f"CREATE TABLE {quoted(table)} (\n  " + ",\n  ".join(lines) + "\n)"


def index_sql(table: str, schema: Mapping[str, Any]) -> list[str]:
    """An index per foreign key (the primary key has its own), so joins and datasette's links are fast."""
    statements = []
    for key in schema.get("foreignKeys", []):
        name = quoted("_".join([table, *key["fields"]]))
        statements.append(f"CREATE INDEX {name} ON {quoted(table)} ({', '.join(map(quoted, key['fields']))})")
    return statements


def insert_table(connection: sqlite3.Connection, table: str, schema: Mapping[str, Any], frame: pd.DataFrame) -> None:
    names = ", ".join(quoted(field["name"]) for field in schema["fields"])
    marks = ", ".join("?" for _ in schema["fields"])
    rows = [tuple(row) for row in about.typed_rows(frame, schema)]
    connection.executemany(f"INSERT INTO {quoted(table)} ({names}) VALUES ({marks})", rows)


def metadata_rows(descriptor: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    """(table, column, property, value); '' for the package or table level."""
    rows = [("", "", name, value) for name, value in about.summary(descriptor)]
    for table, resource in about.table_resources(descriptor).items():
        rows.append((table, "", "title", resource.get("title", "")))
        rows += [(table, column, "description", text) for column, text in about.column_descriptions(resource).items()]
    return rows


def write_metadata_table(connection: sqlite3.Connection, descriptor: Mapping[str, Any]) -> None:
    connection.execute(
        f"CREATE TABLE {METADATA_TABLE} (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
        "property TEXT NOT NULL, value TEXT NOT NULL)"
    )
    connection.executemany(f"INSERT INTO {METADATA_TABLE} VALUES (?, ?, ?, ?)", metadata_rows(descriptor))


def datasette_metadata(descriptor: Mapping[str, Any], database: str) -> dict[str, Any]:
    """datasette's metadata.json: title, licence, source and a description of every column."""
    licence = descriptor["licenses"][0]
    sources = descriptor["sources"]
    tables = {name: table_metadata(name, resource) for name, resource in about.table_resources(descriptor).items()}
    tables[METADATA_TABLE] = {"title": "About this database (title, licence, sources, column descriptions)"}
    return {
        "title": descriptor["title"],
        "description": descriptor["description"],
        "license": licence["name"],
        "license_url": licence.get("path", ""),
        "source": "; ".join(about.source_lines(descriptor)),
        "source_url": next((s["path"] for s in sources if s.get("path")), descriptor.get("homepage", "")),
        "databases": {database: {"tables": tables}},
    }


def table_metadata(name: str, resource: Mapping[str, Any]) -> dict[str, Any]:
    """Title, column descriptions and the column datasette shows for a linked row."""
    columns = about.column_descriptions(resource)
    result: dict[str, Any] = {"title": resource.get("title", name), "columns": columns}
    label = next((column for column in LABEL_COLUMNS if column in columns), None)
    if label:
        result["label_column"] = label
    return result


def database_name(data: ExportData) -> str:
    return data.county.slug


def write_sqlite(data: ExportData, path: Path) -> None:
    """``path/<slug>.sqlite`` and ``path/metadata.json`` (``datasette <slug>.sqlite -m metadata.json``)."""
    import sqlite3

    descriptor = about.package_descriptor(data)
    resources = about.table_resources(descriptor)
    path.mkdir()
    database = path / f"{database_name(data)}.sqlite"
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            for table, frame in data.frames.items():
                schema = resources[table]["schema"]
                connection.execute(create_table_sql(table, schema))
                for statement in index_sql(table, schema):
                    connection.execute(statement)
                insert_table(connection, table, schema, frame)
            write_metadata_table(connection, descriptor)
    finally:
        connection.close()
    text = json.dumps(datasette_metadata(descriptor, database.stem), ensure_ascii=False, indent=2) + "\n"
    (path / "metadata.json").write_text(text, encoding="utf-8")


def read_sqlite(path: Path) -> dict[str, pd.DataFrame]:
    """Every data table of the export (not ``_metadata``) as a DataFrame."""
    import sqlite3

    import pandas as pd

    (database,) = sorted(path.glob("*.sqlite"))
    connection = sqlite3.connect(database)
    try:
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name != ? ORDER BY name"
        names = [row[0] for row in connection.execute(query, (METADATA_TABLE,))]
        return {name: pd.read_sql_query(f"SELECT * FROM {quoted(name)}", connection) for name in names}
    finally:
        connection.close()
