"""``county-data site``: Load the built packages → Process them into pages → Save the site."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from county_data.diff.files import FolderFiles
from county_data.diff.snapshot import Package, read_package
from county_data.errors import PackageError, Problem, UnknownCountyError
from county_data.site.output import write_site
from county_data.site.pages import site_pages
from county_data.site.views import county_view


def build_site(
    packages: Path, out: Path, names: Sequence[str] = (), diff_from: str = "", cwd: Path | None = None
) -> Path:
    """A static review site at ``out`` for the packages below ``packages`` (all, or those ``names`` names).

    With ``diff_from`` (a folder or ``git:<rev>[:<path>]``) the site also gets ``diff.html``:
    the changes from that build to these packages.
    """
    found = {slug: read_package(FolderFiles(folder)) for slug, folder in package_folders(packages).items()}
    views = [county_view(slug, found[slug]) for slug in choose(found, names, packages)]
    pages = site_pages(views, diff_from)
    if diff_from:
        pages["diff.html"] = _diff_page(diff_from, packages, cwd or Path.cwd())
    return write_site(out, pages)


def _diff_page(diff_from: str, packages: Path, cwd: Path) -> str:
    from county_data.diff.compare import diff_specs
    from county_data.diff.html import render_html

    return render_html(diff_specs(diff_from, str(packages), cwd))


def package_folders(packages: Path) -> dict[str, Path]:
    """Each built package below ``packages`` by folder name (``packages`` itself if it is one)."""
    if (packages / "datapackage.json").is_file():
        return {packages.resolve().name: packages}
    folders = sorted(p for p in packages.iterdir() if (p / "datapackage.json").is_file()) if packages.is_dir() else []
    if not folders:
        raise PackageError(
            Problem(
                "missing-descriptor",
                "no datapackage.json here or in its subfolders (expected the built packages; run county-data build)",
                path=str(packages),
            )
        )
    return {folder.name: folder for folder in folders}


def choose(found: dict[str, Package], names: Sequence[str], packages: Path) -> list[str]:
    """The slugs ``names`` name (by folder name or county code), in the order given; all when none is."""
    if not names:
        return sorted(found)
    codes = {row["county_code"]: slug for slug, package in found.items() for row in package.rows("counties")}
    unknown = [name for name in names if name not in found and name not in codes]
    if unknown:
        known = ", ".join(sorted(found))
        raise UnknownCountyError(
            [
                Problem(
                    "unknown-county",
                    f"no county {name!r} in {packages} (expected one of: {known})",
                    path=str(packages),
                    found=name,
                    expected=known,
                )
                for name in unknown
            ]
        )
    return list(dict.fromkeys(name if name in found else codes[name] for name in names))
