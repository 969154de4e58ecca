"""Our Turtle writer writes the bytes rdflib's serialiser writes for the same graph.

The oracle is rdflib itself, given the same triples and prefixes.
"""

from __future__ import annotations

import json

import pytest

from county_data.api import assemble_county
from county_data.plugins.registry import load_registry
from county_data.portal.dcat import PREFIXES, dcat_triples
from county_data.portal.project import BASE_URL
from county_data.portal.turtle import RDF_TYPE, Literal, Triple, turtle

EX = "http://example.org/"
DCT = PREFIXES["dct"]


def rdflib_turtle(triples: list[Triple]) -> str:
    import rdflib

    graph = rdflib.Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for subject, predicate, obj in triples:
        if isinstance(obj, Literal):
            datatype = rdflib.URIRef(obj.datatype) if obj.datatype else None
            node: rdflib.term.Node = rdflib.Literal(obj.text, lang=obj.lang or None, datatype=datatype)
        else:
            node = rdflib.URIRef(obj)
        graph.add((rdflib.URIRef(subject), rdflib.URIRef(predicate), node))
    return graph.serialize(format="turtle").rstrip("\n") + "\n"


def test_the_shipped_record_is_what_rdflib_writes() -> None:
    assembled = assemble_county("shangli", registry=load_registry(entry_points=False))
    descriptor_bytes = assembled.files["datapackage.json"]
    periods = [str(period) for period in assembled.frames["observations"]["period"]]
    triples = dcat_triples(assembled.county, json.loads(descriptor_bytes), descriptor_bytes, periods, BASE_URL)
    assert turtle(triples, PREFIXES) == rdflib_turtle(triples)
    assert turtle(triples, PREFIXES).encode("utf-8") == assembled.files["dcat.ttl"]


@pytest.mark.parametrize(
    "text",
    [
        'a "quoted" title',
        "back\\slash",
        "carriage\rreturn",
        "two\nlines",
        'two\nlines ending in a quote"',
        'three """ quotes\nand a line',
        "上栗县 · 花炮",
        "",
    ],
)
def test_literals_are_quoted_as_rdflib_quotes_them(text: str) -> None:
    triples: list[Triple] = [(EX + "s", DCT + "title", Literal(text))]
    assert turtle(triples, PREFIXES) == rdflib_turtle(triples)


def test_subjects_predicates_and_objects_are_ordered_as_rdflib_orders_them() -> None:
    triples: list[Triple] = [
        (EX + "b", DCT + "title", Literal("B")),
        (EX + "a", DCT + "relation", EX + "b"),
        (EX + "a", DCT + "relation", EX + "c"),
        (EX + "c", DCT + "relation", EX + "b"),
        (EX + "a", RDF_TYPE, DCT + "Location"),
        (EX + "a", RDF_TYPE, DCT + "Agent"),
        (EX + "a", PREFIXES["rdfs"] + "label", Literal("label")),
        (EX + "a", PREFIXES["skos"] + "prefLabel", Literal("上栗县", lang="zh")),
        (EX + "a", PREFIXES["skos"] + "prefLabel", Literal("Shangli", lang="en")),
        (EX + "a", PREFIXES["skos"] + "prefLabel", Literal("plain")),
        (EX + "a", DCT + "issued", Literal("2024-01-01", datatype=PREFIXES["xsd"] + "date")),
        (EX + "a", DCT + "extent", Literal("12", datatype=PREFIXES["xsd"] + "nonNegativeInteger")),
        (EX + "a", DCT + "Zeta", Literal("capital sorts first")),
        (EX + "a", DCT + "source", "mailto:someone@example.org"),
        (EX + "a", DCT + "title", Literal("A")),
        (EX + "a", DCT + "title", Literal("A")),  # a repeated triple is one triple
    ]
    assert turtle(triples, PREFIXES) == rdflib_turtle(triples)


@pytest.mark.parametrize(
    "iri",
    [
        DCT + "Location",
        PREFIXES["spdx"] + "checksumAlgorithm_sha256",
        PREFIXES["rdfs"] + "Resource",
        DCT + "with-dash",
        DCT + "sub/path",
        DCT + "9starts-with-a-digit",
        DCT + "v1.0",
        DCT + "ends-with-a-dot.",
        DCT + "-starts-with-a-dash",
        DCT + "上栗",
        DCT,
        "https://github.com/county-data/county_data#contact",
        "http://publications.europa.eu/resource/authority/file-type/CSV",
    ],
)
def test_iris_are_shortened_where_rdflib_shortens_them(iri: str) -> None:
    triples: list[Triple] = [(EX + "s", DCT + "relation", iri)]
    assert turtle(triples, PREFIXES) == rdflib_turtle(triples)


@pytest.mark.parametrize("local", ["a%20b", "a(b)", "a:b"])
def test_iris_it_does_not_shorten_are_written_whole_and_read_back_the_same(local: str) -> None:
    import rdflib
    from rdflib.compare import isomorphic

    triples: list[Triple] = [(EX + "s", DCT + "relation", DCT + local)]
    ours = rdflib.Graph().parse(data=turtle(triples, PREFIXES), format="turtle")
    assert f"<{DCT}{local}>" in turtle(triples, PREFIXES)
    assert isomorphic(ours, rdflib.Graph().parse(data=rdflib_turtle(triples), format="turtle"))
