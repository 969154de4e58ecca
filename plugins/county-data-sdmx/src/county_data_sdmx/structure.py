"""The SDMX-ML 3.0 structure message: code lists, concepts, data structure definition and dataflow.

Generated from the export's own tables (counties, metrics, sources) and the fixed
code lists in :mod:`codes`, so SDMX tools (pysdmx, sdmx1) can read the SDMX-CSV
message with the structure it was written for.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from county_data.catalogue.units import UNITS
from county_data.exporters import about

from . import codes
from .rows import records, source_name

if TYPE_CHECKING:
    from county_data import ExportData

NS = {
    "mes": "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message",
    "str": "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure",
    "com": "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common",
}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
URN = "urn:sdmx:org.sdmx.infomodel"
CodeNames = Mapping[str, tuple[str, str]]  # code -> (English name, Chinese name)


def tag(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def child(parent: ET.Element, prefix: str, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag(prefix, name), attributes)
    element.text = text
    return element


def names(element: ET.Element, english: str, chinese: str = "") -> None:
    child(element, "com", "Name", english, **{LANG: "en"})
    if chinese:
        child(element, "com", "Name", chinese, **{LANG: "zh"})


def maintainable(parent: ET.Element, kind: str, identifier: str, english: str) -> ET.Element:
    attributes = {"id": identifier, "agencyID": codes.AGENCY, "version": codes.VERSION, "isExternalReference": "false"}
    element = child(parent, "str", kind, **attributes)
    names(element, english)
    return element


def codelist_urn(identifier: str) -> str:
    return f"{URN}.codelist.Codelist={codes.AGENCY}:{identifier}({codes.VERSION})"


def concept_urn(identifier: str) -> str:
    return f"{URN}.conceptscheme.Concept={codes.AGENCY}:{codes.CONCEPTS}({codes.VERSION}).{identifier}"


def code_lists(data: ExportData) -> dict[str, tuple[str, CodeNames]]:
    """Every code list: id → (English name, codes with English and Chinese names)."""
    frames = data.frames
    counties = records(frames["counties"])
    metrics = records(frames["metrics"])
    sources = records(frames["sources"])
    units = {sdmx: (UNITS[ours][1], UNITS[ours][0]) for ours, sdmx in codes.UNIT_CODES.items()}
    return {
        "CL_REF_AREA": (
            "Counties (GB/T 2260 codes)",
            {c["county_code"]: (c["name_en"], c["name_zh"]) for c in counties},
        ),
        "CL_INDICATOR": (
            "County development indicators",
            {codes.sdmx_id(m["metric_id"]): (m["label_en"], m["label_zh"]) for m in metrics},
        ),
        "CL_SOURCE": (
            "Source texts",
            {codes.sdmx_id(s["source_id"]): (source_name(s), str(s["title"])) for s in sources},
        ),
        "CL_UNIT": ("Units of measure", dict(sorted(units.items()))),
        "CL_UNIT_MULT": ("Unit multiplier (power of 10)", codes.UNIT_MULT),
        "CL_OBS_STATUS": ("Observation status", codes.OBS_STATUS_NAMES),
        "CL_QUALIFIER": ("Qualifier of the value as written", codes.QUALIFIERS),
        "CL_METHOD": ("How the value was obtained", codes.METHODS),
    }


def add_codelists(structures: ET.Element, lists: Mapping[str, tuple[str, CodeNames]]) -> None:
    group = child(structures, "str", "Codelists")
    for identifier, (title, entries) in lists.items():
        codelist = maintainable(group, "Codelist", identifier, title)
        for code, (english, chinese) in entries.items():
            names(child(codelist, "str", "Code", id=code), english, chinese)


def add_concepts(structures: ET.Element) -> None:
    scheme = maintainable(child(structures, "str", "ConceptSchemes"), "ConceptScheme", codes.CONCEPTS, "Concepts")
    for component in codes.COMPONENTS:
        names(child(scheme, "str", "Concept", id=component.id), component.name)


def add_dataflow(structures: ET.Element) -> None:
    flow = maintainable(child(structures, "str", "Dataflows"), "Dataflow", codes.DATAFLOW, codes.STRUCTURE_NAME)
    child(flow, "str", "Structure", f"{URN}.datastructure.DataStructure={codes.AGENCY}:{codes.DSD}({codes.VERSION})")


def representation(parent: ET.Element, component: codes.Component) -> None:
    local = child(parent, "str", "LocalRepresentation")
    if component.codelist:
        child(local, "str", "Enumeration", codelist_urn(component.codelist))
    else:
        child(local, "str", "TextFormat", textType=component.text_type)


def add_component(parent: ET.Element, component: codes.Component, position: int) -> None:
    kind = {"dimension": "Dimension", "time": "TimeDimension", "measure": "Measure", "attribute": "Attribute"}
    attributes = {"id": component.id}
    if component.role == "dimension":
        attributes["position"] = str(position)
    if component.role == "attribute":
        attributes["usage"] = "mandatory" if component.required else "optional"
    element = child(parent, "str", kind[component.role], **attributes)
    child(element, "str", "ConceptIdentity", concept_urn(component.id))
    representation(element, component)
    if component.role == "attribute":
        child(child(element, "str", "AttributeRelationship"), "str", "Observation")


def add_data_structure(structures: ET.Element) -> None:
    dsd = maintainable(child(structures, "str", "DataStructures"), "DataStructure", codes.DSD, codes.STRUCTURE_NAME)
    parts = child(dsd, "str", "DataStructureComponents")
    lists = {
        "dimension": child(parts, "str", "DimensionList", id="DimensionDescriptor"),
        "attribute": child(parts, "str", "AttributeList", id="AttributeDescriptor"),
        "measure": child(parts, "str", "MeasureList", id="MeasureDescriptor"),
    }
    for position, component in enumerate(codes.COMPONENTS, start=1):
        add_component(lists["dimension" if component.role == "time" else component.role], component, position)


def structure_message(data: ExportData) -> ET.Element:
    for prefix, uri in NS.items():
        ET.register_namespace(prefix, uri)
    descriptor = about.package_descriptor(data)
    root = ET.Element(tag("mes", "Structure"))
    header = child(root, "mes", "Header")
    child(header, "mes", "ID", f"{data.county.slug.upper()}_{descriptor['version'].replace('.', '_')}")
    child(header, "mes", "Test", "false")
    child(header, "mes", "Prepared", about.package_date(descriptor))
    child(header, "mes", "Sender", id=codes.AGENCY)
    structures = child(root, "mes", "Structures")
    add_codelists(structures, code_lists(data))
    add_concepts(structures)
    add_dataflow(structures)
    add_data_structure(structures)
    return root


def write_structure(data: ExportData, path: Path) -> None:
    """SDMX-ML 3.0 structure message, UTF-8, indented, the same bytes every time."""
    root = structure_message(data)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n", encoding="utf-8", newline="\n")
