"""Whether a field's new constraints admit more values or fewer.

The Data Package Version recipe: a constraint made more restrictive is a major
change (values a reader held valid may now be refused), one made less restrictive
is minor. A change whose direction cannot be told (a new ``pattern``: two regular
expressions cannot be compared cheaply) is taken as more restrictive, the safe side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: constraints whose raised value refuses more values
_LOWER = frozenset({"minimum", "exclusiveMinimum", "minLength"})
#: constraints whose lowered value refuses more values
_UPPER = frozenset({"maximum", "exclusiveMaximum", "maxLength"})
_FLAGS = frozenset({"required", "unique"})


def constraint_bump(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, str]:
    """(bump, words): ``major`` when a changed constraint refuses more (or may), ``minor`` when each admits more."""
    changed = [name for name in sorted(old.keys() | new.keys()) if old.get(name) != new.get(name)]
    if not changed:
        return "none", "unchanged"
    if any(_tighter(name, old.get(name), new.get(name)) for name in changed if name != "pattern"):
        return "major", "tightened"
    if "pattern" in changed and new.get("pattern") is not None:
        return "major", "changed, a new pattern taken as tighter"
    return "minor", "loosened"


def _tighter(name: str, before: Any, after: Any) -> bool:
    if name in _FLAGS:
        return bool(after) and not bool(before)
    if name == "enum":
        return after is not None and (before is None or not set(map(str, after)) >= set(map(str, before)))
    if name in _LOWER | _UPPER:
        return _bound_tighter(name in _LOWER, before, after)
    return after is not None  # anything else: only dropping it surely admits more


def _bound_tighter(lower: bool, before: Any, after: Any) -> bool:
    if after is None:
        return False
    if before is None:
        return True
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (before, after)):
        return True  # dates as strings and the like: the direction is not ours to guess
    return bool(after > before) if lower else bool(after < before)
