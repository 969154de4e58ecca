"""Excel workbook: an About sheet first, one sheet per table, and the same bytes on every run.

openpyxl stamps docProps/core.xml with the time of saving and zipfile stamps every
entry with the clock; both are replaced by the package's own date, so two exports
of the same package are byte-identical.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from county_data.exporters import about

if TYPE_CHECKING:
    import pandas as pd

    from county_data.exporters.formats import ExportData

ABOUT_SHEET = "About"
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def about_frame(descriptor: Mapping[str, Any]) -> pd.DataFrame:
    """Property/value rows: the package summary, then every column's meaning."""
    import pandas as pd

    rows = list(about.summary(descriptor))
    for table, resource in about.table_resources(descriptor).items():
        rows += [(f"{table}.{column}", text) for column, text in about.column_descriptions(resource).items()]
    return pd.DataFrame(rows, columns=["property", "value"])


def set_properties(book: Any, descriptor: Mapping[str, Any]) -> None:
    properties = book.properties
    properties.title = descriptor["title"]
    properties.subject = descriptor["description"]
    properties.creator = ", ".join(c["title"] for c in descriptor["contributors"])
    properties.lastModifiedBy = properties.creator
    properties.description = about.citation(descriptor)
    properties.keywords = ", ".join(descriptor.get("keywords", []))
    properties.identifier = descriptor.get("id")
    properties.version = descriptor["version"]
    properties.language = "zh-Hans, en"
    properties.category = f"Licence: {about.licence_text(descriptor)}"


def workbook_bytes(data: ExportData, descriptor: Mapping[str, Any]) -> bytes:
    import pandas as pd

    from county_data.exporters.formats import neutralised

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralised(about_frame(descriptor)).to_excel(writer, sheet_name=ABOUT_SHEET, index=False)
        for name, frame in data.frames.items():
            neutralised(frame).to_excel(writer, sheet_name=name, index=False)
        set_properties(writer.book, descriptor)
    return buffer.getvalue()


def reproducible(workbook: bytes, when: str) -> bytes:
    """The same workbook with ``when`` in core.xml and as the date of every zip entry."""
    date_time = (int(when[0:4]), int(when[5:7]), int(when[8:10]), int(when[11:13]), int(when[14:16]), 0)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":
                content = _STAMP.sub(rb"\g<1>" + when.encode() + rb"\g<2>", content)
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            target.writestr(info, content)
    return output.getvalue()


def write_xlsx(data: ExportData, path: Path) -> None:
    descriptor = about.package_descriptor(data)
    path.write_bytes(reproducible(workbook_bytes(data, descriptor), about.package_date(descriptor)))


def read_xlsx(path: Path) -> dict[str, pd.DataFrame]:
    """The table sheets (not About) as DataFrames."""
    import pandas as pd

    sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    return {name: frame for name, frame in sheets.items() if name != ABOUT_SHEET}
