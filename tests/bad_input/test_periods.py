"""Periods the period rule disagrees with, through `county-data build`.

Each case edits the annotations of a Shangli copy, builds it in-process and
asserts the refusal names annotations.yaml, the line, the field, what the rule
decided and from which words; nothing on disk changes.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from county_data.cli import main

from .harness import build_refused

PATENTS = 'period: "unknown"\n    period_text: "累计"'
FIRST = 'qualifier: more_than\n    period: "unknown"\n    mentions:\n      - quote: "烟花'

#: (case, [(old, new) in annotations.yaml], code, places named on stderr)
CASES = [
    # 企业累计获专利215件 under “十四五”期间: 累计 with no start is a running total of unknown start
    ("cumulative-given-the-section-s-plan", [(PATENTS, PATENTS.replace('"unknown"', '"2021/2025"'))],
     "period-rule", ["annotations.yaml", "line 69", "field 'period'", "'2021/2025'", "unknown (累计", "'累计'"]),
    # 2024年产业集群总产值突破200亿元: the year of the sentence
    ("year-of-the-sentence-ignored", [('period: "2024"\n    period_text: "2024年"\n    note: "产业集群',
                                       'period: "unknown"\n    period_text: "2024年"\n    note: "产业集群')],
     "period-rule", ["line 41", "field 'period'", "must be 2024", "'2024年'"]),
    # 较2020年改善3.82个百分点: the baseline is the year the words name
    ("baseline-not-the-year-named", [('period_text: "2024年"\n    baseline_period: "2020"',
                                      'period_text: "2024年"\n    baseline_period: "2023"')],
     "period-rule", ["line 310", "field 'baseline_period'", "must be '2020'", "(got '2023')"]),
    ("override-without-a-note", [(FIRST, FIRST.replace("mentions:", "period_rule: override\n    mentions:"))],
     "bad-period-rule", ["line 15", "field 'period_rule'", "'override'"]),
    ("override-misspelt", [(FIRST, FIRST.replace("mentions:", 'period_rule: overide\n    note: "x"\n    mentions:'))],
     "bad-period-rule", ["line 15", "field 'period_rule'", "'overide'"]),
    ("period-not-iso", [(FIRST, FIRST.replace('"unknown"', '"2023/..."'))],
     "bad-period", ["line 15", "field 'period'", "YYYY/.."]),
]  # fmt: skip


@pytest.mark.parametrize(("edits", "code", "places"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_period_the_rule_disagrees_with_is_refused(
    edits: list[tuple[str, str]],
    code: str,
    places: list[str],
    edit: Callable[[str, str, str], Path],
    register_copy: Callable[[str], object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for old, new in edits:
        edit("annotations.yaml", old, new)
    register_copy("copied")
    build_refused(capsys, tmp_path / "out", "copied", code, *places)


def test_an_override_with_a_note_builds(
    edit: Callable[[str, str, str], Path],
    register_copy: Callable[[str], object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    overridden = PATENTS.replace('"unknown"', '"2021/2025"') + "\n    period_rule: override"
    edit("annotations.yaml", PATENTS, overridden)
    register_copy("copied")
    assert main(["build", "copied", "--out", str(tmp_path / "out")]) == 0, capsys.readouterr().err
    observations = (tmp_path / "out" / "copied" / "data" / "observations.csv").read_text(encoding="utf-8")
    assert "fireworks-patents,360323,shangli.fireworks_patents_granted,2021/2025," in observations
