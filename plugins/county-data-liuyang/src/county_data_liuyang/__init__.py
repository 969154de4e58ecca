"""county_data plugin: 浏阳市 (Liuyang), its metrics, and citations of the texts it is read from.

The texts themselves are other people's writing and are not shipped: each
source carries its URL, sha256 and size, each figure its quote and offsets.
``county-data verify liuyang --sources DIR`` re-checks them against your copies.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from county_data import County, Metric, PluginContext, hookimpl, read_county, read_metrics

HERE = Path(__file__).parent


@hookimpl
def county_data_counties(context: PluginContext) -> Iterator[County]:
    yield read_county(HERE)


@hookimpl
def county_data_metrics(context: PluginContext) -> Iterator[Metric]:
    yield from read_metrics(HERE / "metrics.yaml")
