"""Credit, rights and dates in the descriptors: expected values read by hand from county.yaml."""

import json
from pathlib import Path

import pytest

from core_paths import ROOT

PACKAGES = ROOT / "datapackages"


def descriptor(slug: str) -> dict:
    return json.loads((PACKAGES / slug / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("slug", ["shangli", "liuyang"])
def test_the_project_is_the_only_contributor_creator_and_publisher_with_a_contact(slug: str) -> None:
    (project,) = descriptor(slug)["contributors"]
    assert {"creator", "publisher"} <= set(project["roles"])
    assert "@" in project["email"] and project["path"].startswith("https://")


@pytest.mark.parametrize(("slug", "authors"), [("shangli", {"钟进文"}), ("liuyang", {"刘孟娟", "唐小晴"})])
def test_source_authors_are_credited_in_sources_not_as_package_authors(slug: str, authors: set[str]) -> None:
    package = descriptor(slug)
    contributors = json.dumps(package["contributors"], ensure_ascii=False)
    assert not any(author in contributors for author in authors)
    assert {source["author"] for source in package["sources"] if "author" in source} == authors


def test_the_shipped_article_has_its_own_rights_not_the_package_licence() -> None:
    package = descriptor("shangli")
    (text,) = [resource for resource in package["resources"] if resource["path"].startswith("sources/")]
    (rights,) = text["licenses"]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert rights["name"] == "other-closed"
    assert "钟进文" in rights["title"] and "上栗县委宣传部" in rights["title"]
    assert text["sources"][0]["sha256"] == "45be416957698b3c1e019ab83bdaa4d7843e0f9d2b3eb5f6eb83fa672e379433"


def test_tables_keep_the_package_licence() -> None:
    tables = [r for r in descriptor("shangli")["resources"] if r.get("type") == "table"]
    assert len(tables) == 6 and not any("licenses" in table for table in tables)


def test_created_is_the_newest_source_date_never_the_clock() -> None:
    # liuyang's sources are dated 2025-11-28, 2025-11-29 and 2025-02-12; shangli's is undated.
    assert descriptor("liuyang")["created"] == "2025-11-29T00:00:00+08:00"
    assert "created" not in descriptor("shangli")


def test_published_is_a_date_where_known_and_absent_where_not() -> None:
    assert [s.get("published") for s in descriptor("liuyang")["sources"]] == ["2025-11-28", "2025-11-29", "2025-02-12"]
    assert "published" not in descriptor("shangli")["sources"][0]


@pytest.mark.parametrize("slug", ["shangli", "liuyang"])
def test_id_and_homepage_are_urls_and_ids_differ(slug: str) -> None:
    package = descriptor(slug)
    assert package["homepage"].startswith("https://") and package["id"].startswith("https://")
    assert package["id"].endswith(f"/{slug}")


def test_descriptors_pass_the_data_package_v2_profile(tmp_path: Path) -> None:
    import frictionless

    for slug in ("shangli", "liuyang"):
        report = frictionless.validate(str(PACKAGES / slug / "datapackage.json"))
        assert report.valid, report.flatten(["type", "message"])
