"""Exports over what a user already has: the SQLite export is now a folder (database + datasette metadata.json).

A user who kept a database from the old single-file export and runs the same command
must not lose it silently: the export is refused, naming the path, and nothing changes.
"""

from pathlib import Path

from .harness import assert_refused, run_cli, unchanged


def test_sqlite_export_over_an_old_database_file_is_refused_without_force(tmp_path: Path) -> None:
    old = tmp_path / "shangli.sqlite"
    old.write_bytes(b"SQLite format 3\x00 kept by the user")
    with unchanged(tmp_path):
        outcome = run_cli(
            "--no-plugins", "export", "shangli", "--format", "sqlite", "--out", "shangli.sqlite", cwd=tmp_path
        )
    assert_refused(outcome, "file-exists", "shangli.sqlite", "--force")


def test_sqlite_export_with_force_replaces_it_with_the_folder_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "shangli.sqlite").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with unchanged(tmp_path, except_under=("shangli.sqlite",)):
        outcome = run_cli(
            "--no-plugins",
            "export",
            "shangli",
            "--format",
            "sqlite",
            "--out",
            "shangli.sqlite",
            "--force",
            cwd=tmp_path,
        )
    assert outcome.status == 0, outcome.stderr
    assert sorted(p.name for p in (tmp_path / "shangli.sqlite").iterdir()) == ["metadata.json", "shangli.sqlite"]
