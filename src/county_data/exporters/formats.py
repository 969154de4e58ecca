"""Export formats: the Exporter record and the formats shipped with county_data.

Each format has its own module (json_package, xlsx, sqlite, parquet); writing is
left to the libraries that know the format, and what an export says about itself
(title, licence, sources, column meanings) comes from the package descriptor
through :mod:`county_data.exporters.about`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from county_data.errors import CountyDataError, ExportError, Problem
from county_data.exporters.json_package import read_json, write_json
from county_data.exporters.parquet import read_parquet, write_parquet
from county_data.exporters.sqlite import read_sqlite, write_sqlite
from county_data.exporters.xlsx import read_xlsx, write_xlsx

if TYPE_CHECKING:
    import pandas as pd

    from county_data.catalogue.county import County

FORMAT_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ExportData:
    """What an exporter writes: the validated tables and the package's bytes."""

    county: County
    frames: Mapping[str, pd.DataFrame]
    files: Mapping[str, bytes]


@dataclass(frozen=True, slots=True)
class Exporter:
    """An export format. ``write`` creates ``path`` (a file, or a directory if ``directory``).

    ``read``, when given, reads an export back into tables so that the
    conformance check can prove the round trip loses nothing.
    """

    name: str
    title: str
    write: Callable[[ExportData, Path], None]
    suffix: str = ""
    directory: bool = False
    read: Callable[[Path], Mapping[str, pd.DataFrame]] | None = None

    def __post_init__(self) -> None:
        if not FORMAT_NAME.match(self.name):
            raise ValueError(f"format name must be lower-case letters, digits and '-' (got {self.name!r})")
        if not callable(self.write):
            raise TypeError(f"exporter {self.name!r}: write must be callable (got {self.write!r})")


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(INJECTION_PREFIXES):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    text_columns = [name for name in frame.columns if frame[name].dtype.kind not in "biufc"]
    result = frame.copy()
    for name in text_columns:
        result[name] = result[name].map(neutralise).astype(object)
    return result


def write_package(data: ExportData, path: Path) -> None:
    from county_data.package.files import write_files

    write_files(path, data.files)


def read_package(path: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    return {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted((path / "data").glob("*.csv"))}


BUILTIN_EXPORTERS = (
    Exporter(
        "csv",
        "Frictionless data package (CSV tables + datapackage.json)",
        write_package,
        directory=True,
        read=read_package,
    ),
    Exporter(
        "json",
        "Data package descriptor with every table inline (frictionless reads it)",
        write_json,
        suffix=".json",
        read=read_json,
    ),
    Exporter(
        "xlsx", "Excel workbook: an About sheet, then one sheet per table", write_xlsx, suffix=".xlsx", read=read_xlsx
    ),
    Exporter(
        "sqlite",
        "Folder with a SQLite database (keys, constraints, _metadata) and its datasette metadata.json",
        write_sqlite,
        directory=True,
        read=read_sqlite,
    ),
    Exporter(
        "parquet",
        "Directory of Parquet files, one per table, each carrying datapackage.json",
        write_parquet,
        directory=True,
        read=read_parquet,
    ),
)


def run_exporter(exporter: Exporter, data: ExportData, path: Path, *, force: bool = False) -> Path:
    """Write ``data`` with ``exporter`` to ``path``; refuse to overwrite unless ``force``.

    The export is written beside ``path`` and swapped in only when complete, so a
    failing export loses nothing; ``--force`` replaces only a regular file, an empty
    folder or a folder county_data wrote (see ``county_data.output``).
    """
    from county_data.output import replacing

    with replacing(path, "folder" if exporter.directory else "file", force=force, error=ExportError) as staged:
        try:
            exporter.write(data, staged)
        except CountyDataError as error:
            raise type(error)([_named_as(problem, staged, path) for problem in error.problems]) from error
        except Exception as error:
            message = _named_as(Problem("export-failed", f"exporter {exporter.name!r} failed: {error}"), staged, path)
            raise ExportError(replace(message, path=str(path))) from error
    return path


def _named_as(problem: Problem, staged: Path, path: Path) -> Problem:
    """``problem`` with the staging path an exporter was given replaced by the path the user asked for."""
    return replace(
        problem,
        message=problem.message.replace(str(staged), str(path)),
        path=problem.path.replace(str(staged), str(path)),
    )
