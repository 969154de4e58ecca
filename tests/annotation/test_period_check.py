"""annotation/periods.py: the shipped annotations follow the period rule; a changed period is named."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from county_data.annotation.entries import read_annotations
from county_data.annotation.periods import period_problems
from county_data.catalogue.county import read_county

SHANGLI = Path(__file__).parents[2] / "src" / "county_data" / "counties" / "shangli"


def test_shangli_follows_the_rule_and_a_changed_period_is_named() -> None:
    county = read_county(SHANGLI)
    annotations = read_annotations(county.annotations)
    source = county.sources[0]
    texts = {source.id: (SHANGLI / source.path.name).read_text(encoding="utf-8")} if source.path else {}
    assert period_problems(county, annotations, texts) == []
    # 2024年空气质量优良天数比例达93.82%: the year of its sentence
    changed = tuple(
        replace(o, period="2021/2025") if o.id == "air-quality-2024" else o for o in annotations.observations
    )
    (problem,) = period_problems(county, replace(annotations, observations=changed), texts)
    assert (problem.code, problem.field, problem.found, problem.expected) == (
        "period-rule",
        "period",
        "2021/2025",
        "2024",
    )
    assert "'2024年'" in problem.message
