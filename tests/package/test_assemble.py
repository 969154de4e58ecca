"""Assembling a county for writing: frames coerced, the written files validated once."""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import pytest

import county_data
from core_paths import SHANGLI
from county_data import PackageError
from county_data.api import assemble_county
from county_data.package.assemble import Assembled, assemble, write_assembled, write_together
from county_data.package.files import csv_bytes
from county_data.plugins.registry import get_registry, load_registry


def _assembled(for_writing: bool) -> Assembled:
    return assemble(county_data.read_county(SHANGLI), get_registry().metrics.records, for_writing=for_writing)


def test_frames_for_writing_are_validated_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _assembled(False).frames["observations"]
    _backwards_first_mention(monkeypatch)
    assembled = _assembled(True)  # the files are made; the frames wait until someone asks
    pd.testing.assert_frame_equal(assembled.frames["observations"], expected)
    with pytest.raises(county_data.SchemaError) as refused:
        assembled.frames["mentions"]
    assert [(p.code, p.row) for p in refused.value.problems] == [("schema-violation", 1)]


@pytest.mark.parametrize("county", ["shangli", "liuyang", "jingde"])
def test_the_files_written_from_rows_are_the_validated_frames_written(county: str) -> None:
    plugins = [(name, importlib.import_module(f"county_data_{name}")) for name in ("liuyang", "jingde")]
    checked = assemble_county(county, load_registry(entry_points=False, extra=plugins))
    for name, frame in checked.frames.items():
        assert csv_bytes(name, frame.to_dict(orient="records")) == checked.files[f"data/{name}.csv"], name


def _backwards_first_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug planted after the annotation check: the first mention's span runs backwards."""
    from county_data.package import assemble as module

    made = module.table_rows.mention_rows

    def backwards(*args: object) -> list[dict[str, object]]:
        rows = made(*args)  # type: ignore[arg-type]
        first = rows[0]
        first["char_start"], first["char_end"] = first["char_end"], first["char_start"]
        return rows

    monkeypatch.setattr(module.table_rows, "mention_rows", backwards)


def test_a_row_rule_broken_by_a_bug_is_refused_in_the_written_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _backwards_first_mention(monkeypatch)
    out = tmp_path / "shangli"
    with pytest.raises(PackageError) as refused:
        write_assembled(_assembled(True), out)
    [problem] = refused.value.problems
    assert (problem.code, problem.row) == ("schema-violation", 2)  # row 1 is the CSV header
    assert "char_end must be after char_start" in problem.message and problem.path.endswith("datapackage.json")
    assert not out.exists()


def test_assembled_for_reading_checks_the_frames_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    _backwards_first_mention(monkeypatch)
    with pytest.raises(county_data.SchemaError) as refused:
        _assembled(False)
    assert [(p.code, p.row) for p in refused.value.problems] == [("schema-violation", 1)]


def test_packages_written_together_are_replaced_or_refused_each_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sound = _assembled(True)
    _backwards_first_mention(monkeypatch)
    broken = _assembled(True)
    written = write_together([sound, broken, sound], [tmp_path / "a", tmp_path / "b", tmp_path / "c"])
    assert written[0] == tmp_path / "a" and written[2] == tmp_path / "c"
    assert isinstance(written[1], PackageError)
    [problem] = written[1].problems
    assert (problem.code, problem.row) == ("schema-violation", 2)
    assert Path(problem.path).parent.name == "b"  # it names its own package
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "c"]  # no staging folder left, b never replaced
    assert (tmp_path / "a" / "datapackage.json").read_bytes() == sound.files["datapackage.json"]


def test_a_package_that_cannot_be_written_is_named_and_the_others_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from county_data.package import assemble as module

    written_files = module.write_files

    def full_disk_for_b(directory: Path, files: dict[str, bytes]) -> None:
        if directory.name == "b":
            raise OSError(28, "No space left on device")
        written_files(directory, files)

    monkeypatch.setattr(module, "write_files", full_disk_for_b)
    sound = _assembled(True)
    written = write_together([sound, sound], [tmp_path / "a", tmp_path / "b"])
    assert written[0] == tmp_path / "a"
    assert isinstance(written[1], PackageError)
    [problem] = written[1].problems
    assert (problem.code, problem.path) == ("output-failed", str(tmp_path / "b"))
    assert "No space left on device" in problem.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]  # no staging folder left
