"""`county-data site` refuses what it cannot build, naming the place, and never replaces a folder it did not write."""

from __future__ import annotations

import shutil
from pathlib import Path

from bad_input.harness import assert_refused, run_cli, unchanged
from core_paths import ROOT

PACKAGES = ROOT / "datapackages"


def test_an_unknown_county_is_named_with_the_known_ones(tmp_path: Path) -> None:
    with unchanged(tmp_path):
        outcome = run_cli(
            "--no-plugins", "site", "shangli", "nowhere", "--packages", str(PACKAGES), "--out", "site", cwd=tmp_path
        )
    assert_refused(outcome, "unknown-county", "'nowhere'", "liuyang, shangli")


def test_a_folder_without_packages_is_named(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "site", "--packages", "empty", "--out", "site", cwd=tmp_path)
    assert_refused(outcome, "missing-descriptor", "empty", "county-data build")


def test_a_folder_the_command_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep me\n", encoding="utf-8")
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "site", "--packages", str(PACKAGES), "--out", "notes", cwd=tmp_path)
    assert_refused(outcome, "foreign-folder", "notes", "written by county-data")


def test_a_file_as_out_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site.html").write_text("mine\n", encoding="utf-8")
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "site", "--packages", str(PACKAGES), "--out", "site.html", cwd=tmp_path)
    assert_refused(outcome, "wrong-output-kind", "site.html")


def test_a_broken_descriptor_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    copy = tmp_path / "packages" / "shangli"
    shutil.copytree(PACKAGES / "shangli", copy)
    (copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "site", "--packages", "packages", "--out", "site", cwd=tmp_path)
    assert_refused(outcome, "invalid-package", "datapackage.json")


def test_an_earlier_site_and_only_it_is_replaced(tmp_path: Path) -> None:
    first = run_cli("--no-plugins", "site", "liuyang", "--packages", str(PACKAGES), "--out", "site", cwd=tmp_path)
    assert first.status == 0, first.stderr
    with unchanged(tmp_path, except_under=("site",)):
        second = run_cli("--no-plugins", "site", "shangli", "--packages", str(PACKAGES), "--out", "site", cwd=tmp_path)
    assert second.status == 0, second.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir() if p.is_dir()) == ["metrics", "shangli"]


def test_a_rebuild_leaves_neighbouring_folders_alone(tmp_path: Path) -> None:
    """Folders named like the command's temporary ones (.site.old) belong to someone else."""
    (tmp_path / ".site.old").mkdir()
    (tmp_path / ".site.old" / "keep.txt").write_text("mine\n", encoding="utf-8")
    for _ in range(2):
        with unchanged(tmp_path, except_under=("site",)):
            outcome = run_cli(
                "--no-plugins", "site", "liuyang", "--packages", str(PACKAGES), "--out", "site", cwd=tmp_path
            )
        assert outcome.status == 0, outcome.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.old", "site"]
