"""Values that follow from other observations (93.82 − 3.82 → the 2020 ratio)."""

from __future__ import annotations

import ast
import functools
import operator
import re
import types
from collections.abc import Callable, Collection, Mapping

REFERENCE = re.compile(r"\{([^{}]+)\}")
_OPERATORS: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_SIGNS: dict[type[ast.unaryop], Callable[[float], float]] = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_SYMBOLS: dict[type[ast.operator], str] = {
    ast.Pow: "**",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.MatMult: "@",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
}
ALLOWED = "+ - * / ( ) numbers and {ids}"


class FormulaError(ValueError):
    """A formula that is not plain arithmetic over observation ids."""


class DivisionByZero(ValueError):
    """A formula whose divisor is 0 for the values it refers to."""


def references(formula: str) -> tuple[str, ...]:
    """Observation ids a formula such as ``{a} - {b}`` refers to, in order."""
    return tuple(REFERENCE.findall(formula))


@functools.lru_cache(maxsize=4096)
def _expression(formula: str) -> tuple[ast.expr, Mapping[str, str]]:
    """The parsed formula with each ``{id}`` replaced by a plain name; names maps name -> id.

    Cached: a county's formulas are checked, ordered and evaluated, and counties share them.
    """
    names = {ref: f"_v{index}" for index, ref in enumerate(dict.fromkeys(references(formula)))}
    expression = REFERENCE.sub(lambda match: names[match.group(1)], formula)
    try:
        tree = ast.parse(expression, mode="eval").body
    except SyntaxError:
        raise FormulaError(f"formula may only use {ALLOWED} (got {formula!r}, which does not parse)") from None
    ids = {name: ref for ref, name in names.items()}
    for node in ast.walk(tree):
        bad = _not_arithmetic(node)
        if bad:
            raise FormulaError(f"formula may only use {ALLOWED} (got {_shown(bad, ids)} in {formula!r})")
    return tree, types.MappingProxyType(ids)


def _shown(expression: str, ids: Mapping[str, str]) -> str:
    """``expression`` with the plain names put back as the ``{ids}`` the curator wrote."""
    return re.sub(r"_v\d+", lambda match: "{" + ids.get(match.group(), match.group()) + "}", expression)


def _not_arithmetic(node: ast.AST) -> str:
    """What is wrong with ``node`` as a piece of a formula ('' when nothing)."""
    if isinstance(node, ast.BinOp) and type(node.op) not in _OPERATORS:
        return f"the operator {_SYMBOLS.get(type(node.op), type(node.op).__name__)!r}"
    if isinstance(node, ast.UnaryOp) and type(node.op) not in _SIGNS:
        return f"{ast.unparse(node)!r}"
    if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or not isinstance(node.value, int | float)):
        return f"the constant {node.value!r}"
    if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.operator, ast.unaryop, ast.Load)):
        return ""
    return f"{ast.unparse(node)!r}"


def check_formula(formula: str) -> None:
    """Raise ``FormulaError`` unless ``formula`` is + - * / and parentheses over numbers and ``{ids}``."""
    _expression(formula)


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Evaluate ``formula`` over the referenced values; ``FormulaError`` or ``DivisionByZero`` otherwise."""
    tree, names = _expression(formula)
    return _evaluate_node(tree, {name: float(values[ref]) for name, ref in names.items()}, formula, names)


def _evaluate_node(node: ast.AST, bound: Mapping[str, float], formula: str, ids: Mapping[str, str]) -> float:
    if isinstance(node, ast.BinOp):
        left, right = (_evaluate_node(side, bound, formula, ids) for side in (node.left, node.right))
        if isinstance(node.op, ast.Div) and right == 0:
            divisor = _shown(ast.unparse(node.right), ids)
            raise DivisionByZero(f"formula {formula!r} must not divide by zero (got {divisor} = 0)")
        return _OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        return _SIGNS[type(node.op)](_evaluate_node(node.operand, bound, formula, ids))
    if isinstance(node, ast.Name):
        return bound[node.id]
    assert isinstance(node, ast.Constant) and isinstance(
        node.value, int | float
    )  # _expression let nothing else through
    return float(node.value)


def evaluation_order(dependencies: Mapping[str, Collection[str]]) -> tuple[list[str], list[list[str]]]:
    """Ids in an order where each follows the ids it depends on, and the cycles that block the rest.

    Dependencies on ids outside ``dependencies`` count as met. Each cycle lists
    its ids in the order they refer to each other, starting from the smallest.
    """
    waiting = {key: {d for d in deps if d in dependencies} for key, deps in dependencies.items()}
    order: list[str] = []
    ready = sorted(key for key, deps in waiting.items() if not deps)
    users: dict[str, list[str]] = {}
    for key, deps in waiting.items():
        for dep in deps:
            users.setdefault(dep, []).append(key)
    while ready:
        key = ready.pop()
        order.append(key)
        for user in users.get(key, ()):
            waiting[user].discard(key)
            if not waiting[user]:
                ready.append(user)
    done = set(order)
    blocked = {key: deps for key, deps in waiting.items() if key not in done}
    return order, _cycles(blocked)


def _cycles(blocked: Mapping[str, Collection[str]]) -> list[list[str]]:
    """Every cycle among ``blocked`` ids, each of which still waits on another blocked id."""
    cycles: dict[frozenset[str], list[str]] = {}
    for start in sorted(blocked):
        path: list[str] = []
        key = start
        while key not in path:
            path.append(key)
            key = min(dep for dep in blocked[key] if dep in blocked)
        cycle = path[path.index(key) :]
        first = cycle.index(min(cycle))
        cycles.setdefault(frozenset(cycle), cycle[first:] + cycle[:first])
    return sorted(cycles.values())
