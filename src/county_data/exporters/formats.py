"""Export formats: the Exporter record and the writers shipped with county_data.

Writing is left to the libraries that know each format (pandas, openpyxl,
sqlite3, pyarrow); this module only decides what goes where.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from county_data.errors import CountyDataError, ExportError, Problem

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


def write_json(data: ExportData, path: Path) -> None:
    import json

    tables = {
        name: json.loads(frame.to_json(orient="records", force_ascii=False)) for name, frame in data.frames.items()
    }
    document = {"county": data.county.code, "tables": tables}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_xlsx(data: ExportData, path: Path) -> None:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in data.frames.items():
            neutralised(frame).to_excel(writer, sheet_name=name, index=False)


def write_sqlite(data: ExportData, path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        for name, frame in data.frames.items():
            frame.to_sql(name, connection, index=False)
    connection.close()


def write_parquet(data: ExportData, path: Path) -> None:
    from importlib import import_module

    try:
        import_module("pyarrow")  # by name: pyarrow ships no type stubs
    except ImportError:
        raise ExportError(
            Problem("missing-extra", 'parquet export needs pyarrow: pip install "county-data[parquet]"', path=str(path))
        ) from None
    path.mkdir()
    for name, frame in data.frames.items():
        frame.to_parquet(path / f"{name}.parquet", index=False)


def read_package(path: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    return {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted((path / "data").glob("*.csv"))}


def read_json(path: Path) -> dict[str, pd.DataFrame]:
    import json

    import pandas as pd

    tables = json.loads(path.read_text(encoding="utf-8"))["tables"]
    return {name: pd.DataFrame(rows) for name, rows in tables.items()}


def read_xlsx(path: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    return pd.read_excel(path, sheet_name=None, engine="openpyxl")


def read_sqlite(path: Path) -> dict[str, pd.DataFrame]:
    import sqlite3

    import pandas as pd

    with sqlite3.connect(path) as connection:
        names = [row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")]
        tables = {name: pd.read_sql_query(f'select * from "{name}"', connection) for name in names}
    connection.close()
    return tables


def read_parquet(path: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    return {p.stem: pd.read_parquet(p) for p in sorted(path.glob("*.parquet"))}


BUILTIN_EXPORTERS = (
    Exporter(
        "csv",
        "Frictionless data package (CSV tables + datapackage.json)",
        write_package,
        directory=True,
        read=read_package,
    ),
    Exporter("json", "One JSON document with every table", write_json, suffix=".json", read=read_json),
    Exporter("xlsx", "Excel workbook, one sheet per table", write_xlsx, suffix=".xlsx", read=read_xlsx),
    Exporter("sqlite", "SQLite database, one table per table", write_sqlite, suffix=".sqlite", read=read_sqlite),
    Exporter("parquet", "Directory of Parquet files, one per table", write_parquet, directory=True, read=read_parquet),
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
