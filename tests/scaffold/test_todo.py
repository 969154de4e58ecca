"""TODO markers: written by the scaffold, refused wherever they are left, named by file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from county_data.annotation.entries import read_annotations
from county_data.catalogue.yaml_file import read_yaml
from county_data.errors import AnnotationError
from county_data.scaffold.todo import is_todo, suggestion_of, todo, todo_problems


def test_marker_carries_the_suggestion() -> None:
    assert todo("gdp") == "TODO: gdp"
    assert todo() == todo("") == "TODO"
    assert suggestion_of("TODO: gdp") == "gdp"
    assert is_todo("TODO") and is_todo("TODO: x")
    assert not is_todo("TODOS") and not is_todo("todo") and not is_todo(5)


def test_every_marker_in_a_nested_document_is_found_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\nb:\n  - c: TODO\n    d:\n      - e: 'TODO: 2021'\nf: TODO is fine here\n", "utf-8")
    problems = todo_problems(read_yaml(path), path)
    assert [(p.line, p.field, p.found) for p in problems] == [(3, "c", "TODO"), (5, "e", "TODO: 2021")]
    assert "'2021'" in problems[1].message


def test_reading_annotations_refuses_a_marker_before_any_other_check(tmp_path: Path) -> None:
    path = tmp_path / "annotations.yaml"
    path.write_text(
        "source: s\nobservations:\n  - id: x\n    metric: 'TODO: gdp'\n    period: TODO\n", encoding="utf-8"
    )
    with pytest.raises(AnnotationError) as raised:
        read_annotations(path)
    found = [(p.code, p.line, p.field) for p in raised.value.problems]
    assert found == [("unresolved-todo", 4, "metric"), ("unresolved-todo", 5, "period")]
