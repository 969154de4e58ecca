"""What ``OLD`` and ``NEW`` of ``county-data diff`` name.

- a package folder (``datapackages/shangli``) or its ``datapackage.json``;
- a folder of package folders (``datapackages``), compared package by package;
- ``git:<rev>:<path>``: the same, as committed at ``<rev>`` in the git repository
  around the working directory (``<path>`` from the top of the repository);
- ``git:<rev>``: the path of the other argument, at ``<rev>``
  (``county-data diff git:v0.1.0 datapackages``).
"""

from __future__ import annotations

from pathlib import Path

from county_data.diff.files import GIT_PREFIX, FolderFiles, GitFiles, PackageFiles, check_revision, git_root
from county_data.errors import PackageError, Problem


def packages_at(spec: str, cwd: Path, partner: str = "") -> dict[str, PackageFiles]:
    """The packages ``spec`` names, by folder name ('' for a single package)."""
    if spec.startswith(GIT_PREFIX):
        return _git_packages(spec, cwd, partner)
    return _folder_packages(folder_of(spec, cwd))


def folder_of(spec: str, cwd: Path) -> Path:
    path = Path(spec) if Path(spec).is_absolute() else cwd / spec
    if path.name == "datapackage.json":
        path = path.parent
    if not path.is_dir():
        raise PackageError(
            Problem(
                "missing-descriptor",
                "no datapackage.json here (expected a package folder, a folder of packages or git:<rev>:<path>)",
                path=spec,
            )
        )
    return path


def _folder_packages(path: Path) -> dict[str, PackageFiles]:
    if (path / "datapackage.json").is_file():
        return {"": FolderFiles(path)}
    found: dict[str, PackageFiles] = {
        child.name: FolderFiles(child) for child in sorted(path.iterdir()) if (child / "datapackage.json").is_file()
    }
    return found or _no_package(str(path))


def _git_packages(spec: str, cwd: Path, partner: str) -> dict[str, PackageFiles]:
    repo = git_root(cwd)
    rev, _, folder = spec[len(GIT_PREFIX) :].partition(":")
    check_revision(repo, rev)
    folder = folder.strip("/") if folder else _partner_folder(spec, partner, cwd, repo)
    top = GitFiles(repo, rev, folder)
    if top.exists("datapackage.json"):
        return {"": top}
    below = {name: GitFiles(repo, rev, f"{folder}/{name}".lstrip("/")) for name in top.subfolders()}
    found: dict[str, PackageFiles] = {name: files for name, files in below.items() if files.exists("datapackage.json")}
    return found or _no_package(spec)


def _partner_folder(spec: str, partner: str, cwd: Path, repo: Path) -> str:
    if not partner or partner.startswith(GIT_PREFIX):
        raise PackageError(
            Problem(
                "invalid-package",
                f"cannot read the package ({spec} names no path: write git:<rev>:<path>, "
                "or give a folder as the other argument)",
                path=spec,
            )
        )
    folder = folder_of(partner, cwd).resolve()
    if not folder.is_relative_to(repo.resolve()):
        raise PackageError(
            Problem(
                "invalid-package",
                f"cannot read the package ({partner} must be inside the repository {repo} for {spec} to name it)",
                path=spec,
            )
        )
    return folder.relative_to(repo.resolve()).as_posix()


def _no_package(label: str) -> dict[str, PackageFiles]:
    raise PackageError(
        Problem(
            "missing-descriptor",
            "no datapackage.json here or in its subfolders (expected a data package)",
            path=label,
        )
    )
