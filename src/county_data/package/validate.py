"""Validate any data package with frictionless, and ours also with pandera."""

from __future__ import annotations

from pathlib import Path

from county_data.error_codes import FRICTIONLESS_PREFIX
from county_data.errors import Problem


def validate_package(descriptor: Path) -> list[Problem]:
    """Every problem frictionless finds, each naming resource, row and field."""
    import frictionless

    if not descriptor.is_file():
        return [
            Problem("missing-descriptor", "no datapackage.json here (expected a data package)", path=str(descriptor))
        ]
    try:
        report = frictionless.validate(str(descriptor))
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


def validate_everything(descriptor: Path) -> list[Problem]:
    """Frictionless first; if the package is sound, our tables also through pandera."""
    problems = validate_package(descriptor)
    return problems or validate_tables(descriptor)


def validate_tables(descriptor: Path) -> list[Problem]:
    """Run the pandera models over every resource named like one of our tables."""
    import json

    import pandas as pd

    from county_data.errors import SchemaError
    from county_data.tables.frames import validate_frame
    from county_data.tables.models import TABLES

    problems: list[Problem] = []
    for resource in json.loads(descriptor.read_text(encoding="utf-8")).get("resources", []):
        if resource.get("name") not in TABLES or not isinstance(resource.get("path"), str):
            continue
        csv_path = descriptor.parent / resource["path"]
        frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, na_values=[""])
        try:
            validate_frame(resource["name"], frame, str(csv_path), first_row=2)
        except SchemaError as error:
            problems += error.problems
    return problems
