"""Save: write the site into its folder through the one atomic-write routine.

``county_data.output`` stages the site beside ``--out``, replaces only an empty folder
or one county-data wrote (marked), and never the current or home folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from county_data.errors import ExportError
from county_data.output import replacing


def write_site(out: Path, pages: Mapping[str, str]) -> Path:
    """Write every page (UTF-8, LF) and move the whole site into place at the end."""
    with replacing(out, "folder", force=True, error=ExportError) as staged:
        for relative, text in sorted(pages.items()):
            target = staged / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    return out
