from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import county_data
from core_paths import METRICS_FILE, SHANGLI


@pytest.fixture(autouse=True)
def _no_entry_point_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Core tests see only the built-in plugin, whatever else is installed."""
    from county_data.plugins.registry import load_registry, set_registry

    previous = set_registry(load_registry(entry_points=False))
    yield
    set_registry(previous)


@pytest.fixture(scope="session")
def metrics() -> dict[str, county_data.Metric]:
    """The core catalogue and Shangli's own metrics, as the built-in plugin provides them."""
    shangli = county_data.read_metrics(SHANGLI / "metrics.yaml")
    return {metric.id: metric for metric in [*county_data.read_metrics(METRICS_FILE), *shangli]}


@pytest.fixture
def shangli_copy(tmp_path: Path) -> Path:
    """A writable copy of the Shangli county folder."""
    target = tmp_path / "shangli"
    shutil.copytree(SHANGLI, target)
    return target


@pytest.fixture
def edit(shangli_copy: Path) -> Callable[[str, str, str], Path]:
    """Replace text in a file of the Shangli copy (exactly once) and return the folder."""

    def replace(filename: str, old: str, new: str) -> Path:
        path = shangli_copy / filename
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"{old!r} not in {filename}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return shangli_copy

    return replace


def assemble_folder(folder: Path, metrics: dict) -> object:
    from county_data.package.assemble import assemble

    return assemble(county_data.read_county(folder), metrics)


@pytest.fixture
def assemble_copy(metrics: dict) -> Callable[[Path], object]:
    return lambda folder: assemble_folder(folder, metrics)


@pytest.fixture
def register_copy(shangli_copy: Path, edit: Callable, register_plugin: Callable) -> Callable[..., object]:
    """Register the (edited) Shangli copy as another county, 芦溪县 (code 360323, its
    neighbour in the GB/T 2260 table the build checks codes against), for one test."""

    def register(slug: str) -> object:
        edit("county.yaml", 'code: "360322"', 'code: "360323"')
        edit("county.yaml", "name_zh: 上栗县", "name_zh: 芦溪县")
        edit("county.yaml", "slug: shangli", f"slug: {slug}")

        class CopiedCounty:
            @county_data.hookimpl
            def county_data_counties(self, context: object) -> list:
                return [county_data.read_county(shangli_copy)]

        return register_plugin(CopiedCounty(), f"{slug}-county", entry_points=False)

    return register
