"""Errors a person can act on.

Every error names where the problem is (file, line or row, field), what was
found and what was expected. Each also subclasses the matching builtin so that
callers who only know ``ValueError`` or ``LookupError`` still catch it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One problem in one place; errors carry a tuple of these."""

    code: str
    message: str
    path: str = ""
    line: int | None = None
    row: int | None = None
    field: str = ""
    found: Any = None
    expected: Any = None

    def __post_init__(self) -> None:
        from county_data.error_codes import is_known

        if not is_known(self.code):
            raise ValueError(f"problem code must be in county_data.error_codes (got {self.code!r})")

    def where(self) -> str:
        parts = [self.path] if self.path else []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} [{self.code}]"


class CountyDataError(Exception):
    """Base class of every error county_data raises on purpose."""

    code = "county-data-error"

    def __init__(self, problems: Problem | list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = Problem(self.code, problems)
        self.problems: tuple[Problem, ...] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        super().__init__(self.render())

    def render(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class SourceError(CountyDataError, ValueError):
    """A report file is missing, undecodable or not the frozen bytes."""

    code = "source-error"


class AnnotationError(CountyDataError, ValueError):
    """Curated annotations disagree with the report or the catalogue."""

    code = "annotation-error"


class CatalogueError(CountyDataError, ValueError):
    """A metric catalogue entry is malformed or claimed twice."""

    code = "catalogue-error"


class SchemaError(CountyDataError, ValueError):
    """A table does not satisfy its pandera schema."""

    code = "schema-error"


class PackageError(CountyDataError, ValueError):
    """A data package on disk is invalid or cannot be written."""

    code = "package-error"


class UnknownCountyError(CountyDataError, LookupError):
    """No county is registered under the name or code asked for."""

    code = "unknown-county"


class CountyNameError(UnknownCountyError, ValueError):
    """What was passed as a county is neither a slug nor a 6-digit code (``load(None)``)."""

    code = "bad-county-name"


class PluginError(CountyDataError, RuntimeError):
    """A plugin failed to load, or two plugins claim the same thing."""

    code = "plugin-error"


class ExportError(CountyDataError, ValueError):
    """An export cannot be written (unknown format, existing file, missing extra)."""

    code = "export-error"


class QuantityParseError(CountyDataError, ValueError):
    """``parse_quantity(..., strict=True)`` could not read the text."""

    code = "quantity-parse-error"
