"""docs/use-it-in.md stays true: every sh and python block runs, in order, on a copy of the packages."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core_paths import ROOT

PAGE = ROOT / "docs" / "use-it-in.md"
BLOCK = re.compile(r"^```(sh|python)\n(.*?)^```", re.MULTILINE | re.DOTALL)
#: Commands of the page and how to run them with this interpreter.
COMMANDS = {"county-data": [sys.executable, "-m", "county_data.cli"], "datasette": [sys.executable, "-m", "datasette"]}


def blocks() -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in BLOCK.finditer(PAGE.read_text(encoding="utf-8"))]


def run_shell(block: str, cwd: Path) -> None:
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if not words:
            continue
        result = subprocess.run([*COMMANDS[words[0]], *words[1:]], cwd=cwd, capture_output=True, text=True)
        assert result.returncode == 0, f"{line}\n{result.stderr}"


def test_the_page_has_recipes_to_run() -> None:
    kinds = [kind for kind, _ in blocks()]
    assert kinds.count("python") >= 6 and "sh" in kinds


def test_every_recipe_runs(tmp_path: Path) -> None:
    for module in ("duckdb", "datasette", "pysdmx", "sdmx", "county_data_sdmx"):
        pytest.importorskip(module)
    shutil.copytree(ROOT / "datapackages", tmp_path / "datapackages")
    for kind, code in blocks():
        if kind == "sh":
            run_shell(code, tmp_path)
        else:
            result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
            assert result.returncode == 0, f"{code}\n{result.stderr}"
