"""A user's install: the wheel carries the report and annotations, and load() works outside the repo."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from core_paths import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(out)], check=True)
    [built] = out.glob("county_data-*.whl")
    return built


def test_wheel_ships_the_frozen_report_and_annotations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "county_data/counties/shangli/000_785c74f41207e478.txt",
        "county_data/counties/shangli/annotations.yaml",
        "county_data/counties/shangli/county.yaml",
        "county_data/catalogue/core_metrics.yaml",
        "county_data/counties/shangli/metrics.yaml",
        "county_data/py.typed",
    ):
        assert required in names


def test_load_works_from_any_directory_after_install(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    code = (
        "import county_data; tables = county_data.load('360322');"
        "print(county_data.__file__); print(len(tables['observations']))"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "COUNTY_DATA_LOAD_PLUGINS": ""},
    )
    assert result.returncode == 0, result.stderr
    location, rows = result.stdout.split()
    assert location.startswith(str(target)) and rows == "28"
