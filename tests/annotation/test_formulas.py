import pytest

from county_data.annotation.formulas import evaluate, references


def test_references_in_order() -> None:
    assert references("{a} - {b-2} * {a}") == ("a", "b-2", "a")


@pytest.mark.parametrize(
    ("formula", "expected"), [("{a} - {b}", 90.0), ("({a} + {b}) / 2", 48.82), ("{a} * 100", 9382.0)]
)
def test_evaluate(formula: str, expected: float) -> None:
    assert evaluate(formula, {"a": 93.82, "b": 3.82}) == pytest.approx(expected)


@pytest.mark.parametrize("formula", ["__import__('os')", "{a} ** 2", "max({a}, 1)", "{a}.real"])
def test_only_arithmetic_is_allowed(formula: str) -> None:
    with pytest.raises(ValueError, match="formula may only use"):
        evaluate(formula, {"a": 1.0})
