"""Each kind of bad annotation is a specific error naming file, line, field, found and expected."""

from collections.abc import Callable
from pathlib import Path

import pytest

from county_data import AnnotationError


def problems_of(assemble_copy: Callable, folder: Path) -> list:
    with pytest.raises(AnnotationError) as caught:
        assemble_copy(folder)
    return list(caught.value.problems)


def test_pristine_copy_assembles(shangli_copy: Path, assemble_copy: Callable) -> None:
    assembled = assemble_copy(shangli_copy)
    assert len(assembled.frames["observations"]) == 28


def test_quote_not_at_offsets(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", "start: 395\n        end: 411", "start: 396\n        end: 412")
    [problem] = problems_of(assemble_copy, folder)
    assert problem.code == "quote-mismatch" and problem.field == "quote"
    assert problem.path.endswith("annotations.yaml") and problem.line == 23
    assert problem.expected == "烟花爆竹生产机械化应用率超80%"
    assert "occurs at 395" in problem.message


def test_unknown_metric(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit(
        "annotations.yaml", "metric: shangli.fireworks_mechanisation_rate", "metric: fireworks_mechanization_rat"
    )
    [problem] = problems_of(assemble_copy, folder)
    assert (problem.code, problem.field, problem.found) == ("unknown-metric", "metric", "fireworks_mechanization_rat")
    assert problem.line == 15


def test_unit_that_does_not_fit_the_metric(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", "value: 80\n    unit: percent", "value: 80\n    unit: percentage_point")
    [problem] = problems_of(assemble_copy, folder)
    assert (problem.code, problem.field, problem.found, problem.expected) == (
        "unit-mismatch",
        "unit",
        "percentage_point",
        "percent",
    )


def test_duplicate_key(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", "metric: tourism_revenue_growth", "metric: tourist_visits_growth")
    problems = problems_of(assemble_copy, folder)
    assert {p.code for p in problems} == {"duplicate-key"}
    assert len(problems) == 2 and all("tourist_visits_growth" in p.message for p in problems)


def test_value_outside_metric_range(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", "value: 93.82", "value: 193.82")
    problems = problems_of(assemble_copy, folder)
    assert [p.code for p in problems] == ["value-out-of-range"]
    assert problems[0].found == 193.82 and problems[0].expected == "0..100"


def test_value_that_disagrees_with_the_words(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", "value: 28000", "value: 2800")
    [problem] = problems_of(assemble_copy, folder)
    assert problem.code == "surface-value" and problem.field == "value" and "2.8万户" in problem.message


def test_qualifier_that_disagrees_with_the_words(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit(
        "annotations.yaml",
        'surface: "超5.5亿元"\n    qualifier: more_than',
        'surface: "超5.5亿元"\n    qualifier: exact',
    )
    [problem] = problems_of(assemble_copy, folder)
    assert problem.code == "surface-qualifier" and "more_than" in problem.message


def test_unit_that_disagrees_with_the_words(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit(
        "annotations.yaml",
        "metric: shangli.fireworks_mechanisation_rate\n    value: 80\n    unit: percent",
        "metric: shangli.automated_demo_production_lines\n    value: 80\n    unit: count",
    )
    [problem] = problems_of(assemble_copy, folder)
    assert problem.code == "surface-unit" and problem.field == "unit" and "'percent'" in problem.message


def test_surface_outside_its_quote(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", 'surface: "62条"', 'surface: "63条"')
    problems = problems_of(assemble_copy, folder)
    assert problems[0].code == "surface-not-in-quote"


def test_duplicate_id_and_unknown_reference(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", "derived_from: [air-quality-2024,", "derived_from: [air-quality-2023,")
    folder = edit("annotations.yaml", "{air-quality-2024} - ", "{air-quality-2023} - ")
    problems = problems_of(assemble_copy, folder)
    assert [p.code for p in problems] == ["unknown-reference"]


def test_unaccounted_figure_is_listed_with_line_and_context(edit: Callable, assemble_copy: Callable) -> None:
    folder = edit("annotations.yaml", "  - id: startup-jobs", "  - id: startup-jobs-removed")
    text = (folder / "annotations.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: startup-jobs-removed")
    end = text.index("  - id: medical-staff-rewarded")
    (folder / "annotations.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    [problem] = problems_of(assemble_copy, folder)
    assert problem.code == "unaccounted-figure" and problem.found == "1.25万人"
    assert problem.line == 63 and "带动就业1.25万人" in problem.message
    assert problem.path == str(folder / "000_785c74f41207e478.txt")


def test_stale_exclusion_is_reported(shangli_copy: Path, assemble_copy: Callable) -> None:
    path = shangli_copy / "annotations.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('\nexcluded:\n  - quote: "上栗县"\n    start: 2\n    end: 5\n    reason: not a figure\n')
    [problem] = problems_of(assemble_copy, shangli_copy)
    assert problem.code == "stale-exclusion"


def test_changed_report_is_refused_before_anything_else(shangli_copy: Path, assemble_copy: Callable) -> None:
    from county_data import SourceError

    report = next(shangli_copy.glob("*.txt"))
    report.write_bytes(report.read_bytes().replace("62条".encode(), "63条".encode()))
    with pytest.raises(SourceError) as caught:
        assemble_copy(shangli_copy)
    assert caught.value.problems[0].code == "source-hash-mismatch"


def test_a_cycle_of_three_names_each_member_at_its_line_and_nothing_else() -> None:
    from county_data.annotation.entries import Mention, ObservationEntry
    from county_data.annotation.fields import derivation_problems
    from county_data.annotation.formulas import references

    def derived(key: str, formula: str, line: int) -> ObservationEntry:
        refs = tuple(sorted(set(references(formula))))
        mention = Mention("s", "x", 0, 1)
        return ObservationEntry(
            key, "m", "2024", "percent", "x", (mention,), formula=formula, derived_from=refs, line=line
        )

    entries = (
        derived("a", "{c} + 1", 10),
        derived("b", "{a} * 2", 20),
        derived("c", "{b} - {r}", 30),
        derived("d", "{a} / 2", 40),
        ObservationEntry("r", "m", "2020", "percent", "x", (Mention("s", "x", 0, 1),), value=1.0, line=50),
    )
    problems = derivation_problems(entries, "annotations.yaml")
    assert [(p.code, p.line, p.field) for p in problems] == [
        ("derivation-cycle", 10, "derived_from"),
        ("derivation-cycle", 20, "derived_from"),
        ("derivation-cycle", 30, "derived_from"),
    ]
    assert all("'a' (line 10) -> 'c' (line 30) -> 'b' (line 20) -> 'a' (line 10)" in p.message for p in problems)
