"""Values that follow from other observations (93.82 − 3.82 → the 2020 ratio)."""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Mapping

REFERENCE = re.compile(r"\{([^{}]+)\}")
_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def references(formula: str) -> tuple[str, ...]:
    """Observation ids a formula such as ``{a} - {b}`` refers to, in order."""
    return tuple(REFERENCE.findall(formula))


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Evaluate ``formula`` with + - * / over referenced values; nothing else is allowed."""
    names = {ref: f"_v{index}" for index, ref in enumerate(references(formula))}
    expression = REFERENCE.sub(lambda match: names[match.group(1)], formula)
    bound = {name: values[ref] for ref, name in names.items()}
    return _evaluate_node(ast.parse(expression, mode="eval").body, bound)


def _evaluate_node(node: ast.AST, bound: Mapping[str, float]) -> float:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _evaluate_node(node.left, bound), _evaluate_node(node.right, bound)
        return _OPERATORS[type(node.op)](left, right)
    if isinstance(node, ast.Name):
        return bound[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    raise ValueError(f"formula may only use + - * / numbers and {{ids}} (got {ast.unparse(node)!r})")
