"""Relations as data: parsed, checked against the catalogue, evaluated over spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from county_data import CatalogueError
from county_data.catalogue.core import core_relations
from county_data.catalogue.relations import Relation, Span, read_relations


def test_sums_and_ratios_over_spans() -> None:
    relation = Relation("r", "a = b + c / d")
    left, right = relation.evaluate({"a": Span(1, 2), "b": Span(1, 1), "c": Span(2, 4), "d": Span(2, 2)})
    assert (left, right) == (Span(1, 2), Span(2, 3))
    assert left.meets(right) and not Span(0, 1.9).meets(right)


def test_division_by_a_span_around_zero_allows_anything() -> None:
    assert (Span(1, 1) / Span(-1, 1)) == Span(-float("inf"), float("inf"))


def test_tolerance_widens_the_right_side() -> None:
    _, right = Relation("r", "a = b", tolerance=0.05).evaluate({"a": Span(0, 0), "b": Span(100, 100)})
    assert right == Span(95, 105)


def test_the_core_relations_name_core_metrics_in_written_order() -> None:
    by_id = {relation.id: relation for relation in core_relations()}
    assert by_id["gdp-by-sector"].metric_ids == ("gdp", "gdp_primary", "gdp_secondary", "gdp_tertiary")
    assert by_id["gdp_primary-share"].holds == "gdp_primary_share = 100 * gdp_primary / gdp"


def test_a_named_relation_is_a_structure_of_parts_in_written_order() -> None:
    by_id = {relation.id: relation for relation in core_relations()}
    structure = by_id["gdp-structure"]
    assert structure.parts == ("gdp_primary_share", "gdp_secondary_share", "gdp_tertiary_share")
    assert {"三次产业结构", "产业结构", "三次产业比例"} <= set(structure.names)
    assert by_id["gdp-by-sector"].parts == ()  # a sum, but no name: not reported as a ratio


def test_no_two_structures_share_a_name() -> None:
    names = [name for relation in core_relations() for name in relation.names]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("entry", "field", "reason"),
    [
        ("holds: gdp = gdp_primary\n    names: [生产总值结构]", "holds", "'part + part + ... = 100'"),
        ("holds: gdp + gdp_primary = 99\n    names: [生产总值结构]", "holds", "'part + part + ... = 100'"),
        ("holds: gdp + gdp = 100\n    names: [生产总值结构]", "holds", "'part + part + ... = 100'"),
        ("holds: gdp + gdp_primary = 100\n    names: 生产总值结构", "names", "a list of the words"),
        ("holds: gdp + gdp_primary = 100\n    names: []", "names", "a list of the words"),
    ],
)
def test_names_make_a_relation_a_structure_or_are_a_named_error(
    tmp_path: Path, entry: str, field: str, reason: str
) -> None:
    path = tmp_path / "core.yaml"
    path.write_text(f"metrics: []\nrelations:\n  - id: r\n    {entry}\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        read_relations(path, {"gdp", "gdp_primary"})
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.field) == ("bad-relation", 3, field)
    assert reason in problem.message


@pytest.mark.parametrize(
    ("holds", "reason"),
    [
        ("gdp + gdp_primary", "expression = expression"),
        ("gdp = max(gdp_primary)", "only + - * /"),
        ("gdp = gdp_primary +", "must be arithmetic"),
        ("gdp = gdp_primary + no_such_metric", "must be in the catalogue"),
    ],
)
def test_a_malformed_relation_is_a_named_error(tmp_path: Path, holds: str, reason: str) -> None:
    path = tmp_path / "core.yaml"
    path.write_text(f"metrics: []\nrelations:\n  - id: r\n    holds: {holds}\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        read_relations(path, {"gdp", "gdp_primary"})
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.field) == ("bad-relation", 3, "holds")
    assert reason in problem.message
