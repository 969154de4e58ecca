"""county_data plugin: the ``sdmx-csv`` export format (SDMX-CSV 2.0, labels=both, en + zh names)."""

from __future__ import annotations

from collections.abc import Iterator

from county_data import Exporter, PluginContext, hookimpl

from .periods import from_time_period, to_time_period
from .reader import read_sdmx_csv
from .writer import write_sdmx_csv

__all__ = ["EXPORTER", "from_time_period", "read_sdmx_csv", "to_time_period", "write_sdmx_csv"]

EXPORTER = Exporter(
    "sdmx-csv",
    "SDMX-CSV 2.0 message, one row per observation (labels=both, English and Chinese names)",
    write_sdmx_csv,
    suffix=".csv",
    read=read_sdmx_csv,
)


@hookimpl
def county_data_exporters(context: PluginContext) -> Iterator[Exporter]:
    yield EXPORTER
