"""The fixed vocabulary of the SDMX-CSV export: structure, columns, status codes."""

from __future__ import annotations

from types import MappingProxyType

STRUCTURE = "dataflow"
STRUCTURE_ID = "COUNTY_DATA:DF_COUNTY_DEV(1.0.0)"
STRUCTURE_NAME = "County development figures from Chinese reports"
ACTION = "I"
SUBFIELD = ";"
LANGUAGES = ("en", "zh")

#: (component id, English name, kind). Dimensions first, then the measure, then attributes.
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("REF_AREA", "Reference area (GB/T 2260)", "dimension"),
    ("INDICATOR", "Indicator", "dimension"),
    ("SOURCE", "Source text", "dimension"),
    ("TIME_PERIOD", "Time period", "dimension"),
    ("OBS_VALUE", "Observation value", "measure"),
    ("UNIT_MEASURE", "Unit of measure", "attribute"),
    ("UNIT_MULT", "Unit multiplier", "attribute"),
    ("OBS_STATUS", "Observation status", "attribute"),
    ("QUALIFIER", "Qualifier as written", "attribute"),
    ("LOWER_BOUND", "Lower bound", "attribute"),
    ("UPPER_BOUND", "Upper bound", "attribute"),
    ("MEASURE_WORD", "Chinese measure word", "attribute"),
    ("SURFACE", "Figure as written", "attribute"),
    ("PERIOD_TEXT", "Words that set the period", "attribute"),
    ("BASELINE_PERIOD", "Baseline period", "attribute"),
    ("METHOD", "Method", "attribute"),
    ("QUOTE", "Quote", "attribute"),
    ("CHAR_START", "Quote start (character offset)", "attribute"),
    ("CHAR_END", "Quote end (character offset)", "attribute"),
    ("COMMENT", "Comment", "attribute"),
)

#: Non-coded multilingual label columns (SDMX-CSV 2.0 ``ID[en;zh]``, values ``en:…;zh:…``).
LABEL_COLUMNS: tuple[str, ...] = ("REF_AREA_NAME", "INDICATOR_NAME", "UNIT_NAME")

#: Coded components written as ``CODE: name`` (labels=both).
CODED = frozenset({"REF_AREA", "INDICATOR", "SOURCE", "UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS", "METHOD"})

#: SDMX CL_OBS_STATUS: A normal value, E estimated value. Bounds keep A; the
#: qualifier, bounds and COMMENT say what the number is.
OBS_STATUS = MappingProxyType(
    {"exact": "A", "approx": "E", "more_than": "A", "at_least": "A", "less_than": "A", "at_most": "A"}
)
OBS_STATUS_NAMES = MappingProxyType({"A": "Normal value", "E": "Estimated value"})

UNIT_MULT_NAMES = MappingProxyType({"0": "Units"})
METHOD_NAMES = MappingProxyType({"reported": "Reported in the source", "derived": "Derived from other observations"})

QUALIFIER_WORDS = MappingProxyType(
    {
        "more_than": "OBS_VALUE is an exclusive lower bound (more than)",
        "at_least": "OBS_VALUE is an inclusive lower bound (at least)",
        "less_than": "OBS_VALUE is an exclusive upper bound (less than)",
        "at_most": "OBS_VALUE is an inclusive upper bound (at most)",
        "approx": "OBS_VALUE is approximate",
    }
)


def header() -> list[str]:
    """The header row: ``STRUCTURE[;]`` (multilingual columns follow), labels=both."""
    names = [f"{code}: {name}" for code, name, _ in COMPONENTS]
    labels = [f"{code}[{SUBFIELD.join(LANGUAGES)}]" for code in LABEL_COLUMNS]
    return [f"STRUCTURE[{SUBFIELD}]", "STRUCTURE_ID", "ACTION", *names, *labels]
