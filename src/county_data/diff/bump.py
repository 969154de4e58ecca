"""The SemVer bump a diff implies, and the version it suggests."""

from __future__ import annotations

import re
from collections.abc import Iterable

from county_data.diff.model import MetadataChange, RowChange, SchemaChange
from county_data.diff.references import RowKey

BUMPS: tuple[str, ...] = ("none", "patch", "minor", "major")
#: added rows are new data (minor); a changed or removed row corrects data (patch)
ROW_BUMPS = {"added": "minor", "changed": "patch", "removed": "patch"}
#: properties that identify a package or resource: changing one (not adding one) breaks readers
_IDENTIFIERS = frozenset({"name", "id"})
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def largest(bumps: Iterable[str]) -> str:
    return max(bumps, key=BUMPS.index, default="none")


def package_bump(
    rows: Iterable[RowChange],
    schema: Iterable[SchemaChange],
    metadata: Iterable[MetadataChange],
    orphaning: frozenset[RowKey] = frozenset(),
) -> tuple[str, tuple[str, ...]]:
    """The bump and, for each level that applies, the reason in words (largest first).

    ``orphaning`` holds the (table, key) of removed rows that rows still in the
    package referred to (see :mod:`.references`): the recipe makes that major.
    """
    reasons: dict[str, list[str]] = {}
    for change in schema:
        reasons.setdefault(change.bump, []).append(f"{change.resource}: {change.summary}")
    for row in rows:
        level, words = row_bump(row, orphaning)
        reasons.setdefault(level, []).append(f"{row.table}: {words}")
    for item in metadata:
        level = metadata_bump(item)
        if level != "none":
            reasons.setdefault(level, []).append(f"{item.where}: {item.key} changed")
    reasons.pop("none", None)
    ordered = sorted(reasons, key=BUMPS.index, reverse=True)
    return largest(reasons), tuple(f"{level}: {_summary(reasons[level])}" for level in ordered)


def row_bump(row: RowChange, orphaning: frozenset[RowKey] = frozenset()) -> tuple[str, str]:
    """The level a row change implies and the words for it."""
    if row.status == "removed" and (row.table, row.key) in orphaning:
        return "major", "row removed that rows still in the package referred to"
    return ROW_BUMPS[row.status], f"row {row.status}"


def metadata_bump(item: MetadataChange) -> str:
    """The recipe: a new name or identifier breaks readers; a new path only relocates; the rest describes."""
    if item.key == "path":
        return "none"
    if item.key in _IDENTIFIERS and item.old and item.new:
        return "major"
    return "patch"


def _summary(items: list[str]) -> str:
    counted = {item: items.count(item) for item in dict.fromkeys(items)}
    return "; ".join(item if n == 1 else f"{item} ×{n}" for item, n in counted.items())


def semver(version: str) -> tuple[int, int, int] | None:
    """MAJOR.MINOR.PATCH as numbers, or None for anything else."""
    match = _SEMVER.match(version)
    return None if match is None else (int(match[1]), int(match[2]), int(match[3]))


def suggested_version(version: str, bump: str) -> str:
    """``version`` raised by ``bump`` (0.1.0 + minor → 0.2.0); '' when ``version`` is not MAJOR.MINOR.PATCH."""
    parts = semver(version)
    if parts is None:
        return ""
    major, minor, patch = parts
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}" if bump == "patch" else version
