"""The committed datapackages/liuyang is the golden output of this plugin."""

from pathlib import Path

import pytest

import county_data

COMMITTED = Path(__file__).resolve().parents[3] / "datapackages" / "liuyang"


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not COMMITTED.is_dir(), reason="not inside the county_data repository")
def test_rebuild_equals_committed_package(tmp_path: Path, county_data_registry: object) -> None:
    out = county_data.build("liuyang", tmp_path / "liuyang", registry=county_data_registry)
    assert tree_bytes(out) == tree_bytes(COMMITTED)


@pytest.mark.skipif(not COMMITTED.is_dir(), reason="not inside the county_data repository")
def test_committed_package_ships_no_source_text() -> None:
    assert sorted(tree_bytes(COMMITTED)) == [
        ".county-data",
        "data/counties.csv",
        "data/honours.csv",
        "data/mentions.csv",
        "data/metrics.csv",
        "data/observations.csv",
        "data/sources.csv",
        "datapackage.json",
        "dataset.jsonld",
        "dcat.ttl",
    ]
