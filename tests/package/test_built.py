"""``load()`` reads the shipped package when it was built from the installed county's inputs, else assembles."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pandas as pd
import pytest

import county_data
from core_paths import PACKAGE
from county_data.package import built
from county_data.package.built import read_built
from county_data.plugins.registry import get_registry


@pytest.fixture
def only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Packages are looked for in ``tmp_path/packages`` only."""
    monkeypatch.setattr(built, "CHECKOUT_PACKAGES", tmp_path / "nowhere")
    monkeypatch.setenv(built.PACKAGES_ENV, str(tmp_path / "packages"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "packages"


def shangli_copy(packages: Path) -> Path:
    return Path(shutil.copytree(PACKAGE, packages / "shangli"))


def test_the_shipped_package_gives_the_tables_assembly_gives() -> None:
    registry, slug = get_registry(), "shangli"
    fast = read_built(county_data.get_county(slug), registry.metrics.records)
    assert fast is not None, "the shipped package must match the installed county"
    assembled = county_data.api.assemble_county(slug).frames
    assert list(fast) == list(assembled)
    for name, frame in assembled.items():
        pd.testing.assert_frame_equal(fast[name], frame, check_exact=True)


def test_a_changed_annotation_file_is_not_read_from_the_old_package(only: Path, tmp_path: Path) -> None:
    shangli_copy(only)
    metrics = get_registry().metrics.records
    copied = Path(shutil.copytree(county_data.get_county("shangli").root, tmp_path / "county"))
    assert read_built(county_data.read_county(copied), metrics) is not None
    with (copied / "annotations.yaml").open("ab") as annotations:
        annotations.write(b"# a curator's change\n")
    assert read_built(county_data.read_county(copied), metrics) is None


def test_a_changed_metric_is_not_read_from_the_old_package(only: Path) -> None:
    shangli_copy(only)
    metrics = dict(get_registry().metrics.records)
    used = pd.read_csv(PACKAGE / "data" / "metrics.csv")["metric_id"].iloc[0]
    metrics[used] = dataclasses.replace(metrics[used], definition="another definition")
    assert read_built(county_data.get_county("shangli"), metrics) is None


def test_an_edited_table_is_not_read(only: Path) -> None:
    folder = shangli_copy(only)
    observations = folder / "data" / "observations.csv"
    observations.write_bytes(observations.read_bytes().replace(b"93.82", b"99.99", 1))
    assert read_built(county_data.get_county("shangli"), get_registry().metrics.records) is None


def test_a_linked_table_is_not_followed(only: Path, tmp_path: Path) -> None:
    folder = shangli_copy(only)
    target = tmp_path / "elsewhere.csv"
    shutil.move(folder / "data" / "counties.csv", target)
    (folder / "data" / "counties.csv").symlink_to(target)
    assert read_built(county_data.get_county("shangli"), get_registry().metrics.records) is None


def test_load_assembles_when_no_package_matches(only: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = county_data.api.assemble_county
    monkeypatch.setattr(county_data.api, "assemble_county", lambda *a, **k: calls.append(a) or real(*a, **k))
    frames = county_data.load("shangli")
    assert calls and len(frames["observations"]) == len(pd.read_csv(PACKAGE / "data" / "observations.csv"))
    shangli_copy(only)
    calls.clear()
    assert county_data.load("shangli").keys() == frames.keys() and calls == []
