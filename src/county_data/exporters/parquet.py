"""Parquet, one file per table, each carrying the data package descriptor in its key-value metadata."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from county_data.errors import ExportError, Problem

if TYPE_CHECKING:
    import pandas as pd

    from county_data.exporters.formats import ExportData

#: Key of the file metadata holding the whole datapackage.json (title, licence, sources, Table Schemas).
DESCRIPTOR_KEY = b"datapackage.json"
#: Key naming the package resource the file holds.
RESOURCE_KEY = b"datapackage.resource"


def write_parquet(data: ExportData, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError(
            Problem("missing-extra", 'parquet export needs pyarrow: pip install "county-data[parquet]"', path=str(path))
        ) from None
    descriptor = data.files["datapackage.json"]
    path.mkdir()
    for name, frame in data.frames.items():
        table = pa.Table.from_pandas(frame, preserve_index=False)
        metadata = {**(table.schema.metadata or {}), DESCRIPTOR_KEY: descriptor, RESOURCE_KEY: name.encode()}
        pq.write_table(table.replace_schema_metadata(metadata), path / f"{name}.parquet")


def read_parquet(path: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    return {p.stem: pd.read_parquet(p) for p in sorted(path.glob("*.parquet"))}


def read_descriptor(path: Path) -> dict[str, object]:
    """The descriptor a parquet file carries (for tools that want title, licence and schema)."""
    import json

    import pyarrow.parquet as pq

    document: dict[str, object] = json.loads(pq.read_schema(path).metadata[DESCRIPTOR_KEY])
    return document
