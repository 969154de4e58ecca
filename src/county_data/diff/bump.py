"""The SemVer bump a diff implies, and the version it suggests."""

from __future__ import annotations

import re
from collections.abc import Iterable

from county_data.diff.model import MetadataChange, RowChange, SchemaChange

BUMPS: tuple[str, ...] = ("none", "patch", "minor", "major")
#: added rows are new data (minor); a changed or removed row corrects data (patch)
ROW_BUMPS = {"added": "minor", "changed": "patch", "removed": "patch"}
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def largest(bumps: Iterable[str]) -> str:
    return max(bumps, key=BUMPS.index, default="none")


def package_bump(
    rows: Iterable[RowChange], schema: Iterable[SchemaChange], metadata: Iterable[MetadataChange]
) -> tuple[str, tuple[str, ...]]:
    """The bump and, for each level that applies, the reason in words (largest first)."""
    reasons: dict[str, list[str]] = {}
    for change in schema:
        reasons.setdefault(change.bump, []).append(f"{change.resource}: {change.detail}")
    for row in rows:
        reasons.setdefault(ROW_BUMPS[row.status], []).append(f"{row.table}: row {row.status}")
    for item in metadata:
        level = "major" if item.key == "name" else "patch"  # the recipe: a new name or identifier breaks readers
        reasons.setdefault(level, []).append(f"{item.where}: {item.key} changed")
    ordered = sorted(reasons, key=BUMPS.index, reverse=True)
    return largest(reasons), tuple(f"{level}: {_summary(reasons[level])}" for level in ordered)


def _summary(items: list[str]) -> str:
    counted = {item: items.count(item) for item in dict.fromkeys(items)}
    return "; ".join(item if n == 1 else f"{item} ×{n}" for item, n in counted.items())


def suggested_version(version: str, bump: str) -> str:
    """``version`` raised by ``bump`` (0.1.0 + minor → 0.2.0); '' when ``version`` is not MAJOR.MINOR.PATCH."""
    match = _SEMVER.match(version)
    if not match:
        return ""
    major, minor, patch = (int(part) for part in match.groups())
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}" if bump == "patch" else version
