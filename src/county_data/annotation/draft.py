"""Draft annotations for a new report: one entry per figure, for a person to edit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from county_data.catalogue.metric import Metric
from county_data.source.frozen import decode_report

CONTEXT_CHARS = 24
CLAUSE_BREAKS = "，。；：！？,;:!?\n"
MIN_SUGGESTION_SCORE = 0.3


def read_report(path: Path) -> tuple[str, str]:
    """Text and encoding of a report file (UTF-8, UTF-8 with BOM or GB18030)."""
    from county_data.errors import Problem, SourceError

    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(
            Problem("unreadable-report", f"cannot read the report ({error.strerror})", path=str(path))
        ) from None
    return decode_report(data, path)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def clause_around(text: str, start: int, end: int, floor: int = 0) -> str:
    """The words of the clause a figure sits in: back to a break (or ``floor``), on to the next break."""
    left = max(floor, start - CONTEXT_CHARS, *(text.rfind(mark, 0, start) + 1 for mark in CLAUSE_BREAKS))
    stops = [i for i in (text.find(mark, end, end + CONTEXT_CHARS) for mark in CLAUSE_BREAKS) if i >= 0]
    return text[left : min(stops, default=min(len(text), end + CONTEXT_CHARS))]


def suggest_metric(context: str, metrics: Iterable[Metric], unit: str = "", measure_word: str = "") -> str | None:
    """The catalogue metric of the figure's unit whose Chinese label shares most two-character pieces with ``context``."""
    words = _bigrams(context)
    best, best_score = None, 0.0
    for metric in sorted(metrics, key=lambda m: m.id):
        if unit and (metric.unit != unit or (metric.measure_word and metric.measure_word != measure_word)):
            continue
        label = _bigrams(metric.label_zh)
        score = len(label & words) / len(label) if label else 0.0
        if score > best_score:
            best, best_score = metric.id, score
    return best if best_score >= MIN_SUGGESTION_SCORE else None


def draft_entries(text: str, metrics: Sequence[Metric] = ()) -> list[dict[str, Any]]:
    """One draft entry per figure the quantity reader finds in ``text``."""
    from county_data.quantity import extract_quantities

    entries, previous_end = [], 0
    for quantity in extract_quantities(text):
        context = clause_around(text, quantity.start, quantity.end, previous_end)
        previous_end = quantity.end
        entries.append(
            {
                "quote": quantity.surface,
                "start": quantity.start,
                "end": quantity.end,
                "line": text.count("\n", 0, quantity.start) + 1,
                "context": context.replace("\n", " "),
                "value": quantity.value,
                "unit": quantity.unit,
                "measure_word": quantity.measure_word,
                "qualifier": quantity.qualifier,
                "lower": quantity.lower,
                "upper": quantity.upper,
                "kind": quantity.kind,
                "period_hints": [{"text": h.text, "role": h.role, "period": h.period} for h in quantity.period_hints],
                "suggested_metric": suggest_metric(context, metrics, quantity.unit, quantity.measure_word),
            }
        )
    return entries


def render_draft(entries: list[dict[str, Any]], report: str, encoding: str, format: str) -> str:
    import json

    document = {"report": report, "encoding": encoding, "figures": entries}
    if format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2)
    import yaml

    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)
