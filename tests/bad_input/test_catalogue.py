"""Catalogue mistakes a curator makes, through `county-data build`.

A count annotated with a metric counted in another measure word (56家 on a
metric of 个) built silently before; it is now refused naming file, line and field.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from .harness import build_refused


def test_a_measure_word_that_contradicts_the_metric_is_refused(
    edit: Callable[[str, str, str], Path],
    register_copy: Callable[[str], object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 园区已聚集企业140余家: enterprises, counted in 家; a_level_scenic_spots counts in 个.
    edit(
        "annotations.yaml",
        "metric: shangli.cooperation_park_enterprises",
        "metric: a_level_scenic_spots",
    )
    register_copy("copied")
    err = build_refused(capsys, tmp_path / "out", "copied", "measure-word-mismatch")
    line = next(i for i, text in enumerate(err.splitlines()) if "measure-word-mismatch" in text)
    reported = err.splitlines()[line]
    assert "annotations.yaml" in reported and "line 103" in reported and "field 'metric'" in reported
    assert "'140余家'" in reported and "'个'" in reported and "'家'" in reported
