"""county_data: Chinese county development reports as validated data packages.

Importing the package is cheap: pandas, pandera, frictionless and pluggy load
on first use of the names that need them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

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

__version__ = "0.1.0"

_LAZY = {
    "load": "api",
    "counties": "api",
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
    "PluginContext": "plugins.types",
}

__all__ = [
    "AnnotationError",
    "CatalogueError",
    "CountyDataError",
    "ExportError",
    "PackageError",
    "PluginError",
    "Problem",
    "QuantityParseError",
    "SchemaError",
    "SourceError",
    "UnknownCountyError",
    "__version__",
    *_LAZY,
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
