"""From a county, its metrics and annotations to the rows of each table.

Pure functions returning lists of dicts; :mod:`county_data.tables.frames` turns them
into validated DataFrames. Rows are sorted by primary key so output is stable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from county_data.annotation.entries import Annotations, HonourEntry, Mention, ObservationEntry
from county_data.annotation.formulas import evaluate, evaluation_order, references
from county_data.catalogue.county import County
from county_data.catalogue.metric import FIELDS as METRIC_FIELDS
from county_data.catalogue.metric import Metric
from county_data.qualifiers import stated_bounds

Row = dict[str, Any]


def county_rows(county: County) -> list[Row]:
    fields = ("name_zh", "name_en", "prefecture_zh", "prefecture_en", "province_zh", "province_en")
    return [{"county_code": county.code, **{name: getattr(county, name) for name in fields}}]


def source_rows(county: County, shipped_paths: Mapping[str, str]) -> list[Row]:
    rows = []
    for source in county.sources:
        rows.append(
            {
                "source_id": source.id,
                "county_code": county.code,
                "kind": source.kind,
                "title": source.title,
                "subject": source.subject or None,
                "outlet": source.outlet or None,
                "published": source.published or None,
                "author": source.author or None,
                "photographs": source.photographs or None,
                "language": source.language,
                "url": source.url or None,
                "licence": source.licence or None,
                "sha256": source.sha256,
                "bytes": source.bytes,
                "path": shipped_paths.get(source.id),
            }
        )
    return sorted(rows, key=lambda row: row["source_id"])


def metric_rows(metrics: Sequence[Metric]) -> list[Row]:
    rows = []
    for metric in sorted(metrics, key=lambda m: m.id):
        row = {name: getattr(metric, name) for name in METRIC_FIELDS}
        row["metric_id"] = row.pop("id")
        row["measure_word"] = metric.measure_word or None
        rows.append(row)
    return rows


def observation_rows(county: County, annotations: Annotations, metrics: Mapping[str, Metric]) -> list[Row]:
    values = _values(annotations.observations)
    rows = [_observation_row(county, entry, metrics[entry.metric], values) for entry in annotations.observations]
    return sorted(rows, key=lambda row: (row["county_code"], row["metric_id"], row["period"], row["source_id"]))


def _values(entries: Sequence[ObservationEntry]) -> dict[str, float]:
    """Reported values first, then derived ones in dependency order.

    Cycles, bad formulas and divisions by zero were refused by the annotation check.
    """
    values = {entry.id: float(entry.value) for entry in entries if entry.value is not None}
    derived = {entry.id: entry for entry in entries if entry.derived}
    order, _ = evaluation_order({key: references(entry.formula) for key, entry in derived.items()})
    for key in order:
        values[key] = round(evaluate(derived[key].formula, values), 10)
    return values


def _observation_row(county: County, entry: ObservationEntry, metric: Metric, values: Mapping[str, float]) -> Row:
    value = values[entry.id]
    lower, upper = stated_bounds(entry.qualifier, value)
    first = entry.mentions[0]
    return {
        "observation_id": entry.id,
        "county_code": county.code,
        "metric_id": entry.metric,
        "period": entry.period,
        "source_id": first.source_id,
        "value": value,
        "unit": entry.unit,
        "measure_word": metric.measure_word or None,
        "qualifier": entry.qualifier,
        "lower_bound": entry.lower if entry.lower is not None else lower,
        "upper_bound": entry.upper if entry.upper is not None else upper,
        "surface": entry.surface,
        "baseline_period": entry.baseline_period or None,
        "period_text": entry.period_text or None,
        "method": "derived" if entry.derived else "reported",
        "formula": entry.formula or None,
        "derived_from": " ".join(entry.derived_from) or None,
        "section": _section(county, first),
        "quote": first.quote,
        "char_start": first.start,
        "char_end": first.end,
        "mentions": len(entry.mentions),
        "note": entry.note or None,
    }


def _section(county: County, mention: Mention) -> str | None:
    return county.source(mention.source_id).section_at(mention.start) or None


def mention_rows(county: County, annotations: Annotations) -> list[Row]:
    records: list[ObservationEntry | HonourEntry] = [*annotations.observations, *annotations.honours]
    rows = [
        {
            "record_id": record.id,
            "source_id": mention.source_id,
            "char_start": mention.start,
            "char_end": mention.end,
            "quote": mention.quote,
            "section": _section(county, mention),
        }
        for record in records
        for mention in record.mentions
    ]
    return sorted(rows, key=lambda row: (row["record_id"], row["source_id"], row["char_start"]))


def honour_rows(county: County, annotations: Annotations) -> list[Row]:
    rows = []
    for honour in annotations.honours:
        first = honour.mentions[0]
        rows.append(
            {
                "honour_id": honour.id,
                "county_code": county.code,
                "name_zh": honour.name_zh,
                "name_en": honour.name_en,
                "level": honour.level,
                "year": honour.year,
                "source_id": first.source_id,
                "section": _section(county, first),
                "quote": first.quote,
                "char_start": first.start,
                "char_end": first.end,
                "note": honour.note or None,
            }
        )
    return sorted(rows, key=lambda row: row["honour_id"])
