"""JSON: the data package descriptor itself, with each table inline as ``data`` (frictionless reads it).

File-only properties (path, hash, bytes …) are dropped because the rows are inline;
the frozen source texts are not repeated (their citations stay in ``sources``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from county_data.exporters import about

if TYPE_CHECKING:
    import pandas as pd

    from county_data.exporters.formats import ExportData

FILE_PROPERTIES = ("path", "scheme", "format", "mediatype", "encoding", "hash", "bytes")


def inline_resource(resource: Mapping[str, Any], frame: pd.DataFrame) -> dict[str, Any]:
    names = [field["name"] for field in resource["schema"]["fields"]]
    rows = [dict(zip(names, row, strict=True)) for row in about.typed_rows(frame, resource["schema"])]
    kept = {key: value for key, value in resource.items() if key not in FILE_PROPERTIES}
    return {**kept, "data": rows}


def inline_descriptor(data: ExportData) -> dict[str, Any]:
    descriptor = about.package_descriptor(data)
    tables = about.table_resources(descriptor)
    resources = [inline_resource(tables[name], frame) for name, frame in data.frames.items()]
    return {**descriptor, "resources": resources}


def write_json(data: ExportData, path: Path) -> None:
    text = json.dumps(inline_descriptor(data), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


def read_json(path: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    descriptor = json.loads(path.read_text(encoding="utf-8"))
    return {
        resource["name"]: pd.DataFrame(resource["data"], columns=[f["name"] for f in resource["schema"]["fields"]])
        for resource in descriptor["resources"]
    }
