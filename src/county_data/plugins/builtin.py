"""The built-in plugin: Shangli, the shared metric catalogue and the standard exporters.

Registered through the same hooks as any third-party plugin.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from county_data.catalogue.core import core_metrics
from county_data.catalogue.county import County, read_county
from county_data.catalogue.metric import Metric, read_metrics
from county_data.exporters.formats import BUILTIN_EXPORTERS, Exporter
from county_data.plugins.hookspecs import hookimpl
from county_data.plugins.types import PluginContext

PACKAGE_ROOT = Path(__file__).parents[1]


@hookimpl
def county_data_counties(context: PluginContext) -> Iterator[County]:
    yield read_county(PACKAGE_ROOT / "counties" / "shangli")


@hookimpl
def county_data_metrics(context: PluginContext) -> Iterator[Metric]:
    yield from core_metrics()
    yield from read_metrics(PACKAGE_ROOT / "counties" / "shangli" / "metrics.yaml")


@hookimpl
def county_data_exporters(context: PluginContext) -> Iterator[Exporter]:
    yield from BUILTIN_EXPORTERS
