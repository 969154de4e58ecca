"""The TODO marker: a value the scaffold could not decide and a person must.

``county-data new`` writes ``"TODO"`` (or ``"TODO: <suggestion>"``) wherever a
field needs a person; reading county.yaml or annotations.yaml refuses any value
still marked, naming the file, line and field, so a draft can never be built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from county_data.catalogue.yaml_file import line_of, plain
from county_data.errors import Problem

MARKER = "TODO"


def todo(suggestion: object = None) -> str:
    """The marker, with the scaffold's suggestion when it has one."""
    return f"{MARKER}: {suggestion}" if suggestion not in (None, "") else MARKER


def is_todo(value: object) -> bool:
    return isinstance(value, str) and (value == MARKER or value.startswith(f"{MARKER}:"))


def suggestion_of(value: str) -> str:
    """What follows ``TODO:`` ('' for a bare marker)."""
    return value.partition(":")[2].strip()


def todo_problems(data: Any, path: Path | str) -> list[Problem]:
    """One ``unresolved-todo`` problem per value still marked, anywhere in a YAML document."""
    problems: list[Problem] = []
    if isinstance(data, list):
        for item in data:
            problems += todo_problems(item, path)
    elif isinstance(data, dict):
        for key, value in plain(data).items():
            if is_todo(value):
                problems.append(_problem(key, value, line_of(data, str(key)), path))
            else:
                problems += todo_problems(value, path)
    return problems


def _problem(key: object, value: str, line: int | None, path: Path | str) -> Problem:
    hint = suggestion_of(value)
    advice = f"the scaffold suggests {hint!r}" if hint else "the scaffold had no suggestion"
    message = f"{key} must be decided by a person (got the marker {value!r}; {advice}): replace it"
    return Problem("unresolved-todo", message, path=str(path), line=line, field=str(key), found=value)
