"""Every figure against the texts themselves, when the reference copies are at hand."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import county_data_liuyang
import pytest

from county_data import County, Metric, PluginContext, hookimpl, read_county, read_metrics
from county_data.api import build, verify

REPO = Path(__file__).resolve().parents[3]
SOURCES = Path(os.environ.get("COUNTY_DATA_LIUYANG_SOURCES", REPO.parent / "shared" / "reports" / "liuyang"))
needs_texts = pytest.mark.skipif(
    not SOURCES.is_dir(),
    reason=f"the Liuyang source texts are not shipped; put them in {SOURCES} or set COUNTY_DATA_LIUYANG_SOURCES",
)


class CopiedLiuyang:
    """The Liuyang plugin read from an editable copy of its data files."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @hookimpl
    def county_data_counties(self, context: PluginContext) -> list[County]:
        return [read_county(self.root)]

    @hookimpl
    def county_data_metrics(self, context: PluginContext) -> list[Metric]:
        return read_metrics(self.root / "metrics.yaml")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "liuyang"
    shutil.copytree(
        Path(county_data_liuyang.__file__).parent, root, ignore=shutil.ignore_patterns("*.py", "__pycache__")
    )
    return root


def registry_for(root: Path, register_plugin: Any) -> Any:
    return register_plugin(CopiedLiuyang(root), "liuyang-copy", entry_points=False)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@needs_texts
def test_every_figure_verifies_against_the_texts(county_data_registry: Any) -> None:
    result = verify("liuyang", SOURCES, registry=county_data_registry)
    assert not result.problems, "\n".join(map(str, result.problems))
    assert len(result.sources_found) == 3
    assert result.figures_checked == 35


@needs_texts
def test_cli_verify() -> None:
    command = [sys.executable, "-m", "county_data.cli", "verify", "liuyang", "--sources", str(SOURCES)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    assert "verified 35 quotes of liuyang against 3 source(s)" in result.stdout


@needs_texts
def test_a_moved_offset_fails_verification(copy: Path, register_plugin: Any) -> None:
    edit(
        copy / "annotations.yaml",
        'quote: "502.2亿元"\n        start: 903\n        end: 910',
        'quote: "502.2亿元"\n        start: 904\n        end: 911',
    )
    result = verify("liuyang", SOURCES, registry=registry_for(copy, register_plugin))
    codes = [problem.code for problem in result.problems]
    assert "quote-mismatch" in codes


@needs_texts
def test_a_changed_text_is_not_found(copy: Path, register_plugin: Any, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    shutil.copytree(SOURCES, texts)
    target = texts / "peoples-daily-2025-02-12.txt"
    target.chmod(0o644)
    target.write_bytes(target.read_bytes().replace(b"502.2", b"520.2"))
    result = verify("liuyang", texts, registry=registry_for(copy, register_plugin))
    assert [p.code for p in result.problems] == ["source-not-found"]
    assert "peoples-daily-2025-02-12" in result.problems[0].message


@needs_texts
def test_an_unannotated_figure_is_reported(copy: Path, register_plugin: Any) -> None:
    annotations = copy / "annotations.yaml"
    text = annotations.read_text(encoding="utf-8")
    text = re.sub(r"excluded:\n.*", "excluded: []\n", text, flags=re.S)
    annotations.write_text(text, encoding="utf-8")
    result = verify("liuyang", SOURCES, registry=registry_for(copy, register_plugin))
    assert [p.code for p in result.problems] == ["unaccounted-figure"]
    assert "'1个'" in result.problems[0].message


def test_visitor_counts_of_february_and_november_must_not_share_a_period(
    copy: Path, register_plugin: Any, tmp_path: Path
) -> None:
    """500万人次 (early 2025) filed under 2023/2025 would contradict 超700万人次 (November 2025)."""
    edit(
        copy / "annotations.yaml",
        'value: 5000000\n    unit: count\n    surface: "500万人次"\n    qualifier: exact\n    period: "unknown"',
        'value: 5000000\n    unit: count\n    surface: "500万人次"\n    qualifier: exact\n    period: "2023/2025"',
    )
    from county_data import CountyDataError

    with pytest.raises(CountyDataError, match=r"source-conflict|sources disagree"):
        build("liuyang", tmp_path / "out", registry=registry_for(copy, register_plugin))
