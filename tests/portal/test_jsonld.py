"""dataset.jsonld has what dataset search engines require, with values checked by hand."""

from __future__ import annotations

import json

import pytest

from core_paths import ROOT

PACKAGES = ROOT / "datapackages"
REQUIRED = (
    "name",
    "description",
    "url",
    "identifier",
    "creator",
    "license",
    "spatialCoverage",
    "temporalCoverage",
    "variableMeasured",
    "distribution",
)


def record(slug: str) -> dict:
    return json.loads((PACKAGES / slug / "dataset.jsonld").read_text(encoding="utf-8"))


@pytest.mark.parametrize("slug", ["shangli", "liuyang"])
def test_jsonld_is_a_schema_org_dataset_with_every_required_field(slug: str) -> None:
    document = record(slug)
    assert (document["@context"], document["@type"]) == ("https://schema.org/", "Dataset")
    assert all(document.get(field) for field in REQUIRED), [f for f in REQUIRED if not document.get(f)]
    assert 50 <= len(document["description"]) <= 5000  # Google Dataset Search's bounds
    assert document["creator"]["@type"] in ("Organization", "Person") and document["creator"]["name"]
    assert document["license"].startswith("https://creativecommons.org/licenses/by/4.0")


@pytest.mark.parametrize(
    ("slug", "code", "period"),
    [("shangli", "360322", "2020-01-01/2025-12-31"), ("liuyang", "430181", "2021-01-01/2025-12-31")],
)
def test_coverage_names_the_county_by_its_code_and_the_years_observed(slug: str, code: str, period: str) -> None:
    document = record(slug)
    assert document["spatialCoverage"]["identifier"]["value"] == code
    assert document["temporalCoverage"] == period


def test_every_metric_is_a_variable_and_every_file_downloadable() -> None:
    import csv

    document = record("shangli")
    with (PACKAGES / "shangli" / "data" / "metrics.csv").open(encoding="utf-8", newline="") as handle:
        metrics = {row["metric_id"] for row in csv.DictReader(handle)}
    assert {v["propertyID"] for v in document["variableMeasured"]} == metrics
    urls = {d["contentUrl"].rsplit("/shangli/", 1)[1]: d["encodingFormat"] for d in document["distribution"]}
    assert urls["data/observations.csv"] == "text/csv" and urls["datapackage.json"] == "application/json"
    assert urls["sources/000_785c74f41207e478.txt"] == "text/plain"
