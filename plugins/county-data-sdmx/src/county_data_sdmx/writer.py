"""Write a county's observations as one SDMX-CSV 2.0 message (labels=both, en + zh names)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import codes
from .rows import Row, observation_row

if TYPE_CHECKING:
    import pandas as pd

    from county_data import ExportData

COLUMNS = tuple(code for code, _, _ in codes.COMPONENTS) + codes.LABEL_COLUMNS


def by_key(frame: pd.DataFrame, key: str) -> dict[str, dict[str, Any]]:
    return {row[key]: row for row in frame.to_dict(orient="records")}


def message_rows(data: ExportData) -> list[Row]:
    """Every observation as a row, in the package's order (sorted by primary key)."""
    counties = by_key(data.frames["counties"], "county_code")
    metrics = by_key(data.frames["metrics"], "metric_id")
    sources = by_key(data.frames["sources"], "source_id")
    return [
        observation_row(obs, counties[obs["county_code"]], metrics[obs["metric_id"]], sources[obs["source_id"]])
        for obs in data.frames["observations"].to_dict(orient="records")
    ]


def structure_cells() -> list[str]:
    return [codes.STRUCTURE, f"{codes.STRUCTURE_ID}: {codes.STRUCTURE_NAME}", codes.ACTION]


def write_sdmx_csv(data: ExportData, path: Path) -> None:
    """UTF-8 without BOM, LF line ends, comma separated, RFC 4180 quoting."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(codes.header())
        for row in message_rows(data):
            writer.writerow([*structure_cells(), *(row[column] for column in COLUMNS)])
