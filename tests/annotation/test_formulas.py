import pytest

from county_data.annotation.formulas import (
    DivisionByZero,
    FormulaError,
    check_formula,
    evaluate,
    evaluation_order,
    references,
)


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


@pytest.mark.parametrize(
    ("formula", "shown"),
    [("{a} ** 2", "'**'"), ("{a} // 2", "'//'"), ("{a} % 2", "'%'"), ("True + {a}", "True"), ("{a} +", "not parse")],
)
def test_the_refusal_names_what_is_not_arithmetic(formula: str, shown: str) -> None:
    with pytest.raises(FormulaError, match="formula may only use") as caught:
        check_formula(formula)
    assert shown in str(caught.value)


def test_signs_and_parentheses_are_arithmetic() -> None:
    assert evaluate("-({a} - {b}) * 2", {"a": 1.0, "b": 4.0}) == 6.0


def test_a_zero_divisor_is_named_in_the_curator_s_words() -> None:
    with pytest.raises(DivisionByZero, match=r"must not divide by zero \(got \{b\} - 3.82 = 0\)"):
        evaluate("{a} / ({b} - 3.82)", {"a": 93.82, "b": 3.82})


def test_evaluation_order_puts_each_id_after_what_it_uses() -> None:
    order, cycles = evaluation_order({"c": ["b", "reported"], "b": ["a"], "a": []})
    assert order == ["a", "b", "c"] and cycles == []


def test_every_cycle_is_named_and_what_waits_on_it_is_left_out() -> None:
    order, cycles = evaluation_order({"a": ["b"], "b": ["c"], "c": ["a"], "s": ["s"], "after": ["a"], "free": []})
    assert order == ["free"]
    assert cycles == [["a", "b", "c"], ["s"]]
