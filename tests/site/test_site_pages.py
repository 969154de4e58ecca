"""The site as files: byte-identical builds, marks that give back the text, honest pages for texts not shipped.

Expected values come from the package files (csv module), the shipped text sliced
in Python, and the wording rules of the qualifiers worked out by hand.
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import re
import shutil
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core_paths import ROOT
from county_data.site.build import build_site
from county_data.site.marks import Span, mark_text

PACKAGES = ROOT / "datapackages"
TEMPLATES = ROOT / "src" / "county_data" / "site" / "templates"


class _Text(HTMLParser):
    """The text inside the element with ``id=target``, tags dropped, entities decoded (as a browser reads it)."""

    def __init__(self, target: str) -> None:
        super().__init__(convert_charrefs=True)
        self.target, self.depth, self.parts = target, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or dict(attrs).get("id") == self.target:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1 if self.depth else 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def text_of(html: str, element_id: str) -> str:
    parser = _Text(element_id)
    parser.feed(html)
    return "".join(parser.parts)


def _rows(slug: str, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader((PACKAGES / slug / "data" / f"{table}.csv").read_text(encoding="utf-8").splitlines()))


class _Languages(HTMLParser):
    """Runs of Chinese text found outside any element marked lang="zh…"."""

    VOID = frozenset({"meta", "br", "hr", "input", "img", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.unmarked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(dict(attrs).get("lang") or (self.stack[-1] if self.stack else ""))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        """A run of mainly Chinese words must be marked; an English note quoting a term (跨省通办) need not be."""
        chinese = len(re.findall(r"[\u4e00-\u9fff]", data))
        latin = len(re.findall(r"[A-Za-z]", data))
        in_title = self.get_starttag_text() is not None and self.lasttag == "title"
        if chinese > latin and not in_title and not (self.stack and self.stack[-1].startswith("zh")):
            self.unmarked.append(data.strip())


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(PACKAGES, tmp_path_factory.mktemp("site") / "site")


def test_two_builds_are_byte_identical_and_a_rebuild_replaces_the_old_site(site: Path, tmp_path: Path) -> None:
    again = build_site(PACKAGES, tmp_path / "again")
    assert _digest(again) == _digest(site)
    (again / "stale.html").write_text("left from an earlier build", encoding="utf-8")
    build_site(PACKAGES, again)
    assert _digest(again) == _digest(site)


def test_files_get_normal_modes(site: Path) -> None:
    assert {oct(p.stat().st_mode & 0o777) for p in site.rglob("*") if p.is_file()} == {"0o644"}
    assert {oct(p.stat().st_mode & 0o777) for p in [site, *site.rglob("*")] if p.is_dir()} == {"0o755"}


def test_the_marked_text_reads_back_as_the_shipped_text(site: Path) -> None:
    [source] = _rows("shangli", "sources")
    shipped = (PACKAGES / "shangli" / source["path"]).read_text(encoding="utf-8")
    page = (site / "shangli" / f"text-{source['source_id']}.html").read_text(encoding="utf-8")
    assert text_of(page, "text") == shipped


def test_nested_and_crossing_spans() -> None:
    html = mark_text("<a&b>cdef", [Span(0, 5, "outer"), Span(1, 3, "inner"), Span(4, 7, "cross")])
    assert str(html) == (
        '<mark id="outer" class="fig" tabindex="0" data-start="0" data-end="5">&lt;'
        '<mark id="inner" class="fig" tabindex="0" data-start="1" data-end="3">a&amp;</mark>b'
        '<mark id="cross" class="fig" tabindex="0" data-start="4" data-end="5">&gt;</mark></mark>'
        '<mark class="fig part" data-start="5" data-end="7">cd</mark>ef'
    )


def test_a_text_not_shipped_shows_only_its_quotes_and_says_so(site: Path) -> None:
    sources = _rows("liuyang", "sources")
    observations = _rows("liuyang", "observations")
    for source in sources:
        assert source["path"] == ""
        page = (site / "liuyang" / f"text-{source['source_id']}.html").read_text(encoding="utf-8")
        assert "The full text of this source is not shipped in the package." in page
        assert 'id="text"' not in page
        quotes = re.findall(r'<span lang="zh-Hans">(<mark .*?</mark>)</span></li>', page)
        shown = sorted(re.sub(r"<[^>]+>", "", quote) for quote in quotes)
        expected = [row["quote"] for row in observations if row["source_id"] == source["source_id"]]
        assert set(expected) <= set(shown)
        for row in observations:
            if row["source_id"] == source["source_id"]:
                assert f'id="obs-{row["observation_id"]}"' in page
                assert f"characters {row['char_start']}–{row['char_end']}" in page


def test_a_shipped_text_that_is_not_the_frozen_bytes_is_not_marked(tmp_path: Path) -> None:
    copy = tmp_path / "packages" / "shangli"
    shutil.copytree(PACKAGES / "shangli", copy)
    [text] = (copy / "sources").iterdir()
    text.write_text(text.read_text(encoding="utf-8").replace("上栗", "上粟", 1), encoding="utf-8")
    site = build_site(copy.parent, tmp_path / "site")
    page = (site / "shangli" / "text-shangli-14th-fyp-review.html").read_text(encoding="utf-8")
    assert "is not the frozen text its sha256 names" in page
    assert 'id="text"' not in page
    assert "cited from texts not shipped" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("observation", "allowed"),
    [
        ("fireworks-mechanisation-rate", "(80, ∞)"),  # 超80%: above 80, not 80 itself
        ("fireworks-export-share-2024", "[25, ∞)"),  # 四分之一以上: 以上 includes the bound
        ("eco-leisure-spaces", "[27, 33]"),  # 约30个: within 10 % either way
        ("listed-farm-products", "[22, 22]"),  # 22个: the number itself
    ],
)
def test_the_table_gives_the_values_the_words_allow(site: Path, observation: str, allowed: str) -> None:
    page = (site / "shangli" / "index.html").read_text(encoding="utf-8")
    row = re.search(rf'<tr id="row-{observation}".*?</tr>', page, re.S)
    assert row is not None and f"<td>{allowed}</td>" in row.group(0)


def test_a_metric_across_counties_warns_when_a_figure_is_bounded(tmp_path: Path) -> None:
    # Both shipped counties report old_residential_communities_renovated exactly (34个, 241个);
    # make Liuyang's a lower bound ("more than 241") in a copy and the page must warn.
    packages = shutil.copytree(PACKAGES, tmp_path / "packages")
    table = packages / "liuyang" / "data" / "observations.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["observation_id"] == "old-communities-upgraded":
            row["qualifier"], row["upper_bound"] = "more_than", ""
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    bounded = build_site(packages, tmp_path / "bounded")
    page = (bounded / "metrics" / "old_residential_communities_renovated.html").read_text(encoding="utf-8")
    assert "34个" in page and "241个" in page
    assert "compare the intervals, not the numbers" in page
    exact = build_site(PACKAGES, tmp_path / "exact")
    page = (exact / "metrics" / "old_residential_communities_renovated.html").read_text(encoding="utf-8")
    assert "34个" in page and "compare the intervals" not in page


def test_pages_load_nothing_and_mark_their_languages(site: Path) -> None:
    for path in site.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        assert page.startswith('<!DOCTYPE html>\n<html lang="en">'), path
        assert "default-src 'none'" in page
        assert not re.search(r"<link\b|\bsrc=|@import|url\(", page), path
        languages = _Languages()
        languages.feed(page)
        assert languages.unmarked == [], path


def test_the_stylesheet_names_cjk_fonts_before_the_generic_family() -> None:
    css = (TEMPLATES / "site.css").read_text(encoding="utf-8")
    stack = re.search(r"--cjk: ([^;]+);", css)
    assert stack is not None
    assert {'"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', '"PingFang SC"'} <= {
        f.strip() for f in stack.group(1).split(",")
    }


def test_every_template_is_shipped_as_package_data() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"][
        "county_data"
    ]
    for template in TEMPLATES.iterdir():
        relative = template.relative_to(ROOT / "src" / "county_data").as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in globs), relative


def test_the_site_carries_the_diff_from_an_earlier_build(tmp_path: Path) -> None:
    earlier = tmp_path / "earlier"
    shutil.copytree(PACKAGES, earlier)
    csv_path = earlier / "shangli" / "data" / "observations.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace(",22,count,个,exact,22,22,", ",20,count,个,exact,20,20,"),
        encoding="utf-8",
    )
    site = build_site(PACKAGES, tmp_path / "site", diff_from=str(earlier), cwd=tmp_path)
    assert 'href="diff.html"' in (site / "index.html").read_text(encoding="utf-8")
    page = (site / "diff.html").read_text(encoding="utf-8")
    row = re.search(r'<tr class="changed tier-moderate".*?</tr>', page, re.S)  # |20−22|/42 ≈ 4.8 %
    assert row is not None and "listed-farm-products" in row.group(0) and "4.76 %" in row.group(0)
    assert '<strong id="bump">patch</strong>' in page
