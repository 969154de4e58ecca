"""The CHANGELOG's data section: per package, what changed since the release baseline, in a few lines.

Keep a Changelog friendly: one ``### Data`` section of bullets to paste under the
release's heading. Per package: the version against the bump its changes imply,
counts of figures (observations) and other rows changed, added and removed, why
the bump, each changed value (old → new, tier), and changes of period, metric and
qualifier grouped with the figures they concern.
"""

from __future__ import annotations

from collections import Counter

from county_data.diff.describe import label, percent, value_text
from county_data.diff.model import DiffReport, PackageDiff, RowChange
from county_data.diff.versions import expected_version, is_behind

FIGURES = "observations"
#: fields whose changes are listed one by one; others are counted
LISTED = ("period", "metric_id", "qualifier")
_WORDS = {"period": "period", "metric_id": "metric", "qualifier": "qualifier"}
_STATUSES = ("changed", "added", "removed")


def render_changelog(report: DiffReport) -> str:
    against = f"the release baseline `{report.baseline}`" if report.baseline else f"`{report.old}`"
    lines = [
        "### Data",
        "",
        f"Compared with {against} by `county-data diff --format changelog`; "
        "versions follow the Data Package version recipe.",
        "",
    ]
    for package in report.packages:
        lines += _package(package)
    return "\n".join(lines) + "\n"


def _package(package: PackageDiff) -> list[str]:
    if package.status == "added":
        return [f"- **{package.name}**: new package, version {package.new_version}: {_sizes(package)}."]
    if package.status == "removed":
        return [f"- **{package.name}**: removed (was version {package.old_version})."]
    if package.status == "unchanged":
        return [f"- **{package.name}** {package.new_version}: no change."]
    lines = [f"- **{package.name}** {_version(package)}: {_counts(package)}."]
    lines.append(f"  - {package.reasons[0].replace(': ', ' because ', 1)}")
    lines += [f"  - value {_value_change(row)}" for row in _figures(package) if row.tier]
    lines += _grouped(package)
    lines += _others(package)
    lines += [f"  - schema: {change.resource}: {change.summary} ({change.bump})" for change in package.schema]
    if package.metadata:
        keys = ", ".join(dict.fromkeys(f"{m.where} {m.key}" for m in package.metadata))
        lines.append(f"  - metadata: {keys}")
    return lines


def _version(package: PackageDiff) -> str:
    expected = expected_version(package)
    behind = f" (below the {package.bump} bump: at least {expected})" if is_behind(package) else ""
    return f"{package.old_version} → {package.new_version}{behind}"


def _counts(package: PackageDiff) -> str:
    tables = [FIGURES, *(t for t in package.tables if t != FIGURES)]
    parts = []
    for table in tables:
        counts = ", ".join(f"{package.count(table, status)} {status}" for status in _STATUSES)
        parts.append(f"{'figures' if table == FIGURES else table} {counts}")
    return "; ".join(parts)


def _sizes(package: PackageDiff) -> str:
    sizes = dict(package.sizes)
    named = [(FIGURES, "figures"), ("honours", "honours"), ("metrics", "metrics"), ("sources", "sources")]
    return ", ".join(f"{sizes[t]} {words if sizes[t] != 1 else words[:-1]}" for t, words in named if t in sizes)


def _figures(package: PackageDiff) -> list[RowChange]:
    return [row for row in package.rows if row.table == FIGURES and row.status == "changed"]


def _value_change(row: RowChange) -> str:
    return f"`{label(row.new)}`: {value_text(row.old)} → {value_text(row.new)} ({row.tier}, {percent(row.deviation)})"


def _grouped(package: PackageDiff) -> list[str]:
    """``period 2024 → unknown: `a`, `b``` — one line per field and pair of values."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for row in _figures(package):
        for change in row.changes:
            if change.field in LISTED:
                groups.setdefault((change.field, change.old, change.new), []).append(f"`{label(row.new)}`")
    return [
        f"  - {_WORDS[field]} {old or '∅'} → {new or '∅'}: {', '.join(ids)}"
        for (field, old, new), ids in sorted(groups.items(), key=lambda item: LISTED.index(item[0][0]))
    ]


def _others(package: PackageDiff) -> list[str]:
    """Other fields of changed figures, counted: ``other fields: note ×6, quote ×1``."""
    counted = Counter(
        change.field for row in _figures(package) for change in row.changes if change.field not in (*LISTED, "value")
    )
    if not counted:
        return []
    return ["  - other fields of figures: " + ", ".join(f"{name} ×{n}" for name, n in sorted(counted.items()))]
