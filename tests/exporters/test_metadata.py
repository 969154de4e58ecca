"""Every export says what it is (title, licence, sources, version) and has the same bytes every time."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest

from core_paths import PACKAGE
from county_data.exporters.formats import BUILTIN_EXPORTERS, ExportData

COMMITTED = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
TITLE = "上栗县 (Shangli County): development figures with provenance"


def tree_bytes(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_every_format_gives_the_same_bytes_twice(shangli_data: ExportData, tmp_path: Path) -> None:
    runs = []
    for run in ("first", "second"):
        (tmp_path / run).mkdir()
        for exporter in BUILTIN_EXPORTERS:
            exporter.write(shangli_data, tmp_path / run / f"{exporter.name}{exporter.suffix}")
        runs.append({e.name: tree_bytes(tmp_path / run / f"{e.name}{e.suffix}") for e in BUILTIN_EXPORTERS})
        time.sleep(2.1)  # zip entry dates have a 2-second resolution: a clock-stamped file would differ
    for exporter in BUILTIN_EXPORTERS:
        assert runs[0][exporter.name] == runs[1][exporter.name], exporter.name


@pytest.fixture(scope="module")
def workbook(shangli_data: ExportData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from county_data.exporters.xlsx import write_xlsx

    path = tmp_path_factory.mktemp("xlsx") / "shangli.xlsx"
    write_xlsx(shangli_data, path)
    return path


def test_xlsx_opens_on_an_about_sheet_with_title_licence_sources_version_and_citation(workbook: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames[0] == "About"
    about = {row[0]: row[1] for row in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about["title"] == TITLE and about["version"] == "1.0.0"
    assert about["licence"].startswith("CC-BY-4.0") and "county_data developers" in about["citation"]
    assert about["source"].startswith("花炮故里向新攀高") and "45be4169" in about["source"]
    assert about["observations.surface"]
    assert book.properties.title == TITLE and book.properties.version == "1.0.0"
    assert book.properties.creator == "county_data developers"


def test_xlsx_carries_no_clock(workbook: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        dates = {info.date_time for info in archive.infolist()}
        core = archive.read("docProps/core.xml").decode()
    assert dates == {(1980, 1, 1, 0, 0, 0)}  # shangli's only source is undated: no date to give
    assert core.count("1980-01-01T00:00:00Z") == 2


def test_parquet_files_carry_the_package_descriptor(shangli_data: ExportData, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from county_data.exporters.parquet import write_parquet

    write_parquet(shangli_data, tmp_path / "pq")
    files = sorted(tmp_path.glob("pq/*.parquet"))
    assert len(files) == 6
    for path in files:
        metadata = pq.read_schema(path).metadata
        assert json.loads(metadata[b"datapackage.json"]) == COMMITTED
        assert metadata[b"datapackage.resource"].decode() == path.stem


def test_json_export_is_a_data_package_frictionless_validates_and_reads(
    shangli_data: ExportData, tmp_path: Path
) -> None:
    import csv

    import frictionless

    from county_data.exporters.json_package import write_json

    path = tmp_path / "shangli.json"
    write_json(shangli_data, path)
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["type", "message"])
    package = frictionless.Package(str(path))
    rows = package.get_resource("observations").read_rows()
    with (PACKAGE / "data" / "observations.csv").open(encoding="utf-8", newline="") as handle:
        expected = {row["observation_id"]: float(row["value"]) for row in csv.DictReader(handle)}
    assert {row["observation_id"]: float(row["value"]) for row in rows} == expected
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["title"] == TITLE and document["licenses"] == COMMITTED["licenses"]
