"""Headless Debian Chromium driven by Playwright for Python, as CI runs it (Playwright's own download is unreachable)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing() -> str:
    """Why the browser tests cannot run here ('' when they can)."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is absent: run .ci/install-browser (apt-get install chromium fonts-wqy-microhei)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return 'playwright is not installed: pip install -e ".[test]"'
    return ""


@contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def take_screenshots(site: Path, out: Path) -> list[Path]:
    """docs/site-text.png (a source text with a figure's panel open) and docs/site-table.png (a county table)."""
    text_shot, table_shot = out / "site-text.png", out / "site-table.png"
    with browser() as chromium:
        page = chromium.new_page(viewport={"width": 1000, "height": 820})
        page.goto((site / "shangli" / "text-shangli-14th-fyp-review.html").as_uri() + "#obs-fireworks-output-2024")
        page.evaluate("window.scrollBy(0, -180)")
        page.screenshot(path=str(text_shot))
        page.goto((site / "shangli" / "index.html").as_uri())
        page.select_option("select[data-filter=topic]", "environment")
        page.locator("#observations").scroll_into_view_if_needed()
        page.screenshot(path=str(table_shot))
    return [text_shot, table_shot]


if __name__ == "__main__":
    import sys
    import tempfile

    from county_data.site.build import build_site

    with tempfile.TemporaryDirectory() as folder:
        built = build_site(Path(sys.argv[1]), Path(folder) / "site")
        for shot in take_screenshots(built, Path(sys.argv[2])):
            print(f"wrote {shot}")
