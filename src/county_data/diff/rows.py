"""Rows added, removed and changed between two versions of one table.

Rows are matched by the table's primary key. A row whose key moved (the period of
an observation corrected, say) would then look like one row removed and one added;
when the table also has a unique id column outside the key (``observation_id``),
such a pair is matched by that id and reported as one changed row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from county_data.diff.model import FieldChange, RowChange
from county_data.diff.snapshot import Row, Table
from county_data.diff.tiers import number, relative_deviation, tier

#: the column whose change is ranked by relative deviation
VALUE_FIELD = "value"


def diff_table(old: Table, new: Table) -> list[RowChange]:
    """Every row-level difference of two versions of a table with the same name."""
    key = new.primary_key or old.primary_key or new.fields
    old_rows = _by_key(old.rows, key)
    new_rows = _by_key(new.rows, key)
    removed = {k: row for k, row in old_rows.items() if k not in new_rows}
    added = {k: row for k, row in new_rows.items() if k not in old_rows}
    changed = [(old_rows[k], new_rows[k]) for k in sorted(old_rows.keys() & new_rows.keys())]
    changed += _moved(removed, added, _id_field(new, key))
    fields = [name for name in new.fields if name in old.fields]
    changes = [_changed(new.name, key, a, b, fields) for a, b in changed]
    return (
        [change for change in changes if change.changes]
        + [RowChange(new.name, "added", _key(row, key), new=row) for _, row in sorted(added.items())]
        + [RowChange(new.name, "removed", _key(row, key), old=row) for _, row in sorted(removed.items())]
    )


def _by_key(rows: Sequence[Row], key: Sequence[str]) -> dict[tuple[str, ...], Row]:
    return {tuple(row.get(name, "") for name in key): row for row in rows}


def _key(row: Row, key: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple((name, row.get(name, "")) for name in key)


def _id_field(table: Table, key: Sequence[str]) -> str:
    for item in table.schema.get("fields", []):
        if item.get("constraints", {}).get("unique") and item["name"] not in key:
            return str(item["name"])
    return ""


def _moved(
    removed: dict[tuple[str, ...], Row], added: dict[tuple[str, ...], Row], id_field: str
) -> list[tuple[Row, Row]]:
    """Pairs of (old, new) rows with one id under two keys; taken out of ``removed`` and ``added``."""
    if not id_field:
        return []
    new_by_id = {row.get(id_field, ""): k for k, row in added.items()}
    pairs = []
    for old_key, row in sorted(removed.items()):
        new_key = new_by_id.get(row.get(id_field, ""))
        if new_key is not None and new_key in added:
            pairs.append((removed.pop(old_key), added.pop(new_key)))
    return pairs


def _changed(table: str, key: Sequence[str], old: Row, new: Row, fields: Sequence[str]) -> RowChange:
    cells = tuple(
        FieldChange(name, old.get(name, ""), new.get(name, ""))
        for name in fields
        if old.get(name, "") != new.get(name, "")
    )
    deviation = _deviation(old, new) if any(change.field == VALUE_FIELD for change in cells) else None
    return RowChange(
        table,
        "changed",
        _key(new, key),
        old=old,
        new=new,
        changes=cells,
        deviation=deviation,
        tier=None if deviation is None else tier(deviation),
    )


def _deviation(old: Mapping[str, str], new: Mapping[str, str]) -> float | None:
    a, b = number(old.get(VALUE_FIELD, "")), number(new.get(VALUE_FIELD, ""))
    return None if a is None or b is None else relative_deviation(a, b)
