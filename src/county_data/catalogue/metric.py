"""The metric catalogue: what each observed number measures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from county_data.catalogue.units import UNIT_CODES
from county_data.catalogue.yaml_file import line_of, plain, read_yaml, unknown_key_problems
from county_data.errors import CatalogueError, Problem

MEASURE_KINDS = ("level", "cumulative", "change", "growth_rate", "share", "rank")
METRIC_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Metric:
    """One catalogue entry; ``measure_word`` is set for counts (条, 家, 户 …)."""

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
            raise ValueError(f"metric id must be lower_snake_case (got {self.id!r})")
        if self.unit not in UNIT_CODES:
            raise ValueError(f"metric unit must be one of {UNIT_CODES} (got {self.unit!r})")
        if self.measure_kind not in MEASURE_KINDS:
            raise ValueError(f"measure kind must be one of {MEASURE_KINDS} (got {self.measure_kind!r})")
        if (self.unit == "count") != bool(self.measure_word):
            raise ValueError(f"metric {self.id!r}: counts and only counts need a measure word")

    def accepts(self, value: float) -> bool:
        low_ok = self.min_value is None or value >= self.min_value
        return low_ok and (self.max_value is None or value <= self.max_value)


FIELDS = tuple(Metric.__dataclass_fields__)


def read_metrics(path: Path) -> list[Metric]:
    """Read a catalogue file: a YAML list of metric mappings, each with known fields only."""
    entries = read_yaml(path)
    if not isinstance(entries, list):
        raise CatalogueError(Problem("bad-catalogue", "catalogue must be a YAML list of metrics", path=str(path)))
    metrics: list[Metric] = []
    problems: list[Problem] = []
    for entry in entries:
        unknown = unknown_key_problems(entry, FIELDS, path, f"metric {_id_of(entry)!r}")
        if unknown:
            problems += unknown
            continue
        try:
            metrics.append(_metric_from(entry))
        except (TypeError, ValueError) as error:
            problems.append(Problem("bad-metric", str(error), path=str(path), line=line_of(entry)))
    if problems:
        raise CatalogueError(problems)
    return metrics


def _id_of(entry: object) -> object:
    return entry.get("id") if isinstance(entry, dict) else None


def _metric_from(entry: object) -> Metric:
    if not isinstance(entry, dict):
        raise TypeError(f"metric must be a mapping (got {type(entry).__name__})")
    return Metric(**plain(entry))
