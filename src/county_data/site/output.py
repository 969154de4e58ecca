"""Save: write the site into its folder, replacing only a folder this command wrote before.

The same stage-then-swap as ``county_data.package.files.staged_directory``, written
here because that module imports pandas at load time (2 s on a busy machine, more
than the whole site build); see the note in docs/site.md.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from county_data.errors import ExportError, Problem

#: written into every site; a folder without it is never replaced
MARKER = ".county-data-site"
MARKER_TEXT = b"Written by county-data site; the whole folder is replaced on the next build.\n"


def check_replaceable(out: Path) -> None:
    """Refuse an ``out`` that exists and is not an empty folder or a site written by this command."""
    if not out.exists() and not out.is_symlink():
        return
    if out.is_dir() and not out.is_symlink() and ((out / MARKER).is_file() or not any(out.iterdir())):
        return
    raise ExportError(
        Problem(
            "file-exists",
            f"{out} exists and is not a site county-data wrote; --out must be a new or empty folder "
            "or an earlier site (choose another --out)",
            path=str(out),
            found="a folder or file without " + MARKER,
            expected="a new folder, an empty one, or an earlier site",
        )
    )


def write_site(out: Path, pages: Mapping[str, str]) -> Path:
    """Write every page (UTF-8, LF) beside ``out`` and move the whole site into place at the end."""
    check_replaceable(out)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files[MARKER] = MARKER_TEXT
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for relative, data in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        staging.chmod(0o755)
        _swap(out, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _swap(out: Path, staging: Path) -> None:
    """Move the earlier site into a fresh temporary folder (never a name someone else may own), then drop it."""
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
    try:
        if out.exists():
            out.rename(retired / out.name)
        staging.rename(out)
    finally:
        shutil.rmtree(retired, ignore_errors=True)
