"""county_data plugin: SDMX-CSV 2.0 data (``sdmx-csv``, ``sdmx-csv-labels``) and its SDMX-ML 3.0 structure (``sdmx-structure``)."""

from __future__ import annotations

from collections.abc import Iterator

from county_data import Exporter, PluginContext, hookimpl

from .periods import from_time_period, to_time_period
from .reader import read_sdmx_csv
from .structure import write_structure
from .writer import write_sdmx_csv, write_sdmx_csv_labels

__all__ = [
    "EXPORTERS",
    "from_time_period",
    "read_sdmx_csv",
    "to_time_period",
    "write_sdmx_csv",
    "write_sdmx_csv_labels",
    "write_structure",
]

# No ``read`` for the data formats: observations without a stated period are left out of
# SDMX, so a round trip cannot return every observation; the tests read the messages back
# with pysdmx and sdmx1 instead.
EXPORTERS = (
    Exporter(
        "sdmx-csv", "SDMX-CSV 2.0 message, codes only (read it with sdmx-structure)", write_sdmx_csv, suffix=".csv"
    ),
    Exporter(
        "sdmx-csv-labels",
        "SDMX-CSV 2.0 message with English labels (labels=both), for people",
        write_sdmx_csv_labels,
        suffix=".csv",
    ),
    Exporter(
        "sdmx-structure",
        "SDMX-ML 3.0 structure: code lists, concepts, data structure definition and dataflow",
        write_structure,
        suffix=".xml",
    ),
)


@hookimpl
def county_data_exporters(context: PluginContext) -> Iterator[Exporter]:
    yield from EXPORTERS
