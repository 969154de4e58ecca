"""The metric catalogue: what each observed number measures.

A catalogue file declares :class:`MetricSpec` entries, each with the measure
kinds it may take (see :mod:`county_data.catalogue.kinds`); every kind becomes
one :class:`Metric`, the record observations point at and the package's
metrics table lists. Ids of county-specific metrics carry the county's slug as
a namespace: ``shangli.fireworks_output_value``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from county_data.catalogue.kinds import KIND_WORDS, MEASURE_KINDS, kind_id, kind_range, unit_of_kind
from county_data.catalogue.topics import TOPIC_CODES, is_topic
from county_data.catalogue.units import UNIT_CODES
from county_data.catalogue.yaml_file import line_of, plain, read_yaml, unknown_key_problems
from county_data.errors import CatalogueError, Problem

__all__ = ["FIELDS", "MEASURE_KINDS", "METRIC_ID", "Metric", "MetricSpec", "read_metrics", "read_specs"]

NAMESPACE_SEPARATOR = "."
METRIC_ID = re.compile(r"^(?:[a-z][a-z0-9-]*\.)?[a-z][a-z0-9_]*$")


class UnknownTopic(ValueError):
    """A metric's topic is not in :data:`county_data.catalogue.topics.TOPICS`."""


def _check_topic(metric_id: str, topic: str) -> None:
    if not is_topic(topic):
        raise UnknownTopic(f"metric {metric_id!r}: topic must be one of {list(TOPIC_CODES)} (got {topic!r})")


@dataclass(frozen=True, slots=True)
class Metric:
    """One kind of one catalogue entry; ``measure_word`` is set for counts (条, 家, 户 …)."""

    id: str
    label_zh: str
    label_en: str
    topic: str
    unit: str
    measure_kind: str
    definition: str
    measure_word: str = ""
    min_value: float | None = None
    max_value: float | None = None

    def __post_init__(self) -> None:
        if not METRIC_ID.match(self.id):
            raise ValueError(f"metric id must be lower_snake_case, optionally after 'county-slug.' (got {self.id!r})")
        if self.unit not in UNIT_CODES:
            raise ValueError(f"metric unit must be one of {UNIT_CODES} (got {self.unit!r})")
        if self.measure_kind not in MEASURE_KINDS:
            raise ValueError(f"measure kind must be one of {MEASURE_KINDS} (got {self.measure_kind!r})")
        if (self.unit == "count") != bool(self.measure_word):
            raise ValueError(f"metric {self.id!r}: counts and only counts need a measure word")
        _check_topic(self.id, self.topic)

    @property
    def namespace(self) -> str:
        """The county slug before the dot, or ``""`` for a core metric."""
        head, dot, _ = self.id.partition(NAMESPACE_SEPARATOR)
        return head if dot else ""

    def accepts(self, value: float) -> bool:
        low_ok = self.min_value is None or value >= self.min_value
        return low_ok and (self.max_value is None or value <= self.max_value)


#: the columns of the package's metrics table, in order
FIELDS = tuple(Metric.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class MetricSpec:
    """A catalogue entry as declared: one meaning, the kinds it is reported in.

    ``unit`` is the base unit values of the first (own) kind are stored in;
    ``stated_unit`` is the unit reports usually write (亿元, 万人), for readers.
    ``share_of`` names the whole when ``share`` is among the kinds. ``aliases`` are other
    names reports give the metric (生产总值 for 地区生产总值), which ``county-data new``
    matches besides the label when it suggests a metric for a figure.
    """

    id: str
    label_zh: str
    label_en: str
    topic: str
    unit: str
    kinds: tuple[str, ...]
    definition: str
    measure_word: str = ""
    stated_unit: str = ""
    share_of: str = ""
    min_value: float | None = None
    max_value: float | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_topic(self.id, self.topic)
        if any(not isinstance(alias, str) or not alias.strip() for alias in self.aliases):
            raise ValueError(f"metric {self.id!r}: aliases must be a list of names (got {list(self.aliases)})")
        if not self.kinds or len(set(self.kinds)) != len(self.kinds):
            raise ValueError(f"metric {self.id!r}: kinds must list one or more kinds once each (got {self.kinds})")
        unknown = [kind for kind in self.kinds if kind not in MEASURE_KINDS]
        if unknown:
            raise ValueError(f"metric {self.id!r}: kinds must be among {MEASURE_KINDS} (got {unknown})")
        own_unit = unit_of_kind(self.kinds[0], self.unit)
        if own_unit != self.unit:
            raise ValueError(f"metric {self.id!r}: a metric of kind {self.kinds[0]!r} must be in {own_unit!r}")
        if ("share" in self.kinds[1:]) != bool(self.share_of):
            raise ValueError(f"metric {self.id!r}: share_of must name the whole exactly when 'share' is a further kind")

    def metrics(self) -> tuple[Metric, ...]:
        """One :class:`Metric` per kind: the own kind under the bare id, the others as ``<id>_<kind>``."""
        return tuple(self._metric(kind) for kind in self.kinds)

    def _metric(self, kind: str) -> Metric:
        unit = unit_of_kind(kind, self.unit)
        low, high = kind_range(kind, unit)
        if kind == self.kinds[0] or kind in ("level", "cumulative"):
            low = self.min_value if self.min_value is not None else low
            high = self.max_value if self.max_value is not None else high
        suffix, prefix = KIND_WORDS[kind]
        own = kind == self.kinds[0]
        return Metric(
            id=kind_id(self.id, kind, self.kinds[0]),
            label_zh=self.label_zh if own else self.label_zh + suffix,
            label_en=self.label_en if own else f"{prefix} {self.label_en[:1].lower()}{self.label_en[1:]}",
            topic=self.topic,
            unit=unit,
            measure_kind=kind,
            definition=self.definition if own else self._kind_definition(kind, unit),
            measure_word=self.measure_word if unit == "count" else "",
            min_value=low,
            max_value=high,
        )

    def _kind_definition(self, kind: str, unit: str) -> str:
        whole = f" of {self.share_of}" if kind == "share" else ""
        return f"{KIND_WORDS[kind][1]} {self.id}{whole} ({self.label_en}), in {unit}; see {self.id}."


#: the keys a metric entry of a catalogue file may have
DECLARED_FIELDS = tuple(MetricSpec.__dataclass_fields__)


def read_metrics(path: Path) -> list[Metric]:
    """Read a catalogue file into metrics, one per declared kind of each entry."""
    return [metric for spec in read_specs(path) for metric in spec.metrics()]


def read_specs(path: Path) -> list[MetricSpec]:
    """Read a catalogue file: a YAML list of metric entries, or a mapping with ``metrics:``."""
    data = read_yaml(path)
    entries = data.get("metrics") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        message = "catalogue must be a YAML list of metrics or a mapping with 'metrics'"
        raise CatalogueError(Problem("bad-catalogue", message, path=str(path)))
    declared: list[tuple[MetricSpec, int | None]] = []
    problems: list[Problem] = []
    for entry in entries:
        unknown = unknown_key_problems(entry, DECLARED_FIELDS, path, f"metric {_id_of(entry)!r}")
        if unknown:
            problems += unknown
            continue
        try:
            declared.append((_spec_from(entry), line_of(entry)))
        except UnknownTopic as error:
            problems.append(Problem("unknown-topic", str(error), path=str(path), line=line_of(entry), field="topic"))
        except (TypeError, ValueError) as error:
            problems.append(Problem("bad-metric", str(error), path=str(path), line=line_of(entry)))
    problems += _clash_problems(declared, path)
    if problems:
        raise CatalogueError(problems)
    return [spec for spec, _ in declared]


def _id_of(entry: object) -> object:
    return entry.get("id") if isinstance(entry, dict) else None


def _spec_from(entry: object) -> MetricSpec:
    if not isinstance(entry, dict):
        raise TypeError(f"metric must be a mapping (got {type(entry).__name__})")
    fields = plain(entry)
    if not isinstance(fields.get("kinds"), list):
        raise TypeError(f"metric {fields.get('id')!r}: kinds must be a list such as [level, growth]")
    if not isinstance(fields.get("aliases", []), list):
        raise TypeError(f"metric {fields.get('id')!r}: aliases must be a list of names such as [生产总值, GDP]")
    spec = MetricSpec(**{**fields, "kinds": tuple(fields["kinds"]), "aliases": tuple(fields.get("aliases", ()))})
    spec.metrics()
    return spec


def _clash_problems(declared: list[tuple[MetricSpec, int | None]], path: Path) -> list[Problem]:
    """Ids given twice in one file, by two entries or by an entry and another's ``<id>_<kind>``."""
    counts = Counter(metric.id for spec, _ in declared for metric in spec.metrics())
    problems = []
    for spec, line in declared:
        for metric in spec.metrics():
            if counts[metric.id] > 1:
                message = (
                    f"metric {spec.id!r}: id {metric.id!r} must be given once in the file (got {counts[metric.id]})"
                )
                problems.append(Problem("bad-metric", message, path=str(path), line=line, field="id"))
    return problems
