"""Write a county's observations as one SDMX-CSV 2.0 message.

By default the message is what SDMX tools read: a plain ``STRUCTURE`` header and
codes only. ``labels=True`` (format ``sdmx-csv-labels``) adds English names for
people (``ID: name`` headers, ``CODE: name`` cells). SDMX has no value for an
unknown period nor for an open one (``2023/..``), so observations whose period is
not stated or has no end are left out and counted on stderr; the data package and
the other formats keep them.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import codes
from .periods import has_time_period
from .rows import cells, observation_row, records

if TYPE_CHECKING:
    import pandas as pd

    from county_data import ExportData


def by_key(frame: pd.DataFrame, key: str) -> dict[str, dict[str, Any]]:
    return {str(row[key]): row for row in records(frame)}


def dated(data: ExportData) -> tuple[list[dict[str, Any]], int]:
    """The observations with a TIME_PERIOD, in the package's order, and how many were left out."""
    observations = records(data.frames["observations"])
    kept = [obs for obs in observations if has_time_period(obs["period"])]
    return kept, len(observations) - len(kept)


def header(*, labels: bool) -> list[str]:
    components = [f"{c.id}: {c.name}" if labels else c.id for c in codes.COMPONENTS]
    return ["STRUCTURE", "STRUCTURE_ID", "ACTION", *components]


def structure_cells(*, labels: bool) -> list[str]:
    identifier = f"{codes.STRUCTURE_ID}: {codes.STRUCTURE_NAME}" if labels else codes.STRUCTURE_ID
    return [codes.STRUCTURE, identifier, codes.ACTION]


def message_rows(data: ExportData, *, labels: bool = False) -> list[list[str]]:
    counties = by_key(data.frames["counties"], "county_code")
    metrics = by_key(data.frames["metrics"], "metric_id")
    sources = by_key(data.frames["sources"], "source_id")
    kept, _ = dated(data)
    return [
        [
            *structure_cells(labels=labels),
            *cells(
                observation_row(
                    obs, metrics[obs["metric_id"]], sources[obs["source_id"]], counties[obs["county_code"]]
                ),
                labels=labels,
            ),
        ]
        for obs in kept
    ]


def write_message(data: ExportData, path: Path, *, labels: bool) -> None:
    """UTF-8 without BOM, LF line ends, comma separated, RFC 4180 quoting."""
    _, left_out = dated(data)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header(labels=labels))
        writer.writerows(message_rows(data, labels=labels))
    if left_out:
        sys.stderr.write(
            f"sdmx: left out {left_out} observation(s) of {data.county.slug} whose reference period is not stated or open "
            "(SDMX TIME_PERIOD cannot be empty); every format of county_data keeps them\n"
        )


def write_sdmx_csv(data: ExportData, path: Path) -> None:
    write_message(data, path, labels=False)


def write_sdmx_csv_labels(data: ExportData, path: Path) -> None:
    write_message(data, path, labels=True)
