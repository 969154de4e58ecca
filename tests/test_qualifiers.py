"""What 超, 以上, 约 and 近 allow, checked against values read by hand."""

import math

import pytest

from county_data.qualifiers import Interval, allowed, bounds_equal_value, flipped, overlap, stated_bounds

INF = math.inf


@pytest.mark.parametrize(
    ("words", "qualifier", "value", "range_upper", "nearly", "expected"),
    [
        ("达93.82%", "exact", 93.82, None, False, (93.82, 93.82)),
        ("超80%", "more_than", 80, None, False, (80, None)),
        ("80%以上", "at_least", 80, None, False, (80, None)),
        ("3—5万人", "at_least", 3e4, 5e4, False, (3e4, 5e4)),
        ("不足30%", "less_than", 30, None, False, (None, 30)),
        ("50%以下", "at_most", 50, None, False, (None, 50)),
        ("约30个", "approx", 30, None, False, (None, None)),
        ("近30个", "approx", 30, None, True, (None, 30)),
        ("20%至30%左右", "approx", 20, 30, False, (20, 30)),
    ],
)
def test_stated_bounds(
    words: str, qualifier: str, value: float, range_upper: float | None, nearly: bool, expected: tuple
) -> None:
    assert stated_bounds(qualifier, value, range_upper, nearly) == expected, words


@pytest.mark.parametrize(
    ("qualifier", "value", "lower", "upper", "expected"),
    [
        ("exact", 500, 500, 500, Interval(500, 500)),
        ("more_than", 500, 500, None, Interval(500, INF, low_open=True)),
        ("at_least", 500, 500, None, Interval(500, INF)),
        ("less_than", 30, None, 30, Interval(-INF, 30, high_open=True)),
        ("at_most", 30, None, 30, Interval(-INF, 30)),
        ("approx", 30, None, None, Interval(27, 33)),
        ("approx", 30, None, 30, Interval(27, 30)),
        ("approx", -20, None, None, Interval(-22, -18)),
    ],
)
def test_allowed_values(
    qualifier: str, value: float, lower: float | None, upper: float | None, expected: Interval
) -> None:
    got = allowed(qualifier, value, lower, upper)
    assert (got.low_open, got.high_open) == (expected.low_open, expected.high_open)
    assert math.isclose(got.low, expected.low) or got.low == expected.low
    assert math.isclose(got.high, expected.high) or got.high == expected.high


def test_a_range_stays_bounded_above() -> None:
    # 3—5万 (at_least with an upper bound) cannot agree with 超6万
    assert not overlap(allowed("at_least", 3e4, 3e4, 5e4), allowed("more_than", 6e4, 6e4))


@pytest.mark.parametrize(
    ("first", "second", "meet"),
    [
        (Interval(500, 500), Interval(500, INF, low_open=True), False),
        (Interval(500, 500), Interval(500, INF), True),
        (Interval(-INF, 100, high_open=True), Interval(100, INF, low_open=True), False),
        (Interval(-INF, 100), Interval(100, INF), True),
        (Interval(1, 2), Interval(3, 4), False),
    ],
)
def test_overlap(first: Interval, second: Interval, meet: bool) -> None:
    assert overlap(first, second) is meet
    assert overlap(second, first) is meet


def test_a_decline_turns_the_direction_round() -> None:
    assert [flipped(q) for q in ("more_than", "at_least", "less_than", "at_most", "approx", "exact")] == [
        "less_than", "at_most", "more_than", "at_least", "approx", "exact",
    ]  # fmt: skip


def test_which_bounds_equal_the_value() -> None:
    assert bounds_equal_value("exact") == (True, True)
    assert bounds_equal_value("more_than") == (True, False)
    assert bounds_equal_value("at_most") == (False, True)
    assert bounds_equal_value("approx") == (False, False)
