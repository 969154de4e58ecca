"""The release check: each package's version is at least the bump its changes since the baseline imply."""

from __future__ import annotations

from county_data.diff.bump import semver, suggested_version
from county_data.diff.model import DiffReport, PackageDiff
from county_data.errors import Problem


def expected_version(package: PackageDiff) -> str:
    """The least version NEW may carry: OLD's raised by the bump ('' for a new package or no SemVer)."""
    if package.status in ("added", "removed"):
        return ""
    return suggested_version(package.old_version, package.bump)


def version_problems(report: DiffReport) -> list[Problem]:
    """One problem per package whose version is lower than the bump its changes imply."""
    return [_problem(package) for package in report.packages if is_behind(package)]


def is_behind(package: PackageDiff) -> bool:
    """Whether NEW's version is lower than the bump implies (or not MAJOR.MINOR.PATCH when one is implied)."""
    expected = semver(expected_version(package))
    found = semver(package.new_version)
    return expected is not None and (found is None or found < expected)


def _problem(package: PackageDiff) -> Problem:
    expected = expected_version(package)
    message = (
        f"package {package.name}: version must be at least {expected}, the {package.bump} bump from "
        f"{package.old_version} that the changes since the release baseline imply (got {package.new_version!r}); "
        "set version in the county's county.yaml and rebuild"
    )
    return Problem(
        "version-behind-changes",
        message,
        path=f"{package.new_label}/datapackage.json",
        field="version",
        found=package.new_version,
        expected=expected,
    )
