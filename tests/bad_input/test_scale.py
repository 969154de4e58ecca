"""Bad input to the options of national scale: engines, jobs, the panel; the safety checks run before DuckDB."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bad_input.harness import assert_refused, run_cli, unchanged
from core_paths import PACKAGE


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    outcome = run_cli("--no-plugins", "validate", str(PACKAGE), "--engine", "pandas", cwd=tmp_path)
    assert outcome.status == 2 and "Traceback" not in outcome.stderr
    assert "'pandas' is not one of 'columnar', 'frictionless'" in outcome.stderr


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(tmp_path: Path, jobs: str) -> None:
    with unchanged(tmp_path):
        outcome = run_cli(
            "--no-plugins", "build", "shangli", "--jobs", jobs, "--out", str(tmp_path / "out"), cwd=tmp_path
        )
    assert outcome.status == 2 and "Traceback" not in outcome.stderr and "--jobs" in outcome.stderr


@pytest.mark.parametrize("engine", ["columnar", "frictionless"])
def test_a_table_linked_outside_is_refused_before_any_engine_reads_it(tmp_path: Path, engine: str) -> None:
    folder = Path(shutil.copytree(PACKAGE, tmp_path / "p"))
    (folder / "data" / "counties.csv").unlink()
    (folder / "data" / "counties.csv").symlink_to("/etc/passwd")
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "validate", str(folder), "--engine", engine, cwd=tmp_path)
    assert_refused(outcome, "link-outside", "resources[0].path")
    assert "root:" not in outcome.stderr


def test_a_planted_error_is_reported_by_the_columnar_engine_with_row_and_field(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(PACKAGE, tmp_path / "p"))
    observations = folder / "data" / "observations.csv"
    header, first, *rest = observations.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = first.split(",")
    cells[header.split(",").index("unit")] = "furlong"
    observations.write_text(header + ",".join(cells) + "".join(rest), encoding="utf-8")
    described = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in described["resources"]:
        resource.pop("hash", None), resource.pop("bytes", None)
    (folder / "datapackage.json").write_text(json.dumps(described), encoding="utf-8")
    outcome = run_cli("--no-plugins", "validate", str(folder), cwd=tmp_path)
    assert_refused(outcome, "frictionless/constraint-error", "row 2", "field 'unit'", "furlong")
