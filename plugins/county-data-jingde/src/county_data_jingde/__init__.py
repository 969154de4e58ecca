"""county_data plugin: 旌德县 (jingde), its own metrics and the text its figures are read from."""

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
