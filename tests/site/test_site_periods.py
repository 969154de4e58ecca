"""Each mark's panel says how its period was decided, checked on figures read by hand in the Shangli text.

By hand: the section 加快转型升级 / 奏响奋进主旋律 opens with “十四五”期间 (十四五 at characters
272–275), which dates 建成62条自动化示范生产线 to 2021/2025. The section 坚持民生为大 opens with
五年来 (characters 2781–2784); the article gives no publication date, so the rule cannot
count the five years back and says unknown, and the curators override it with 2021/2025.
A statistical bulletin's figures without a year in their words take the year of its title
(2021年旌德县国民经济和社会发展统计公报).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_site_pages import text_of

from core_paths import REPORT_NAME, ROOT
from county_data.site.build import build_site

PACKAGES = ROOT / "datapackages"
TEXT = (PACKAGES / "shangli" / "sources" / REPORT_NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(PACKAGES, tmp_path_factory.mktemp("site") / "site")


def _panel(site: Path, slug: str, source: str, observation: str) -> str:
    page = (site / slug / f"text-{source}.html").read_text(encoding="utf-8")
    return " ".join(text_of(page, f"d-obs-{observation}").split())


def test_a_figure_dated_by_its_section_opener_names_the_words_and_where_they_stand(site: Path) -> None:
    assert TEXT[271:278] == "“十四五”期间"
    panel = _panel(site, "shangli", "shangli-14th-fyp-review", "automated-demo-lines")
    assert (
        "2021/2025 — by the period rule: a time expression opening the figure's section, “十四五” at characters 272–275"
    ) in panel


def test_a_curators_override_shows_the_period_and_what_the_rule_gives(site: Path) -> None:
    assert TEXT[2781:2784] == "五年来"
    panel = _panel(site, "shangli", "shangli-14th-fyp-review", "medical-staff-rewarded")
    assert "2021/2025 — set by the curator, overriding the period rule (see the note)" in panel
    assert (
        "the rule gives unknown: a time expression opening the figure's section, “五年来” at characters 2781–2784"
        in panel
    )


def test_now_and_a_bulletin_title_are_named(site: Path) -> None:
    assert TEXT[645:647] == "目前"
    park = _panel(site, "shangli", "shangli-14th-fyp-review", "cooperation-park-enterprises")
    assert "unknown — by the period rule: 目前 (now): the publication date, “目前” at characters 645–647" in park
    grain = _panel(site, "jingde", "jingde-report", "grain-output")
    assert "2021 — by the period rule: the year a statistical bulletin's title names, “2021年” in the title" in grain


def test_a_text_not_shipped_keeps_the_words_the_package_gives(site: Path) -> None:
    panel = _panel(site, "liuyang", "liuyang-daily-2025-11-28", "key-reform-tasks")
    assert "period rule" not in panel and "2021/2025 from the words" in panel
