"""Where a built package's files come from: a folder on disk, or a revision of this git repository.

Both readers hand out bytes by the path the descriptor gives (``data/observations.csv``)
and refuse paths that leave the package: a resource path is data, not a licence to
read the rest of the disk.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from county_data.errors import PackageError, Problem

GIT_PREFIX = "git:"


class PackageFiles(Protocol):
    """The files of one package, read by relative POSIX path."""

    @property
    def label(self) -> str: ...

    def read(self, relative: str) -> bytes: ...

    def exists(self, relative: str) -> bool: ...


def inside(relative: str, label: str) -> PurePosixPath:
    """``relative`` as a path that stays inside the package, or a refusal naming it."""
    path = PurePosixPath(relative)
    if not relative or path.is_absolute() or ".." in path.parts or "\\" in relative:
        raise PackageError(
            Problem(
                "invalid-package",
                f"cannot read the package (resource path must stay inside the package (got {relative!r}))",
                path=label,
                found=relative,
            )
        )
    return path


@dataclass(frozen=True)
class FolderFiles:
    """A package folder: only regular files below it, never through a symlink leaving it."""

    root: Path

    @property
    def label(self) -> str:
        return str(self.root)

    def _path(self, relative: str) -> Path:
        path = self.root.joinpath(*inside(relative, self.label).parts)
        resolved = path.resolve()
        if not resolved.is_relative_to(self.root.resolve()):
            raise PackageError(
                Problem("invalid-package", f"cannot read the package ({relative} leaves the folder)", path=str(path))
            )
        return path

    def exists(self, relative: str) -> bool:
        return self._path(relative).is_file()

    def read(self, relative: str) -> bytes:
        path = self._path(relative)
        if not path.is_file():
            raise PackageError(
                Problem("invalid-package", f"cannot read the package ({relative} is missing)", path=str(path))
            )
        return path.read_bytes()


@dataclass(frozen=True)
class GitFiles:
    """A package folder as committed at ``rev`` in the git repository around ``cwd``."""

    repo: Path
    rev: str
    folder: str

    @property
    def label(self) -> str:
        return f"{GIT_PREFIX}{self.rev}:{self.folder}"

    def _object(self, relative: str) -> str:
        return f"{self.rev}:{PurePosixPath(self.folder, inside(relative, self.label))}"

    def exists(self, relative: str) -> bool:
        done = _git(self.repo, "cat-file", "-t", self._object(relative))
        return done.returncode == 0 and done.stdout.strip() == b"blob"

    def read(self, relative: str) -> bytes:
        done = _git(self.repo, "show", self._object(relative))
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["git failed"]
            raise PackageError(
                Problem(
                    "invalid-package", f"cannot read the package (git: {reason[0]})", path=self.label, found=relative
                )
            )
        return done.stdout

    def subfolders(self) -> list[str]:
        tree = f"{self.rev}:{self.folder}" if self.folder else f"{self.rev}:"
        done = _git(self.repo, "ls-tree", "--name-only", "-d", tree)
        return sorted(done.stdout.decode("utf-8").split()) if done.returncode == 0 else []


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def git_root(cwd: Path) -> Path:
    """The top of the git repository around ``cwd``, or a refusal saying there is none."""
    try:
        done = _git(cwd, "rev-parse", "--show-toplevel")
    except OSError as error:
        raise PackageError(Problem("invalid-package", f"cannot read the package (git: {error.strerror})")) from None
    if done.returncode != 0:
        raise PackageError(
            Problem(
                "invalid-package",
                f"cannot read the package (git:<rev>:<path> needs a git repository (got {cwd}, which is not in one))",
                path=str(cwd),
            )
        )
    return Path(done.stdout.decode("utf-8").strip())


def check_revision(repo: Path, rev: str) -> None:
    """Refuse a revision git does not know, naming it."""
    done = _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if done.returncode != 0:
        raise PackageError(
            Problem(
                "invalid-package",
                f"cannot read the package (git revision must exist in {repo} (got {rev!r}))",
                path=f"{GIT_PREFIX}{rev}",
                found=rev,
                expected="a commit, tag or branch, e.g. git:v0.1.0:datapackages/shangli",
            )
        )


def commit_of(repo: Path, rev: str) -> str:
    """The full commit id ``rev`` names (checked first with :func:`check_revision`)."""
    check_revision(repo, rev)
    return _git(repo, "rev-parse", "--verify", f"{rev}^{{commit}}").stdout.decode("ascii").strip()


def tags_at(repo: Path, commit: str) -> list[str]:
    """The tags that point at ``commit``, sorted."""
    done = _git(repo, "tag", "--points-at", commit)
    return sorted(done.stdout.decode("utf-8").split()) if done.returncode == 0 else []
