"""The diff as Markdown, for the CHANGELOG and pull requests."""

from __future__ import annotations

import json
from typing import Any

from county_data.diff.bump import suggested_version
from county_data.diff.describe import label, percent, quote_text, value_text
from county_data.diff.model import DiffReport, PackageDiff, RowChange
from county_data.diff.versions import is_behind


def render_markdown(report: DiffReport) -> str:
    lines = [f"# Data changes: `{report.old}` → `{report.new}`", "", f"Implied version bump: **{report.bump}**"]
    for package in report.packages:
        lines += ["", *_package(package)]
    return "\n".join(lines) + "\n"


def _package(package: PackageDiff) -> list[str]:
    lines = [f"## {package.name}: {package.status}, bump **{package.bump}**", ""]
    lines += _version_lines(package)
    if package.status in ("added", "removed"):
        return lines
    lines += [f"- {reason}" for reason in package.reasons] or ["- no change"]
    if package.rows:
        lines += ["", "| table | changed | added | removed |", "|---|---:|---:|---:|"]
        lines += [_counts(package, table) for table in package.tables]
    lines += _section(
        "Changed values",
        ["tier", "row", "old", "new", "deviation", "old quote", "new quote"],
        [_changed(r) for r in package.rows if r.tier],
    )
    lines += _section(
        "Other changed rows",
        ["table", "row", "changes", "old quote", "new quote"],
        [_other(r) for r in package.rows if r.status == "changed" and not r.tier],
    )
    lines += _section(
        "Added rows", ["table", "row", "value", "quote"], [_one(r, r.new) for r in package.rows if r.status == "added"]
    )
    lines += _section(
        "Removed rows",
        ["table", "row", "value", "quote"],
        [_one(r, r.old) for r in package.rows if r.status == "removed"],
    )
    lines += _section(
        "Schema changes", ["resource", "change", "bump"], [[c.resource, c.detail, c.bump] for c in package.schema]
    )
    lines += _section(
        "Metadata changes",
        ["where", "property", "old", "new"],
        [[m.where, m.key, _json(m.old), _json(m.new)] for m in package.metadata],
    )
    return lines


def _version_lines(package: PackageDiff) -> list[str]:
    if not package.old_version:
        return [f"Version {package.new_version or 'not stated'}.", ""]
    suggested = suggested_version(package.old_version, package.bump)
    agrees = "is below it" if is_behind(package) else "keeps up"
    return [
        f"Version {package.old_version} → {package.new_version or 'not stated'}; the bump suggests "
        f"**{suggested or 'no SemVer version'}** (NEW {agrees}).",
        "",
    ]


def _counts(package: PackageDiff, table: str) -> str:
    counts = (package.count(table, status) for status in ("changed", "added", "removed"))
    return f"| {table} | " + " | ".join(str(n) for n in counts) + " |"


def _section(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return []
    lines = ["", f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]


def _changed(row: RowChange) -> list[str]:
    return [
        row.tier or "",
        _name(row),
        value_text(row.old),
        value_text(row.new),
        percent(row.deviation),
        quote_text(row.old),
        quote_text(row.new),
    ]


def _other(row: RowChange) -> list[str]:
    changes = "; ".join(f"{c.field}: {c.old or '∅'} → {c.new or '∅'}" for c in row.changes)
    return [row.table, _name(row), changes, quote_text(row.old), quote_text(row.new)]


def _one(row: RowChange, cells: dict[str, str] | None) -> list[str]:
    return [row.table, _name(row), value_text(cells), quote_text(cells)]


def _name(row: RowChange) -> str:
    return f"`{label(row.new or row.old)}` ({row.key_text})"


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
