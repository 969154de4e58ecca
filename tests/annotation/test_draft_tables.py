"""Drafts of a report with a table: each cell says its row and column, in every encoding mirrors use.

The table is written by hand; the expected rows, columns and values are read from it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from county_data.annotation.draft import draft_entries, render_draft
from county_data.cli import main

REPORT = """全年粮食产量5.43万吨,增长2.1%。
表3 主要农产品产量
产品名称 | 产量(吨) | 比上年增长(%) |
粮食 | 54300 | 2.1 |
茶叶 | 700 | 3.6 |
"""
#: (quote, value, unit, row, column) of the cells, read by hand
CELLS = [
    ("54300", 54300, "tonne", "粮食", "产量(吨)"),
    ("2.1", 2.1, "percent", "粮食", "比上年增长(%)"),
    ("700", 700, "tonne", "茶叶", "产量(吨)"),
    ("3.6", 3.6, "percent", "茶叶", "比上年增长(%)"),
]


def _cells(figures: list[dict]) -> list[tuple]:
    return [
        (f["quote"], f["value"], f["unit"], f["table"]["row"], f["table"]["column"]) for f in figures if "table" in f
    ]


def test_draft_entries_of_cells_carry_their_table_place() -> None:
    entries = draft_entries(REPORT)
    assert _cells(entries) == CELLS
    first = next(e for e in entries if "table" in e)
    assert first["table"] == {
        "caption": "表3 主要农产品产量",
        "row": "粮食",
        "column": "产量(吨)",
        "unit": "吨",
        "unit_source": "header",
    }
    assert first["context"] == "表3 主要农产品产量 粮食 产量(吨)" and first["line"] == 4


def test_prose_entries_have_no_table_key() -> None:
    prose = [e for e in draft_entries(REPORT) if "table" not in e]
    assert [(e["value"], e["unit"]) for e in prose] == [(54300, "tonne"), (2.1, "percent")]


def test_a_draft_with_cells_reads_back_equal_as_yaml_and_json() -> None:
    entries = draft_entries(REPORT)
    as_yaml = yaml.safe_load(render_draft(entries, "r.txt", "utf-8", "yaml"))
    assert as_yaml == json.loads(render_draft(entries, "r.txt", "utf-8", "json"))


@pytest.mark.parametrize(("encoding", "said"), [("gb18030", "gb18030"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8")])
def test_extract_shows_cells_with_row_and_column_in_each_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str, said: str
) -> None:
    report = tmp_path / "bulletin.txt"
    report.write_bytes(REPORT.encode(encoding))
    code = main(["--no-plugins", "extract", str(report), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and f"as {said}" in err
    assert _cells(json.loads(out)["figures"]) == CELLS
