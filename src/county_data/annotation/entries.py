"""Curated annotations: which figure of a report is which metric, period and kind.

The file is written and reviewed by people; this module only reads it into
records that remember their YAML line, so every later problem can point there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from county_data.catalogue.yaml_file import line_of, read_yaml, unknown_key_problems
from county_data.errors import AnnotationError, Problem
from county_data.periods import is_period
from county_data.qualifiers import QUALIFIERS
from county_data.scaffold.todo import todo_problems

HONOUR_LEVELS = ("national", "provincial", "prefectural")
#: ``period_rule: override``: the curator knows the period better than the rule (say why in ``note``)
OVERRIDE = "override"


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a figure is written: the quote and its character offsets, and the few
    characters around it (``prefix``, ``suffix``) that find it in another copy."""

    source_id: str
    quote: str
    start: int
    end: int
    line: int | None = None
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class ObservationEntry:
    """One fact as annotated; ``formula`` is set for values derived from others."""

    id: str
    metric: str
    period: str
    unit: str
    surface: str
    mentions: tuple[Mention, ...]
    value: float | None = None
    qualifier: str = "exact"
    lower: float | None = None
    upper: float | None = None
    baseline_period: str = ""
    period_text: str = ""
    period_rule: str = ""
    formula: str = ""
    derived_from: tuple[str, ...] = ()
    note: str = ""
    line: int | None = None

    @property
    def source_id(self) -> str:
        return self.mentions[0].source_id

    @property
    def derived(self) -> bool:
        return bool(self.formula)


@dataclass(frozen=True, slots=True)
class HonourEntry:
    """A title the county was awarded; honours are data too."""

    id: str
    name_zh: str
    name_en: str
    level: str
    mentions: tuple[Mention, ...]
    year: int | None = None
    note: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A figure the extractor finds that is not a fact, and why."""

    mention: Mention
    reason: str


@dataclass(frozen=True, slots=True)
class Annotations:
    path: Path
    observations: tuple[ObservationEntry, ...]
    honours: tuple[HonourEntry, ...] = ()
    excluded: tuple[Exclusion, ...] = field(default=())


#: the keys each record of an annotation file may have (one declaration per record type)
MENTION_KEYS = ("source", "quote", "start", "end", "prefix", "suffix")
OBSERVATION_KEYS = tuple(name for name in ObservationEntry.__dataclass_fields__ if name != "line")
HONOUR_KEYS = tuple(name for name in HonourEntry.__dataclass_fields__ if name != "line")
EXCLUSION_KEYS = (*MENTION_KEYS, "reason")
FILE_KEYS = ("source", "observations", "honours", "excluded")


def read_annotations(path: Path) -> Annotations:
    """Read an annotation file, collecting every malformed entry before failing."""
    data = read_yaml(path)
    if not isinstance(data, dict) or "observations" not in data:
        raise AnnotationError(
            Problem("bad-annotations", "annotation file must be a mapping with 'observations'", path=str(path))
        )
    default_source = data.get("source", "")
    unresolved = todo_problems(data, path)
    if unresolved:
        raise AnnotationError(unresolved)
    problems = unknown_key_problems(data, FILE_KEYS, path)
    problems += _unknown_keys(data, path)
    observations = _read_list(data, "observations", _observation, default_source, path, problems)
    honours = _read_list(data, "honours", _honour, default_source, path, problems)
    excluded = _read_list(data, "excluded", _exclusion, default_source, path, problems)
    if problems:
        raise AnnotationError(problems)
    return Annotations(path, tuple(observations), tuple(honours), tuple(excluded))


def _unknown_keys(data: dict[str, Any], path: Path) -> list[Problem]:
    """Keys no record knows, in every observation, honour, exclusion and mention."""
    problems: list[Problem] = []
    for key, known in (("observations", OBSERVATION_KEYS), ("honours", HONOUR_KEYS), ("excluded", EXCLUSION_KEYS)):
        for entry in _entries(data, key):
            problems += unknown_key_problems(entry, known, path, _label(key, entry))
            for mention in _entries(entry, "mentions"):
                problems += unknown_key_problems(mention, MENTION_KEYS, path, f"{_label(key, entry)}, mention")
    return problems


def _entries(data: object, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _label(key: str, entry: object) -> str:
    name = {"observations": "observation", "honours": "honour", "excluded": "exclusion"}[key]
    ident = entry.get("id") or entry.get("quote") if isinstance(entry, dict) else None
    return f"{name} {ident!r}" if ident else name


def _read_list(
    data: dict[str, Any], key: str, reader: Any, source: str, path: Path, problems: list[Problem]
) -> list[Any]:
    records = []
    for entry in data.get(key) or ():
        try:
            records.append(reader(entry, source))
        except _EntryError as error:
            problems.append(Problem(error.code, error.message, path=str(path), line=error.line, field=error.field))
    return records


class _EntryError(Exception):
    def __init__(self, code: str, message: str, line: int | None, field: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.field = code, message, line, field


def _require(entry: Any, key: str, kind: type | tuple[type, ...] = str) -> Any:
    if not isinstance(entry, dict):
        raise _EntryError("bad-entry", f"entry must be a mapping (got {entry!r})", None)
    if key not in entry:
        raise _EntryError("missing-field", f"{key!r} is required", line_of(entry), key)
    value = entry[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        expected = getattr(kind, "__name__", str(kind))
        raise _EntryError("bad-type", f"{key!r} must be {expected} (got {value!r})", line_of(entry), key)
    return value


def _optional(entry: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    return _require(entry, key, kind) if entry.get(key) is not None else default


def _mentions(entry: dict[str, Any], source: str) -> tuple[Mention, ...]:
    raw = _require(entry, "mentions", list)
    if not raw:
        raise _EntryError("missing-field", "'mentions' must list at least one quote", line_of(entry), "mentions")
    return tuple(_mention(item, source) for item in raw)


def _mention(item: Any, source: str) -> Mention:
    quote, start, end = _require(item, "quote"), _require(item, "start", int), _require(item, "end", int)
    if end - start != len(quote):
        message = f"end - start must equal the quote length {len(quote)} (got {start}..{end})"
        raise _EntryError("bad-offsets", message, line_of(item), "end")
    context = _optional(item, "prefix", str, ""), _optional(item, "suffix", str, "")
    return Mention(_optional(item, "source", str, source), quote, start, end, line_of(item), *context)


def _observation(entry: Any, source: str) -> ObservationEntry:
    period = str(_require(entry, "period", (str, int)))
    qualifier = _optional(entry, "qualifier", str, "exact")
    if not is_period(period):
        raise _EntryError(
            "bad-period",
            f"period must be YYYY, YYYY/YYYY, YYYY/.. or unknown (got {period!r})",
            line_of(entry),
            "period",
        )
    period_rule = _optional(entry, "period_rule", str, "")
    if period_rule and (period_rule != OVERRIDE or not entry.get("note")):
        message = f"period_rule must be {OVERRIDE!r} with a note saying why (got {period_rule!r})"
        raise _EntryError("bad-period-rule", message, line_of(entry), "period_rule")
    if qualifier not in QUALIFIERS:
        raise _EntryError(
            "bad-qualifier", f"qualifier must be one of {QUALIFIERS} (got {qualifier!r})", line_of(entry), "qualifier"
        )
    number = (int, float)
    return ObservationEntry(
        id=_require(entry, "id"),
        metric=_require(entry, "metric"),
        period=period,
        unit=_require(entry, "unit"),
        surface=_require(entry, "surface"),
        mentions=_mentions(entry, source),
        value=_optional(entry, "value", number, None),
        qualifier=qualifier,
        lower=_optional(entry, "lower", number, None),
        upper=_optional(entry, "upper", number, None),
        baseline_period=str(_optional(entry, "baseline_period", (str, int), "")),
        period_text=_optional(entry, "period_text", str, ""),
        period_rule=period_rule,
        formula=_optional(entry, "formula", str, ""),
        derived_from=tuple(_optional(entry, "derived_from", list, ())),
        note=_optional(entry, "note", str, ""),
        line=line_of(entry),
    )


def _honour(entry: Any, source: str) -> HonourEntry:
    level = _require(entry, "level")
    if level not in HONOUR_LEVELS:
        raise _EntryError("bad-level", f"level must be one of {HONOUR_LEVELS} (got {level!r})", line_of(entry), "level")
    return HonourEntry(
        id=_require(entry, "id"),
        name_zh=_require(entry, "name_zh"),
        name_en=_require(entry, "name_en"),
        level=level,
        mentions=_mentions(entry, source),
        year=_optional(entry, "year", int, None),
        note=_optional(entry, "note", str, ""),
        line=line_of(entry),
    )


def _exclusion(entry: Any, source: str) -> Exclusion:
    return Exclusion(_mention(entry, source), _require(entry, "reason"))
