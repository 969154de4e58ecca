"""A DCAT-AP 3 record of a package in Turtle: what EU-style portals harvest.

Every node is an IRI (no blank nodes), so the same record is the same bytes on every
build; :mod:`county_data.portal.turtle` writes them as rdflib would. Download URLs are
``base_url`` + county slug + path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from county_data.catalogue.county import County
from county_data.portal import project
from county_data.portal.facts import FILE_TYPES, PackageFile, package_files, temporal_coverage
from county_data.portal.turtle import RDF_TYPE, Literal, Triple, turtle

EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
THEMES = {"ECON": "Economy and finance", "REGI": "Regions and cities"}
LANGUAGES = ("ZHO", "ENG")


def dcat_turtle(
    county: County, descriptor: Mapping[str, Any], descriptor_bytes: bytes, periods: list[str], base_url: str
) -> bytes:
    """The record as Turtle bytes (UTF-8, LF, final newline)."""
    triples = dcat_triples(county, descriptor, descriptor_bytes, periods, base_url)
    return turtle(triples, PREFIXES).encode("utf-8")


def dcat_triples(
    county: County, descriptor: Mapping[str, Any], descriptor_bytes: bytes, periods: list[str], base_url: str
) -> list[Triple]:
    dataset = project.package_url(county, base_url)
    triples = _dataset(dataset, descriptor) + _agents(dataset) + _coverage(dataset, county, periods)
    for item in package_files(descriptor, descriptor_bytes):
        triples += _distribution(dataset, item, descriptor, base_url, county)
    return triples


#: the prefixes rdflib binds by default ("core") and ours
PREFIXES = {
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "spdx": "http://spdx.org/rdf/terms#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DCAT, DCT, FOAF, VCARD, SPDX, SKOS, XSD, RDFS = (
    PREFIXES[p] for p in ("dcat", "dct", "foaf", "vcard", "spdx", "skos", "xsd", "rdfs")
)
A = RDF_TYPE


def _dataset(dataset: str, descriptor: Mapping[str, Any]) -> list[Triple]:
    triples: list[Triple] = [
        (dataset, A, DCAT + "Dataset"),
        (dataset, DCT + "title", Literal(descriptor["title"])),
        (dataset, DCT + "description", Literal(descriptor["description"], lang="en")),
        (dataset, DCT + "identifier", Literal(descriptor["id"])),
        (dataset, DCAT + "version", Literal(descriptor["version"])),
    ]
    triples += [(dataset, DCAT + "keyword", Literal(keyword)) for keyword in descriptor["keywords"]]
    if descriptor.get("created"):
        triples.append((dataset, DCT + "issued", Literal(descriptor["created"][:10], datatype=XSD + "date")))
    landing, public = descriptor["homepage"], f"{EU}access-right/PUBLIC"
    triples += [
        (dataset, DCAT + "landingPage", landing),
        (landing, A, FOAF + "Document"),
        (dataset, DCT + "accessRights", public),
        (public, A, DCT + "RightsStatement"),
    ]
    for code, label in THEMES.items():
        theme = f"{EU}data-theme/{code}"
        triples += [(dataset, DCAT + "theme", theme), (theme, A, SKOS + "Concept")]
        triples.append((theme, SKOS + "prefLabel", Literal(label, lang="en")))
    for code in LANGUAGES:
        language = f"{EU}language/{code}"
        triples += [(dataset, DCT + "language", language), (language, A, DCT + "LinguisticSystem")]
    return triples


def _agents(dataset: str) -> list[Triple]:
    agent, contact = project.HOMEPAGE, f"{project.HOMEPAGE}#contact"
    return [
        (agent, A, FOAF + "Agent"),
        (agent, FOAF + "name", Literal(project.PUBLISHER)),
        (dataset, DCT + "publisher", agent),
        (dataset, DCT + "creator", agent),
        (contact, A, VCARD + "Organization"),
        (contact, A, VCARD + "Kind"),
        (contact, VCARD + "fn", Literal(project.PUBLISHER)),
        (contact, VCARD + "hasEmail", f"mailto:{project.CONTACT_EMAIL}"),
        (dataset, DCAT + "contactPoint", contact),
    ]


def _coverage(dataset: str, county: County, periods: list[str]) -> list[Triple]:
    place = f"{dataset}#spatial"
    triples: list[Triple] = [
        (dataset, DCT + "spatial", place),
        (place, A, DCT + "Location"),
        (place, SKOS + "prefLabel", Literal(county.name_zh, lang="zh")),
        (place, SKOS + "prefLabel", Literal(county.name_en, lang="en")),
        (place, SKOS + "notation", Literal(county.code)),
        (place, DCT + "identifier", Literal(f"GB/T 2260 {county.code}")),
    ]
    coverage = temporal_coverage(periods)
    if coverage is None:
        return triples
    period = f"{dataset}#temporal"
    triples += [
        (dataset, DCT + "temporal", period),
        (period, A, DCT + "PeriodOfTime"),
        (period, DCAT + "startDate", Literal(coverage[0], datatype=XSD + "date")),
        (period, DCAT + "endDate", Literal(coverage[1], datatype=XSD + "date")),
    ]
    return triples


def _distribution(
    dataset: str, item: PackageFile, descriptor: Mapping[str, Any], base_url: str, county: County
) -> list[Triple]:
    distribution = f"{dataset}#{item.name}"
    url = project.package_url(county, base_url) + item.path
    media = IANA + item.mediatype
    file_type = f"{EU}file-type/{FILE_TYPES[item.mediatype]}"
    checksum = f"{dataset}#{item.name}-sha256"
    algorithm = f"{SPDX}checksumAlgorithm_sha256"
    return [
        (dataset, DCAT + "distribution", distribution),
        (distribution, A, DCAT + "Distribution"),
        (distribution, DCT + "title", Literal(item.title)),
        (distribution, DCAT + "accessURL", url),
        (distribution, DCAT + "downloadURL", url),
        (url, A, RDFS + "Resource"),
        (distribution, DCAT + "mediaType", media),
        (media, A, DCT + "MediaType"),
        (distribution, DCT + "format", file_type),
        (file_type, A, DCT + "MediaTypeOrExtent"),
        (distribution, DCAT + "byteSize", Literal(str(item.size), datatype=XSD + "nonNegativeInteger")),
        (distribution, SPDX + "checksum", checksum),
        (checksum, A, SPDX + "Checksum"),
        (checksum, SPDX + "algorithm", algorithm),
        (algorithm, A, SPDX + "ChecksumAlgorithm"),
        (checksum, SPDX + "checksumValue", Literal(item.sha256, datatype=XSD + "hexBinary")),
        *_terms(distribution, item, descriptor),
    ]


def _terms(distribution: str, item: PackageFile, descriptor: Mapping[str, Any]) -> list[Triple]:
    """The package licence, or for someone else's text its own rights statement."""
    if item.rights:
        rights = f"{distribution}-rights"
        return [
            (distribution, DCT + "rights", rights),
            (rights, A, DCT + "RightsStatement"),
            (rights, RDFS + "label", Literal(item.rights)),
        ]
    licence = descriptor["licenses"][0]["path"]
    return [(distribution, DCT + "license", licence), (licence, A, DCT + "LicenseDocument")]
