"""What both catalogue records say, read once from the package: coverage in time and its files."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from county_data.periods import UNKNOWN

#: Media type → EU file-type authority code, for the files a package holds.
FILE_TYPES = {"text/csv": "CSV", "application/json": "JSON", "text/plain": "TXT"}


@dataclass(frozen=True, slots=True)
class PackageFile:
    """One file of the package as a catalogue distributes it."""

    name: str
    title: str
    path: str
    mediatype: str
    size: int
    sha256: str
    rights: str  # '' when the package licence covers it


def first_day(bound: str) -> str:
    """``2021`` → ``2021-01-01``; ``2025-11`` → ``2025-11-01``; a day stays itself."""
    year, month, day = [*bound.split("-"), "01", "01"][:3]
    return f"{year}-{month}-{day}"


def last_day(bound: str) -> str:
    """``2025`` → ``2025-12-31``; ``2024-02`` → ``2024-02-29``; a day stays itself."""
    parts = bound.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        days = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{parts[0]}-{parts[1]}-{days:02d}"
    return bound


def temporal_coverage(periods: Iterable[str]) -> tuple[str, str] | None:
    """First and last day the observations with a stated period cover (None when none is stated)."""
    known = [period.split("/") for period in periods if period != UNKNOWN]
    if not known:
        return None
    return min(first_day(bounds[0]) for bounds in known), max(last_day(bounds[-1]) for bounds in known)


def package_files(descriptor: Mapping[str, Any], descriptor_bytes: bytes) -> list[PackageFile]:
    """datapackage.json first, then every resource in descriptor order."""
    from county_data.source.frozen import sha256_of

    files = [
        PackageFile(
            "datapackage",
            "Data package descriptor (Frictionless Data Package v2)",
            "datapackage.json",
            "application/json",
            len(descriptor_bytes),
            sha256_of(descriptor_bytes),
            "",
        )
    ]
    for resource in descriptor["resources"]:
        rights = "; ".join(item.get("title", "") for item in resource.get("licenses", []))
        sha256 = resource["hash"].removeprefix("sha256:")
        files.append(
            PackageFile(
                resource["name"],
                resource["title"],
                resource["path"],
                resource["mediatype"],
                resource["bytes"],
                sha256,
                rights,
            )
        )
    return files
