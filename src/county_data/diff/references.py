"""Removed rows that other rows still point at: the recipe's "delete data referenced by another resource".

A metric renamed (``fireworks_output_value`` → ``liuyang.fireworks_output_value``)
removes a ``metrics`` row while the observations that referred to it stay, under
the new id: a reader joining by the old id finds nothing, so the change is major.
A metric dropped together with its only observation breaks no reference that
survives; it is a correction like the observation's own removal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from county_data.diff.model import RowChange
from county_data.diff.snapshot import Package, Row

RowKey = tuple[str, tuple[tuple[str, str], ...]]


def orphaning_removals(old: Package, rows: Sequence[RowChange]) -> frozenset[RowKey]:
    """(table, key) of each removed row that a row of OLD still in NEW referred to by a foreign key."""
    gone = {(r.table, tuple(r.old.items())) for r in rows if r.status == "removed" and r.old}
    found = set()
    for child, fields, parent, targets in _foreign_keys(old.descriptor):
        survivors = [row for row in old.rows(child) if (child, tuple(row.items())) not in gone]
        pointed = {tuple(row.get(f, "") for f in fields) for row in survivors}
        found |= {
            (parent, change.key)
            for change in rows
            if change.table == parent and change.status == "removed" and _values(change.old, targets) in pointed
        }
    return frozenset(found)


def _values(row: Row | None, fields: Sequence[str]) -> tuple[str, ...]:
    return tuple((row or {}).get(f, "") for f in fields)


def _foreign_keys(descriptor: Mapping[str, Any]) -> Iterable[tuple[str, list[str], str, list[str]]]:
    """(resource, its fields, referenced resource, their fields) of every foreign key."""
    for resource in descriptor.get("resources", []):
        if not isinstance(resource, Mapping):
            continue
        for key in resource.get("schema", {}).get("foreignKeys", []):
            reference = key.get("reference", {}) if isinstance(key, Mapping) else {}
            yield (
                str(resource.get("name")),
                _names(key.get("fields")),
                str(reference.get("resource") or resource.get("name")),
                _names(reference.get("fields")),
            )


def _names(fields: Any) -> list[str]:
    return [fields] if isinstance(fields, str) else [str(f) for f in fields or []]
