from pathlib import Path

import pytest

from core_paths import SHANGLI
from county_data import AnnotationError
from county_data.annotation.entries import read_annotations


def test_shangli_annotations_read_with_lines() -> None:
    annotations = read_annotations(SHANGLI / "annotations.yaml")
    assert len(annotations.observations) == 28
    assert len([e for e in annotations.observations if not e.derived]) == 27
    assert len(annotations.honours) == 4
    assert all(entry.line and entry.line > 1 for entry in annotations.observations)
    patents = next(e for e in annotations.observations if e.id == "fireworks-patents")
    assert len(patents.mentions) == 2


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "annotations.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "source: s\nobservations:\n  - id: a\n    metric: [unclosed\n")
    with pytest.raises(AnnotationError) as caught:
        read_annotations(path)
    problem = caught.value.problems[0]
    assert problem.code == "malformed-yaml" and problem.path == str(path) and problem.line == 5


def test_every_malformed_entry_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """source: s
observations:
  - id: no-metric
    period: "2024"
    unit: percent
    surface: "1%"
    mentions: [{quote: "1%", start: 0, end: 2}]
  - id: bad-period
    metric: m
    period: "last year"
    unit: percent
    surface: "1%"
    mentions: [{quote: "1%", start: 0, end: 2}]
  - id: bad-offsets
    metric: m
    period: "2024"
    unit: percent
    surface: "1%"
    mentions: [{quote: "1%", start: 0, end: 5}]
""",
    )
    with pytest.raises(AnnotationError) as caught:
        read_annotations(path)
    found = [(p.code, p.line, p.field) for p in caught.value.problems]
    assert found == [("missing-field", 3, "metric"), ("bad-period", 8, "period"), ("bad-offsets", 19, "end")]


def test_not_a_mapping_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AnnotationError, match="must be a mapping"):
        read_annotations(write(tmp_path, "- just a list\n"))


def test_wrong_type_names_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'observations:\n  - {id: a, metric: m, period: "2024", unit: percent, surface: x, value: "ten", '
        "mentions: [{quote: x, start: 0, end: 1}]}\n",
    )
    with pytest.raises(AnnotationError) as caught:
        read_annotations(path)
    assert caught.value.problems[0].field == "value"
    assert "'value' must be" in str(caught.value)
