"""Draft annotations for a new report: one entry per figure, for a person to edit."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from json.encoder import encode_basestring as _encode_basestring
from typing import TYPE_CHECKING, Any

from county_data.catalogue.metric import Metric
from county_data.source.frozen import line_at, line_starts

if TYPE_CHECKING:
    from county_data.annotation.suggest import Catalogue, Figure
    from county_data.periods.rule import TextContext
    from county_data.quantity import Quantity
    from county_data.quantity.tables import TableCell

CONTEXT_CHARS = 24
CLAUSE_BREAKS = "，。；：！？,;:!?\n"


def clause_around(text: str, start: int, end: int, floor: int = 0) -> str:
    """The words of the clause a figure sits in: back to a break (or ``floor``), on to the next break.

    Looks at most ``CONTEXT_CHARS`` either side, so the cost does not grow with the text.
    """
    window = max(floor, start - CONTEXT_CHARS)
    left = max(window, *(text.rfind(mark, window, start) + 1 for mark in CLAUSE_BREAKS))
    stops = [i for i in (text.find(mark, end, end + CONTEXT_CHARS) for mark in CLAUSE_BREAKS) if i >= 0]
    return text[left : min(stops, default=min(len(text), end + CONTEXT_CHARS))]


def draft_entries(text: str, metrics: Sequence[Metric] = (), dating: TextContext | None = None) -> list[dict[str, Any]]:
    """One draft entry per figure the quantity reader finds in ``text``, with the metric of
    ``metrics`` it measures where the words say so (:mod:`county_data.annotation.suggest`),
    and the period and baseline the period rule decides from the words and ``dating``
    (publication date, headings, a bulletin's title; the words alone when None)."""
    from county_data.annotation.suggest import catalogue_of
    from county_data.periods.rule import TextContext, decide_baseline, decide_period
    from county_data.quantity import extract_quantities
    from county_data.quantity.tables import extract_table_cells

    dating = dating or TextContext()
    entries, previous_end, starts, catalogue = [], 0, line_starts(text), catalogue_of(metrics)
    cells = {(c.quantity.start, c.quantity.end): c for c in extract_table_cells(text)}
    quantities = list(extract_quantities(text))
    spans = [(quantity.start, quantity.end) for quantity in quantities]
    for i, quantity in enumerate(quantities):
        cell = cells.get((quantity.start, quantity.end))
        context = cell_context(cell) if cell else clause_around(text, quantity.start, quantity.end, previous_end)
        previous_end = quantity.end
        decision = decide_period(text, quantity, dating)
        figure = _figure(quantity, decision.period)
        entries.append(
            {
                "quote": quantity.surface,
                "start": quantity.start,
                "end": quantity.end,
                "line": line_at(starts, quantity.start),
                "context": context.replace("\n", " "),
                "value": quantity.value,
                "unit": quantity.unit,
                "measure_word": quantity.measure_word,
                "qualifier": quantity.qualifier,
                "lower": quantity.lower,
                "upper": quantity.upper,
                "kind": quantity.kind,
                "period_hints": [{"text": h.text, "role": h.role, "period": h.period} for h in quantity.period_hints],
                "rule_period": decision.period,
                "rule": decision.rule,
                "rule_baseline": decide_baseline(quantity, decision.period, dating),
                "suggested_metric": _suggestion(text, figure, cell, _spans_before(spans, i), catalogue),
                **({"table": table_place(cell)} if cell else {}),
            }
        )
    return entries


def _spans_before(spans: Sequence[tuple[int, int]], i: int) -> Sequence[tuple[int, int]]:
    """The spans of the figures before the ``i``-th that may lie in its suggester's window."""
    from county_data.annotation.suggest import WINDOW

    first = bisect_left(spans, (spans[i][0] - WINDOW, 0), hi=i)
    return spans[max(0, first - 1) : i]


def _figure(quantity: Quantity, period: str) -> Figure:
    from county_data.annotation.suggest import Figure

    return Figure(quantity.start, quantity.end, quantity.unit, quantity.measure_word, quantity.kind, period)


def _suggestion(
    text: str, figure: Figure, cell: TableCell | None, others: Sequence[tuple[int, int]], catalogue: Catalogue
) -> str | None:
    from county_data.annotation.suggest import suggest_in_cell, suggest_in_text

    if cell is not None:
        return suggest_in_cell(cell.row, cell.caption, cell.column, figure, catalogue)
    return suggest_in_text(text, figure, others, catalogue)


def cell_context(cell: TableCell) -> str:
    """What a table cell is about: its row, its column and the table's title (the words around it are numbers)."""
    return " ".join(part for part in (cell.caption, cell.row, cell.column) if part)


def table_place(cell: TableCell) -> dict[str, str]:
    """The labels of a table cell for a draft entry, in a fixed order."""
    return {"caption": cell.caption, "row": cell.row, "column": cell.column,
            "unit": cell.unit, "unit_source": cell.unit_source}  # fmt: skip


def render_draft(entries: list[dict[str, Any]], report: str, encoding: str, format: str) -> str:
    import json

    document = {"report": report, "encoding": encoding, "figures": entries}
    if format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2)
    return block_yaml(document)


# PyYAML's representer costs about a second per megabyte of report even with
# libyaml, more than reading the figures; a draft is a mapping of scalars and
# lists of flat mappings, which this writes directly as block YAML.
_UNSAFE_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")

_PLAIN_KEY = re.compile("[a-z_][a-z0-9_]*")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def block_yaml(value: Any, indent: str = "") -> str:
    """``value`` (mappings, lists, str, numbers, None) as block YAML that ``yaml.safe_load`` reads back equal."""
    lines: list[str] = []
    _block(value, indent, lines)
    return "\n".join(lines) + "\n"


def _block(value: Any, indent: str, lines: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{indent}{_key(key)}:")
                _block(item, indent if isinstance(item, list) else indent + "  ", lines)
            else:
                lines.append(f"{indent}{_key(key)}: {_scalar(item)}")
        return
    for item in value:
        first = len(lines)
        if isinstance(item, (dict, list)) and item:
            _block(item, indent + "  ", lines)
        else:
            lines.append(f"{indent}  {_scalar(item)}")
        lines[first] = f"{indent}- {lines[first][len(indent) + 2 :]}"


@cache
def _key(key: object) -> str:
    text = str(key)
    return text if _PLAIN_KEY.fullmatch(text) and text not in _YAML_WORDS else _scalar(text)


def _scalar(value: Any) -> str:
    if isinstance(value, str):  # most values: tested first, as the draft has hundreds of thousands
        return _quoted(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (dict, list)):
        return "{}" if isinstance(value, dict) else "[]"
    return _quoted(str(value))


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: a JSON string, with what YAML reads otherwise escaped."""
    quoted = _encode_basestring(text)
    if _UNSAFE_IN_YAML.search(quoted) is None:
        return quoted
    return _UNSAFE_IN_YAML.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _float(value: float) -> str:
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    return text.replace("e", ".0e", 1) if "e" in text and "." not in text else text


def render_annotations(entries: list[dict[str, Any]], text: str, source_id: str, cited: bool = False) -> str:
    """``entries`` in the format of annotations.yaml, TODO markers where a person must decide.

    The mentions of a ``cited`` source carry a prefix and suffix besides their offsets, so
    ``county-data verify`` finds them in a reader's own copy of the text (docs/citations.md).
    """
    from county_data.scaffold.annotations import comment, honours, observation

    lines = [
        "# Drafted by county-data from the quantity reader: review every entry, replace each TODO",
        "# marker, move figures that are not facts to `excluded` with a reason (docs/annotations.md).",
        f"source: {_quoted(source_id)}",
        "observations:" if entries else "observations: []",
    ]
    for entry in entries:
        lines.append(f"  # {comment(entry)}")
        lines.append(block_yaml([observation(entry, text if cited else None)], "  ").rstrip("\n"))
    found = list(honours(text, cited))
    lines.append("honours:" if found else "honours: []")
    lines += [block_yaml([honour], "  ").rstrip("\n") for honour in found]
    lines.append("excluded: []")
    return "\n".join(lines) + "\n"
