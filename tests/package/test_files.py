"""The committed package is the golden output: rebuilding it gives the same bytes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import county_data
from core_paths import PACKAGE, ROOT
from county_data import PackageError
from county_data.package.files import format_cell, json_bytes


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_rebuild_equals_committed_package(tmp_path: Path) -> None:
    out = county_data.build("shangli", tmp_path / "shangli")
    assert tree_bytes(out) == tree_bytes(PACKAGE)


@pytest.mark.parametrize(
    "environment",
    [
        {"TZ": "Pacific/Kiritimati", "LANG": "C", "LC_ALL": "C", "PYTHONHASHSEED": "1"},
        {"TZ": "America/Los_Angeles", "LANG": "de_DE.UTF-8", "PYTHONHASHSEED": "4242"},
        {"TZ": "Asia/Shanghai", "LANG": "zh_CN.GB18030", "PYTHONHASHSEED": "random"},
    ],
)
def test_rebuild_is_byte_identical_under_other_time_zones_locales_and_hash_seeds(
    tmp_path: Path, environment: dict
) -> None:
    env = {**os.environ, **environment}
    command = [sys.executable, "-m", "county_data.cli", "--no-plugins", "build", "shangli", "--out", str(tmp_path)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert tree_bytes(tmp_path / "shangli") == tree_bytes(PACKAGE)


def test_package_files_are_utf8_lf_without_bom() -> None:
    for name, data in tree_bytes(PACKAGE).items():
        assert not data.startswith(b"\xef\xbb\xbf"), name
        if name.endswith((".csv", ".json")):
            assert b"\r" not in data and data.endswith(b"\n"), name


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (2e10, "number", "20000000000"),
        (93.82, "number", "93.82"),
        (None, "number", ""),
        (float("nan"), "number", ""),
        (5, "integer", "5"),
        (1e16, "number", "1e+16"),
        (0.1 + 0.2, "number", "0.30000000000000004"),
        ("超", "string", "超"),
        ("twelve", "integer", "twelve"),  # not of its kind: written as found, for validation to name
        ("1.5", "integer", "1.5"),
    ],
)
def test_cells_have_one_format(value: object, kind: str, text: str) -> None:
    assert format_cell(value, kind) == text


def test_failed_build_leaves_the_old_package_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import county_data.package.validate

    out = county_data.build("shangli", tmp_path / "shangli")
    before = tree_bytes(out)
    monkeypatch.setattr(
        county_data.package.validate,
        "validate_many",
        lambda paths, **options: [[county_data.Problem("frictionless/type-error", "broken")] for _ in paths],
    )
    with pytest.raises(PackageError):
        county_data.build("shangli", out)
    assert tree_bytes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shangli"]


def test_failed_first_build_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import county_data.package.validate

    monkeypatch.setattr(
        county_data.package.validate,
        "validate_many",
        lambda paths, **options: [[county_data.Problem("frictionless/type-error", "broken")] for _ in paths],
    )
    with pytest.raises(PackageError):
        county_data.build("shangli", tmp_path / "shangli")
    assert list(tmp_path.iterdir()) == []


def test_descriptor_records_sources_without_inventing_outlet_or_date() -> None:
    import json

    descriptor = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    [source] = descriptor["sources"]
    assert source["title"] == "花炮故里向新攀高" and "published" not in source and "outlet" not in source
    names = [resource["name"] for resource in descriptor["resources"]]
    assert names == [
        "counties",
        "sources",
        "metrics",
        "observations",
        "mentions",
        "honours",
        "source-shangli-14th-fyp-review",
    ]
    for resource in descriptor["resources"]:
        data = (PACKAGE / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + __import__("hashlib").sha256(data).hexdigest()


SHIPPED_JSON = sorted(
    {*ROOT.glob("datapackages/*/*.json"), *ROOT.glob("datapackages/*/*.jsonld"), *ROOT.glob("releases/**/*.json")}
)


def pythons_json(document: object) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@pytest.mark.parametrize("path", SHIPPED_JSON, ids=lambda p: str(p.relative_to(ROOT)))
def test_json_is_written_as_pythons_json_module_writes_it(path: Path) -> None:
    document = json.loads(path.read_bytes())
    assert json_bytes(document) == pythons_json(document)


def test_hard_json_is_written_as_pythons_json_module_writes_it() -> None:
    document = {
        "text": '上栗县 "花炮" \\ \u2028 \x1f \t\n',
        "empty": [[], {}],
        "numbers": [0, -3, 2**40, 93.82, 2e10, 0.1 + 0.2, 1e16],
        "flags": [True, False, None],
        "nested": {"a": [{"b": {"c": []}}]},
    }
    assert json_bytes(document) == pythons_json(document)
