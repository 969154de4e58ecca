"""The hooks a county_data plugin can implement.

Each hook takes a :class:`~county_data.plugins.types.PluginContext` and returns
(or yields) an iterable of small typed records. Implement them with
``@county_data.hookimpl`` in a module registered under the ``county_data``
entry-point group. See docs/plugin_hooks.md for examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from county_data.catalogue.county import County
    from county_data.catalogue.metric import Metric
    from county_data.exporters.formats import Exporter
    from county_data.plugins.announced import CountyRef
    from county_data.plugins.types import PluginContext

PROJECT = "county_data"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def county_data_counties(context: PluginContext) -> Iterable[County | CountyRef]:
    """Counties this plugin provides, as :class:`county_data.County` records read already, or as
    :class:`county_data.CountyRef` announcements whose full record is read on first use."""
    raise NotImplementedError  # a specification: pluggy calls the implementations, never this


@hookspec
def county_data_metrics(context: PluginContext) -> Iterable[Metric]:
    """Metric catalogue entries this plugin adds, as :class:`county_data.Metric` records."""
    raise NotImplementedError  # a specification: pluggy calls the implementations, never this


@hookspec
def county_data_exporters(context: PluginContext) -> Iterable[Exporter]:
    """Export formats this plugin adds, as :class:`county_data.Exporter` records."""
    raise NotImplementedError  # a specification: pluggy calls the implementations, never this
