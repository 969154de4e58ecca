"""Catalogue records for data portals: DCAT-AP 3 (Turtle) and schema.org Dataset (JSON-LD)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from county_data.catalogue.county import County

#: The files ``county-data build`` writes beside datapackage.json.
RECORD_FILES = ("dcat.ttl", "dataset.jsonld")


def catalogue_files(
    county: County, rows: Mapping[str, Sequence[Mapping[str, Any]]], files: Mapping[str, bytes], base_url: str = ""
) -> dict[str, bytes]:
    """dcat.ttl and dataset.jsonld of a package whose other files (datapackage.json too) are ``files``
    and whose tables have ``rows``.

    Download URLs are ``base_url`` + ``<slug>/`` + path (default: the project's ``datapackages/`` folder).
    """
    from county_data.package.files import json_bytes
    from county_data.portal import project
    from county_data.portal.dcat import dcat_turtle
    from county_data.portal.jsonld import dataset_jsonld

    descriptor_bytes = files["datapackage.json"]
    descriptor = json.loads(descriptor_bytes)
    periods = [str(row["period"]) for row in rows["observations"]]
    base = base_url or project.BASE_URL
    return {
        "dcat.ttl": dcat_turtle(county, descriptor, descriptor_bytes, periods, base),
        "dataset.jsonld": json_bytes(dataset_jsonld(county, descriptor, descriptor_bytes, rows, base)),
    }
