"""`county-data diff` refuses what it cannot compare, naming the place, without a traceback or a stray write."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bad_input.harness import assert_refused, run_cli, unchanged
from core_paths import PACKAGE


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    outcome = run_cli("--no-plugins", "diff", "no-such-build", str(PACKAGE), cwd=tmp_path)
    assert_refused(outcome, "missing-descriptor", "no-such-build")


def test_no_release_baseline_says_how_to_record_one(tmp_path: Path) -> None:
    outcome = run_cli("--no-plugins", "diff", "--check", cwd=tmp_path)
    assert_refused(
        outcome, "missing-descriptor", "no release baseline in releases/baseline", "county_data.diff.baseline"
    )


def test_git_outside_a_repository_is_refused(tmp_path: Path) -> None:
    outcome = run_cli("--no-plugins", "diff", "git:HEAD:datapackages/shangli", str(PACKAGE), cwd=tmp_path)
    assert_refused(outcome, "invalid-package", "needs a git repository", str(tmp_path))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding one commit of the Shangli package."""
    shutil.copytree(PACKAGE, tmp_path / "datapackages" / "shangli")
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "build"],
    ):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)
    return tmp_path


def test_an_unknown_revision_is_named(repo: Path) -> None:
    with unchanged(repo):
        outcome = run_cli(
            "--no-plugins", "diff", "git:no-such-tag:datapackages/shangli", "datapackages/shangli", cwd=repo
        )
    assert_refused(outcome, "invalid-package", "'no-such-tag'")


def test_two_revisions_without_a_path_are_refused(repo: Path) -> None:
    outcome = run_cli("--no-plugins", "diff", "git:HEAD", "git:HEAD", cwd=repo)
    assert_refused(outcome, "invalid-package", "git:HEAD names no path")


def test_a_path_missing_at_the_revision_is_named(repo: Path) -> None:
    outcome = run_cli("--no-plugins", "diff", "git:HEAD:datapackages/liuyang", "datapackages/shangli", cwd=repo)
    assert_refused(outcome, "missing-descriptor", "git:HEAD:datapackages/liuyang")


def test_a_resource_path_leaving_the_package_is_not_read(tmp_path: Path) -> None:
    copy = tmp_path / "builds" / "shangli"
    shutil.copytree(PACKAGE, copy)
    descriptor = copy / "datapackage.json"
    document = json.loads(descriptor.read_text(encoding="utf-8"))
    document["resources"][0]["path"] = "../../secret.csv"
    descriptor.write_text(json.dumps(document), encoding="utf-8")
    (tmp_path / "secret.csv").write_text("county_code\n1\n", encoding="utf-8")
    outcome = run_cli("--no-plugins", "diff", str(PACKAGE), str(copy), cwd=tmp_path)
    assert_refused(outcome, "invalid-package", "../../secret.csv", "must stay inside the package")


def test_an_existing_output_file_is_kept_without_force(tmp_path: Path) -> None:
    (tmp_path / "CHANGES.md").write_text("mine\n", encoding="utf-8")
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "diff", str(PACKAGE), str(PACKAGE), "--out", "CHANGES.md", cwd=tmp_path)
    assert_refused(outcome, "file-exists", "CHANGES.md", "--force")
    forced = run_cli("--no-plugins", "diff", str(PACKAGE), str(PACKAGE), "--out", "CHANGES.md", "--force", cwd=tmp_path)
    assert forced.status == 0, forced.stderr
    assert "Implied version bump: **none**" in (tmp_path / "CHANGES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("record", "places"),
    [
        ('{"commit": ', ["release.json", "must be a UTF-8 JSON object"]),  # cut short
        ("[]", ["release.json", "must be a JSON object", "(got list)"]),
        ('{"tag": "v1"}', ["release.json", "field 'commit'", "must be the released commit", "(got None)"]),
        ('{"commit": "abc", "packages": 3}', ["field 'packages'", "must be a string", "(got 3)"]),
    ],
)
def test_a_broken_release_record_is_named(tmp_path: Path, record: str, places: list[str]) -> None:
    baseline = tmp_path / "baseline"
    shutil.copytree(PACKAGE, baseline / "shangli")
    (baseline / "release.json").write_text(record, encoding="utf-8")
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "diff", str(baseline), str(PACKAGE), cwd=tmp_path)
    assert_refused(outcome, "bad-release-record", *places)
