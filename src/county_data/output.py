"""Write an output (a package or an export) so that nothing is ever lost: the one atomic-write routine.

``replacing(path, kind)`` yields a path to write the new output at; when the block ends
without an error the new output replaces ``path`` atomically. On the way it:

1. locks the folder that holds ``path`` (``flock`` on the folder itself, so no lock file
   is left behind) for the short steps only — making a staging folder, the swap, removing
   the staging folder — so writers into one folder write and validate side by side and
   take turns to swap; each writer also locks its own staging folder until it is removed;
2. recovers what writers that died left in that folder: their staging folders (no live
   writer holds their lock) are removed, and a swap killed between its two renames is
   rolled back;
3. refuses to replace anything but a regular file, an empty folder or a folder
   county_data wrote itself (it holds ``MARKER``) — never the current folder, one above
   it or the home folder, never a symbolic link (neither the link nor what it points
   to is touched), never a device, FIFO or socket, and never a file by a folder or a
   folder by a file;
4. writes inside a staging folder beside the target, marks a folder output, gives it
   the modes the umask asks for (0755 folders and 0644 files under umask 022), and
   renames it into place.

A staging folder ``.<name>.tmp-XXXXXXXX/`` holds ``MARKER`` (written first, removed
last, so a staging folder is recognised however far its writer got), ``new/<name>``
(the output being written) and, during the swap only, ``old/<name>`` (the output
being replaced). A writer killed between the two renames leaves ``old/<name>`` and no
target; the next writer puts it back.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from county_data.errors import CountyDataError, Problem

MARKER = ".county-data"
MARKER_TEXT = b"Written by county-data, which may replace this folder when it writes it again.\n"
STAGING_NAME = re.compile(r"^\..*\.tmp-[a-z0-9_]{8}$", re.DOTALL)  # tempfile.mkdtemp adds 8 of [a-z0-9_]

Kind = Literal["file", "folder"]


@contextmanager
def replacing(
    path: Path, kind: Kind, *, force: bool, error: type[CountyDataError], recover_stale: bool = True
) -> Iterator[Path]:
    """Yield where to write the new ``kind`` at ``path``; replace ``path`` with it when the block succeeds.

    An existing output is replaced only when ``force`` (a build passes True: it
    rewrites its own folders) and only when it is safe (see the module). Refusals
    and failed file operations raise ``error`` naming ``path``. The block runs without
    the folder lock (writers into one folder write and validate side by side); only
    staging, the swap and removing the staging folder hold it.

    ``recover_stale=False`` skips looking for dead writers' staging folders, for a caller
    writing many outputs into a folder it has just recovered.
    """
    target = _absolute(path)
    try:
        _make_parent(target, path, error)
        with _locked(target.parent):
            if recover_stale:
                recover(target.parent)
            check_replaceable(target, path, kind, force=force, error=error)
            staging = _new_staging(target)
            held = _hold(staging)
            _held_here.add(staging)
        try:
            yield staging / "new" / target.name
            _finish(staging / "new" / target.name, kind, path, error)
            with _locked(target.parent):
                check_replaceable(target, path, kind, force=force, error=error)  # another writer's swap came first
                _swap(target, staging)
        finally:
            with _locked(target.parent):
                _settle(staging, target.parent)
            _held_here.discard(staging)
            _release(held)
    except OSError as failure:
        reason = failure.strerror or str(failure)
        raise error(Problem("output-failed", f"cannot write the output ({reason})", path=str(path))) from failure


def is_marked(folder: Path) -> bool:
    """Whether ``folder`` holds the marker county_data writes into every folder it writes."""
    marker = folder / MARKER
    try:
        if not stat.S_ISREG(marker.lstat().st_mode):
            return False
        with marker.open("rb") as file:
            return file.read(len(MARKER_TEXT) + 1) == MARKER_TEXT
    except OSError:
        return False


def recover(parent: Path) -> None:
    """Undo what dead writers left in ``parent``: roll back half-done swaps, remove staging (hold the lock)."""
    for staging in _stale_stagings(parent):
        _settle(staging, parent)


def _settle(staging: Path, parent: Path) -> None:
    """Put an output moved aside back if nothing took its place, then remove the staging folder."""
    old = staging / "old"
    for retired in old.iterdir() if old.is_dir() else ():
        if not os.path.lexists(parent / retired.name):
            os.rename(retired, parent / retired.name)
    _remove_staging(staging)


def check_replaceable(target: Path, shown: Path, kind: Kind, *, force: bool, error: type[CountyDataError]) -> None:
    """Refuse unless writing ``kind`` at ``target`` loses nothing county_data did not write or was not told to."""
    where = str(shown)
    if _is_protected(target):
        message = (
            "the output must not be the current folder, one above it or the home folder "
            f"(got {target}); name a new folder inside it"
        )
        raise error(Problem("protected-output", message, path=where, found=str(target)))
    try:
        found = _kind_of(target.lstat().st_mode)
    except FileNotFoundError:
        return
    if found == "symbolic link":
        message = (
            f"the output must not be a symbolic link (got a link to {os.readlink(target)}); county-data neither "
            "replaces a link nor writes through it: remove the link or give the path it points to"
        )
        raise error(Problem("symlink-output", message, path=where, found=found))
    if found not in ("file", "folder"):
        message = f"the output must be a regular file or a folder (got a {found}), which county-data never replaces"
        raise error(Problem("special-output", message, path=where, found=found))
    if found != kind:
        message = f"the output must be a {kind} here (got a {found}); choose another path"
        raise error(Problem("wrong-output-kind", message, path=where, found=found, expected=kind))
    if found == "folder" and not (is_marked(target) or _is_empty(target)):
        message = (
            f"the output folder must be empty or written by county-data (marked by {MARKER}) to be replaced "
            "(got a folder with other files); move it away or choose another path "
            "(a package built by a county-data older than the marker: delete it and build again)"
        )
        raise error(Problem("foreign-folder", message, path=where, found="unmarked folder", expected=MARKER))
    if not force:
        raise error(Problem("file-exists", f"{shown} exists; pass --force to replace it", path=where))


def _absolute(path: Path) -> Path:
    """``path`` made absolute with its folder resolved and its last part kept (never followed)."""
    absolute = Path(os.path.abspath(path))
    return absolute.parent.resolve() / absolute.name if absolute.name else absolute


def _is_protected(target: Path) -> bool:
    cwd, home = Path.cwd().resolve(), Path.home().resolve()
    return target in {cwd, *cwd.parents, home, *home.parents}


def _kind_of(mode: int) -> str:
    kinds = (
        (stat.S_ISLNK, "symbolic link"),
        (stat.S_ISREG, "file"),
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    )
    return next((name for test, name in kinds if test(mode)), "special file")


def _is_empty(folder: Path) -> bool:
    return next(folder.iterdir(), None) is None


def _make_parent(target: Path, shown: Path, error: type[CountyDataError]) -> None:
    ancestor = target.parent
    while not os.path.lexists(ancestor):
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        found = _kind_of(ancestor.lstat().st_mode)
        message = f"the path above the output must be a folder (got a {found} at {ancestor}); choose another path"
        raise error(Problem("parent-not-folder", message, path=str(shown), found=str(ancestor)))
    target.parent.mkdir(parents=True, exist_ok=True)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` itself (no lock file); released even if the process dies."""
    held = _hold(folder)
    try:
        yield
    finally:
        _release(held)


def _hold(folder: Path) -> int | None:
    """Lock ``folder`` exclusively (waiting for it); the descriptor that holds it, None without flock (Windows)."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): writers are not serialised there
        return None
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _release(descriptor: int | None) -> None:
    if descriptor is not None:
        os.close(descriptor)


def _abandoned(staging: Path) -> bool:
    """Whether no live writer holds ``staging`` (each holds the lock of its own from creation to removal)."""
    try:
        import fcntl
    except ImportError:
        return True
    descriptor = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True


def _stale_stagings(parent: Path) -> list[Path]:
    """Staging folders in ``parent`` that no live writer holds: their writers died (call with the folder lock).

    Names are filtered before anything is read, and the stagings this process holds are
    skipped: a build writing thousands of packages into one folder looks at each only once.
    """
    names = sorted(name for name in os.listdir(parent) if name.startswith(".") and STAGING_NAME.match(name))
    candidates = [parent / name for name in names if parent / name not in _held_here]
    return [
        p for p in candidates if not p.is_symlink() and p.is_dir() and (is_marked(p) or _is_empty(p)) and _abandoned(p)
    ]


_held_here: set[Path] = set()  # the staging folders this process is writing in (never stale)


def _new_staging(target: Path) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name[:64]}.tmp-", dir=target.parent))
    (staging / MARKER).write_bytes(MARKER_TEXT)
    (staging / "new").mkdir()
    return staging


def _finish(new: Path, kind: Kind, shown: Path, error: type[CountyDataError]) -> None:
    """Check the writer made a ``kind``, mark a folder, and give everything the umask's modes."""
    found = _kind_of(new.lstat().st_mode) if os.path.lexists(new) else "nothing"
    if found != kind:
        message = f"the writer must create a {kind} (got {found})"
        raise error(Problem("output-failed", message, path=str(shown), found=found, expected=kind))
    if kind == "folder":
        (new / MARKER).write_bytes(MARKER_TEXT)
    _set_normal_modes(new)


def _set_normal_modes(root: Path) -> None:
    """0777 for folders and 0666 for files, less the umask; links are neither followed nor changed."""
    mask = os.umask(0o022)
    os.umask(mask)
    paths = [root]
    if root.is_dir():
        paths += [Path(folder) / name for folder, dirs, files in os.walk(root) for name in dirs + files]
    for path in paths:
        mode = path.lstat().st_mode
        wanted = 0o777 & ~mask if stat.S_ISDIR(mode) else 0o666 & ~mask if stat.S_ISREG(mode) else None
        if wanted is not None and stat.S_IMODE(mode) != wanted:  # most are already: they were made under the umask
            path.chmod(wanted)


def _swap(target: Path, staging: Path) -> None:
    """Move the old output into staging and the new one into place; undo the first move if the second fails."""
    retired = staging / "old" / target.name
    if os.path.lexists(target):
        retired.parent.mkdir()
        os.rename(target, retired)
    try:
        os.rename(staging / "new" / target.name, target)
    except OSError:
        if os.path.lexists(retired):
            os.rename(retired, target)
        raise


def _remove_staging(staging: Path) -> None:
    """Remove a staging folder, its marker last, so an interrupted removal is still recognised as ours."""
    try:
        for entry in ("new", "old"):
            _remove(staging / entry)
        (staging / MARKER).unlink(missing_ok=True)
        staging.rmdir()
    except OSError:
        pass  # the next writer into this folder removes it


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        path.unlink()
