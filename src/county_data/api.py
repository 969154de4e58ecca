"""The Python API: list counties, load their tables, build and export them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from county_data.errors import CountyDataError, ExportError, Problem, UnknownCountyError

if TYPE_CHECKING:
    import pandas as pd

    from county_data.annotation.verify import Verification
    from county_data.catalogue.county import County
    from county_data.package.assemble import Assembled
    from county_data.plugins.registry import Registry


def _registry(registry: Registry | None) -> Registry:
    from county_data.plugins.registry import get_registry

    return registry if registry is not None else get_registry()


def counties(registry: Registry | None = None) -> list[County]:
    """Every county the installed plugins provide, sorted by code."""
    records = _registry(registry).records("counties")
    return [records[code] for code in sorted(records)]


def get_county(name: str, registry: Registry | None = None) -> County:
    """A county by slug (``"shangli"``) or GB/T 2260 code (``"360322"``)."""
    registry = _registry(registry)
    by_code = registry.get("counties", name)
    if by_code is not None:
        return by_code
    for county in registry.records("counties").values():
        if county.slug == name.lower():
            return county
    for (kind, code), county in registry.withheld.items():
        if kind == "counties" and county.slug == name.lower():
            return registry.get("counties", code)
    known = ", ".join(f"{c.slug} ({c.code})" for c in counties(registry)) or "none"
    raise UnknownCountyError(Problem("unknown-county", f"no county {name!r} (expected one of: {known})", found=name))


def assemble_county(name: str, registry: Registry | None = None) -> Assembled:
    """Check and assemble a county in memory, naming its plugin if that fails."""
    from county_data.package.assemble import assemble

    registry = _registry(registry)
    county = get_county(name, registry)
    try:
        return assemble(county, registry.records("metrics"))
    except CountyDataError as error:
        plugin = registry.providers.get(("counties", county.code), "?")
        note = Problem("county-invalid", f"county {county.slug!r} ({county.code}) from plugin {plugin!r} is invalid")
        raise type(error)([note, *error.problems]) from None


def load(name: str, registry: Registry | None = None) -> dict[str, pd.DataFrame]:
    """The validated tables of a county as pandas DataFrames, keyed by table name."""
    return dict(assemble_county(name, registry).frames)


def build(name: str, out: Path | str | None = None, registry: Registry | None = None) -> Path:
    """Build, validate and write a county's data package (default ``datapackages/<slug>``)."""
    from county_data.package.assemble import write_assembled

    assembled = assemble_county(name, registry)
    target = Path(out) if out is not None else Path("datapackages") / assembled.county.slug
    return write_assembled(assembled, target)


def export(name: str, format: str, out: Path | str, *, force: bool = False, registry: Registry | None = None) -> Path:
    """Write a county in an export format (``csv``, ``json``, ``xlsx``, ``sqlite``, ``parquet`` or a plugin's)."""
    from county_data.exporters.formats import ExportData, run_exporter

    registry = _registry(registry)
    exporter = registry.get("exporters", format)
    if exporter is None:
        known = ", ".join(sorted(registry.records("exporters")))
        raise ExportError(
            Problem("unknown-format", f"no export format {format!r} (expected one of: {known})", found=format)
        )
    assembled = assemble_county(name, registry)
    data = ExportData(assembled.county, assembled.frames, assembled.files)
    return run_exporter(exporter, data, Path(out), force=force)


def verify(name: str, sources: Path | str, registry: Registry | None = None) -> Verification:
    """Check every figure of a county against the source texts in folder ``sources``."""
    from county_data.annotation.verify import verify_county

    registry = _registry(registry)
    return verify_county(get_county(name, registry), registry.records("metrics"), Path(sources))
