"""Table Schemas are generated from the pandera models, and frictionless holds packages to them."""

import json
import shutil
from pathlib import Path

import pytest

from core_paths import PACKAGE
from county_data.package.table_schema import table_schema
from county_data.package.validate import validate_everything, validate_package
from county_data.tables.models import FOREIGN_KEYS, PRIMARY_KEYS, TABLES


@pytest.mark.parametrize("table", sorted(TABLES))
def test_descriptor_schemas_are_the_generated_ones(table: str) -> None:
    descriptor = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    [resource] = [r for r in descriptor["resources"] if r["name"] == table]
    assert resource["schema"] == table_schema(table)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_fields_follow_the_pandera_columns(table: str) -> None:
    columns = TABLES[table].to_schema().columns
    fields = table_schema(table)["fields"]
    assert [f["name"] for f in fields] == list(columns)
    for field in fields:
        column = columns[field["name"]]
        assert field.get("constraints", {}).get("required", False) == (not column.nullable)


def test_enums_patterns_and_keys_come_through() -> None:
    schema = table_schema("observations")
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields["qualifier"]["constraints"]["enum"] == [
        "exact",
        "more_than",
        "at_least",
        "approx",
        "less_than",
        "at_most",
    ]
    assert fields["period"]["constraints"]["pattern"].startswith("^")
    assert fields["value"]["type"] == "number" and fields["char_start"]["type"] == "integer"
    assert schema["primaryKey"] == ["county_code", "metric_id", "period", "source_id"]
    assert [fk["reference"]["resource"] for fk in schema["foreignKeys"]] == ["counties", "metrics", "sources"]
    assert set(PRIMARY_KEYS) == set(TABLES) and set(FOREIGN_KEYS) <= set(TABLES)


def test_committed_package_is_valid_for_frictionless_and_pandera() -> None:
    assert validate_everything(PACKAGE / "datapackage.json") == []


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    target = tmp_path / "shangli"
    shutil.copytree(PACKAGE, target)
    return target


def rewrite(package: Path, table: str, old: str, new: str) -> int:
    """Replace ``old`` once; return the CSV row number (header = 1) it was on."""
    path = package / "data" / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_tampered_csv_fails_its_hash(package_copy: Path) -> None:
    rewrite(package_copy, "observations", ",62,count,", ",63,count,")
    codes = {p.code for p in validate_package(package_copy / "datapackage.json")}
    assert "frictionless/hash-count" in codes


def unhash(package: Path) -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def test_constraint_errors_name_resource_row_and_field(package_copy: Path) -> None:
    unhash(package_copy)
    row = rewrite(package_copy, "observations", ",more_than,80,", ",above,80,")
    problems = validate_package(package_copy / "datapackage.json")
    assert [(p.code, p.row, p.field) for p in problems] == [("frictionless/constraint-error", row, "qualifier")]
    assert "'observations'" in problems[0].message


def test_broken_foreign_key_is_found(package_copy: Path) -> None:
    unhash(package_copy)
    rewrite(package_copy, "observations", ",shangli.fireworks_patents_granted,", ",shangli.fireworks_patents_grant,")
    problems = validate_package(package_copy / "datapackage.json")
    assert {p.code for p in problems} == {"frictionless/foreign-key"}


def test_pandera_reports_what_frictionless_cannot_see(package_copy: Path) -> None:
    unhash(package_copy)
    schema_path = package_copy / "datapackage.json"
    descriptor = json.loads(schema_path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("schema", None)
    schema_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    row = rewrite(package_copy, "observations", ",more_than,80,", ",above,80,")
    problems = validate_everything(schema_path)
    assert [(p.code, p.row, p.field) for p in problems] == [("schema-violation", row, "qualifier")]
    assert problems[0].path.endswith("observations.csv")


def test_missing_descriptor(tmp_path: Path) -> None:
    [problem] = validate_package(tmp_path / "datapackage.json")
    assert problem.code == "missing-descriptor"


def test_each_caller_gets_its_own_copy() -> None:
    changed = table_schema("observations")
    changed["fields"].clear()
    assert table_schema("observations")["fields"]
