"""Built-in exporters write real files that read back with the same figures and provenance."""

from pathlib import Path

import pandas as pd
import pytest

import county_data
from county_data import ExportError
from county_data.exporters.formats import BUILTIN_EXPORTERS, ExportData, neutralise, neutralised
from county_data.plugins.testing import assert_round_trip

PROVENANCE = ("source_id", "quote", "char_start", "char_end", "surface", "qualifier")


@pytest.mark.parametrize("exporter", BUILTIN_EXPORTERS, ids=lambda e: e.name)
def test_every_builtin_format_round_trips_with_provenance(exporter: county_data.Exporter, tmp_path: Path) -> None:
    from county_data.plugins.registry import get_registry

    target = county_data.export("shangli", exporter.name, tmp_path / f"out{exporter.suffix}")
    tables = exporter.read(target)
    assert_round_trip(exporter.name, get_registry(), "shangli", tables)
    assert set(PROVENANCE) <= set(tables["observations"].columns)
    quotes = set(tables["observations"]["quote"])
    assert "发放创业贷款超5.5亿元" in quotes


def test_csv_export_is_the_data_package(tmp_path: Path) -> None:
    from county_data.package.validate import validate_everything

    target = county_data.export("shangli", "csv", tmp_path / "pkg")
    assert validate_everything(target / "datapackage.json") == []


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "shangli.json"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportError, match="exists; pass --force"):
        county_data.export("shangli", "json", target)
    assert target.read_text(encoding="utf-8") == "keep me"
    county_data.export("shangli", "json", target, force=True)
    assert target.read_text(encoding="utf-8").startswith("{")


def test_failing_exporter_keeps_the_old_file(tmp_path: Path, register_plugin: object) -> None:
    def explode(data: object, path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    class Broken:
        @county_data.hookimpl
        def county_data_exporters(self, context: object) -> list:
            return [county_data.Exporter("broken", "Always fails", explode, suffix=".txt")]

    register_plugin(Broken(), "broken-exporter", entry_points=False)
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError, match="exporter 'broken' failed: disk full"):
        county_data.export("shangli", "broken", target, force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"])
def test_formula_like_text_is_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


def test_numbers_and_plain_text_are_left_alone() -> None:
    assert neutralise(-2.5) == -2.5 and neutralise("超80%") == "超80%"
    frame = pd.DataFrame({"text": ["=HYPERLINK(1)", "ok"], "value": [-1.0, 2.0]})
    result = neutralised(frame)
    assert result["text"].tolist() == ["'=HYPERLINK(1)", "ok"] and result["value"].tolist() == [-1.0, 2.0]


def test_xlsx_cells_never_start_a_formula(tmp_path: Path, shangli_data: ExportData) -> None:
    import openpyxl

    from county_data.exporters.xlsx import write_xlsx

    tables = {name: frame.copy() for name, frame in shangli_data.frames.items()}
    tables["observations"].loc[0, "note"] = "=cmd|' /C calc'!A0"
    write_xlsx(ExportData(shangli_data.county, tables, shangli_data.files), tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["observations"]
    cells = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_package_text_cells_cannot_start_a_formula() -> None:
    tables = county_data.load("shangli")
    for name, frame in tables.items():
        for column in frame.columns:
            values = [v for v in frame[column] if isinstance(v, str)]
            assert not any(v.startswith(("=", "+", "-", "@")) for v in values), (name, column)


def test_parquet_without_pyarrow_says_which_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what `import pyarrow` sees when it is not installed
    with pytest.raises(ExportError, match=r'pip install "county-data\[parquet\]"'):
        county_data.export("shangli", "parquet", tmp_path / "pq")
