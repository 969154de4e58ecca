"""The built-in plugin: Shangli, the shared metric catalogue and the standard exporters.

Registered through the same hooks as any third-party plugin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .county import County, read_county
from .exporters import BUILTIN_EXPORTERS, Exporter
from .hookspecs import hookimpl
from .metric import Metric, read_metrics
from .plugin_types import PluginContext

HERE = Path(__file__).parent


@hookimpl
def county_data_counties(context: PluginContext) -> Iterator[County]:
    yield read_county(HERE / "counties" / "shangli")


@hookimpl
def county_data_metrics(context: PluginContext) -> Iterator[Metric]:
    yield from read_metrics(HERE / "data" / "metrics.yaml")


@hookimpl
def county_data_exporters(context: PluginContext) -> Iterator[Exporter]:
    yield from BUILTIN_EXPORTERS
