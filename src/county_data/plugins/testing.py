"""A pytest plugin for plugin authors (loaded automatically through ``pytest11``).

Fixtures:
- ``county_data_registry``: a fresh plugin registry for one test (built-in + installed plugins).
- ``register_plugin``: ``register_plugin(module, name)`` adds a plugin for one test only and
  returns the registry that includes it.

Function:
- :func:`check_distribution` builds and validates every county a distribution provides
  and round-trips every exporter it provides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def county_data_registry() -> Iterator[Any]:
    from county_data.plugins.registry import load_registry, set_registry

    registry = load_registry()
    previous = set_registry(registry)
    yield registry
    set_registry(previous)


@pytest.fixture
def register_plugin() -> Iterator[Callable[..., Any]]:
    from county_data.plugins.registry import load_registry, set_registry

    previous = set_registry(None)
    extras: list[tuple[str, object]] = []

    def register(plugin: object, name: str = "test-plugin", *, entry_points: bool = True) -> Any:
        extras.append((name, plugin))
        registry = load_registry(entry_points=entry_points, extra=list(extras))
        set_registry(registry)
        return registry

    yield register
    set_registry(previous)


def provided_by(registry: Any, plugin_name: str, kind: str) -> list[str]:
    return sorted(key for (k, key), name in registry.providers.items() if k == kind and name == plugin_name)


ROUND_TRIP_COLUMNS = ("county_code", "metric_id", "period", "value")


def assert_round_trip(format_name: str, registry: Any, county: str, tables: Any) -> None:
    """The observations read back from an export carry the same keys and values."""
    import math

    from county_data.api import load

    original = load(county, registry=registry)["observations"]
    assert "observations" in tables, f"{format_name}: no observations table read back"
    back = tables["observations"]
    columns = [c for c in ROUND_TRIP_COLUMNS if c in back.columns]
    assert "value" in columns and "metric_id" in columns, f"{format_name}: observations lack {ROUND_TRIP_COLUMNS}"

    def rows(frame: Any) -> list[tuple]:
        keyed = [(*tuple(str(v) for v in row[:-1]), float(row[-1])) for row in frame[columns].itertuples(index=False)]
        return sorted(keyed)

    expected, found = rows(original), rows(back)
    assert len(expected) == len(found), f"{format_name}: {len(found)} observations read back, {len(expected)} written"
    for want, got in zip(expected, found, strict=True):
        assert want[:-1] == got[:-1] and math.isclose(want[-1], got[-1], rel_tol=1e-9), (
            f"{format_name}: {got} != {want}"
        )


def check_distribution(plugin_name: str, tmp_path: Path, registry: Any | None = None) -> dict[str, list[str]]:
    """Conformance: the plugin loaded, its counties build and validate, its exporters write.

    Returns what the plugin provides and was checked, by kind, so a test can assert it is not
    empty. Exporters of a plugin without counties are exercised on the first installed county.
    """
    from county_data.api import build, export
    from county_data.package.validate import validate_everything
    from county_data.plugins.registry import load_registry

    registry = registry or load_registry(env={"COUNTY_DATA_STRICT_PLUGINS": "1"})
    status = registry.statuses.get(plugin_name)
    assert status is not None, f"plugin {plugin_name!r} is not installed"
    assert status.status == "active", f"plugin {plugin_name!r} is {status.status}: {status.error}"
    counties = provided_by(registry, plugin_name, "counties")
    sample = counties[0] if counties else min(registry.records("counties"))
    for code in counties:
        package = build(code, tmp_path / "packages" / code, registry=registry)
        problems = validate_everything(package / "datapackage.json")
        assert not problems, "\n".join(map(str, problems))
    exporters = provided_by(registry, plugin_name, "exporters")
    for name in exporters:
        exporter = registry.get("exporters", name)
        target = tmp_path / "exports" / f"{name}{exporter.suffix}"
        export(sample, name, target, registry=registry)
        assert target.exists(), f"exporter {name!r} wrote nothing at {target}"
        assert target.is_dir() or target.stat().st_size > 0, f"exporter {name!r} wrote an empty file"
        if exporter.read is not None:
            assert_round_trip(name, registry, sample, exporter.read(target))
    return {"counties": counties, "exporters": exporters}
