"""Read an SDMX-CSV message written by this plugin back into an observations table."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from county_data.exporters.formats import INJECTION_PREFIXES

from .codes import our_id
from .periods import from_time_period

if TYPE_CHECKING:
    import pandas as pd


def component_id(header: str) -> str:
    """``OBS_VALUE: Observation value`` → ``OBS_VALUE``; ``UNIT_NAME[en;zh]`` → ``UNIT_NAME``."""
    return header.split(": ", 1)[0].split("[", 1)[0]


def code_of(cell: str) -> str:
    """``430181: Liuyang City`` (labels) or ``430181`` (plain) → ``430181`` (codes never contain ': ')."""
    return cell.split(": ", 1)[0]


def restored(cell: str) -> str:
    """Undo the writer's formula neutralisation (``'=x`` → ``=x``)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(INJECTION_PREFIXES) else cell


def read_records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    names = [component_id(header) for header in rows[0]]
    return [dict(zip(names, row, strict=True)) for row in rows[1:]]


def observation(record: dict[str, str]) -> dict[str, object]:
    return {
        "county_code": code_of(record["REF_AREA"]),
        "metric_id": our_id(code_of(record["INDICATOR"])),
        "period": from_time_period(record["TIME_PERIOD"]),
        "source_id": our_id(code_of(record["SOURCE"])),
        "value": float(record["OBS_VALUE"]),
        "unit": code_of(record["UNIT_MEASURE"]),
        "qualifier": record["QUALIFIER"],
        "lower_bound": float(record["LOWER_BOUND"]) if record["LOWER_BOUND"] else None,
        "upper_bound": float(record["UPPER_BOUND"]) if record["UPPER_BOUND"] else None,
        "obs_status": code_of(record["OBS_STATUS"]),
        "surface": restored(record["SURFACE"]),
        "quote": restored(record["QUOTE"]),
        "char_start": int(record["CHAR_START"]),
        "char_end": int(record["CHAR_END"]),
    }


def read_sdmx_csv(path: Path) -> dict[str, pd.DataFrame]:
    """{"observations": DataFrame} with county_code, metric_id, period, value and the attributes."""
    import pandas as pd

    return {"observations": pd.DataFrame([observation(record) for record in read_records(path)])}
