"""Check annotations against the frozen texts and the metric catalogue.

Every problem is collected (not only the first) and names the annotation
file, the YAML line, the field, what was found and what was expected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from county_data.annotation.entries import Annotations, HonourEntry, Mention, ObservationEntry
from county_data.annotation.formulas import (
    DivisionByZero,
    FormulaError,
    check_formula,
    evaluate,
    evaluation_order,
    references,
)
from county_data.catalogue.metric import Metric
from county_data.errors import Problem


def check_annotations(
    annotations: Annotations,
    metrics: Mapping[str, Metric],
    texts: Mapping[str, str],
    county_code: str,
) -> list[Problem]:
    """All problems of ``annotations``; texts missing from ``texts`` are not quote-checked."""
    path = str(annotations.path)
    problems: list[Problem] = []
    for entry in annotations.observations:
        problems += _check_observation(entry, metrics, path)
    problems += _check_keys(annotations.observations, county_code, path)
    problems += _check_ids(annotations, path)
    problems += derivation_problems(annotations.observations, path)
    problems += measure_word_problems(annotations.observations, metrics, path)
    for mention in _all_mentions(annotations):
        problems += _check_mention(mention, texts, path)
    return problems


def _all_mentions(annotations: Annotations) -> list[Mention]:
    mentions = [m for entry in annotations.observations for m in entry.mentions]
    mentions += [m for honour in annotations.honours for m in honour.mentions]
    return mentions + [exclusion.mention for exclusion in annotations.excluded]


def check_mention(mention: Mention, text: str, path: str) -> list[Problem]:
    """The quote must equal the frozen text at its offsets."""
    found = text[mention.start : mention.end]
    if found == mention.quote:
        return []
    elsewhere = text.find(mention.quote)
    hint = f"; the quote occurs at {elsewhere}" if elsewhere >= 0 else "; the quote is not in the text"
    return [
        Problem(
            "quote-mismatch",
            f"quote must equal the text at {mention.start}..{mention.end} "
            f"(expected {mention.quote!r}, found {found!r}{hint})",
            path=path,
            line=mention.line,
            field="quote",
            found=found,
            expected=mention.quote,
        )
    ]


def _check_mention(mention: Mention, texts: Mapping[str, str], path: str) -> list[Problem]:
    if mention.source_id not in texts:
        return []
    return check_mention(mention, texts[mention.source_id], path)


def _check_observation(entry: ObservationEntry, metrics: Mapping[str, Metric], path: str) -> list[Problem]:
    def problem(code: str, field: str, message: str, found: object = None, expected: object = None) -> Problem:
        return Problem(code, f"observation {entry.id!r}: {message}", path, entry.line, None, field, found, expected)

    metric = metrics.get(entry.metric)
    if metric is None:
        return [
            problem("unknown-metric", "metric", f"metric must be in the catalogue (got {entry.metric!r})", entry.metric)
        ]
    problems = []
    if entry.unit != metric.unit:
        message = f"unit must be {metric.unit!r}, the unit of metric {metric.id!r} (got {entry.unit!r})"
        problems.append(problem("unit-mismatch", "unit", message, entry.unit, metric.unit))
    if entry.derived == (entry.value is not None):
        problems.append(problem("bad-value", "value", "give a value for reported facts, a formula for derived ones"))
    if entry.value is not None and not metric.accepts(entry.value):
        expected = f"{metric.min_value}..{metric.max_value}"
        message = f"value must be within {expected} for {metric.id!r} (got {entry.value})"
        problems.append(problem("value-out-of-range", "value", message, entry.value, expected))
    if entry.surface not in entry.mentions[0].quote:
        message = f"surface must be part of the first quote (got {entry.surface!r})"
        problems.append(problem("surface-not-in-quote", "surface", message, entry.surface))
    if entry.derived and set(references(entry.formula)) != set(entry.derived_from):
        message = f"derived_from must list the ids the formula uses {references(entry.formula)} (got {list(entry.derived_from)})"
        problems.append(problem("bad-derivation", "derived_from", message))
    return problems


def _check_keys(entries: tuple[ObservationEntry, ...], county_code: str, path: str) -> list[Problem]:
    keys = Counter((county_code, e.metric, e.period, e.source_id) for e in entries)
    problems = []
    for entry in entries:
        key = (county_code, entry.metric, entry.period, entry.source_id)
        if keys[key] > 1:
            message = f"observation {entry.id!r}: duplicate key (county, metric, period, source) {key}"
            problems.append(Problem("duplicate-key", message, path, entry.line, None, "metric", key, "a unique key"))
    return problems


def _check_ids(annotations: Annotations, path: str) -> list[Problem]:
    entries: list[ObservationEntry | HonourEntry] = [*annotations.observations, *annotations.honours]
    counts = Counter(entry.id for entry in entries)
    known = {entry.id for entry in annotations.observations}
    problems = [
        Problem("duplicate-id", f"id {entry.id!r} is used {counts[entry.id]} times", path, entry.line, None, "id")
        for entry in entries
        if counts[entry.id] > 1
    ]
    for entry in annotations.observations:
        for ref in entry.derived_from:
            if ref not in known:
                message = f"observation {entry.id!r}: derived_from names unknown observation {ref!r}"
                problems.append(Problem("unknown-reference", message, path, entry.line, None, "derived_from", ref))
    return problems


def derivation_problems(entries: tuple[ObservationEntry, ...], path: str) -> list[Problem]:
    """Formulas that are not arithmetic, derived rows that refer to each other, divisions by zero."""
    problems, sound = [], {}
    for entry in entries:
        if entry.derived:
            try:
                check_formula(entry.formula)
                sound[entry.id] = entry
            except FormulaError as error:
                problems.append(_derivation_problem("bad-formula", entry, path, "formula", str(error)))
    order, cycles = evaluation_order(
        {key: (*entry.derived_from, *references(entry.formula)) for key, entry in sound.items()}
    )
    problems += [problem for cycle in cycles for problem in _cycle_problems(cycle, sound, path)]
    values = {entry.id: float(entry.value) for entry in entries if entry.value is not None}
    for key in order:
        entry = sound[key]
        if all(ref in values for ref in references(entry.formula)):
            try:
                values[key] = evaluate(entry.formula, values)
            except DivisionByZero as error:
                problems.append(_derivation_problem("formula-division-by-zero", entry, path, "formula", str(error)))
    return problems


def _cycle_problems(cycle: list[str], entries: Mapping[str, ObservationEntry], path: str) -> list[Problem]:
    where = " -> ".join(f"{key!r} (line {entries[key].line})" for key in [*cycle, cycle[0]])
    message = f"derived_from must not lead back to the observation itself (got the cycle {where})"
    members = sorted(cycle, key=lambda key: entries[key].line or 0)
    return [
        _derivation_problem("derivation-cycle", entries[key], path, "derived_from", message, cycle) for key in members
    ]


def _derivation_problem(
    code: str, entry: ObservationEntry, path: str, field: str, message: str, found: object = None
) -> Problem:
    found = entry.formula if found is None else found
    return Problem(code, f"observation {entry.id!r}: {message}", path, entry.line, None, field, found)


def measure_word_problems(
    entries: tuple[ObservationEntry, ...], metrics: Mapping[str, Metric], path: str
) -> list[Problem]:
    """Counts whose surface names another measure word than their metric (56家 against a metric counted in 个)."""
    from county_data.quantity import parse_quantity

    problems = []
    for entry in entries:
        metric = metrics.get(entry.metric)
        if metric is None or not metric.measure_word or entry.unit != "count":
            continue
        quantity = parse_quantity(entry.surface)
        written = quantity.measure_word if quantity is not None and quantity.unit == "count" else ""
        if written and written != metric.measure_word:
            message = (
                f"observation {entry.id!r}: the measure word of {entry.surface!r} must be {metric.measure_word!r}, "
                f"the one metric {metric.id!r} counts in (got {written!r}); choose the metric that counts in {written!r}"
            )
            problems.append(
                Problem(
                    "measure-word-mismatch", message, path, entry.line, None, "metric", written, metric.measure_word
                )
            )
    return problems
