"""dcat.ttl conforms to the official DCAT-AP 3 shapes and says what a portal needs; checked by pySHACL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from core_paths import ROOT
from county_data.output import MARKER

PACKAGES = ROOT / "datapackages"
SHAPES = Path(__file__).with_name("dcat-ap-3.0.0-shacl.ttl")
SHARED_SHAPES = ROOT.parent / "shared" / "reference" / "dcat-ap-3.0.0-shacl.ttl"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
# By hand from the observations: shangli has periods 2020, 2024 and 2021/2025; liuyang 2021/2025 … 2025.
COVERAGE = {"shangli": ("360322", "2020-01-01", "2025-12-31"), "liuyang": ("430181", "2021-01-01", "2025-12-31")}


def graph(slug: str) -> object:
    import rdflib

    return rdflib.Graph().parse(PACKAGES / slug / "dcat.ttl", format="turtle")


@pytest.mark.skipif(not SHARED_SHAPES.is_file(), reason="../shared/reference is not here")
def test_the_carried_shapes_are_the_shared_reference_copy() -> None:
    assert SHAPES.read_bytes() == SHARED_SHAPES.read_bytes()


@pytest.mark.parametrize("slug", ["shangli", "liuyang"])
def test_dcat_conforms_to_the_dcat_ap_3_shapes(slug: str) -> None:
    import pyshacl
    import rdflib

    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(graph(slug), shacl_graph=shapes, inference="none")
    assert conforms, text


def test_the_shapes_catch_a_record_without_a_title() -> None:
    import pyshacl
    import rdflib

    data = graph("shangli")
    data.remove((None, rdflib.URIRef(DCT + "title"), None))
    data.remove((None, rdflib.URIRef(DCAT + "accessURL"), None))
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert not conforms and "title" in text and "accessURL" in text


@pytest.mark.parametrize("slug", ["shangli", "liuyang"])
def test_spatial_and_temporal_coverage(slug: str) -> None:
    import rdflib

    data = graph(slug)
    code, start, end = COVERAGE[slug]
    notations = {str(o) for o in data.objects(None, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#notation"))}
    assert notations == {code}
    assert {str(o) for o in data.objects(None, rdflib.URIRef(DCAT + "startDate"))} == {start}
    assert {str(o) for o in data.objects(None, rdflib.URIRef(DCAT + "endDate"))} == {end}


@pytest.mark.parametrize("slug", ["shangli", "liuyang"])
def test_every_file_is_a_distribution_with_its_real_checksum_and_size(slug: str) -> None:
    import rdflib

    data = graph(slug)
    spdx = "http://spdx.org/rdf/terms#"
    found = {}
    for distribution in data.subjects(rdflib.RDF.type, rdflib.URIRef(DCAT + "Distribution")):
        url = str(data.value(distribution, rdflib.URIRef(DCAT + "downloadURL")))
        checksum = data.value(distribution, rdflib.URIRef(spdx + "checksum"))
        value = str(data.value(checksum, rdflib.URIRef(spdx + "checksumValue")))
        size = int(data.value(distribution, rdflib.URIRef(DCAT + "byteSize")))
        found[url.split(f"/datapackages/{slug}/", 1)[1]] = (value, size)
    on_disk = {
        str(p.relative_to(PACKAGES / slug)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size)
        for p in (PACKAGES / slug).rglob("*")
        if p.is_file() and p.name not in ("dcat.ttl", "dataset.jsonld", MARKER)
    }
    assert found == on_disk


def test_the_shipped_article_carries_its_rights_not_the_package_licence() -> None:
    import rdflib

    data = graph("shangli")
    (text,) = [
        d
        for d in data.subjects(rdflib.RDF.type, rdflib.URIRef(DCAT + "Distribution"))
        if str(data.value(d, rdflib.URIRef(DCAT + "downloadURL"))).endswith(".txt")
    ]
    assert data.value(text, rdflib.URIRef(DCT + "license")) is None
    rights = data.value(text, rdflib.URIRef(DCT + "rights"))
    assert "钟进文" in str(data.value(rights, rdflib.RDFS.label))


def test_download_urls_follow_the_base_url(tmp_path: Path) -> None:
    import rdflib

    from county_data.api import assemble_county
    from county_data.plugins.registry import load_registry

    registry = load_registry(entry_points=False)
    records = assemble_county("shangli", registry=registry, base_url="https://data.example.org/cd/").files
    (tmp_path / "dcat.ttl").write_bytes(records["dcat.ttl"])
    data = rdflib.Graph().parse(tmp_path / "dcat.ttl", format="turtle")
    urls = {str(url) for url in data.objects(None, rdflib.URIRef(DCAT + "downloadURL"))}
    assert "https://data.example.org/cd/shangli/data/observations.csv" in urls
    assert b"https://data.example.org/cd/shangli/data/observations.csv" in records["dataset.jsonld"]
