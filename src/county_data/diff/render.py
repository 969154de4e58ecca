"""Pick a renderer by name and write its output, refusing to overwrite a file unless asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from county_data.diff.html import render_html
from county_data.diff.json_report import render_json
from county_data.diff.markdown import render_markdown
from county_data.diff.model import DiffReport
from county_data.errors import ExportError, Problem

RENDERERS: dict[str, Callable[[DiffReport], str]] = {
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render_report(report: DiffReport, format_: str) -> str:
    return RENDERERS[format_](report)


def write_report(out: Path, text: str, force: bool) -> Path:
    """Write ``text`` to ``out`` (UTF-8, LF); an existing file is replaced only with ``force``."""
    if out.is_dir() or ((out.exists() or out.is_symlink()) and not force):
        raise ExportError(
            Problem(
                "file-exists",
                f"{out} exists; pass --force to replace it"
                + (" (it is a folder: name a file)" if out.is_dir() else ""),
                path=str(out),
            )
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.is_symlink():
        out.unlink()
    out.write_bytes(text.encode("utf-8"))
    return out
