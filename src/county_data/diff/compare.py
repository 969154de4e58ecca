"""Load → Process: read OLD and NEW, pair their packages, and diff each pair."""

from __future__ import annotations

from pathlib import Path

from county_data.diff.baseline import read_release
from county_data.diff.bump import largest, package_bump
from county_data.diff.files import GIT_PREFIX
from county_data.diff.locate import folder_of, packages_at
from county_data.diff.model import DiffReport, PackageDiff, RowChange
from county_data.diff.references import orphaning_removals
from county_data.diff.rows import diff_table
from county_data.diff.snapshot import Package, read_package
from county_data.diff.structure import metadata_changes, resource_changes

#: changed rows first, the largest moves first (as OWID's etl ranks them), then added, then removed
_STATUS_ORDER = {"changed": 0, "added": 1, "removed": 2}


def diff_specs(old: str, new: str, cwd: Path) -> DiffReport:
    """The diff of the packages ``old`` names against those ``new`` names (see :mod:`.locate`)."""
    before = packages_at(old, cwd, partner=new)
    after = packages_at(new, cwd, partner=old)
    if len(before) == 1 and len(after) == 1:  # one package each: compare them whatever their folders are called
        name = max(*before, *after)
        before, after = {name: next(iter(before.values()))}, {name: next(iter(after.values()))}
    names = sorted(before.keys() | after.keys())
    packages = tuple(
        diff_packages(
            read_package(before[name]) if name in before else None,
            read_package(after[name]) if name in after else None,
            name,
        )
        for name in names
    )
    release = None if old.startswith(GIT_PREFIX) else read_release(folder_of(old, cwd))
    return DiffReport(
        old, new, packages, largest(package.bump for package in packages), release.name if release else ""
    )


def diff_packages(old: Package | None, new: Package | None, name: str = "") -> PackageDiff:
    """Every difference of two builds of a package; a missing side is a package added or removed."""
    if old is None or new is None:
        return _whole(old, new, name)
    rows = sorted(
        (
            change
            for table in new.tables
            if table in old.tables
            for change in diff_table(old.tables[table], new.tables[table])
        ),
        key=_rank,
    )
    schema = resource_changes(old.descriptor, new.descriptor)
    metadata = metadata_changes(old.descriptor, new.descriptor)
    bump, reasons = package_bump(rows, schema, metadata, orphaning_removals(old, rows))
    status = "changed" if bump != "none" else "unchanged"
    return PackageDiff(
        name or str(new.descriptor.get("name", "")),
        status,
        old.label,
        new.label,
        _version(old),
        _version(new),
        tuple(rows),
        tuple(schema),
        tuple(metadata),
        bump,
        reasons,
        _sizes(new),
    )


def _whole(old: Package | None, new: Package | None, name: str) -> PackageDiff:
    present = new or old
    assert present is not None
    status, bump = ("added", "minor") if old is None else ("removed", "major")
    return PackageDiff(
        name,
        status,
        old.label if old else "",
        new.label if new else "",
        _version(old) if old else "",
        _version(new) if new else "",
        (),
        (),
        (),
        bump,
        (f"{bump}: package {status}",),
        _sizes(present),
    )


def _sizes(package: Package) -> tuple[tuple[str, int], ...]:
    return tuple((name, len(table.rows)) for name, table in package.tables.items())


def _rank(change: RowChange) -> tuple[int, float, str, str]:
    return (_STATUS_ORDER[change.status], -(change.deviation or 0.0), change.table, change.key_text)


def _version(package: Package) -> str:
    return str(package.descriptor.get("version", ""))
