"""The diff as JSON, for scripts: every field of every record, keys in a fixed order."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from county_data.diff.bump import suggested_version
from county_data.diff.model import DiffReport, PackageDiff, RowChange


def render_json(report: DiffReport) -> str:
    document = {
        "old": report.old,
        "new": report.new,
        "bump": report.bump,
        "packages": [_package(package) for package in report.packages],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _package(package: PackageDiff) -> dict[str, Any]:
    return {
        "name": package.name,
        "status": package.status,
        "old": package.old_label,
        "new": package.new_label,
        "old_version": package.old_version,
        "new_version": package.new_version,
        "bump": package.bump,
        "suggested_version": suggested_version(package.old_version, package.bump),
        "reasons": list(package.reasons),
        "rows": [_row(row) for row in package.rows],
        "schema": [asdict(change) for change in package.schema],
        "metadata": [asdict(change) for change in package.metadata],
    }


def _row(row: RowChange) -> dict[str, Any]:
    return {
        "table": row.table,
        "status": row.status,
        "key": dict(row.key),
        "changes": [asdict(change) for change in row.changes],
        "deviation": row.deviation,
        "tier": row.tier,
        "old": row.old,
        "new": row.new,
    }
