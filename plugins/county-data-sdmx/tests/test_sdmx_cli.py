"""The exporter through the command line, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "county_data.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)


def test_cli_export_writes_sdmx_csv(tmp_path: Path) -> None:
    out = tmp_path / "shangli.csv"
    result = run("export", "shangli", "--format", "sdmx-csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,")


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "shangli.csv"
    out.write_text("keep me", encoding="utf-8")
    result = run("export", "shangli", "--format", "sdmx-csv", "--out", str(out))
    assert result.returncode == 1
    assert "exists" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = run("export", "shangli", "--format", "sdmx-csv", "--out", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8").startswith("STRUCTURE,")
