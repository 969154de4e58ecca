"""Our row rules (checks across columns of one row, which no Table Schema states) as SQL.

The rules are the pandera models' own dataframe checks (``lower_bound <= value <=
upper_bound``, ``char_end > char_start`` …), which ``load`` and ``export`` run on their
frames. A build checks them here, on the files it writes: the columnar engine runs them as
SQL over the typed cells, in the same pass that checks every cell,
without importing pandas or pandera. Each rule carries the name and error of the model's
check it states; a test holds the two to the same tables, rows and messages.

Cells are compared as pandas compares them after ``to_numeric``: as floats, a missing
or NaN cell is missing, and a comparison with a missing value fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from county_data.package.columnar_sql import SCAN_PREFIX


@dataclass(frozen=True)
class RowRule:
    """A check of one row: ``passes`` is SQL over ``{field}`` placeholders (typed, NULL when missing)."""

    check: str  # the name of the pandera dataframe check it states
    error: str  # that check's error, shown as "row must satisfy <error>"
    fields: tuple[str, ...]
    passes: str


QUOTE_SPAN = RowRule(
    "quote_span", "char_end must be after char_start", ("char_start", "char_end"), "{char_end} > {char_start}"
)
VALUE_WITHIN_BOUNDS = RowRule(
    "value_within_bounds",
    "lower_bound <= value <= upper_bound where bounds are given",
    ("value", "lower_bound", "upper_bound"),
    "({lower_bound} IS NULL OR {lower_bound} <= {value}) AND ({upper_bound} IS NULL OR {value} <= {upper_bound})",
)
#: by table, in the order the models list their checks
ROW_RULES: dict[str, tuple[RowRule, ...]] = {
    "observations": (VALUE_WITHIN_BOUNDS, QUOTE_SPAN),
    "mentions": (QUOTE_SPAN,),
    "honours": (QUOTE_SPAN,),
}


def rules_of(resource: str, schema: dict[str, Any]) -> tuple[RowRule, ...]:
    """The rules of the table ``resource`` is named after whose fields its schema has."""
    names = {str(field["name"]) for field in schema["fields"]}
    return tuple(rule for rule in ROW_RULES.get(resource, ()) if set(rule.fields) <= names)


def rule_flags(resource: str, schema: dict[str, Any]) -> Callable[[dict[str, str]], dict[str, str]]:
    """For a scan (:func:`county_data.package.columnar_sql.scan_sql`): a column per rule, true of a row that breaks it."""

    def flags(values: dict[str, str]) -> dict[str, str]:
        return {
            flag_column(
                rule
            ): f"NOT coalesce({rule.passes.format(**{n: _float(values[n]) for n in rule.fields})}, FALSE)"
            for rule in rules_of(resource, schema)
        }

    return flags


def flag_column(rule: RowRule) -> str:
    return f"{SCAN_PREFIX}rule_{rule.check}"


def _float(value: str) -> str:
    """A typed cell as pandas sees it: a float, and NaN as missing."""
    number = f"CAST({value} AS DOUBLE)"
    return f"(CASE WHEN NOT isnan({number}) THEN {number} END)"
