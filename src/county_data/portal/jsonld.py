"""A schema.org ``Dataset`` in JSON-LD: what dataset search engines index."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from county_data.catalogue.county import County
from county_data.portal import project
from county_data.portal.facts import package_files, temporal_coverage


def dataset_jsonld(
    county: County,
    descriptor: Mapping[str, Any],
    descriptor_bytes: bytes,
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
    base_url: str,
) -> dict[str, Any]:
    url = project.package_url(county, base_url)
    document: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": url,
        "name": descriptor["title"],
        "description": descriptor["description"],
        "url": url,
        "sameAs": descriptor["homepage"],
        "identifier": descriptor["id"],
        "version": descriptor["version"],
        "keywords": descriptor["keywords"],
        "inLanguage": ["zh-Hans", "en"],
        "isAccessibleForFree": True,
        "license": descriptor["licenses"][0]["path"],
        "creator": _organisation(),
        "publisher": _organisation(),
        "spatialCoverage": _place(county),
    }
    coverage = temporal_coverage([str(row["period"]) for row in rows["observations"]])
    if coverage:
        document["temporalCoverage"] = f"{coverage[0]}/{coverage[1]}"
    if descriptor.get("created"):
        document["dateCreated"] = descriptor["created"][:10]
    document["variableMeasured"] = [_variable(metric) for metric in rows["metrics"]]
    document["citation"] = [_source(source) for source in descriptor["sources"]]
    document["distribution"] = [
        {
            "@type": "DataDownload",
            "name": item.title,
            "contentUrl": url + item.path,
            "encodingFormat": item.mediatype,
            "contentSize": f"{item.size} B",
            "sha256": item.sha256,
        }
        for item in package_files(descriptor, descriptor_bytes)
    ]
    return document


def _organisation() -> dict[str, str]:
    return {"@type": "Organization", "name": project.PUBLISHER, "url": project.HOMEPAGE, "email": project.CONTACT_EMAIL}


def _place(county: County) -> dict[str, Any]:
    return {
        "@type": "AdministrativeArea",
        "name": f"{county.name_en} ({county.name_zh}), {county.prefecture_en}, {county.province_en}, China",
        "identifier": {"@type": "PropertyValue", "propertyID": "GB/T 2260", "value": county.code},
    }


def _variable(metric: Mapping[Any, Any]) -> dict[str, Any]:
    return {
        "@type": "PropertyValue",
        "propertyID": metric["metric_id"],
        "name": metric["label_en"],
        "alternateName": metric["label_zh"],
        "description": metric["definition"],
        "unitText": metric["unit"],
    }


def _source(source: Mapping[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source["title"]}
    for key, field in (("path", "url"), ("author", "author"), ("outlet", "publisher"), ("published", "datePublished")):
        if source.get(key):
            work[field] = source[key]
    return work
