"""Validate any data package: with DuckDB (the columnar engine) or with frictionless and pandera.

``validate(descriptor, engine=...)`` is the one entry point. The columnar engine
(:mod:`county_data.package.columnar`) checks what the Table Schemas state and our row
rules (:mod:`county_data.package.row_rules`) reading each file once; it hands a package that uses anything it does not read (remote
files, other dialects, malformed rows) to frictionless. Both engines report the same
codes (frictionless's, under ``frictionless/``) with the same rows and fields.

Every engine reads only regular files inside the package folder and fetch nothing
unless ``allow_remote=True``: :mod:`county_data.package.safety` checks every
reference before either opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from county_data.error_codes import FRICTIONLESS_PREFIX
from county_data.errors import Problem
from county_data.package.safety import is_remote, load_descriptor, references, refused_references

ENGINES = ("columnar", "frictionless")


def checked_descriptor(descriptor: Path, *, allow_remote: bool = False) -> dict[str, Any] | list[Problem]:
    """The descriptor once it and everything it references may be read, else why not."""
    loaded = load_descriptor(descriptor)
    if isinstance(loaded, Problem):
        return [loaded]
    return refused_references(loaded, descriptor, allow_remote=allow_remote) or loaded


def validate_package(descriptor: Path, *, allow_remote: bool = False) -> list[Problem]:
    """Every problem frictionless finds, each naming resource, row and field."""
    import frictionless

    checked = checked_descriptor(descriptor, allow_remote=allow_remote)
    if isinstance(checked, list):
        return checked
    try:
        # the checked mapping, not the path: frictionless must not read a descriptor we did not check
        report = frictionless.validate(checked, type="package", basepath=str(descriptor.parent))
    except Exception as error:  # frictionless raises many kinds on broken descriptors
        return [Problem("invalid-package", f"cannot read the package ({error})", path=str(descriptor))]
    problems = [_problem(descriptor, None, error) for error in report.errors]
    for task in report.tasks:
        problems += [_problem(descriptor, task.name, error) for error in task.errors]
    return problems


def _problem(descriptor: Path, resource: str | None, error: object) -> Problem:
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", "") or ""
    where = f"resource {resource!r}: " if resource else ""
    return Problem(
        FRICTIONLESS_PREFIX + getattr(error, "type", "error"),
        f"{where}{getattr(error, 'message', str(error))}",
        path=str(descriptor),
        row=row,
        field=field,
    )


def validate_everything(descriptor: Path, *, allow_remote: bool = False) -> list[Problem]:
    """Frictionless first; if the package is sound, our tables also through pandera."""
    problems = validate_package(descriptor, allow_remote=allow_remote)
    return problems or validate_tables(descriptor, allow_remote=allow_remote)


def validate_tables(descriptor: Path, *, allow_remote: bool = False) -> list[Problem]:
    """Run the pandera models over every resource named like one of our tables."""
    import pandas as pd

    from county_data.errors import SchemaError
    from county_data.tables.frames import validate_frame
    from county_data.tables.models import TABLES

    checked = checked_descriptor(descriptor, allow_remote=allow_remote)
    if isinstance(checked, list):
        return checked
    problems: list[Problem] = []
    resources = checked.get("resources")
    for resource in resources if isinstance(resources, list) else []:
        if not isinstance(resource, dict) or resource.get("name") not in TABLES:
            continue
        if not isinstance(reference := resource.get("path"), str):
            continue
        csv_path = reference if is_remote(reference) else str(descriptor.parent / reference)
        try:
            frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, na_values=[""])
        except (OSError, ValueError) as error:  # gone or changed since frictionless read it
            problems.append(Problem("invalid-package", f"cannot read the package ({error})", path=csv_path))
            continue
        try:
            validate_frame(resource["name"], frame, csv_path, first_row=2)
        except SchemaError as error:
            problems += error.problems
    return problems


def validate(
    descriptor: Path, *, engine: str = "columnar", allow_remote: bool = False, row_rules: bool = True
) -> list[Problem]:
    """Every problem of the package at ``descriptor``, found by ``engine`` (see the module).

    ``row_rules=False`` skips our row rules (for files combined from packages already checked).
    """
    if engine == "frictionless":
        return validate_everything(descriptor, allow_remote=allow_remote)
    return validate_many([descriptor], allow_remote=allow_remote, row_rules=row_rules)[0]


def validate_many(
    descriptors: Sequence[Path], *, allow_remote: bool = False, row_rules: bool = True
) -> list[list[Problem]]:
    """What ``validate`` finds in each package, by the columnar engine where it reads the package.

    Packages with the same tables (those of one build) are read together, in one scan per
    table (:func:`county_data.package.columnar.validate_together`); each problem names its own package.
    """
    from county_data.package.columnar import Target, validate_together

    checked = [checked_descriptor(descriptor, allow_remote=allow_remote) for descriptor in descriptors]
    targets = {
        index: Target(loaded, descriptor.parent, descriptor)
        for index, (descriptor, loaded) in enumerate(zip(descriptors, checked, strict=True))
        if isinstance(loaded, dict) and not any(is_remote(value) for _, _, value in references(loaded))
    }
    found = dict(zip(targets, validate_together(list(targets.values()), row_rules=row_rules), strict=True))
    problems = []
    for index, (descriptor, loaded) in enumerate(zip(descriptors, checked, strict=True)):
        if isinstance(loaded, list):
            problems.append(loaded)
        elif (columnar := found.get(index)) is not None:
            problems.append(columnar)
        else:  # remote, or something the columnar engine does not read
            problems.append(validate_everything(descriptor, allow_remote=allow_remote))
    return problems
