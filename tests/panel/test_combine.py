"""``county-data build --combined DIR``: one Data Package of every county, read by DuckDB without our code."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from bad_input.harness import run_cli, tree_digest


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def build_with_panel(tmp_path: Path, name: str) -> Path:
    outcome = run_cli(
        "build",
        "shangli",
        "liuyang",
        "--out",
        str(tmp_path / f"{name}-packages"),
        "--combined",
        str(tmp_path / name),
        cwd=tmp_path,
        timeout=300,
    )
    assert outcome.status == 0, outcome.stderr
    return tmp_path / name


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding panel/ and panel-packages/, built once for the module."""
    root = tmp_path_factory.mktemp("panel")
    build_with_panel(root, "panel")
    return root


def test_the_panel_is_read_by_duckdb_and_rebuilt_byte_for_byte(built: Path) -> None:
    tmp_path, panel = built, built / "panel"
    packages = sorted((tmp_path / "panel-packages").iterdir())
    assert len(packages) >= 2
    expected: Counter[str] = Counter()
    for package in packages:
        province = rows(package / "data" / "counties.csv")[0]["province_zh"]
        expected[province] += len(rows(package / "data" / "observations.csv"))
    found = duckdb.sql(
        f"SELECT province, count(*) FROM read_parquet('{panel}/observations/*/*.parquet', hive_partitioning = true)"
        " GROUP BY province"
    ).fetchall()
    assert dict(found) == dict(expected)
    assert len(rows(panel / "data" / "observations.csv")) == sum(expected.values())
    mentions = rows(panel / "data" / "mentions.csv")
    assert {m["county_code"] for m in mentions} == {
        rows(p / "data" / "counties.csv")[0]["county_code"] for p in packages
    }
    described = json.loads((panel / "datapackage.json").read_text(encoding="utf-8"))
    parquet = next(r for r in described["resources"] if r["format"] == "parquet")
    assert sorted(parquet["path"]) == sorted(p.relative_to(panel).as_posix() for p in panel.rglob("*.parquet"))
    assert tree_digest(build_with_panel(tmp_path, "again")) == tree_digest(panel)


def test_a_value_the_panel_carries_is_the_one_in_the_county_package(built: Path) -> None:
    panel = built / "panel"
    shangli = rows(built / "panel-packages" / "shangli" / "data" / "observations.csv")
    first = shangli[0]
    [(value,)] = duckdb.sql(
        f"SELECT value FROM read_parquet('{panel}/observations/*/*.parquet', hive_partitioning = true) "
        f"WHERE county_code = '360322' AND observation_id = '{first['observation_id']}'"
    ).fetchall()
    assert value == float(first["value"])
