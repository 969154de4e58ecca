"""Combine built county packages into one Data Package: CSVs, and observations as partitioned Parquet.

``observations/province=<province>/data_0.parquet`` is Hive-partitioned Parquet that DuckDB,
Spark and Polars read without county_data (``read_parquet('observations/*/*.parquet',
hive_partitioning = true)``). ``data/<table>.csv`` holds each table of every county; keys
that were unique within one county gain ``county_code`` (sources, mentions, honours), and
metrics, shared by counties, appear once. Rows are sorted by key and DuckDB runs on one
thread, so the same packages give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from county_data.errors import PackageError, Problem

TABLES = ("counties", "sources", "metrics", "observations", "mentions", "honours")
KEYS = {
    "counties": ["county_code"],
    "sources": ["county_code", "source_id"],
    "metrics": ["metric_id"],
    "observations": ["county_code", "metric_id", "period", "source_id"],
    "mentions": ["county_code", "record_id", "source_id", "char_start"],
    "honours": ["county_code", "honour_id"],
}
SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN"}
PARQUET = "application/vnd.apache.parquet"


def write_panel(packages: Sequence[Path], out: Path) -> Path:
    """Write the panel of ``packages`` (built county package folders) at ``out``, replacing an older panel."""
    from county_data.output import replacing
    from county_data.package.validate import validate

    if not packages:
        raise PackageError(Problem("invalid-package", "the panel needs at least one built package", path=str(out)))
    schemas = _schemas(packages[0])
    with replacing(out, "folder", force=True, error=PackageError) as staging:
        (staging / "data").mkdir(parents=True)
        _combine(packages, staging, schemas)
        problems = validate(staging / "datapackage.json", row_rules=False)
        if problems:
            raise PackageError(problems)
    return out


def _schemas(package: Path) -> dict[str, dict[str, Any]]:
    described = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r["schema"] for r in described["resources"] if r.get("name") in TABLES}


def _combine(packages: Sequence[Path], staging: Path, schemas: dict[str, dict[str, Any]]) -> None:
    import duckdb

    connection = duckdb.connect(":memory:", config={"threads": 1, "preserve_insertion_order": True})
    connection.execute("SET enable_progress_bar = false")  # it would write to standard output
    try:
        codes = [(str(p / "data" / f"{t}.csv"), _county_code(p)) for p in packages for t in TABLES]
        connection.execute("CREATE TABLE county_of_file (filename VARCHAR, county_code VARCHAR)")
        connection.executemany("INSERT INTO county_of_file VALUES (?, ?)", codes)
        resources = [_table(connection, packages, staging, table, schemas[table]) for table in TABLES]
        resources.append(_partitioned(connection, staging))
        descriptor = {"name": "county-data-panel", "title": "All counties: the combined panel", "resources": resources}
        text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
        (staging / "datapackage.json").write_text(text, encoding="utf-8")
    finally:
        connection.close()


def _county_code(package: Path) -> str:
    import csv

    with (package / "data" / "counties.csv").open(encoding="utf-8", newline="") as file:
        return str(next(csv.DictReader(file))["county_code"])


def _table(
    connection: Any, packages: Sequence[Path], staging: Path, table: str, schema: dict[str, Any]
) -> dict[str, Any]:
    import hashlib

    fields = list(schema["fields"])
    columns = ", ".join(f"'{f['name']}': '{SQL_TYPES[f.get('type', 'string')]}'" for f in fields)
    files = ", ".join(_quoted(p / "data" / f"{table}.csv") for p in packages)
    names = [str(f["name"]) for f in fields]
    if "county_code" not in names and table != "metrics":
        fields.insert(0, {"name": "county_code", "type": "string", "constraints": {"required": True}})
        names.insert(0, "county_code")
    reading = (
        f"read_csv([{files}], header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
        f"columns = {{{columns}}}, filename = true)"
    )
    if table == "metrics":  # shared by counties: once each
        selected = ", ".join(f'"{n}"' for n in names)
        query = f"SELECT DISTINCT {selected} FROM {reading}"
    else:
        selected = ", ".join(f'f."{n}"' if n != "county_code" else "c.county_code" for n in names)
        query = f"SELECT {selected} FROM {reading} f JOIN county_of_file c ON c.filename = f.filename"
    connection.execute(f"CREATE TABLE {table} AS {query}")
    path = staging / "data" / f"{table}.csv"
    order = ", ".join(KEYS[table])
    connection.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO {_quoted(path)} (HEADER, DELIMITER ',')")
    data = path.read_bytes()
    combined = {**schema, "fields": fields, "primaryKey": KEYS[table], "foreignKeys": _foreign_keys(table)}
    return {
        "name": table,
        "path": f"data/{table}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "schema": combined,
    }


def _foreign_keys(table: str) -> list[dict[str, Any]]:
    def key(fields: list[str], resource: str) -> dict[str, Any]:
        return {"fields": fields, "reference": {"resource": resource, "fields": fields}}

    source = key(["county_code", "source_id"], "sources")
    county = key(["county_code"], "counties")
    return {
        "sources": [county],
        "observations": [county, key(["metric_id"], "metrics"), source],
        "mentions": [source],
        "honours": [county, source],
    }.get(table, [])


def _partitioned(connection: Any, staging: Path) -> dict[str, Any]:
    """observations by province as Hive-partitioned Parquet, listed file by file."""
    target = staging / "observations"
    connection.execute(
        "COPY (SELECT o.*, c.province_zh AS province FROM observations o JOIN counties c USING (county_code) "
        f"ORDER BY province, {', '.join(KEYS['observations'])}) TO {_quoted(target)} "
        "(FORMAT PARQUET, PARTITION_BY (province), FILENAME_PATTERN 'part_{i}')"
    )
    files = sorted(p.relative_to(staging).as_posix() for p in target.rglob("*.parquet"))
    return {"name": "observations-by-province", "path": files, "format": "parquet", "mediatype": PARQUET}


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
