"""Bad --out paths for build and export: refused by name, and nothing around them changes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bad_input.harness import assert_refused, run_cli, unchanged

EXPORT = ("--no-plugins", "export", "shangli")
BUILD = ("--no-plugins", "build", "shangli")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with something in it to lose."""
    folder = tmp_path / "work"
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "draft.txt").write_text("three weeks of work", encoding="utf-8")
    (folder / "keep.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


def without_module(tmp_path: Path, name: str) -> dict[str, str]:
    """An environment in which ``import name`` fails as if it were not installed."""
    fake = tmp_path / "site" / name
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(f'raise ImportError("No module named {name!r}")\n', encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(fake.parent), os.environ.get("PYTHONPATH", "")])}


@pytest.mark.parametrize("out", [".", ""], ids=["dot", "empty"])
def test_force_never_replaces_the_current_folder(work: Path, out: str) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "csv", "--out", out, "--force", cwd=work)
    assert_refused(outcome, "protected-output", str(work), "current folder")


def test_force_never_replaces_the_folder_above(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "csv", "--out", "..", "--force", cwd=work / "notes")
    assert_refused(outcome, "protected-output", str(work))


def test_force_never_replaces_the_home_folder_even_if_marked(work: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".county-data").write_bytes(
        b"Written by county-data, which may replace this folder when it writes it again.\n"
    )
    with unchanged(tmp_path):
        outcome = run_cli(*EXPORT, "--format", "csv", "--out", str(home), "--force", cwd=work, env={"HOME": str(home)})
    assert_refused(outcome, "protected-output", str(home), "home folder")


def test_force_json_onto_a_folder_keeps_the_folder(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "json", "--out", "notes", "--force", cwd=work)
    assert_refused(outcome, "wrong-output-kind", "notes", "must be a file", "got a folder")


def test_force_csv_onto_a_file_keeps_the_file(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "csv", "--out", "keep.csv", "--force", cwd=work)
    assert_refused(outcome, "wrong-output-kind", "keep.csv", "must be a folder", "got a file")


def test_force_csv_onto_a_folder_county_data_did_not_write(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "csv", "--out", "notes", "--force", cwd=work)
    assert_refused(outcome, "foreign-folder", "notes", ".county-data")


def test_force_never_replaces_a_fifo(work: Path) -> None:
    os.mkfifo(work / "pipe")
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "json", "--out", "pipe", "--force", cwd=work, timeout=60)
    assert_refused(outcome, "special-output", "pipe", "FIFO")


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="needs /dev/null")
def test_force_never_replaces_a_device(work: Path) -> None:
    before = os.stat("/dev/null")
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "json", "--out", "/dev/null", "--force", cwd=work)
    assert_refused(outcome, "special-output", "/dev/null", "character device")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.parametrize("points_to", ["keep.csv", "gone.json"], ids=["to-a-file", "dangling"])
def test_force_never_replaces_or_follows_a_symlink(work: Path, points_to: str) -> None:
    (work / "link.json").symlink_to(work / points_to)
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "json", "--out", "link.json", "--force", cwd=work)
    assert_refused(outcome, "symlink-output", "link.json", points_to)


def test_export_under_a_file_is_refused(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "json", "--out", "keep.csv/sub/out.json", cwd=work)
    assert_refused(outcome, "parent-not-folder", "keep.csv/sub/out.json", str(work / "keep.csv"))


def test_build_into_a_file_is_refused(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*BUILD, "--out", "keep.csv", cwd=work)
    assert_refused(outcome, "parent-not-folder", str(work / "keep.csv"), "got a file")


def test_build_never_replaces_a_folder_it_did_not_write(work: Path) -> None:
    (work / "shangli").mkdir()
    (work / "shangli" / "mine.txt").write_text("mine", encoding="utf-8")
    with unchanged(work):
        outcome = run_cli(*BUILD, "--out", ".", cwd=work)
    assert_refused(outcome, "foreign-folder", "shangli")


def test_build_never_replaces_a_file_with_a_package(work: Path) -> None:
    (work / "shangli").write_text("mine", encoding="utf-8")
    with unchanged(work):
        outcome = run_cli(*BUILD, "--out", ".", cwd=work)
    assert_refused(outcome, "wrong-output-kind", "shangli", "must be a folder")


def test_without_force_a_foreign_folder_is_named_as_such_not_as_needing_force(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "csv", "--out", "notes", cwd=work)
    assert_refused(outcome, "foreign-folder", "notes")
    assert "--force" not in outcome.stderr


def test_export_onto_an_existing_file_needs_force(work: Path) -> None:
    (work / "out.json").write_text("{}", encoding="utf-8")
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "json", "--out", "out.json", cwd=work)
    assert_refused(outcome, "file-exists", "out.json", "--force")


def test_unknown_format_is_named_with_the_known_ones(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "xslx", "--out", "out.xlsx", cwd=work)
    assert_refused(outcome, "unknown-format", "'xslx'", "xlsx")


def test_parquet_without_pyarrow_names_the_extra(work: Path, tmp_path: Path) -> None:
    with unchanged(work):
        outcome = run_cli(
            *EXPORT, "--format", "parquet", "--out", "pq", cwd=work, env=without_module(tmp_path, "pyarrow")
        )
    assert_refused(outcome, "missing-extra", "pq", 'pip install "county-data[parquet]"')
    assert ".tmp-" not in outcome.stderr  # the path the user gave, not the staging folder


def test_a_failing_exporter_is_named_and_leaves_nothing(work: Path, tmp_path: Path) -> None:
    with unchanged(work):
        outcome = run_cli(
            *EXPORT, "--format", "xlsx", "--out", "out.xlsx", cwd=work, env=without_module(tmp_path, "openpyxl")
        )
    assert_refused(outcome, "export-failed", "out.xlsx", "exporter 'xlsx' failed", "openpyxl")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc, where nothing can be created")
def test_a_folder_that_cannot_be_written_is_named(work: Path) -> None:
    with unchanged(work):
        outcome = run_cli(*EXPORT, "--format", "json", "--out", "/proc/shangli.json", cwd=work)
    assert_refused(outcome, "output-failed", "/proc/shangli.json", "cannot write")
