"""The release habit: versions against the bump the Data Package version recipe implies, and the CHANGELOG lines.

Expected bumps are the recipe's (https://specs.frictionlessdata.io/patterns/#data-package-version):
"Correct errors in existing data" is PATCH, "Add new data to an existing data resource"
is MINOR, "Add, remove or re-order fields" is MAJOR. From Shangli's shipped 1.0.0 they
give 1.0.1, 1.1.0 and 2.0.0. The moved value is worked out by hand: 突破200亿元 →
突破230亿元 is |200−230|/(200+230) = 30/430 ≈ 6.98 % (moderate, ≥ 1 % and < 15 %).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from diff_planting import build_variant, exclude, observation, set_reading

from core_paths import PACKAGE, ROOT
from county_data.cli import DEFAULT_BASELINE, main
from county_data.diff.baseline import BASELINE, read_release, record_baseline
from county_data.diff.compare import diff_specs
from county_data.diff.versions import version_problems

OUTPUT = "2024年产业集群总产值突破200亿元"
OUTPUT_NEW = "2024年产业集群总产值突破230亿元"
SHIPPED = "1.0.0"  # Shangli's version in its county.yaml


def _correct(data: dict[str, Any]) -> None:
    set_reading(data, "fireworks-output-2024", 23_000_000_000, "突破230亿元", OUTPUT_NEW)


def _corrected(folder: Path, metrics: dict[str, Any], version: str = "") -> Path:
    return build_variant(folder, metrics, text_edits=((OUTPUT, OUTPUT_NEW),), annotate=_correct, version=version)


def _check(old: Path, new: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["--no-plugins", "diff", str(old), str(new), "--check"])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_a_data_only_correction_asks_a_patch_and_the_check_fails_until_the_version_is_raised(
    tmp_path: Path, metrics: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    old = build_variant(tmp_path / "old", metrics)
    same_version = _corrected(tmp_path / "same", metrics)
    assert diff_specs(str(old), str(same_version), tmp_path).bump == "patch"
    status, said = _check(old, same_version, capsys)
    assert status == 1
    assert "package county-data-shangli: version must be at least 1.0.1" in said and "(got '1.0.0')" in said
    assert "[version-behind-changes]" in said
    raised = _corrected(tmp_path / "raised", metrics, version="1.0.1")
    assert _check(old, raised, capsys) == (0, "ok: county-data-shangli 1.0.1 (the patch bump asks at least 1.0.1)\n")


def test_an_added_row_asks_a_minor_bump(tmp_path: Path, metrics: dict[str, Any]) -> None:
    old = build_variant(tmp_path / "old", metrics, annotate=lambda data: exclude(data, "training-trades"))
    new = build_variant(tmp_path / "new", metrics)
    report = diff_specs(str(old), str(new), tmp_path)
    assert report.bump == "minor"
    [problem] = version_problems(report)
    assert (problem.field, problem.found, problem.expected) == ("version", SHIPPED, "1.1.0")


def _drop_column(package: Path, table: str, field: str) -> None:
    descriptor = package / "datapackage.json"
    document = json.loads(descriptor.read_text(encoding="utf-8"))
    [resource] = [r for r in document["resources"] if r["name"] == table]
    resource["schema"]["fields"] = [f for f in resource["schema"]["fields"] if f["name"] != field]
    descriptor.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    path = package / "data" / f"{table}.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, [name for name in rows[0] if name != field], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: v for k, v in row.items() if k != field} for row in rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def test_a_removed_field_asks_a_major_bump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "shangli"
    shutil.copytree(PACKAGE, new)
    _drop_column(new, "observations", "note")
    report = diff_specs(str(PACKAGE), str(new), tmp_path)
    assert report.bump == "major"
    status, said = _check(PACKAGE, new, capsys)
    assert status == 1 and "version must be at least 2.0.0, the major bump from 1.0.0" in said


def test_the_changelog_section_counts_figures_and_lists_values_periods_and_the_version(
    tmp_path: Path, metrics: dict[str, Any]
) -> None:
    old = build_variant(tmp_path / "old", metrics, annotate=lambda data: exclude(data, "training-trades"))

    def edits(data: dict[str, Any]) -> None:
        _correct(data)
        park = observation(data, "cooperation-park-enterprises")
        park["period"], park["period_rule"] = "2024", "override"

    new = build_variant(tmp_path / "new", metrics, ((OUTPUT, OUTPUT_NEW),), edits, version="1.1.0")
    out = tmp_path / "CHANGES.md"
    assert main(["--no-plugins", "diff", str(old), str(new), "--format", "changelog", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "### Data"
    assert lines[4].startswith("- **county-data-shangli** 1.0.0 → 1.1.0: figures 2 changed, 1 added, 0 removed;")
    assert lines[5].startswith("  - minor because ")
    assert (
        "  - value `fireworks-output-2024`: 20000000000 CNY more_than (突破200亿元) → "
        "23000000000 CNY more_than (突破230亿元) (moderate, 6.98 %)"
    ) in lines
    assert "  - period unknown → 2024: `cooperation-park-enterprises`" in lines


def test_every_shipped_package_keeps_up_with_the_release_baseline(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reads the committed snapshot, not git: it holds in a clone without tags or history."""
    monkeypatch.chdir(ROOT)
    assert BASELINE == DEFAULT_BASELINE
    assert version_problems(diff_specs(BASELINE, "datapackages", ROOT)) == []
    assert main(["--no-plugins", "diff", "--check"]) == 0
    assert "ok: shangli" in capsys.readouterr().out


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def test_the_baseline_snapshot_is_its_commit_byte_for_byte() -> None:
    release = read_release(ROOT / BASELINE)
    assert release is not None and len(release.commit) == 40
    if _git(ROOT, "cat-file", "-e", f"{release.commit}^{{commit}}").returncode != 0:
        pytest.skip(f"commit {release.commit} is not in this clone (shallow or without history): nothing to compare")
    snapshot = ROOT / BASELINE
    files = sorted(p for p in snapshot.rglob("*") if p.is_file() and p.parent != snapshot)
    assert files
    for path in files:
        committed = _git(ROOT, "show", f"{release.commit}:{release.packages}/{path.relative_to(snapshot).as_posix()}")
        assert committed.stdout == path.read_bytes(), path


def test_recording_a_baseline_snapshots_the_packages_at_a_commit(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(PACKAGE, repo / "datapackages" / "shangli")
    for args in (
        ("init", "-q"),
        ("add", "."),
        ("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "r"),
    ):
        assert _git(repo, *args).returncode == 0
    assert _git(repo, "tag", "data-1.0.0").returncode == 0
    commit = _git(repo, "rev-parse", "HEAD").stdout.decode().strip()
    out = record_baseline("data-1.0.0", repo)
    assert out == repo / BASELINE
    release = read_release(out)
    assert release is not None and release.commit == commit
    assert json.loads((out / "release.json").read_text(encoding="utf-8"))["tag"] == "data-1.0.0"
    copied = out / "shangli" / "data" / "observations.csv"
    assert copied.read_bytes() == (PACKAGE / "data" / "observations.csv").read_bytes()
    assert not (out / "shangli" / "sources").exists()  # the diff reads descriptors and tables only
    assert diff_specs(str(out), "datapackages", repo).bump == "none"


def test_the_changelog_data_section_is_the_diff_against_the_release_baseline(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The habit itself: CHANGELOG.md's ``### Data`` under Unreleased is what the command prints for the shipped packages."""
    monkeypatch.chdir(ROOT)
    assert main(["diff", "--format", "changelog"]) == 0
    printed = capsys.readouterr().out.strip()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = changelog.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    section = "### Data" + unreleased.split("### Data", 1)[1].split("\n### ", 1)[0]
    assert section.strip() == printed, "regenerate it: county-data diff --format changelog"
