"""county.yaml and metric files: each mapping may use only the keys its record declares."""

from collections.abc import Callable
from pathlib import Path

import pytest

from core_paths import SHANGLI
from county_data import AnnotationError, CatalogueError, read_county, read_metrics
from county_data.catalogue.county import FILE_KEYS, PLACE_KEYS, SECTION_KEYS, SOURCE_KEYS, County
from county_data.catalogue.metric import FIELDS


@pytest.mark.parametrize(
    ("old", "new", "line", "hint"),
    [
        ("licence: CC-BY-4.0", "lisence: CC-BY-4.0", 3, "did you mean 'licence'?"),
        ("  slug: shangli", "  slgu: shangli", 7, "did you mean 'slug'?"),
        ("    author: 钟进文", "    autor: 钟进文", 19, "did you mean 'author'?"),
        ("        start: 2\n", "        strt: 2\n", 32, "did you mean 'start'?"),
    ],
)
def test_county_yaml_refuses_unknown_keys(
    edit: Callable[[str, str, str], Path], old: str, new: str, line: int, hint: str
) -> None:
    folder = edit("county.yaml", old, new)
    with pytest.raises(AnnotationError) as caught:
        read_county(folder)
    problems = [p for p in caught.value.problems if p.code == "unknown-key"]
    assert [(p.line, p.path) for p in problems] == [(line, str(folder / "county.yaml"))]
    assert hint in problems[0].message


def test_county_yaml_refuses_a_key_written_twice(edit: Callable[[str, str, str], Path]) -> None:
    folder = edit("county.yaml", "  slug: shangli\n", "  slug: shangli\n  slug: other\n")
    with pytest.raises(AnnotationError) as caught:
        read_county(folder)
    assert [(p.code, p.line) for p in caught.value.problems] == [("duplicate-yaml-key", 8)]


def test_the_declared_keys_are_the_ones_the_records_read() -> None:
    assert set(PLACE_KEYS) <= set(County.__dataclass_fields__)
    assert {"path", "sections", "sha256", "bytes"} <= set(SOURCE_KEYS)
    assert SECTION_KEYS == ("quote", "start") and "sources" in FILE_KEYS


def test_a_metric_with_a_misspelled_field_is_refused_at_its_line(tmp_path: Path) -> None:
    text = (
        (SHANGLI / "metrics.yaml")
        .read_text(encoding="utf-8")
        .replace("  label_en: Mechanisation", "  label_eng: Mechanisation", 1)
    )
    path = tmp_path / "metrics.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  label_eng: Mechanisation rate of fireworks production") + 1
    with pytest.raises(CatalogueError) as caught:
        read_metrics(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.field) == ("unknown-key", line, "label_eng")
    assert "did you mean 'label_en'?" in problem.message and "fireworks_mechanisation_rate" in problem.message
    assert "label_en" in FIELDS
