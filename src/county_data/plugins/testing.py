"""A pytest plugin for plugin authors (loaded automatically through ``pytest11``).

Fixtures:
- ``county_data_registry``: a fresh plugin registry for one test (built-in + installed plugins).
- ``register_plugin``: ``register_plugin(plugin, name)`` adds a plugin for one test only and
  returns the registry that includes it.

Function:
- :func:`check_distribution` builds and validates every county a distribution provides
  and round-trips every exporter it provides.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

if TYPE_CHECKING:
    import pandas as pd

    from county_data.plugins.registry import Registry


class RegisterPlugin(Protocol):
    def __call__(self, plugin: object, name: str = ..., *, entry_points: bool = ...) -> Registry: ...


@pytest.fixture
def county_data_registry() -> Iterator[Registry]:
    from county_data.plugins.registry import load_registry, set_registry

    registry = load_registry()
    previous = set_registry(registry)
    yield registry
    set_registry(previous)


@pytest.fixture
def register_plugin() -> Iterator[RegisterPlugin]:
    from county_data.plugins.registry import load_registry, set_registry

    previous = set_registry(None)
    extras: list[tuple[str, object]] = []

    def register(plugin: object, name: str = "test-plugin", *, entry_points: bool = True) -> Registry:
        extras.append((name, plugin))
        registry = load_registry(entry_points=entry_points, extra=list(extras))
        set_registry(registry)
        return registry

    yield register
    set_registry(previous)


ROUND_TRIP_COLUMNS = ("county_code", "metric_id", "period", "value")


def assert_round_trip(format_name: str, registry: Registry, county: str, tables: Mapping[str, pd.DataFrame]) -> None:
    """The observations read back from an export carry the same keys and values."""
    import math

    from county_data.api import load

    original = load(county, registry=registry)["observations"]
    assert "observations" in tables, f"{format_name}: no observations table read back"
    back = tables["observations"]
    columns = [c for c in ROUND_TRIP_COLUMNS if c in back.columns]
    assert "value" in columns and "metric_id" in columns, f"{format_name}: observations lack {ROUND_TRIP_COLUMNS}"

    def rows(frame: pd.DataFrame) -> list[tuple[tuple[str, ...], float]]:
        table = frame[columns].itertuples(index=False)
        return sorted((tuple(str(v) for v in row[:-1]), float(row[-1])) for row in table)

    expected, found = rows(original), rows(back)
    assert len(expected) == len(found), f"{format_name}: {len(found)} observations read back, {len(expected)} written"
    for (want_key, want), (got_key, got) in zip(expected, found, strict=True):
        assert want_key == got_key and math.isclose(want, got, rel_tol=1e-9), (
            f"{format_name}: {got_key} {got} != {want_key} {want}"
        )


def check_distribution(plugin_name: str, tmp_path: Path, registry: Registry | None = None) -> dict[str, list[str]]:
    """Conformance: the plugin loaded, its counties build and validate, its exporters write.

    Returns what the plugin provides and was checked, by kind, so a test can assert it is not
    empty. Exporters of a plugin without counties are exercised on the first installed county.
    """
    from county_data.api import build, export
    from county_data.package.validate import validate_everything
    from county_data.plugins.registry import STRICT_ENV, load_registry

    registry = registry or load_registry(env={STRICT_ENV: "1"})
    status = registry.statuses.get(plugin_name)
    assert status is not None, f"plugin {plugin_name!r} is not installed"
    assert status.status == "active", f"plugin {plugin_name!r} is {status.status}: {status.error}"
    counties = registry.counties.provided_by(plugin_name)
    sample = counties[0] if counties else min(registry.counties.records)
    for code in counties:
        package = build(code, tmp_path / "packages" / code, registry=registry)
        problems = validate_everything(package / "datapackage.json")
        assert not problems, "\n".join(map(str, problems))
    exporters = registry.exporters.provided_by(plugin_name)
    for name in exporters:
        exporter = registry.exporters.records[name]
        target = tmp_path / "exports" / f"{name}{exporter.suffix}"
        export(sample, name, target, registry=registry)
        assert target.exists(), f"exporter {name!r} wrote nothing at {target}"
        assert target.is_dir() or target.stat().st_size > 0, f"exporter {name!r} wrote an empty file"
        if exporter.read is not None:
            assert_round_trip(name, registry, sample, exporter.read(target))
    return {"counties": counties, "exporters": exporters}
