"""county_data: Chinese county development reports as validated data packages.

Importing the package is cheap: pandas, pandera, frictionless and pluggy load
on first use of the names that need them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from county_data.errors import (
    AnnotationError,
    CatalogueError,
    CountyDataError,
    ExportError,
    PackageError,
    PluginError,
    Problem,
    QuantityParseError,
    SchemaError,
    SourceError,
    UnknownCountyError,
)

if TYPE_CHECKING:  # the lazy names below, typed for type checkers (at run time __getattr__ loads them)
    from county_data.api import announced_counties, build, counties, export, get_county, load, verify
    from county_data.catalogue.core import metrics
    from county_data.catalogue.county import County, read_county
    from county_data.catalogue.metric import Metric, read_metrics
    from county_data.exporters.formats import ExportData, Exporter, neutralise
    from county_data.plugins.announced import CountyRef, announce_county
    from county_data.plugins.hookspecs import hookimpl
    from county_data.plugins.types import PluginContext
    from county_data.quantity import Quantity, extract_quantities, parse_quantity
    from county_data.quantity.tables import TableCell, extract_table_cells
    from county_data.source.frozen import Section, Source

__version__ = "0.1.0"

_LAZY = {
    "load": "api",
    "counties": "api",
    "announced_counties": "api",
    "get_county": "api",
    "build": "api",
    "export": "api",
    "verify": "api",
    "parse_quantity": "quantity",
    "extract_quantities": "quantity",
    "Quantity": "quantity",
    "extract_table_cells": "quantity.tables",
    "TableCell": "quantity.tables",
    "County": "catalogue.county",
    "read_county": "catalogue.county",
    "Metric": "catalogue.metric",
    "metrics": "catalogue.core",
    "read_metrics": "catalogue.metric",
    "Source": "source.frozen",
    "Section": "source.frozen",
    "Exporter": "exporters.formats",
    "ExportData": "exporters.formats",
    "neutralise": "exporters.formats",
    "hookimpl": "plugins.hookspecs",
    "CountyRef": "plugins.announced",
    "announce_county": "plugins.announced",
    "PluginContext": "plugins.types",
}

__all__ = [  # a literal list, so that type checkers see what is exported
    "AnnotationError",
    "CatalogueError",
    "County",
    "CountyDataError",
    "CountyRef",
    "ExportData",
    "ExportError",
    "Exporter",
    "Metric",
    "PackageError",
    "PluginContext",
    "PluginError",
    "Problem",
    "Quantity",
    "QuantityParseError",
    "SchemaError",
    "Section",
    "Source",
    "SourceError",
    "TableCell",
    "UnknownCountyError",
    "__version__",
    "announce_county",
    "announced_counties",
    "build",
    "counties",
    "export",
    "extract_quantities",
    "extract_table_cells",
    "get_county",
    "hookimpl",
    "load",
    "metrics",
    "neutralise",
    "parse_quantity",
    "read_county",
    "read_metrics",
    "verify",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'county_data' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
