"""Each figure of a package as the site shows it: where it is, how it is marked, what its panel says."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from county_data.diff.snapshot import Package, Row
from county_data.qualifiers import allowed
from county_data.site.periods import period_decisions, period_words

if TYPE_CHECKING:
    from county_data.periods.rule import PeriodDecision


@dataclass(frozen=True)
class Detail:
    """One line of a figure's panel; ``lang`` marks Chinese words as Chinese."""

    term: str
    text: str
    lang: str = ""
    href: str = ""


@dataclass(frozen=True)
class Figure:
    """An observation, an honour, or a further mention of one of them, at its place in a source."""

    anchor: str
    detail: str
    kind: str  # reported | derived | honour | mention
    record_id: str
    source_id: str
    start: int
    end: int
    quote: str
    qualifier: str
    details: tuple[Detail, ...]

    @property
    def classes(self) -> str:
        bound = "" if self.kind in ("honour", "mention") else ("q-exact" if self.qualifier == "exact" else "q-bounded")
        return f"{self.kind} {bound}".strip()


def observation_anchor(record_id: str) -> str:
    return f"obs-{record_id}"


def honour_anchor(record_id: str) -> str:
    return f"honour-{record_id}"


def figures(package: Package, text_page: Mapping[str, str]) -> list[Figure]:
    """Every observation, honour and further mention, in source and offset order."""
    metrics = {row["metric_id"]: row for row in package.rows("metrics")}
    where = links(package, text_page)
    dated = period_decisions(package)
    found = [
        _observation(row, metrics.get(row["metric_id"], {}), where, dated.get(row["observation_id"]))
        for row in package.rows("observations")
    ]
    found += [_honour(row, where) for row in package.rows("honours")]
    primary = {(f.record_id, f.source_id, f.start): f for f in found}
    by_id = {f.record_id: f for f in found}
    for row in package.rows("mentions"):
        key = (row["record_id"], row["source_id"], int(row["char_start"]))
        if key not in primary and row["record_id"] in by_id:
            found.append(_mention(row, by_id[row["record_id"]]))
    checked = [
        replace(f, details=(*f.details, Detail("checked", CHECK_WORDS[quote_status(package, f)]))) for f in found
    ]
    return sorted(checked, key=lambda f: (f.source_id, f.start, -f.end, f.anchor))


CHECK_WORDS = {
    "matches": "the quote equals the shipped text at its offsets",
    "differs": "the quote does NOT equal the shipped text at its offsets",
    "unchecked": "text not shipped: check the quote with county-data verify and your own copy",
}


def quote_status(package: Package, figure: Figure) -> str:
    """matches | differs | unchecked: the figure's quote against the shipped text at its offsets."""
    text = package.texts.get(figure.source_id)
    if text is None:
        return "unchecked"
    return "matches" if text[figure.start : figure.end] == figure.quote else "differs"


def links(package: Package, text_page: Mapping[str, str]) -> dict[str, str]:
    """Anchor of every observation and honour -> its permanent link (text page and fragment)."""
    rows = [(observation_anchor(r["observation_id"]), r) for r in package.rows("observations")]
    rows += [(honour_anchor(r["honour_id"]), r) for r in package.rows("honours")]
    return {anchor: f"{text_page.get(row['source_id'], '')}#{anchor}" for anchor, row in rows}


def _observation(row: Row, metric: Row, where: Mapping[str, str], dated: PeriodDecision | None) -> Figure:
    anchor = observation_anchor(row["observation_id"])
    details = [
        Detail("value", _value(row)),
        Detail("as written", row["surface"], lang="zh-Hans"),
        Detail("qualifier", f"{row['qualifier']}: {interval(row)}"),
        Detail("period", period_words(row, dated)),
        Detail("metric", metric.get("label_zh", row["metric_id"]), lang="zh-Hans"),
        Detail("metric (en)", metric.get("label_en", "")),
        Detail("definition", metric.get("definition", "")),
        Detail("measure kind", metric.get("measure_kind", "")),
        Detail("how made", _method(row)),
        *_inputs(row, where),
        Detail("source", f"{row['source_id']}, characters {row['char_start']}–{row['char_end']}"),
        Detail("note", row.get("note", "")),
        Detail("permanent link", f"#{anchor}", href=where[anchor]),
    ]
    kind = "derived" if row["method"] == "derived" else "reported"
    return _figure(anchor, kind, row["observation_id"], row, row["qualifier"], details)


def _honour(row: Row, where: Mapping[str, str]) -> Figure:
    anchor = honour_anchor(row["honour_id"])
    details = [
        Detail("honour", row["name_zh"], lang="zh-Hans"),
        Detail("honour (en)", row["name_en"]),
        Detail("level", row["level"]),
        Detail("year", row["year"] or "not stated"),
        Detail("source", f"{row['source_id']}, characters {row['char_start']}–{row['char_end']}"),
        Detail("note", row.get("note", "")),
        Detail("permanent link", f"#{anchor}", href=where[anchor]),
    ]
    return _figure(anchor, "honour", row["honour_id"], row, "", details)


def _mention(row: Row, first: Figure) -> Figure:
    details = (
        Detail("also stated here", f"{first.record_id}: see its first mention", href=f"#{first.anchor}"),
        *first.details,
    )
    start = row["char_start"]
    return Figure(
        f"{first.anchor}-at-{start}",
        first.detail,
        "mention",
        first.record_id,
        row["source_id"],
        int(start),
        int(row["char_end"]),
        row["quote"],
        first.qualifier,
        details,
    )


def _figure(anchor: str, kind: str, record_id: str, row: Row, qualifier: str, details: list[Detail]) -> Figure:
    kept = tuple(d for d in details if d.text)
    start, end = int(row["char_start"]), int(row["char_end"])
    return Figure(anchor, anchor, kind, record_id, row["source_id"], start, end, row["quote"], qualifier, kept)


def _value(row: Row) -> str:
    word = f" ({row['measure_word']})" if row.get("measure_word") else ""
    return f"{row['value']} {row['unit']}{word}"


def interval(row: Row) -> str:
    """The values the wording allows, in interval notation: (80, ∞) for 超80%."""
    if not row.get("value"):
        return ""
    lower = float(row["lower_bound"]) if row.get("lower_bound") else None
    upper = float(row["upper_bound"]) if row.get("upper_bound") else None
    span = allowed(row["qualifier"], float(row["value"]), lower, upper)
    left = "(" if span.low_open or span.low == float("-inf") else "["
    right = ")" if span.high_open or span.high == float("inf") else "]"
    return f"{left}{_number(span.low)}, {_number(span.high)}{right}"


def _number(value: float) -> str:
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    return str(int(value)) if value.is_integer() else f"{value:.6g}"


def _method(row: Row) -> str:
    return f"derived: {row['formula']}" if row["method"] == "derived" else "reported in the text"


def _inputs(row: Row, where: Mapping[str, str]) -> list[Detail]:
    names = row.get("derived_from", "").split()
    return [Detail("input", name, href=where.get(observation_anchor(name), "")) for name in names]
