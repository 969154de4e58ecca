"""county-data diff on real pairs of builds, made by editing the Shangli text and annotations.

Expected deviations are worked out by hand from the numbers as written:
突破200亿元 → 突破230亿元 is |200−230|/(200+230) = 30/430 ≈ 6.98 % (moderate),
22个 → 99个 is 77/121 ≈ 63.6 % (large), 7120人次 → 7121人次 is 1/14241 ≈ 0.007 % (small).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from diff_planting import build_variant, exclude, observation, set_reading

from county_data.cli import main
from county_data.diff.compare import diff_specs
from county_data.diff.model import DiffReport, RowChange

OUTPUT = "2024年产业集群总产值突破200亿元"
OUTPUT_NEW = "2024年产业集群总产值突破230亿元"
FARM = "推动22个农产品入选赣红、全国名特优新农产品名录"
FARM_NEW = "推动99个农产品入选赣红、全国名特优新农产品名录"
TRAINING = "累计开展政府补贴性培训7120人次"
TRAINING_NEW = "累计开展政府补贴性培训7121人次"


def _corrections(data: dict[str, Any]) -> None:
    set_reading(data, "fireworks-output-2024", 23_000_000_000, "突破230亿元", OUTPUT_NEW)
    set_reading(data, "listed-farm-products", 99, "99个", FARM_NEW)
    set_reading(data, "subsidised-training", 7121, "7121人次", TRAINING_NEW)
    # a curator dating 目前 (as of publication) to 2024 overrides the period rule, which says unknown
    park = observation(data, "cooperation-park-enterprises")
    park["period"], park["period_rule"] = "2024", "override"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, metrics: dict[str, Any]) -> tuple[Path, Path]:
    """OLD leaves out training-trades; NEW corrects three figures and a period and leaves out urban-roads-built."""
    root = tmp_path_factory.mktemp("pair")
    old = build_variant(root / "old", metrics, annotate=lambda data: exclude(data, "training-trades"))

    def new_annotations(data: dict[str, Any]) -> None:
        _corrections(data)
        exclude(data, "urban-roads-built")

    edits = ((OUTPUT, OUTPUT_NEW), (FARM, FARM_NEW), (TRAINING, TRAINING_NEW))
    new = build_variant(root / "new", metrics, text_edits=edits, annotate=new_annotations)
    return old, new


@pytest.fixture(scope="module")
def report(pair: tuple[Path, Path]) -> DiffReport:
    old, new = pair
    return diff_specs(str(old), str(new), old.parent)


def _row(report: DiffReport, table: str, status: str, record_id: str) -> RowChange:
    [package] = report.packages
    found = [
        row
        for row in package.rows
        if row.table == table and row.status == status and record_id in (row.new or row.old or {}).values()
    ]
    assert len(found) == 1, f"{table} {status} {record_id}: {found}"
    return found[0]


@pytest.mark.parametrize(
    ("record_id", "deviation", "tier"),
    [
        ("fireworks-output-2024", 30 / 430, "moderate"),
        ("listed-farm-products", 77 / 121, "large"),
        ("subsidised-training", 1 / 14241, "small"),
    ],
)
def test_a_planted_value_change_has_its_deviation_and_tier(
    report: DiffReport, record_id: str, deviation: float, tier: str
) -> None:
    row = _row(report, "observations", "changed", record_id)
    assert row.deviation == pytest.approx(deviation)
    assert row.tier == tier


def test_a_changed_value_carries_old_and_new_quotes_and_offsets(report: DiffReport) -> None:
    row = _row(report, "observations", "changed", "fireworks-output-2024")
    assert row.old is not None and row.new is not None
    assert (row.old["quote"], row.new["quote"]) == (OUTPUT, OUTPUT_NEW)
    assert (row.old["value"], row.new["value"]) == ("20000000000", "23000000000")
    assert (row.new["char_start"], row.new["char_end"]) == ("476", "495")
    assert {"value", "surface", "quote", "lower_bound"} <= set(row.changed_fields)


def test_a_planted_period_change_is_one_changed_row_not_a_removal_and_an_addition(report: DiffReport) -> None:
    row = _row(report, "observations", "changed", "cooperation-park-enterprises")
    assert [(c.field, c.old, c.new) for c in row.changes] == [("period", "unknown", "2024")]
    assert row.tier is None
    assert dict(row.key)["period"] == "2024"


def test_an_added_and_a_removed_row_are_counted_apart(report: DiffReport) -> None:
    [package] = report.packages
    assert _row(report, "observations", "added", "training-trades").new is not None
    assert _row(report, "observations", "removed", "urban-roads-built").old is not None
    assert (package.count("observations", "added"), package.count("observations", "removed")) == (1, 1)
    assert package.count("observations", "changed") == 4


def test_added_data_implies_a_minor_bump(report: DiffReport) -> None:
    assert report.bump == "minor"
    assert report.packages[0].schema == ()


def test_a_data_only_correction_implies_a_patch_bump(tmp_path: Path, metrics: dict[str, Any]) -> None:
    old = build_variant(tmp_path / "old", metrics)
    new = build_variant(
        tmp_path / "new",
        metrics,
        text_edits=((OUTPUT, OUTPUT_NEW),),
        annotate=lambda data: set_reading(data, "fireworks-output-2024", 23_000_000_000, "突破230亿元", OUTPUT_NEW),
    )
    outcome = diff_specs(str(old), str(new), tmp_path)
    assert outcome.bump == "patch"
    rendered = json.loads(_cli(tmp_path, "diff", str(old), str(new), "--format", "json"))
    assert rendered["packages"][0]["suggested_version"] == "1.0.1"


def _cli(cwd: Path, *args: str) -> str:
    out = cwd / f"out-{len(list(cwd.iterdir()))}.txt"
    assert main(["--no-plugins", *args, "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_markdown_names_tiers_quotes_and_the_bump(pair: tuple[Path, Path], tmp_path: Path) -> None:
    text = _cli(tmp_path, "diff", str(pair[0]), str(pair[1]))
    assert "Implied version bump: **minor**" in text
    assert "| large | `listed-farm-products`" in text
    assert f"「{OUTPUT}」 shangli-14th-fyp-review chars 476–495" in text
    assert "| observations | 4 | 1 | 1 |" in text
    assert "6.98 %" in text


def test_json_has_every_change_with_its_tier(pair: tuple[Path, Path], tmp_path: Path) -> None:
    document = json.loads(_cli(tmp_path, "diff", str(pair[0]), str(pair[1]), "--format", "json"))
    observations = [row for row in document["packages"][0]["rows"] if row["table"] == "observations"]
    tiers = {row["new"]["observation_id"]: row["tier"] for row in observations if row["status"] == "changed"}
    assert tiers == {
        "fireworks-output-2024": "moderate",
        "listed-farm-products": "large",
        "subsidised-training": "small",
        "cooperation-park-enterprises": None,
    }


def test_html_is_one_page_a_browser_parser_reads(pair: tuple[Path, Path], tmp_path: Path) -> None:
    from html.parser import HTMLParser

    text = _cli(tmp_path, "diff", str(pair[0]), str(pair[1]), "--format", "html")
    HTMLParser().feed(text)
    assert 'data-tier="large"' in text and 'data-status="removed"' in text
    assert "http://" not in text.replace("http-equiv", "") and "https://" not in text
