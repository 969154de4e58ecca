"""Schema and metadata changes between two descriptors, each with the bump the Data Package recipe implies.

The recipe (Frictionless "Data Package Version"): major for changes that break
readers (a field added, removed, renamed or re-ordered, a type or format changed, a
constraint made more restrictive, a resource removed, a new primary key); minor for
added resources and constraints made less restrictive; patch for descriptive changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from county_data.diff.constraints import constraint_bump
from county_data.diff.model import MetadataChange, SchemaChange

#: descriptor properties that follow from the data (hash, size, the fingerprint of the build's inputs)
#: or are the subject of the diff (version)
DERIVED = frozenset({"resources", "version", "hash", "bytes", "schema", "county_data:inputs"})


def resource_map(descriptor: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {str(r.get("name")): r for r in descriptor.get("resources", []) if isinstance(r, Mapping)}


def resource_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[SchemaChange]:
    before, after = resource_map(old), resource_map(new)
    changes = [
        SchemaChange(name, "resource-added", f"resource {name} added", "minor") for name in after if name not in before
    ]
    changes += [
        SchemaChange(name, "resource-removed", f"resource {name} removed", "major")
        for name in before
        if name not in after
    ]
    for name in (name for name in after if name in before):
        changes += schema_changes(name, before[name].get("schema", {}), after[name].get("schema", {}))
    return changes


def schema_changes(resource: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[SchemaChange]:
    """Fields added, removed, renamed (same place, same type, new name), retyped or re-constrained."""
    before = {f["name"]: f for f in old.get("fields", [])}
    after = {f["name"]: f for f in new.get("fields", [])}
    gone = [name for name in before if name not in after]
    came = [name for name in after if name not in before]
    changes = _renames(resource, old.get("fields", []), new.get("fields", []), gone, came)
    changes += [SchemaChange(resource, "field-removed", f"field {name} removed", "major", name) for name in gone]
    changes += [SchemaChange(resource, "field-added", f"field {name} added", "major", name) for name in came]
    kept = [name for name in after if name in before]
    if kept != [name for name in before if name in after]:
        changes.append(SchemaChange(resource, "fields-reordered", "fields re-ordered", "major"))
    for name in kept:
        changes += _field_changes(resource, before[name], after[name])
    if list(old.get("primaryKey", [])) != list(new.get("primaryKey", [])):
        detail = f"primary key {old.get('primaryKey')} → {new.get('primaryKey')}"
        changes.append(SchemaChange(resource, "primary-key-changed", detail, "major"))
    for prop in sorted((old.keys() | new.keys()) - {"fields", "primaryKey"}):
        if old.get(prop) != new.get(prop):
            changes.append(
                SchemaChange(
                    resource,
                    "schema-property-changed",
                    f"{prop}: {_short(old.get(prop))} → {_short(new.get(prop))}",
                    "minor" if prop == "foreignKeys" else "patch",  # the recipe: updating a reference is minor
                )
            )
    return changes


def _renames(
    resource: str, old: Sequence[Any], new: Sequence[Any], gone: list[str], came: list[str]
) -> list[SchemaChange]:
    """A removed and an added field at the same position with the same type: one rename."""
    changes = []
    for position, field in enumerate(new):
        if field["name"] in came and position < len(old) and old[position]["name"] in gone:
            previous = old[position]
            if previous.get("type") == field.get("type"):
                gone.remove(previous["name"])
                came.remove(field["name"])
                detail = f"field {previous['name']} renamed {field['name']}"
                changes.append(SchemaChange(resource, "field-renamed", detail, "major", field["name"]))
    return changes


def _field_changes(resource: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[SchemaChange]:
    name = new["name"]
    changes = []
    if old.get("type") != new.get("type"):
        detail = f"field {name}: type {old.get('type')} → {new.get('type')}"
        changes.append(SchemaChange(resource, "type-changed", detail, "major", name))
    for prop in sorted((old.keys() | new.keys()) - {"name", "type"}):
        if old.get(prop) != new.get(prop):
            bump, words = _field_bump(prop, old, new)
            detail = f"field {name}: {prop} {words}{_short(old.get(prop))} → {_short(new.get(prop))}"
            changes.append(SchemaChange(resource, f"field-{prop}-changed", detail, bump, name))
    return changes


def _field_bump(prop: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, str]:
    """The recipe: a new format breaks readers; constraints by their direction; descriptions are patch."""
    if prop == "format":
        return "major", ""
    if prop == "constraints":
        bump, words = constraint_bump(old.get(prop) or {}, new.get(prop) or {})
        return bump, f"{words}: "
    return "patch", ""


def metadata_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[MetadataChange]:
    """Package properties, then the properties of each resource in both, that differ."""
    changes = _properties("package", old, new)
    before, after = resource_map(old), resource_map(new)
    for name in (name for name in after if name in before):
        changes += _properties(f"resource {name}", before[name], after[name])
    return changes


def _properties(where: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[MetadataChange]:
    keys = [key for key in dict.fromkeys([*old, *new]) if key not in DERIVED]
    changes = [MetadataChange(where, key, old.get(key), new.get(key)) for key in keys if old.get(key) != new.get(key)]
    if where != "package" and old.get("format") != "csv" and old.get("hash") != new.get("hash"):
        changes.append(MetadataChange(where, "hash", old.get("hash"), new.get("hash")))
    return changes


def _short(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
