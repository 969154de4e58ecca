"""Relations between metrics, declared as data: ``gdp = gdp_primary + gdp_secondary + gdp_tertiary``.

A relation is two arithmetic expressions (+ - * / over metric ids and numbers)
that must be equal. Figures are never exact, so both sides are evaluated over
:class:`Span` s, the ranges of values each figure's wording and rounding allow,
and the relation holds when the two ranges meet.

A relation with ``names`` is a structure: a whole reports give as a ratio of its parts
(三次产业结构为14.4:41.4:44.2). It reads ``part + part + ... = 100``, the parts in the
order reports write them, and ``names`` are the words reports name the structure by.
"""

from __future__ import annotations

import ast
import functools
import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from county_data.catalogue.metric import MetricSpec
from county_data.catalogue.yaml_file import line_of, plain, read_yaml
from county_data.errors import CatalogueError, Problem

RELATION_FIELDS = ("id", "holds", "tolerance", "names")


@dataclass(frozen=True, slots=True)
class Span:
    """The closed range ``low..high`` of values a figure (or an expression of figures) may take."""

    low: float
    high: float

    @classmethod
    def point(cls, value: float) -> Span:
        return cls(value, value)

    def meets(self, other: Span) -> bool:
        return self.low <= other.high and other.low <= self.high

    def widened(self, share: float) -> Span:
        spread = share * max(abs(self.low), abs(self.high))
        return Span(self.low - spread, self.high + spread) if math.isfinite(spread) else self

    def __add__(self, other: Span) -> Span:
        return Span(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Span) -> Span:
        return Span(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Span) -> Span:
        products = [_times(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Span(min(products), max(products))

    def __truediv__(self, other: Span) -> Span:
        if other.low <= 0 <= other.high:
            return Span(-math.inf, math.inf)
        return self * Span(1 / other.high, 1 / other.low)


def _times(a: float, b: float) -> float:
    return 0.0 if a == 0 or b == 0 else a * b


_OPERATORS: dict[type, Callable[[Span, Span], Span]] = {
    ast.Add: Span.__add__,
    ast.Sub: Span.__sub__,
    ast.Mult: Span.__mul__,
    ast.Div: Span.__truediv__,
}


@dataclass(frozen=True, slots=True)
class Relation:
    """``holds`` reads ``expression = expression``; ``tolerance`` widens it by a share of its right side;
    ``names`` make it a structure (see the module)."""

    id: str
    holds: str
    tolerance: float = 0.0
    code: str = "relation-broken"
    line: int | None = None
    names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.holds.count("=") != 1:
            raise ValueError(f"relation {self.id!r}: holds must read 'expression = expression' (got {self.holds!r})")
        for side in self.sides:
            _check_node(self.id, side)
        if not 0 <= self.tolerance < 1:
            raise ValueError(f"relation {self.id!r}: tolerance must be a share in 0..1 (got {self.tolerance})")
        if self.names and not _is_structure(*self.sides):
            message = f"relation {self.id!r}: a relation with names is a structure, 'part + part + ... = 100'"
            raise ValueError(f"{message} (got {self.holds!r})")

    @property
    def sides(self) -> tuple[ast.expr, ast.expr]:
        return _sides(self.id, self.holds)

    @property
    def metric_ids(self) -> tuple[str, ...]:
        return _metric_ids(self.id, self.holds)

    @property
    def parts(self) -> tuple[str, ...]:
        """The metric ids of a structure's parts in written order; () for a relation without names."""
        return self.metric_ids if self.names else ()

    def evaluate(self, spans: Mapping[str, Span]) -> tuple[Span, Span]:
        """Both sides over ``spans`` (one per metric id); the right side widened by the tolerance."""
        left, right = (_evaluate(side, spans) for side in self.sides)
        return left, right.widened(self.tolerance)


def _is_structure(left: ast.expr, right: ast.expr) -> bool:
    """Whether ``left = right`` reads ``part + part + ... = 100`` with at least two distinct parts."""
    terms = []
    while isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add):
        terms.append(left.right)
        left = left.left
    terms.append(left)
    parts = {term.id for term in terms if isinstance(term, ast.Name)}
    hundred = isinstance(right, ast.Constant) and right.value == 100
    return hundred and len(parts) == len(terms) >= 2


# Cached: every observation of a county is checked against the relations of its metrics, and
# counties share relations; the parsed trees are only read.
@functools.lru_cache(maxsize=4096)
def _sides(relation_id: str, holds: str) -> tuple[ast.expr, ast.expr]:
    left, right = holds.split("=")
    return _parse(relation_id, left), _parse(relation_id, right)


@functools.lru_cache(maxsize=4096)
def _metric_ids(relation_id: str, holds: str) -> tuple[str, ...]:
    in_order = [sorted(_names(side), key=lambda name: name.col_offset) for side in _sides(relation_id, holds)]
    return tuple(dict.fromkeys(name.id for names in in_order for name in names))


def _names(node: ast.expr) -> list[ast.Name]:
    return [child for child in ast.walk(node) if isinstance(child, ast.Name)]


def _parse(relation_id: str, text: str) -> ast.expr:
    try:
        return ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        raise ValueError(f"relation {relation_id!r}: {text.strip()!r} must be arithmetic over metric ids") from None


def _check_node(relation_id: str, node: ast.expr) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        _check_node(relation_id, node.left)
        _check_node(relation_id, node.right)
    elif not isinstance(node, ast.Name) and not (isinstance(node, ast.Constant) and _is_number(node.value)):
        message = f"relation {relation_id!r}: may use only + - * /, numbers and metric ids (got {ast.unparse(node)!r})"
        raise ValueError(message)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _evaluate(node: ast.expr, spans: Mapping[str, Span]) -> Span:
    if isinstance(node, ast.BinOp):
        return _OPERATORS[type(node.op)](_evaluate(node.left, spans), _evaluate(node.right, spans))
    if isinstance(node, ast.Name):
        return spans[node.id]
    assert isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
    return Span.point(float(node.value))


def share_relations(specs: Iterable[MetricSpec]) -> list[Relation]:
    """``<id>_share = 100 * <id> / <share_of>`` for every entry reported as a share of a whole."""
    return [
        Relation(
            f"{spec.id}-share", f"{spec.id}_share = 100 * {spec.id} / {spec.share_of}", code="share-relation-broken"
        )
        for spec in specs
        if spec.share_of
    ]


def read_relations(path: Path, metric_ids: Collection[str]) -> list[Relation]:
    """The ``relations:`` of a catalogue file; each may name only metrics in ``metric_ids``."""
    data = read_yaml(path)
    entries = data.get("relations") or [] if isinstance(data, dict) else []
    relations, problems = [], []
    for entry in entries:
        try:
            relations.append(_relation_from(entry, metric_ids))
        except (TypeError, ValueError) as error:
            field = "names" if isinstance(error, _BadNames) else "holds"
            problems.append(Problem("bad-relation", str(error), path=str(path), line=line_of(entry), field=field))
    if problems:
        raise CatalogueError(problems)
    return relations


def _relation_from(entry: object, metric_ids: Collection[str]) -> Relation:
    if not isinstance(entry, dict):
        raise TypeError(f"relation must be a mapping with {list(RELATION_FIELDS)} (got {entry!r})")
    fields = plain(entry)
    if set(fields) - set(RELATION_FIELDS) or not {"id", "holds"} <= set(fields):
        raise TypeError(
            f"relation must have the fields id, holds and optionally tolerance, names (got {sorted(fields)})"
        )
    if "names" in fields:
        fields["names"] = _names_from(fields["id"], fields["names"])
    relation = Relation(**fields, line=line_of(entry))
    unknown = [name for name in relation.metric_ids if name not in metric_ids]
    if unknown:
        raise ValueError(f"relation {relation.id!r}: metrics must be in the catalogue (got {unknown})")
    return relation


class _BadNames(TypeError):
    """The ``names`` of a relation are not a list of words."""


def _names_from(relation_id: object, names: object) -> tuple[str, ...]:
    if not isinstance(names, list) or not names or not all(isinstance(name, str) and name for name in names):
        raise _BadNames(f"relation {relation_id!r}: names must be a list of the words reports use (got {names!r})")
    return tuple(names)
