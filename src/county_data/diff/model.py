"""What a diff between two builds finds: small frozen records the renderers read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from county_data.diff.snapshot import Row


@dataclass(frozen=True)
class FieldChange:
    """One cell that differs in a row kept under the same key (or the same id)."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    """A row added, removed or changed, found by the table's primary key (or its id when the key moved)."""

    table: str
    status: str  # added | removed | changed
    key: tuple[tuple[str, str], ...]
    old: Row | None = None
    new: Row | None = None
    changes: tuple[FieldChange, ...] = ()
    deviation: float | None = None
    tier: str | None = None

    @property
    def key_text(self) -> str:
        return ", ".join(f"{name}={value}" for name, value in self.key)

    @property
    def changed_fields(self) -> tuple[str, ...]:
        return tuple(change.field for change in self.changes)


@dataclass(frozen=True)
class SchemaChange:
    """A structural change of one resource (fields, types, keys) or of the list of resources."""

    resource: str
    kind: str
    detail: str
    bump: str
    field: str = ""  # the field it concerns, '' for the resource or the field list as a whole

    @property
    def summary(self) -> str:
        """The change in a few words: the detail without the old and new JSON of a property."""
        if self.kind == "field-constraints-changed":  # "field f: constraints tightened: {…} → {…}"
            return self.detail.split(": {", 1)[0]
        if self.kind.startswith("field-") and self.kind.endswith("-changed"):
            return f"field {self.field}: {self.kind[len('field-') : -len('-changed')]} changed"
        if self.kind == "schema-property-changed":
            return f"schema {self.detail.split(':', 1)[0]} changed"
        return self.detail


@dataclass(frozen=True)
class MetadataChange:
    """A descriptor property that differs (package-level or of one resource)."""

    where: str
    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class PackageDiff:
    """Everything that differs between two builds of one package, and the version bump it implies."""

    name: str
    status: str  # changed | added | removed | unchanged
    old_label: str
    new_label: str
    old_version: str
    new_version: str
    rows: tuple[RowChange, ...]
    schema: tuple[SchemaChange, ...]
    metadata: tuple[MetadataChange, ...]
    bump: str
    reasons: tuple[str, ...]
    #: rows per table in NEW (in OLD for a removed package), for counts of a package added whole
    sizes: tuple[tuple[str, int], ...] = ()

    def count(self, table: str, status: str) -> int:
        return sum(1 for row in self.rows if row.table == table and row.status == status)

    @property
    def tables(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.table for row in self.rows))


@dataclass(frozen=True)
class DiffReport:
    """The diff of OLD against NEW: one entry per package, and the largest bump."""

    old: str
    new: str
    packages: tuple[PackageDiff, ...]
    bump: str
    #: the release OLD is the baseline of (tag or short commit, from its release.json), '' for any other OLD
    baseline: str = ""
