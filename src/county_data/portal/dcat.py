"""A DCAT-AP 3 record of a package in Turtle, made with rdflib: what EU-style portals harvest.

Every node is an IRI (no blank nodes), so rdflib serialises the same graph to the
same bytes on every build. Download URLs are ``base_url`` + county slug + path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from county_data.catalogue.county import County
from county_data.portal import project
from county_data.portal.facts import FILE_TYPES, PackageFile, package_files, temporal_coverage

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
THEMES = {"ECON": "Economy and finance", "REGI": "Regions and cities"}
LANGUAGES = ("ZHO", "ENG")


def dcat_turtle(
    county: County, descriptor: Mapping[str, Any], descriptor_bytes: bytes, periods: list[str], base_url: str
) -> bytes:
    """The record as Turtle bytes (UTF-8, LF, final newline)."""
    graph = dcat_graph(county, descriptor, descriptor_bytes, periods, base_url)
    return graph.serialize(format="turtle").rstrip("\n").encode("utf-8") + b"\n"


def dcat_graph(
    county: County, descriptor: Mapping[str, Any], descriptor_bytes: bytes, periods: list[str], base_url: str
) -> Graph:
    from rdflib import Graph, URIRef

    graph = Graph(bind_namespaces="core")
    for prefix, uri in PREFIXES.items():
        graph.bind(prefix, uri)
    dataset = URIRef(project.package_url(county, base_url))
    _describe_dataset(graph, dataset, county, descriptor)
    _add_agents(graph, dataset)
    _add_coverage(graph, dataset, county, periods)
    for item in package_files(descriptor, descriptor_bytes):
        _add_distribution(graph, dataset, item, descriptor, base_url, county)
    return graph


PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "spdx": "http://spdx.org/rdf/terms#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _ns(*prefixes: str) -> tuple[Any, ...]:
    """Open rdflib namespaces (rdflib's own DCAT lacks DCAT 3 terms such as dcat:version)."""
    from rdflib import Namespace

    return tuple(Namespace(PREFIXES[prefix]) for prefix in prefixes)


def _describe_dataset(graph: Graph, dataset: URIRef, county: County, descriptor: Mapping[str, Any]) -> None:
    from rdflib import RDF, Literal, URIRef

    DCAT, DCTERMS, FOAF, SKOS, XSD = _ns("dcat", "dct", "foaf", "skos", "xsd")

    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(descriptor["title"])))
    graph.add((dataset, DCTERMS.description, Literal(descriptor["description"], lang="en")))
    graph.add((dataset, DCTERMS.identifier, Literal(descriptor["id"])))
    graph.add((dataset, DCAT.version, Literal(descriptor["version"])))
    for keyword in descriptor["keywords"]:
        graph.add((dataset, DCAT.keyword, Literal(keyword)))
    if descriptor.get("created"):
        graph.add((dataset, DCTERMS.issued, Literal(descriptor["created"][:10], datatype=XSD.date)))
    landing = URIRef(descriptor["homepage"])
    graph.add((dataset, DCAT.landingPage, landing))
    graph.add((landing, RDF.type, FOAF.Document))
    public = URIRef(f"{EU}access-right/PUBLIC")
    graph.add((dataset, DCTERMS.accessRights, public))
    graph.add((public, RDF.type, DCTERMS.RightsStatement))
    for code, label in THEMES.items():
        theme = URIRef(f"{EU}data-theme/{code}")
        graph.add((dataset, DCAT.theme, theme))
        graph.add((theme, RDF.type, SKOS.Concept))
        graph.add((theme, SKOS.prefLabel, Literal(label, lang="en")))
    for code in LANGUAGES:
        language = URIRef(f"{EU}language/{code}")
        graph.add((dataset, DCTERMS.language, language))
        graph.add((language, RDF.type, DCTERMS.LinguisticSystem))


def _add_agents(graph: Graph, dataset: URIRef) -> None:
    from rdflib import RDF, Literal, URIRef

    DCAT, DCTERMS, FOAF, VCARD = _ns("dcat", "dct", "foaf", "vcard")

    agent = URIRef(project.HOMEPAGE)
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal(project.PUBLISHER)))
    graph.add((dataset, DCTERMS.publisher, agent))
    graph.add((dataset, DCTERMS.creator, agent))
    contact = URIRef(f"{project.HOMEPAGE}#contact")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, RDF.type, VCARD.Kind))
    graph.add((contact, VCARD.fn, Literal(project.PUBLISHER)))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{project.CONTACT_EMAIL}")))
    graph.add((dataset, DCAT.contactPoint, contact))


def _add_coverage(graph: Graph, dataset: URIRef, county: County, periods: list[str]) -> None:
    from rdflib import RDF, Literal, URIRef

    DCAT, DCTERMS, SKOS, XSD = _ns("dcat", "dct", "skos", "xsd")

    place = URIRef(f"{dataset}#spatial")
    graph.add((dataset, DCTERMS.spatial, place))
    graph.add((place, RDF.type, DCTERMS.Location))
    graph.add((place, SKOS.prefLabel, Literal(county.name_zh, lang="zh")))
    graph.add((place, SKOS.prefLabel, Literal(county.name_en, lang="en")))
    graph.add((place, SKOS.notation, Literal(county.code)))
    graph.add((place, DCTERMS.identifier, Literal(f"GB/T 2260 {county.code}")))
    coverage = temporal_coverage(periods)
    if coverage is None:
        return
    period = URIRef(f"{dataset}#temporal")
    graph.add((dataset, DCTERMS.temporal, period))
    graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((period, DCAT.startDate, Literal(coverage[0], datatype=XSD.date)))
    graph.add((period, DCAT.endDate, Literal(coverage[1], datatype=XSD.date)))


def _add_distribution(
    graph: Graph, dataset: URIRef, item: PackageFile, descriptor: Mapping[str, Any], base_url: str, county: County
) -> None:
    from rdflib import RDF, RDFS, Literal, URIRef

    DCAT, DCTERMS, XSD = _ns("dcat", "dct", "xsd")

    spdx = "http://spdx.org/rdf/terms#"
    distribution = URIRef(f"{dataset}#{item.name}")
    url = URIRef(project.package_url(county, base_url) + item.path)
    graph.add((dataset, DCAT.distribution, distribution))
    graph.add((distribution, RDF.type, DCAT.Distribution))
    graph.add((distribution, DCTERMS.title, Literal(item.title)))
    graph.add((distribution, DCAT.accessURL, url))
    graph.add((distribution, DCAT.downloadURL, url))
    graph.add((url, RDF.type, RDFS.Resource))
    media = URIRef(IANA + item.mediatype)
    graph.add((distribution, DCAT.mediaType, media))
    graph.add((media, RDF.type, DCTERMS.MediaType))
    file_type = URIRef(f"{EU}file-type/{FILE_TYPES[item.mediatype]}")
    graph.add((distribution, DCTERMS["format"], file_type))
    graph.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
    graph.add((distribution, DCAT.byteSize, Literal(item.size, datatype=XSD.nonNegativeInteger)))
    checksum = URIRef(f"{dataset}#{item.name}-sha256")
    algorithm = URIRef(f"{spdx}checksumAlgorithm_sha256")
    graph.add((distribution, URIRef(f"{spdx}checksum"), checksum))
    graph.add((checksum, RDF.type, URIRef(f"{spdx}Checksum")))
    graph.add((checksum, URIRef(f"{spdx}algorithm"), algorithm))
    graph.add((algorithm, RDF.type, URIRef(f"{spdx}ChecksumAlgorithm")))
    graph.add((checksum, URIRef(f"{spdx}checksumValue"), Literal(item.sha256, datatype=XSD.hexBinary)))
    _add_terms(graph, distribution, item, descriptor)


def _add_terms(graph: Graph, distribution: URIRef, item: PackageFile, descriptor: Mapping[str, Any]) -> None:
    """The package licence, or for someone else's text its own rights statement."""
    from rdflib import RDF, RDFS, Literal, URIRef

    (DCTERMS,) = _ns("dct")

    if item.rights:
        rights = URIRef(f"{distribution}-rights")
        graph.add((distribution, DCTERMS.rights, rights))
        graph.add((rights, RDF.type, DCTERMS.RightsStatement))
        graph.add((rights, RDFS.label, Literal(item.rights)))
        return
    licence = URIRef(descriptor["licenses"][0]["path"])
    graph.add((distribution, DCTERMS.license, licence))
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
