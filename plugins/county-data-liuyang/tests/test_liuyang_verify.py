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
def test_a_changed_figure_is_not_found_in_the_copy(copy: Path, register_plugin: Any, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    shutil.copytree(SOURCES, texts)
    target = texts / "peoples-daily-2025-02-12.txt"
    target.chmod(0o644)
    target.write_bytes(target.read_bytes().replace(b"502.2", b"520.2"))
    result = verify("liuyang", texts, registry=registry_for(copy, register_plugin))
    assert [p.code for p in result.problems] == ["anchor-not-found"]
    assert "'502.2亿元'" in result.problems[0].message and result.problems[0].field == "quote"
    assert result.copies == (("peoples-daily-2025-02-12", str(target)),)


@needs_texts
def test_a_copy_with_other_header_lines_verifies(tmp_path: Path) -> None:
    """The user's copy of the 中新网 dispatch: other header lines, other name, no mirror chrome."""
    texts = tmp_path / "texts"
    shutil.copytree(SOURCES, texts)
    ours = texts / "chinanews-2025-11-29.txt"
    article = ours.read_text(encoding="utf-8").split("中新网长沙11月29日电", 1)[1]
    ours.unlink()
    (texts / "my copy.txt").write_text("保存自中新网 2025年12月1日\n\n中新网长沙11月29日电" + article, encoding="utf-8")
    command = [sys.executable, "-m", "county_data.cli", "verify", "liuyang", "--sources", str(texts)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    assert f"chinanews-2025-11-29: your copy {texts / 'my copy.txt'}" in result.stdout
    assert "verified 35 quotes of liuyang against 3 source(s)" in result.stdout


@needs_texts
def test_a_figure_found_twice_or_not_at_all_is_named(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    shutil.copytree(SOURCES, texts)
    ours = texts / "chinanews-2025-11-29.txt"
    ours.chmod(0o644)
    text = ours.read_text(encoding="utf-8")
    text = text.replace("拉动消费超200亿元", "拉动消费超200亿元(拉动消费超200亿元)").replace("142场", "百余场")
    ours.write_text("另一个标题\n" + text, encoding="utf-8")
    command = [sys.executable, "-m", "county_data.cli", "verify", "liuyang", "--sources", str(texts)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "figure '142场' (prefix '空剧院已成功举办', suffix '创意焰火活动,吸') is not in" in result.stderr
    assert "[anchor-not-found]" in result.stderr
    assert "figure '超200亿元' must occur once in" in result.stderr and "found 2 times" in result.stderr
    assert "[anchor-ambiguous]" in result.stderr
    assert "annotations.yaml, line" in result.stderr and "field 'quote'" in result.stderr


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
    """500万人次 (by 2025-02-12) filed under 2023/2025-11-28 would contradict 超700万人次 (by 2025-11-28)."""
    edit(
        copy / "annotations.yaml",
        'surface: "500万人次"\n    qualifier: exact\n    period: "2023/2025-02-12"',
        'surface: "500万人次"\n    qualifier: exact\n    period: "2023/2025-11-28"',
    )
    from county_data import CountyDataError

    with pytest.raises(CountyDataError, match=r"source-conflict|sources disagree"):
        build("liuyang", tmp_path / "out", registry=registry_for(copy, register_plugin))
