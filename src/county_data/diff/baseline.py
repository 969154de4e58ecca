"""The release baseline: the packages as last released, kept in the repository.

``releases/baseline/`` holds, for every package of the release, its
``datapackage.json`` and CSV tables byte for byte as committed at the release,
and ``release.json`` naming that commit (and its tag, if it had one). The diff
and the version check read this folder, so they work in a clone without tags or
history (CI checkouts are often shallow); with history, a test checks that the
snapshot still equals the commit it names.

Record a new baseline after a release (from the top of the repository)::

    python -m county_data.diff.baseline <tag or commit>
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from county_data.diff.files import GIT_PREFIX, PackageFiles, commit_of, git_root, tags_at
from county_data.diff.locate import packages_at

#: where the baseline lives and which packages it snapshots, from the top of the repository
BASELINE = "releases/baseline"
PACKAGES = "datapackages"
RECORD = "release.json"


@dataclass(frozen=True)
class Release:
    """What ``release.json`` says: the commit the baseline was released at, and its tag."""

    commit: str
    tag: str = ""
    packages: str = PACKAGES

    @property
    def name(self) -> str:
        return self.tag or self.commit[:7]


def read_release(folder: Path) -> Release | None:
    """The release ``folder``/release.json records, or None when there is none (any other OLD).

    A record that is not a JSON object with a ``commit`` string is refused (PackageError).
    """
    path = folder / RECORD
    if not path.is_file():
        return None
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _bad_record(path, "", "a UTF-8 JSON object", str(error)) from None
    if not isinstance(document, dict):
        raise _bad_record(path, "", "a JSON object", type(document).__name__)
    fields = {"commit": document.get("commit"), "tag": document.get("tag", ""), "packages": document.get("packages")}
    fields["packages"] = PACKAGES if fields["packages"] is None else fields["packages"]
    for field, value in fields.items():
        if not isinstance(value, str) or (field == "commit" and not value):
            raise _bad_record(path, field, "a string" if field != "commit" else "the released commit", repr(value))
    return Release(fields["commit"], fields["tag"], fields["packages"])


def _bad_record(path: Path, field: str, expected: str, found: str) -> Exception:
    from county_data.errors import PackageError, Problem

    message = f"{field or 'the record'} must be {expected} (got {found})"
    return PackageError(
        Problem("bad-release-record", message, path=str(path), field=field, found=found, expected=expected)
    )


def record_baseline(rev: str, cwd: Path, packages: str = PACKAGES, out: Path | None = None) -> Path:
    """Write the snapshot of ``packages`` as committed at ``rev`` into ``out`` (default: releases/baseline)."""
    from county_data.errors import ExportError
    from county_data.output import replacing

    repo = git_root(cwd)
    commit = commit_of(repo, rev)
    found = packages_at(f"{GIT_PREFIX}{commit}:{packages}", cwd)
    release = Release(commit, next(iter(tags_at(repo, commit)), ""), packages)
    target = out or repo / BASELINE
    with replacing(target, "folder", force=True, error=ExportError) as staged:
        for name, files in sorted(found.items()):
            _copy_package(files, staged / (name or Path(packages).name))
        staged.joinpath(RECORD).write_text(_record_text(release), encoding="utf-8")
    return target


def _copy_package(files: PackageFiles, folder: Path) -> None:
    descriptor = files.read("datapackage.json")
    for resource in json.loads(descriptor.decode("utf-8")).get("resources", []):
        if isinstance(resource, dict) and resource.get("format") == "csv":
            path = folder / str(resource["path"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files.read(str(resource["path"])))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_bytes(descriptor)


def _record_text(release: Release) -> str:
    document = {"commit": release.commit, "tag": release.tag, "packages": release.packages}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m county_data.diff.baseline REV``: record the baseline; errors as messages, exit 1."""
    from county_data.errors import CountyDataError

    parser = argparse.ArgumentParser(prog="python -m county_data.diff.baseline", description=__doc__)
    parser.add_argument("rev", help="the released tag or commit")
    parser.add_argument("--packages", default=PACKAGES, help="folder of the packages, from the top of the repository")
    arguments = parser.parse_args(argv)
    try:
        print(f"wrote {record_baseline(arguments.rev, Path.cwd(), arguments.packages)}")
    except CountyDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
