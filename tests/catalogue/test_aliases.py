"""Aliases: the other names of a catalogue entry, read from a catalogue file or refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from county_data import CatalogueError
from county_data.catalogue.core import metrics
from county_data.catalogue.metric import read_specs

ENTRY = """- id: x.fairs_held
  label_zh: 举办展会
  label_en: Fairs held
  topic: economy
  unit: count
  measure_word: 场
  kinds: [level]
  definition: Trade fairs held in the county.
  aliases: {aliases}
"""


def _read(tmp_path: Path, aliases: str) -> list:  # type: ignore[type-arg]
    path = tmp_path / "metrics.yaml"
    path.write_text(ENTRY.format(aliases=aliases), encoding="utf-8")
    return read_specs(path)


def test_aliases_are_read_as_a_tuple_of_names(tmp_path: Path) -> None:
    [spec] = _read(tmp_path, "[展会, 会展活动]")
    assert spec.aliases == ("展会", "会展活动")


@pytest.mark.parametrize(("aliases", "reason"), [("展会", "aliases must be a list"), ('["", 展会]', "list of names")])
def test_malformed_aliases_are_refused_with_file_and_line(tmp_path: Path, aliases: str, reason: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        _read(tmp_path, aliases)
    [problem] = caught.value.problems
    assert problem.code == "bad-metric" and reason in problem.message
    assert problem.path == str(tmp_path / "metrics.yaml") and problem.line == 1


def test_no_alias_names_two_core_entries() -> None:
    """An alias shared by two entries could never suggest either."""
    owners: dict[str, str] = {}
    for spec in metrics():
        for name in (spec.label_zh, *spec.aliases):
            assert owners.setdefault(name, spec.id) == spec.id, name


def test_the_rendered_catalogue_shows_the_other_names(tmp_path: Path) -> None:
    from county_data.catalogue.render import render_catalogue

    [spec] = _read(tmp_path, "[展会场次, 会展数量]")
    [row] = [line for line in render_catalogue([spec], []).splitlines() if line.startswith("| `x.fairs_held`")]
    assert "举办展会<br>also 展会场次<br>also 会展数量" in row
