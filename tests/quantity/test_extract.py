"""extract_quantities on the sample reports: every figure, nothing else."""

from __future__ import annotations

from county_data.quantity import extract_quantities

#: (surface, value, unit, qualifier, kind) in report order
SHANGLI_FIGURES = [
    ("超80%", 80, "percent", "more_than", "level"),
    ("62条", 62, "count", "exact", "level"),
    ("突破200亿元", 2e10, "CNY", "more_than", "level"),
    ("四分之一以上", 25, "percent", "at_least", "share"),
    ("215件", 215, "count", "exact", "level"),
    ("150余种", 150, "count", "more_than", "level"),
    ("140余家", 140, "count", "more_than", "level"),
    ("8家", 8, "count", "exact", "level"),
    ("34个", 34, "count", "exact", "level"),
    ("2.8万户", 28000, "count", "exact", "level"),
    ("10条", 10, "count", "exact", "level"),
    ("约30个", 30, "count", "approx", "level"),
    ("22个", 22, "count", "exact", "level"),
    ("7120人次", 7120, "count", "exact", "level"),
    ("20余个", 20, "count", "more_than", "level"),
    ("超5.5亿元", 5.5e8, "CNY", "more_than", "level"),
    ("1500余家", 1500, "count", "more_than", "level"),
    ("1.25万人", 12500, "count", "exact", "level"),
    ("215件", 215, "count", "exact", "level"),
    ("150余种", 150, "count", "more_than", "level"),
    ("473人", 473, "count", "exact", "level"),
    ("70余人", 70, "count", "more_than", "level"),
    ("59名", 59, "count", "exact", "level"),
    ("达93.82%", 93.82, "percent", "exact", "share"),
    ("改善3.82个百分点", 3.82, "percentage_point", "exact", "change"),
    ("达100%", 100, "percent", "exact", "level"),
    ("达100%", 100, "percent", "exact", "level"),
    ("增长16%", 16, "percent", "exact", "growth"),
    ("增长18%", 18, "percent", "exact", "growth"),
]


def test_shangli_every_figure_and_nothing_else(shangli_text: str) -> None:
    found = [(q.surface, q.value, q.unit, q.qualifier, q.kind) for q in extract_quantities(shangli_text)]
    assert found == [(s, float(v), u, ql, k) for s, v, u, ql, k in SHANGLI_FIGURES]


def test_shangli_spans_point_at_surfaces(shangli_text: str) -> None:
    for q in extract_quantities(shangli_text):
        assert shangli_text[q.start : q.end] == q.surface


def test_shangli_period_hints(shangli_text: str) -> None:
    by_surface = {q.surface: q for q in extract_quantities(shangli_text)}
    change = by_surface["改善3.82个百分点"]
    assert [(h.role, h.period) for h in change.period_hints] == [("reference", "2024"), ("baseline", "2020")]
    assert [h.period for h in by_surface["突破200亿元"].period_hints] == ["2024"]
    assert by_surface["超80%"].period_hints == ()
