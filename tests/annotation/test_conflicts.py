"""Two sources on one metric and period must allow a common value."""

import pytest

from county_data.annotation.conflicts import agree, conflict_problems
from county_data.annotation.entries import Annotations, Mention, ObservationEntry


def entry(
    value: float, qualifier: str = "exact", source: str = "a", period: str = "2024", id: str = "x"
) -> ObservationEntry:
    mention = Mention(source, "q", 0, 1)
    return ObservationEntry(
        id, "fireworks_output_value", period, "CNY", "q", (mention,), value=value, qualifier=qualifier
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (entry(502.2e8), entry(500e8, "more_than"), True),
        (entry(502.2e8), entry(510e8, "more_than"), False),
        (entry(500e8), entry(500e8, "more_than"), False),
        (entry(500e8), entry(500e8, "at_least"), True),
        (entry(5e6), entry(7e6, "more_than"), False),
        (entry(30), entry(31, "approx"), True),
        (entry(30), entry(40, "approx"), False),
        (entry(100, "less_than"), entry(100, "more_than"), False),
        (entry(100, "at_most"), entry(100, "at_least"), True),
        (entry(200, "more_than"), entry(500, "more_than"), True),
        (entry(8), entry(8), True),
        (entry(8), entry(9), False),
    ],
)
def test_agree(first: ObservationEntry, second: ObservationEntry, expected: bool) -> None:
    assert agree(first, second) is expected and agree(second, first) is expected


def test_conflict_names_both_sources_and_skips_unknown_periods() -> None:
    entries = (
        entry(5e6, source="people", id="a"),
        entry(7e6, "more_than", source="daily", id="b"),
        entry(5e6, source="people", period="unknown", id="c"),
        entry(7e6, "more_than", source="daily", period="unknown", id="d"),
    )
    [problem] = conflict_problems(Annotations(__import__("pathlib").Path("a.yaml"), entries))
    assert problem.code == "source-conflict" and "'people'" in problem.message and "'daily'" in problem.message


def test_same_source_is_not_compared_with_itself() -> None:
    entries = (entry(1, source="s", id="a"), entry(2, source="s", id="b"))
    assert conflict_problems(Annotations(__import__("pathlib").Path("a.yaml"), entries)) == []
