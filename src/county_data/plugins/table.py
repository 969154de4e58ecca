"""One typed table per kind of record plugins provide: counties by code, metrics by id, exporters by name.

A table holds the records that exactly one plugin claims, who claims each, the keys two or
more plugins claim (a conflict: the key is withheld, never last-one-wins) and the problems of
plugins whose hook for this kind failed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from county_data.errors import PluginError, Problem

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Claim(Generic[R]):
    """A record as one plugin provided it."""

    plugin: str
    record: R


@dataclass
class Table(Generic[R]):
    """The records of one kind, keyed by ``key_of(record)``."""

    kind: str  # the plural, as the hook says it: "counties", "metrics", "exporters"
    noun: str  # the singular, for messages: "county", "metric", "exporter"
    hook: str
    record_type: type[R]
    key_of: Callable[[R], str]
    #: other record types a hook may yield, and how each is kept as a ``record_type``
    kept_as: Mapping[type, Callable[[Any], R]] = field(default_factory=dict)
    records: dict[str, R] = field(default_factory=dict)
    providers: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, Problem] = field(default_factory=dict)
    withheld: dict[str, tuple[Claim[R], ...]] = field(default_factory=dict)
    failures: list[Problem] = field(default_factory=list)
    claims: dict[str, list[Claim[R]]] = field(default_factory=dict)

    def accepted(self) -> str:
        """The record types a hook may yield, for messages: ``County or CountyRef``."""
        return " or ".join(kind.__name__ for kind in (*self.kept_as, self.record_type))

    def admit(self, record: object) -> R | None:
        """``record`` as this table keeps it, or None when a hook may not yield it."""
        if isinstance(record, self.record_type):
            return record
        keep = next((keep for kind, keep in self.kept_as.items() if isinstance(record, kind)), None)
        return keep(record) if keep is not None else None

    def claim(self, plugin: str, record: R) -> None:
        self.claims.setdefault(self.key_of(record), []).append(Claim(plugin, record))

    def settle(self, key: str, claims: list[Claim[R]]) -> None:
        """Make ``key`` available when one plugin claims it; the caller withholds conflicts."""
        self.records[key] = claims[0].record
        self.providers[key] = claims[0].plugin

    def withhold(self, key: str, problem: Problem) -> None:
        self.conflicts[key] = problem
        self.withheld[key] = tuple(self.claims[key])
        self.records.pop(key, None)
        self.providers.pop(key, None)

    def get(self, key: str) -> R | None:
        """The record under ``key``; None when nobody provides it; PluginError when several do."""
        if key in self.conflicts:
            raise PluginError(self.conflicts[key])
        return self.records.get(key)

    def provided_by(self, plugin: str) -> list[str]:
        """The keys ``plugin`` provides without conflict, sorted."""
        return sorted(key for key, name in self.providers.items() if name == plugin)

    def in_order(self) -> list[R]:
        return [self.records[key] for key in sorted(self.records)]
