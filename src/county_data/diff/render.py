"""Pick a renderer by name and write its output, refusing to overwrite a file unless asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from county_data.diff.html import render_html
from county_data.diff.json_report import render_json
from county_data.diff.markdown import render_markdown
from county_data.diff.model import DiffReport
from county_data.diff.notes import render_changelog
from county_data.errors import ExportError

RENDERERS: dict[str, Callable[[DiffReport], str]] = {
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
    "changelog": render_changelog,
}


def render_report(report: DiffReport, format_: str) -> str:
    return RENDERERS[format_](report)


def write_report(out: Path, text: str, force: bool) -> Path:
    """Write ``text`` to ``out`` (UTF-8, LF) through the one atomic-write routine; replace only with ``force``."""
    from county_data.output import replacing

    with replacing(out, "file", force=force, error=ExportError) as staged:
        staged.write_bytes(text.encode("utf-8"))
    return out
