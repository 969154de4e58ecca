"""The SQLite export for SQL tools: keys and constraints that sqlite enforces, and datasette serving it."""

from __future__ import annotations

import csv
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core_paths import PACKAGE
from county_data.exporters.formats import ExportData
from county_data.exporters.sqlite import write_sqlite

# The keys as the README documents them (by hand, not from the code under test).
PRIMARY_KEYS = {
    "counties": ["county_code"],
    "sources": ["source_id"],
    "metrics": ["metric_id"],
    "observations": ["county_code", "metric_id", "period", "source_id"],
    "mentions": ["record_id", "source_id", "char_start"],
    "honours": ["honour_id"],
}


@pytest.fixture(scope="module")
def export(shangli_data: ExportData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("sqlite") / "shangli-db"
    write_sqlite(shangli_data, target)
    return target


def connect(export: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(export / "shangli.sqlite")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


@pytest.mark.parametrize(("table", "key"), PRIMARY_KEYS.items())
def test_every_table_has_its_primary_key(export: Path, table: str, key: list[str]) -> None:
    columns = connect(export).execute(f'PRAGMA table_info("{table}")').fetchall()
    assert [name for _, name, *_, pk in sorted(columns, key=lambda c: c[-1]) if pk] == key


def test_observations_reference_counties_metrics_and_sources_with_indexes(export: Path) -> None:
    connection = connect(export)
    links = {(row[3], row[2], row[4]) for row in connection.execute('PRAGMA foreign_key_list("observations")')}
    assert links == {
        ("county_code", "counties", "county_code"),
        ("metric_id", "metrics", "metric_id"),
        ("source_id", "sources", "source_id"),
    }
    indexed = {
        connection.execute(f'PRAGMA index_info("{index[1]}")').fetchone()[2]
        for index in connection.execute('PRAGMA index_list("observations")')
    }
    assert {"metric_id", "source_id"} <= indexed
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ("qualifier = 'roughly'", "qualifier"),  # not one of the six qualifiers
        ("metric_id = 'no_such_metric'", "metric_id"),  # no such row in metrics
        ("quote = NULL", "quote"),  # required
        ("char_start = -1", "char_start"),  # offsets are never negative
    ],
)
def test_sqlite_refuses_rows_the_package_would_refuse(export: Path, change: str, column: str) -> None:
    connection = connect(export)
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(f"UPDATE observations SET {change} WHERE observation_id = 'startup-loans'")
    connection.close()


def test_rows_equal_the_package_csv(export: Path) -> None:
    with (PACKAGE / "data" / "observations.csv").open(encoding="utf-8", newline="") as handle:
        expected = {(row["observation_id"], float(row["value"]), row["quote"]) for row in csv.DictReader(handle)}
    found = set(connect(export).execute("SELECT observation_id, value, quote FROM observations"))
    assert found == expected


def test_metadata_table_and_datasette_metadata_say_what_the_data_is(export: Path) -> None:
    rows = connect(export).execute("SELECT table_name, column_name, property, value FROM _metadata").fetchall()
    assert ("", "", "version", "1.0.0") in rows
    assert ("metrics", "max_value", "description", "largest plausible value") in rows
    assert any(prop == "licence" and value.startswith("CC-BY-4.0") for _, _, prop, value in rows)
    metadata = json.loads((export / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["license"] == "CC-BY-4.0" and "上栗县" in metadata["title"]
    assert metadata["databases"]["shangli"]["tables"]["metrics"]["columns"]["unit"] == "unit code of values"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def datasette(export: Path) -> Iterator[str]:
    pytest.importorskip("datasette")
    port = free_port()
    command = [sys.executable, "-m", "datasette", "serve", "shangli.sqlite", "-m", "metadata.json"]
    server = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        cwd=export,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stderr is not None:
            server.stderr.close()


def wait_until_serving(base: str, server: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"datasette exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            get(f"{base}/-/versions.json")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"datasette did not answer at {base} within {seconds} s")


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_datasette_serves_rows_by_primary_key_and_links_them_to_metrics(datasette: str) -> None:
    row_url = f"{datasette}/shangli/observations/360322,business_startup_loans,unknown,shangli-14th-fyp-review.json"
    row = get(f"{row_url}?_shape=objects")
    assert row["primary_keys"] == PRIMARY_KEYS["observations"]
    (observation,) = row["rows"]
    assert observation["value"] == 550000000 and observation["quote"] == "发放创业贷款超5.5亿元"

    metric = get(f"{datasette}/shangli/metrics/business_startup_loans.json?_extras=foreign_key_tables")
    links = {(t["other_table"], t["other_column"]): t["count"] for t in metric["foreign_key_tables"]}
    assert links[("observations", "metric_id")] == 1
    labelled = get(f"{datasette}/shangli/observations.json?_shape=objects&_labels=on&metric_id=business_startup_loans")
    assert labelled["rows"][0]["metric_id"] == {
        "value": "business_startup_loans",
        "label": "Business start-up loans issued",
    }
    assert get(f"{datasette}/-/metadata.json")["license"] == "CC-BY-4.0"
