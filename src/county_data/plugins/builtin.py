"""The built-in plugins: the shared metric catalogue and standard exporters, and the Shangli county.

Registered through the same hooks as any third-party plugin. They are two plugins so that
Shangli can be disabled like any county (``COUNTY_DATA_DISABLE_PLUGINS=county_data.shangli``)
when an installed plugin provides its own; the catalogue and exporters every county relies on
cannot be disabled.
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
def county_data_metrics(context: PluginContext) -> Iterator[Metric]:
    yield from core_metrics()


@hookimpl
def county_data_exporters(context: PluginContext) -> Iterator[Exporter]:
    yield from BUILTIN_EXPORTERS


class ShangliCounty:
    """The built-in county, 上栗县."""

    @hookimpl
    def county_data_counties(self, context: PluginContext) -> Iterator[County]:
        yield read_county(PACKAGE_ROOT / "counties" / "shangli")

    @hookimpl
    def county_data_metrics(self, context: PluginContext) -> Iterator[Metric]:
        """Metrics of Shangli alone (the fireworks industry), under the namespace ``shangli.``."""
        yield from read_metrics(PACKAGE_ROOT / "counties" / "shangli" / "metrics.yaml")
