"""Drafts for a new report: every figure, with offsets, and the catalogue metric where the words match."""

from core_paths import REPORT_NAME, SHANGLI
from county_data.annotation.draft import clause_around, draft_entries, render_draft, suggest_metric
from county_data.annotation.entries import read_annotations

TEXT = (SHANGLI / REPORT_NAME).read_text(encoding="utf-8")


def test_every_draft_quote_is_at_its_offsets(metrics: dict) -> None:
    entries = draft_entries(TEXT, list(metrics.values()))
    assert len(entries) == 29
    for entry in entries:
        assert TEXT[entry["start"] : entry["end"]] == entry["quote"]
        assert entry["line"] == TEXT.count("\n", 0, entry["start"]) + 1


def test_suggestions_find_the_curated_metric_for_most_figures(metrics: dict) -> None:
    annotations = read_annotations(SHANGLI / "annotations.yaml")
    curated = {
        mention.start + mention.quote.index(entry.surface) + len(entry.surface): entry.metric
        for entry in annotations.observations
        if not entry.derived
        for mention in entry.mentions
    }
    entries = draft_entries(TEXT, list(metrics.values()))
    matched = [e for e in entries if curated.get(e["end"]) == e["suggested_metric"]]
    wrong = [e for e in entries if e["suggested_metric"] and curated.get(e["end"]) not in (None, e["suggested_metric"])]
    assert len(matched) >= 23 and wrong == []


def test_clause_stops_at_punctuation_and_previous_figure() -> None:
    text = "奖励优秀医护人员473人，选送70余人进修，推动59名县级医师下沉基层"
    start = text.index("59名")
    assert clause_around(text, start, start + 3) == "推动59名县级医师下沉基层"
    assert clause_around(text, start, start + 3, floor=start - 1) == "动59名县级医师下沉基层"


def test_no_suggestion_when_nothing_matches(metrics: dict) -> None:
    assert suggest_metric("今天天气很好", metrics.values(), "count", "个") is None


def test_draft_renders_as_yaml_and_json(metrics: dict) -> None:
    import json

    import yaml

    entries = draft_entries("发放创业贷款超5.5亿元", list(metrics.values()))
    as_yaml = yaml.safe_load(render_draft(entries, "r.txt", "utf-8", "yaml"))
    as_json = json.loads(render_draft(entries, "r.txt", "utf-8", "json"))
    assert as_yaml == as_json
    assert as_json["figures"][0]["suggested_metric"] == "business_startup_loans"
