"""Exports over what a user already has: the SQLite export is now a folder (database + datasette metadata.json).

A user who kept a database from the old single-file export and runs the same command
must not lose it silently: the export is refused, naming the path, and nothing changes.
"""

from pathlib import Path

import pytest

from .harness import assert_refused, run_cli, unchanged


@pytest.mark.parametrize("force", [(), ("--force",)], ids=["plain", "force"])
def test_sqlite_export_over_an_old_database_file_is_refused(tmp_path: Path, force: tuple[str, ...]) -> None:
    # The SQLite export is a folder (the database and datasette's metadata.json beside it);
    # a file of that name is never replaced by a folder, even with --force.
    old = tmp_path / "shangli.sqlite"
    old.write_bytes(b"SQLite format 3\x00 kept by the user")
    with unchanged(tmp_path):
        outcome = run_cli(
            "--no-plugins", "export", "shangli", "--format", "sqlite", "--out", "shangli.sqlite", *force, cwd=tmp_path
        )
    assert_refused(outcome, "wrong-output-kind", "shangli.sqlite", "must be a folder")


def test_sqlite_export_is_the_database_and_its_datasette_metadata(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with unchanged(tmp_path, except_under=("shangli.sqlite",)):
        outcome = run_cli(
            "--no-plugins", "export", "shangli", "--format", "sqlite", "--out", "shangli.sqlite", cwd=tmp_path
        )
    assert outcome.status == 0, outcome.stderr
    names = sorted(p.name for p in (tmp_path / "shangli.sqlite").iterdir())
    assert names == [".county-data", "metadata.json", "shangli.sqlite"]
