"""The Python API: list counties, load their tables, build and export them.

Every function that takes a county accepts its slug (``"shangli"``, any case) or its
GB/T 2260 code (``"360322"``, or the integer ``360322``, numpy's included: codes never
start with 0, so the integer is unambiguous). Anything else is refused with
:class:`county_data.errors.CountyNameError`.
"""

from __future__ import annotations

from numbers import Integral
from pathlib import Path
from typing import TYPE_CHECKING

from county_data.errors import CountyDataError, CountyNameError, ExportError, Problem, UnknownCountyError

if TYPE_CHECKING:
    import pandas as pd

    from county_data.annotation.verify import Verification
    from county_data.catalogue.county import County
    from county_data.package.assemble import Assembled
    from county_data.plugins.announced import CountyRef
    from county_data.plugins.registry import Registry
    from county_data.plugins.table import Table

CountyName = str | int  # what callers may pass as a county: a slug or a code


def _registry(registry: Registry | None) -> Registry:
    from county_data.plugins.registry import get_registry

    return registry if registry is not None else get_registry()


def county_key(name: object) -> str:
    """``name`` as a lookup key (a code, or a lower-case slug), or CountyNameError."""
    from county_data.catalogue.codes import is_county_code
    from county_data.catalogue.county import SLUG

    if isinstance(name, Integral) and not isinstance(name, bool) and is_county_code(str(int(name))):
        return str(int(name))  # numpy's int64 too: a code column read by pandas
    if isinstance(name, str) and (is_county_code(name) or SLUG.fullmatch(name.lower())):
        return name.lower()
    message = f"county must be a slug or a 6-digit GB/T 2260 code (got {name!r})"
    raise CountyNameError(Problem("bad-county-name", message, found=name, expected="slug or 6-digit code"))


def counties(registry: Registry | None = None) -> list[County]:
    """Every county the installed plugins provide without conflict, sorted by code, each read in full.

    To list many counties, :func:`announced_counties` is cheaper: it reads no county's files.
    """
    registry = _registry(registry)
    return [registry.county(ref) for ref in registry.counties.in_order()]


def announced_counties(registry: Registry | None = None) -> list[CountyRef]:
    """The code, slug and names of every county provided without conflict, sorted by code; nothing more is read."""
    return _registry(registry).counties.in_order()


def get_county(name: CountyName, registry: Registry | None = None) -> County:
    """A county by slug (``"shangli"``) or GB/T 2260 code (``"360322"`` or ``360322``).

    Raises CountyNameError for anything else, PluginError when two plugins claim the
    county, UnknownCountyError when none does.
    """
    from county_data.catalogue.codes import is_county_code

    key = county_key(name)
    registry = _registry(registry)
    table = registry.counties
    code = key if is_county_code(key) else _code_of_slug(table, key)
    ref = table.get(code) if code is not None else None
    if ref is not None:
        return registry.county(ref)
    known = ", ".join(f"{c.slug} ({c.code})" for c in table.in_order()) or "none"
    raise UnknownCountyError(Problem("unknown-county", f"no county {name!r} (expected one of: {known})", found=name))


def _code_of_slug(table: Table[CountyRef], slug: str) -> str | None:
    claimed = [(code, claim.record) for code, claims in table.withheld.items() for claim in claims]
    for code, county in [*table.records.items(), *claimed]:
        if county.slug == slug:
            return code
    return None


def assemble_county(
    name: CountyName, registry: Registry | None = None, *, base_url: str = "", for_writing: bool = False
) -> Assembled:
    """Check and assemble a county in memory, naming its plugin if that fails.

    ``base_url`` is where the package will be published (its DCAT download URLs);
    ``for_writing``: the caller validates the written files instead of the frames.
    """
    from county_data.package.assemble import assemble
    from county_data.plugins.announced import invalid_county

    registry = _registry(registry)
    county = get_county(name, registry)
    try:
        return assemble(county, registry.metrics.records, base_url=base_url, for_writing=for_writing)
    except CountyDataError as error:
        plugin = registry.origin(registry.counties.providers.get(county.code, "?"))
        note = invalid_county(county.slug, county.code, plugin)
        raise type(error)([note, *error.problems]) from None


def load(name: CountyName, registry: Registry | None = None) -> dict[str, pd.DataFrame]:
    """The validated tables of a county as pandas DataFrames, keyed by table name.

    Read from the county's built package when one was built from the same inputs (see
    :mod:`county_data.package.built`: the packages the project ships, ``./datapackages``,
    ``COUNTY_DATA_PACKAGES``); otherwise the county is checked and assembled.
    """
    from county_data.package.built import read_built

    registry = _registry(registry)
    frames = read_built(get_county(name, registry), registry.metrics.records)
    return frames if frames is not None else dict(assemble_county(name, registry).frames)


def build(
    name: CountyName, out: Path | str | None = None, registry: Registry | None = None, *, base_url: str = ""
) -> Path:
    """Build, validate and write a county's data package (default ``datapackages/<slug>``).

    ``base_url``: the folder URL the packages are published under, for the download URLs of
    ``dcat.ttl`` and ``dataset.jsonld`` (default: this project's ``datapackages/`` folder).
    """
    from county_data.package.assemble import write_assembled

    assembled = assemble_county(name, registry, base_url=base_url, for_writing=True)
    target = Path(out) if out is not None else Path("datapackages") / assembled.county.slug
    return write_assembled(assembled, target)


def export(
    name: CountyName, format: str, out: Path | str, *, force: bool = False, registry: Registry | None = None
) -> Path:
    """Write a county in an export format (``csv``, ``json``, ``xlsx``, ``sqlite``, ``parquet`` or a plugin's)."""
    from county_data.exporters.formats import ExportData, run_exporter

    county_key(name)
    registry = _registry(registry)
    exporter = registry.exporters.get(format)
    if exporter is None:
        known = ", ".join(sorted(registry.exporters.records))
        raise ExportError(
            Problem("unknown-format", f"no export format {format!r} (expected one of: {known})", found=format)
        )
    assembled = assemble_county(name, registry)
    data = ExportData(assembled.county, assembled.frames, assembled.files)
    return run_exporter(exporter, data, Path(out), force=force)


def verify(name: CountyName, sources: Path | str, registry: Registry | None = None) -> Verification:
    """Check every figure of a county against the source texts in folder ``sources``."""
    from county_data.annotation.verify import verify_county

    registry = _registry(registry)
    return verify_county(get_county(name, registry), registry.metrics.records, Path(sources))
