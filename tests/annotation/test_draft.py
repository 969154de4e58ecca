"""Drafts for a new report: every figure, with offsets, and the catalogue metric where the words match.

The expected figures, lines and metrics below were read off the Shangli report
by hand (``cat -n`` gives the line numbers); a figure's quote starts at the word
that qualifies or frames it (超, 突破, 约, 达, 增长, 改善), as the annotation
conventions say.
"""

from core_paths import REPORT_NAME, SHANGLI
from county_data.annotation.draft import clause_around, draft_entries, render_draft
from county_data.catalogue.metric import Metric

TEXT = (SHANGLI / REPORT_NAME).read_text(encoding="utf-8")

# (line, quote, the catalogue metric the clause speaks of), in the order of the text
BY_HAND = [
    (15, "超80%", "shangli.fireworks_mechanisation_rate"),
    (15, "62条", "shangli.automated_demo_production_lines"),
    (15, "突破200亿元", "shangli.fireworks_output_value"),
    (15, "四分之一以上", "shangli.fireworks_export_share_of_national"),
    (15, "215件", "shangli.fireworks_patents_granted"),
    (15, "150余种", "shangli.fireworks_new_products"),
    (17, "140余家", "shangli.cooperation_park_enterprises"),
    (37, "8家", "shangli.partner_medical_institutions_hunan"),
    (45, "34个", "old_residential_communities_renovated"),
    (45, "2.8万户", "households_benefiting_from_renovation"),
    (45, "10条", "urban_roads_built"),
    (45, "约30个", "eco_leisure_spaces_built"),
    (49, "22个", "shangli.agricultural_products_on_quality_lists"),
    (63, "7120人次", "subsidised_vocational_training"),
    (63, "20余个", "shangli.training_trades_covered"),
    (63, "超5.5亿元", "business_startup_loans"),
    (63, "1500余家", "small_micro_enterprises_fostered"),
    (63, "1.25万人", "jobs_from_startups"),
    (65, "215件", "shangli.fireworks_patents_granted"),
    (65, "150余种", "shangli.fireworks_new_products"),
    (81, "473人", "shangli.medical_staff_rewarded"),
    (81, "70余人", "shangli.medical_staff_sent_for_training"),
    (81, "59名", "county_doctors_to_grassroots"),
    (83, "达93.82%", "air_quality_good_days_ratio"),
    (83, "改善3.82个百分点", "air_quality_good_days_ratio_change"),
    (83, "达100%", "surface_water_good_quality_ratio"),
    (83, "达100%", "contaminated_farmland_safe_use_rate"),
    (87, "增长16%", "tourist_visits_growth"),
    (87, "增长18%", "tourism_revenue_growth"),
]


def test_the_draft_lists_every_figure_read_by_hand_at_its_line(metrics: dict[str, Metric]) -> None:
    entries = draft_entries(TEXT, list(metrics.values()))
    assert [(e["line"], e["quote"]) for e in entries] == [(line, quote) for line, quote, _ in BY_HAND]
    for entry in entries:
        assert TEXT[entry["start"] : entry["end"]] == entry["quote"]


def test_suggestions_are_right_or_absent(metrics: dict[str, Metric]) -> None:
    """A news feature names its figures in its own words: the suggester matches the catalogue's
    names only (annotation/suggest.py), so it is silent on most of Shangli's own metrics,
    whose labels paraphrase the text, and never wrong."""
    entries = draft_entries(TEXT, list(metrics.values()))
    suggested = [(e["quote"], e["suggested_metric"]) for e in entries]
    wrong = [(s, (q, m)) for s, (_, q, m) in zip(suggested, BY_HAND, strict=True) if s[1] not in (None, m)]
    found = [s for s, (_, _, m) in zip(suggested, BY_HAND, strict=True) if s[1] == m]
    assert wrong == []
    assert len(found) >= 0.4 * len(BY_HAND)


def test_clause_stops_at_punctuation_and_previous_figure() -> None:
    text = "奖励优秀医护人员473人，选送70余人进修，推动59名县级医师下沉基层"
    start = text.index("59名")
    assert clause_around(text, start, start + 3) == "推动59名县级医师下沉基层"
    assert clause_around(text, start, start + 3, floor=start - 1) == "动59名县级医师下沉基层"


def test_no_suggestion_when_nothing_matches(metrics: dict[str, Metric]) -> None:
    [entry] = draft_entries("今天天气很好,来了12个人。", list(metrics.values()))
    assert entry["suggested_metric"] is None


def test_draft_renders_as_yaml_and_json(metrics: dict[str, Metric]) -> None:
    import json

    import yaml

    entries = draft_entries("累计发放创业担保贷款超5.5亿元", list(metrics.values()))
    as_yaml = yaml.safe_load(render_draft(entries, "r.txt", "utf-8", "yaml"))
    as_json = json.loads(render_draft(entries, "r.txt", "utf-8", "json"))
    assert as_yaml == as_json
    assert as_json["figures"][0]["suggested_metric"] == "business_startup_loans"
    assert as_json["figures"][0]["value"] == 550_000_000


class _CountingText(str):
    """A text that adds up how many characters each search over it may look at."""

    scanned = 0

    def _span(self, start: int | None, end: int | None) -> None:
        low = 0 if start is None else max(0, start if start >= 0 else len(self) + start)
        high = len(self) if end is None else min(len(self), end if end >= 0 else len(self) + end)
        _CountingText.scanned += max(0, high - low)

    def find(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        self._span(start, end)
        return super().find(sub, start, end)

    def rfind(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        self._span(start, end)
        return super().rfind(sub, start, end)

    def count(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        self._span(start, end)
        return super().count(sub, start, end)


def _scanned(text: str) -> int:
    _CountingText.scanned = 0
    draft_entries(_CountingText(text))
    return _CountingText.scanned


def test_drafting_ten_times_the_text_searches_ten_times_as_much() -> None:
    once, ten_times = _scanned(TEXT), _scanned(TEXT * 10)
    assert once > 0
    assert ten_times <= 11 * once  # the quadratic draft searched about 90 times as much


def test_a_draft_with_awkward_characters_reads_back_equal() -> None:
    import yaml

    from county_data.annotation.draft import block_yaml

    document = {
        "figures": [{"quote": "x\u2028y\x85\x7f\ufeff'\"\\:#- ", "value": 1e16, "lower": -1e-7, "hints": []}],
        "yes": "null",
        "nested": [[1, 2], [{"b": {}}], {"c": {"d": None}}],
    }
    assert yaml.safe_load(block_yaml(document)) == document
