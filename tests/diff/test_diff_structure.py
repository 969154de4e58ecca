"""Tiers, bumps, schema changes and git revisions, on the shipped Shangli package and edited copies of it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from core_paths import PACKAGE
from county_data.diff.bump import suggested_version
from county_data.diff.compare import diff_specs
from county_data.diff.tiers import relative_deviation, tier


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (100, 100, 0.0),
        (100, 0, 1.0),
        (-5, 5, 1.0),
        (0, 0, 0.0),
        (85, 115, 0.15),
        (99, 101, 0.01),
        (1000, 1001, 1 / 2001),
    ],
)
def test_relative_deviation(old: float, new: float, expected: float) -> None:
    assert relative_deviation(old, new) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("deviation", "expected"), [(0.15, "large"), (0.1499, "moderate"), (0.01, "moderate"), (0.0099, "small")]
)
def test_tier_boundaries(deviation: float, expected: str) -> None:
    assert tier(deviation) == expected


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("0.1.0", "patch", "0.1.1"),
        ("0.1.3", "minor", "0.2.0"),
        ("1.4.2", "major", "2.0.0"),
        ("0.1.0", "none", "0.1.0"),
        ("v1", "patch", ""),
    ],
)
def test_suggested_version(version: str, bump: str, expected: str) -> None:
    assert suggested_version(version, bump) == expected


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "new" / "shangli"
    shutil.copytree(PACKAGE, target)
    return target


def _edit_descriptor(package: Path, table: str, edit: object) -> None:
    path = package / "datapackage.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    [resource] = [r for r in document["resources"] if r["name"] == table]
    edit(resource)  # type: ignore[operator]
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _rename_csv_column(package: Path, table: str, old: str, new: str) -> None:
    path = package / "data" / f"{table}.csv"
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header.replace(old, new) + "\n" + rest, encoding="utf-8")


def test_an_identical_copy_has_no_change(copy: Path) -> None:
    report = diff_specs(str(PACKAGE), str(copy), copy)
    assert report.bump == "none"
    assert report.packages[0].rows == ()


def test_a_renamed_field_is_a_major_bump(copy: Path) -> None:
    _edit_descriptor(copy, "observations", lambda r: r["schema"]["fields"][-1].update(name="remark"))
    _rename_csv_column(copy, "observations", ",note", ",remark")
    [package] = diff_specs(str(PACKAGE), str(copy), copy).packages
    assert package.bump == "major"
    assert [(c.kind, c.detail) for c in package.schema] == [("field-renamed", "field note renamed remark")]


def test_a_changed_type_is_a_major_bump(copy: Path) -> None:
    _edit_descriptor(copy, "sources", lambda r: r["schema"]["fields"][13].update(type="string"))
    [package] = diff_specs(str(PACKAGE), str(copy), copy).packages
    assert package.bump == "major"
    assert [c.kind for c in package.schema] == ["type-changed"]


def test_a_removed_field_is_major_and_a_new_title_is_patch(copy: Path) -> None:
    _edit_descriptor(copy, "honours", lambda r: r["schema"]["fields"].pop())
    [package] = diff_specs(str(PACKAGE), str(copy), copy).packages
    assert [c.kind for c in package.schema] == ["field-removed"]
    assert package.bump == "major"


def test_a_descriptor_title_change_is_patch(copy: Path) -> None:
    path = copy / "datapackage.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["title"] = "another title"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    [package] = diff_specs(str(PACKAGE), str(copy), copy).packages
    assert package.bump == "patch"
    assert [(m.where, m.key) for m in package.metadata] == [("package", "title")]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_a_git_revision_is_read_from_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(PACKAGE, repo / "datapackages" / "shangli")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first build")
    csv = repo / "datapackages" / "shangli" / "data" / "observations.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",93.82,percent,", ",95.5,percent,"), encoding="utf-8")
    for old in ("git:HEAD:datapackages/shangli", "git:HEAD", "git:HEAD:datapackages"):
        report = diff_specs(old, "datapackages" if old.endswith("datapackages") else "datapackages/shangli", repo)
        [package] = report.packages
        [row] = package.rows
        assert (row.old or {})["value"] == "93.82" and (row.new or {})["value"] == "95.5"
        assert row.tier == "small"  # |93.82 − 95.5| / (93.82 + 95.5) = 1.68 / 189.32 ≈ 0.89 %
        assert row.deviation == pytest.approx(1.68 / 189.32)
