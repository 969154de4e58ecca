"""What validation may read: the descriptor, and regular files inside the package folder.

Frictionless opens every path, schema, dialect and profile a descriptor names,
fetches URLs and follows symbolic links. Before it (or pandas) opens anything,
:func:`load_descriptor` and :func:`refused_references` decide, with ``os.stat``
and resolved paths, whether each reference is a regular file inside the folder;
remote references pass only when the caller allows them.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from county_data.errors import Problem

#: descriptor properties frictionless opens or fetches (found by reading its source and
#: by a test against a real HTTP server); ``$schema`` and metadata URLs are never fetched
PACKAGE_KEYS = ("profile",)
RESOURCE_KEYS = ("path", "extrapaths", "schema", "dialect", "profile")
#: profile values that are names, not files (""); frictionless fetches ``fiscal-data-package`` from its URL
PACKAGE_PROFILES = {
    "data-package": "",
    "tabular-data-package": "",
    "fiscal-data-package": "https://specs.frictionlessdata.io/schemas/fiscal-data-package.json",
}
RESOURCE_PROFILES = {"data-resource": "", "tabular-data-resource": ""}

_KINDS = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "FIFO (named pipe)"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, for messages ("directory", "FIFO (named pipe)", …)."""
    return next((name for test, name in _KINDS if test(mode)), "special file")


def is_remote(reference: str) -> bool:
    """Whether frictionless would fetch ``reference`` over a network (its own rule, imported)."""
    if ":" not in reference:  # no URL scheme: a local path (and frictionless stays unimported)
        return False
    from frictionless import helpers

    return bool(helpers.is_remote_path(reference)) and not reference.lower().startswith("file:")


def load_descriptor(path: Path) -> dict[str, Any] | Problem:
    """The descriptor at ``path`` as a mapping, or the problem that stops it being read."""
    where = str(path)
    try:
        info = path.stat()
    except OSError:
        return Problem("missing-descriptor", "no datapackage.json here (expected a data package)", path=where)
    if not stat.S_ISREG(info.st_mode):
        kind = file_kind(info.st_mode)
        return Problem("not-regular-file", f"the descriptor must be a regular file (got a {kind})", path=where)
    try:
        text = _read_regular(path)
    except (OSError, UnicodeDecodeError) as error:
        return Problem("invalid-package", f"cannot read the package ({error})", path=where)
    return _parse(text, path)


def _read_regular(path: Path) -> str:
    # O_NONBLOCK: should the file have become a FIFO since the stat, opening does not hang
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(f"{path} is no longer a regular file")
        return file.read().decode("utf-8")


def _parse(text: str, path: Path) -> dict[str, Any] | Problem:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if path.suffix.lower() != ".json":
            return Problem(
                "not-a-descriptor",
                f"the file must be a data package descriptor, datapackage.json (got a {path.suffix or 'suffixless'}"
                " file that is not JSON); give the package folder or its datapackage.json"
                " (describe a bare CSV first: frictionless describe --type package --json data.csv)",
                path=str(path),
            )
        return Problem(
            "invalid-json",
            f"the descriptor must be valid JSON (got {error.msg} at column {error.colno})",
            path=str(path),
            line=error.lineno,
        )
    if not isinstance(value, dict):
        found = type(value).__name__
        return Problem("descriptor-not-object", f"the descriptor must be a JSON object (got a {found})", path=str(path))
    return value


def references(descriptor: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every file or URL frictionless would open, as (property, resource name, value)."""
    found = _strings(descriptor, PACKAGE_KEYS, PACKAGE_PROFILES, "", "")
    resources = descriptor.get("resources")
    for index, resource in enumerate(resources if isinstance(resources, list) else []):
        if isinstance(resource, dict):
            name = str(resource.get("name", index))
            found += _strings(resource, RESOURCE_KEYS, RESOURCE_PROFILES, f"resources[{index}].", name)
    return found


def _strings(
    mapping: dict[str, Any], keys: tuple[str, ...], profiles: dict[str, str], prefix: str, name: str
) -> list[tuple[str, str, str]]:
    found = []
    for key in keys:
        values = mapping.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and key == "profile":
                value = profiles.get(value, value)
            if isinstance(value, str) and value:
                found.append((prefix + key, name, value))
    return found


def refused_references(descriptor: dict[str, Any], path: Path, *, allow_remote: bool) -> list[Problem]:
    """A problem for every reference that is remote (unless allowed) or not a regular file inside the folder."""
    problems = []
    root = Path(os.path.realpath(path.parent))  # once: resolving it is most of the cost of each check
    for place, resource, value in references(descriptor):
        problem = _refusal(place, value, root, allow_remote=allow_remote)
        if problem:
            code, message = problem
            where = f"resource {resource!r}: " if resource else ""
            problems.append(Problem(code, where + message, path=str(path), field=place, found=value))
    return problems


def _refusal(place: str, value: str, root: Path, *, allow_remote: bool) -> tuple[str, str] | None:
    """Why ``value`` may not be read, for a package whose folder resolves to ``root``; None when it may."""
    if is_remote(value):
        if allow_remote:
            return None
        fix = "pass --allow-remote (allow_remote=True) to fetch it"
        return "remote-refused", f"{value!r} must be a file inside the package folder (got a remote URL); {fix}"
    if value.lower().startswith("file:") or os.path.isabs(value):
        return "unsafe-path", f"the path must be relative, inside the package folder (got {value!r})"
    if os.path.normpath(value).split(os.sep)[0] == os.pardir:
        return "unsafe-path", f"the path must stay inside the package folder (got {value!r}, which leaves it by '..')"
    if place.endswith("profile"):
        # frictionless reads a local profile relative to the working directory, not the
        # package, and fetches the URLs its "$ref"s name
        profiles = RESOURCE_PROFILES if place.startswith("resources[") else PACKAGE_PROFILES
        names = ", ".join(name for name, url in profiles.items() if not url)
        return "local-profile", f"the profile must be one of {names} or a URL (got the local file {value!r})"
    return _local_refusal(value, root)


def _local_refusal(value: str, root: Path) -> tuple[str, str] | None:
    mode = _mode_below(root, value)
    if mode is None:  # a link, a dot or a missing part on the way: only resolving the whole path can say
        target = Path(os.path.realpath(root / value))
        if not target.is_relative_to(root):
            return "link-outside", f"{value!r} must be inside the package folder (got a symbolic link to {target})"
        try:
            mode = os.stat(target).st_mode
        except OSError:
            return None  # missing: frictionless names it (scheme-error) without opening anything
    if not stat.S_ISREG(mode):
        return "not-regular-file", f"{value!r} must be a regular file (got a {file_kind(mode)})"
    return None


def _mode_below(root: Path, value: str) -> int | None:
    """The mode of ``root/value`` found by looking at its own parts only (``root`` is resolved):
    a package's dozen files cost a dozen lookups, not one per folder above them. None when a part
    is a symbolic link, ``.``, ``..`` or missing."""
    parts = value.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    path, mode = str(root), 0
    for part in parts:
        path = os.path.join(path, part)
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            return None
    return mode
