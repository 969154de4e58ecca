"""The review site in a real browser: headless Debian Chromium opens the built site from disk.

Expected values come from the package files read here with the csv module and
from the shipped texts sliced in Python, not from the site's own code.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_browser import browser, missing

from core_paths import ROOT
from county_data.site.build import build_site

pytestmark = pytest.mark.skipif(bool(missing()), reason=missing() or "browser available")

PACKAGES = ROOT / "datapackages"
SLUGS = sorted(p.name for p in PACKAGES.iterdir() if (p / "datapackage.json").is_file())
#: code points from the start of the text to the start of a mark, counted the way Python indexes a str
OFFSET_JS = """mark => {
  const range = document.createRange();
  range.setStart(document.getElementById('text'), 0);
  range.setEnd(mark, 0);
  return Array.from(range.toString()).length;
}"""


def _rows(slug: str, table: str) -> list[dict[str, str]]:
    with (PACKAGES / slug / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _texts(slug: str) -> dict[str, str]:
    return {
        row["source_id"]: (PACKAGES / slug / row["path"]).read_text(encoding="utf-8")
        for row in _rows(slug, "sources")
        if row["path"]
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(PACKAGES, tmp_path_factory.mktemp("site") / "site", diff_from=str(PACKAGES))


@pytest.fixture(scope="module")
def requests() -> list[str]:
    return []


@pytest.fixture(scope="module")
def page(requests: list[str]) -> Iterator[Any]:
    with browser() as chromium:
        context = chromium.new_context(viewport={"width": 1100, "height": 900})
        context.on("request", lambda request: requests.append(request.url))
        yield context.new_page()
        context.close()


def test_the_shipped_packages_have_observations_in_both_forms() -> None:
    """Shangli ships its text, Liuyang only cites its sources: both forms are exercised below."""
    assert {"shangli", "liuyang"} <= set(SLUGS)
    assert _texts("shangli") and not _texts("liuyang")


@pytest.mark.parametrize("slug", SLUGS)
def test_every_observation_has_exactly_one_mark_equal_to_its_quote_at_its_offsets(
    site: Path, page: Any, slug: str
) -> None:
    texts = _texts(slug)
    by_source: dict[str, list[dict[str, str]]] = {}
    for row in _rows(slug, "observations"):
        by_source.setdefault(row["source_id"], []).append(row)
    for source_id, rows in sorted(by_source.items()):
        page.goto((site / slug / f"text-{source_id}.html").as_uri())
        for row in rows:
            start, end = int(row["char_start"]), int(row["char_end"])
            marks = page.locator(f'mark[id="obs-{row["observation_id"]}"]')
            assert marks.count() == 1, row["observation_id"]
            assert marks.text_content() == row["quote"]
            assert (marks.get_attribute("data-start"), marks.get_attribute("data-end")) == (
                row["char_start"],
                row["char_end"],
            )
            if source_id in texts:
                assert texts[source_id][start:end] == row["quote"]
                assert marks.evaluate(OFFSET_JS) == start, f"{row['observation_id']} is not at character {start}"
            else:
                assert page.locator("#not-shipped").is_visible()


@pytest.mark.parametrize("slug", SLUGS)
def test_hovering_a_mark_shows_its_value(site: Path, page: Any, slug: str) -> None:
    for row in sorted(_rows(slug, "observations"), key=lambda row: row["source_id"]):
        if not page.url.endswith(f"/text-{row['source_id']}.html"):
            page.goto((site / slug / f"text-{row['source_id']}.html").as_uri())
        page.hover(f'mark[id="obs-{row["observation_id"]}"]')
        panel = page.locator("#details")
        assert panel.is_visible()
        assert f"{row['value']} {row['unit']}" in panel.inner_text()
        assert row["surface"] in panel.inner_text()


def test_hovering_a_mark_shows_how_its_period_was_decided(site: Path, page: Any) -> None:
    """By hand: 建成62条自动化示范生产线 is dated by “十四五”期间 opening its section, 十四五 at characters 272–275."""
    text = _texts("shangli")["shangli-14th-fyp-review"]
    assert text[272:275] == "十四五"
    page.goto((site / "shangli" / "text-shangli-14th-fyp-review.html").as_uri())
    page.hover('mark[id="obs-automated-demo-lines"]')
    said = " ".join(page.locator("#details").inner_text().split())
    assert "2021/2025 — by the period rule: a time expression opening the figure's section" in said
    assert "“十四五” at characters 272–275" in said


def test_a_click_pins_the_mark_and_gives_its_permanent_link(site: Path, page: Any) -> None:
    page.goto((site / "shangli" / "text-shangli-14th-fyp-review.html").as_uri())
    page.click("#obs-startup-loans")
    assert page.evaluate("location.hash") == "#obs-startup-loans"
    page.mouse.move(0, 0)
    assert page.locator("#details").is_visible()
    page.goto((site / "shangli" / "text-shangli-14th-fyp-review.html").as_uri() + "#obs-urban-roads-built")
    assert "10 count" in page.locator("#details").inner_text()


def test_the_keyboard_reaches_a_mark_and_pins_it(site: Path, page: Any) -> None:
    page.goto((site / "shangli" / "text-shangli-14th-fyp-review.html").as_uri())
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith(("obs-", "honour-"))
    assert page.locator("#details").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == f"#{focused}"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_table_filter_shows_the_rows_of_one_topic(site: Path, page: Any, slug: str) -> None:
    topics = {row["metric_id"]: row["topic"] for row in _rows(slug, "metrics")}
    observations = _rows(slug, "observations")
    page.goto((site / slug / "index.html").as_uri())
    rows = page.locator("#observation-table tbody tr")
    assert rows.count() == len(observations)
    for topic in sorted(set(topics.values())):
        page.select_option("select[data-filter=topic]", topic)
        expected = sorted(r["observation_id"] for r in observations if topics[r["metric_id"]] == topic)
        shown = sorted(rows.locator("visible=true").evaluate_all("rows => rows.map(r => r.id.slice(4))"))
        assert shown == expected
    page.select_option("select[data-filter=topic]", "")
    page.fill("input[type=search]", observations[0]["surface"])
    assert rows.locator("visible=true").count() == sum(observations[0]["surface"] in r["surface"] for r in observations)


def test_sorting_by_value_orders_the_rows_by_number(site: Path, page: Any) -> None:
    page.goto((site / "shangli" / "index.html").as_uri())
    page.click("#observation-table th button[data-column='4']")
    values = page.locator("#observation-table tbody td.num").all_inner_texts()
    assert [float(v) for v in values] == sorted(float(r["value"]) for r in _rows("shangli", "observations"))


def test_a_phone_reads_the_text_without_sideways_scrolling(site: Path, page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.goto((site / "shangli" / "text-shangli-14th-fyp-review.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.click("#obs-startup-loans")
        box = page.locator("#details").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    finally:
        page.set_viewport_size({"width": 1100, "height": 900})


def test_every_page_opens_without_a_network_request(site: Path, page: Any, requests: list[str]) -> None:
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        page.goto(path.as_uri())
    assert requests, "the request log recorded nothing"
    assert [url for url in requests if not url.startswith(site.as_uri())] == []
