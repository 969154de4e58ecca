"""The fixed vocabulary of the SDMX export: structure ids, components, code lists that do not come from the data."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

AGENCY = "COUNTY_DATA"
VERSION = "1.0.0"
DATAFLOW = "DF_COUNTY_DEV"
DSD = "DSD_COUNTY_DEV"
CONCEPTS = "CS_COUNTY_DEV"
STRUCTURE = "dataflow"
STRUCTURE_ID = f"{AGENCY}:{DATAFLOW}({VERSION})"
STRUCTURE_NAME = "County development figures from Chinese reports"
ACTION = "I"
#: SDMX ids may hold only [A-Za-z0-9_@$-]; our ids may hold "." (namespaced metrics such as
#: shangli.fireworks_output_value), which none of them holds as "@", so "@" stands for it
DOT_IN_ID = "@"


def sdmx_id(our_id: str) -> str:
    """Our metric or source id as an SDMX code id."""
    return our_id.replace(".", DOT_IN_ID)


def our_id(code: str) -> str:
    """The metric or source id an SDMX code id stands for."""
    return code.replace(DOT_IN_ID, ".")


@dataclass(frozen=True, slots=True)
class Component:
    """A column of the data structure: its role and how its values are represented.

    ``codelist`` names the code list of a coded component; otherwise ``text_type``
    is the SDMX text type of its values.
    """

    id: str
    name: str
    role: str  # dimension, time, measure, attribute
    codelist: str = ""
    text_type: str = "String"
    required: bool = False


COMPONENTS: tuple[Component, ...] = (
    Component("REF_AREA", "Reference area (GB/T 2260)", "dimension", codelist="CL_REF_AREA", required=True),
    Component("INDICATOR", "Indicator", "dimension", codelist="CL_INDICATOR", required=True),
    Component("SOURCE", "Source text", "dimension", codelist="CL_SOURCE", required=True),
    Component("TIME_PERIOD", "Time period", "time", text_type="ObservationalTimePeriod", required=True),
    Component("OBS_VALUE", "Observation value", "measure", text_type="Double", required=True),
    Component("UNIT_MEASURE", "Unit of measure", "attribute", codelist="CL_UNIT", required=True),
    Component("UNIT_MULT", "Unit multiplier", "attribute", codelist="CL_UNIT_MULT", required=True),
    Component("OBS_STATUS", "Observation status", "attribute", codelist="CL_OBS_STATUS", required=True),
    Component("QUALIFIER", "Qualifier as written", "attribute", codelist="CL_QUALIFIER", required=True),
    Component("LOWER_BOUND", "Lower bound", "attribute", text_type="Double"),
    Component("UPPER_BOUND", "Upper bound", "attribute", text_type="Double"),
    Component("MEASURE_WORD", "Chinese measure word", "attribute"),
    Component("SURFACE", "Figure as written", "attribute", required=True),
    Component("PERIOD_TEXT", "Words that set the period", "attribute"),
    Component("BASELINE_PERIOD", "Baseline period", "attribute"),
    Component("METHOD", "Method", "attribute", codelist="CL_METHOD", required=True),
    Component("QUOTE", "Quote", "attribute", required=True),
    Component("CHAR_START", "Quote start (character offset)", "attribute", text_type="Integer", required=True),
    Component("CHAR_END", "Quote end (character offset)", "attribute", text_type="Integer", required=True),
    Component("COMMENT", "Comment", "attribute"),
)


#: county_data unit → SDMX CL_UNIT-style code (ISO 4217 for money, upper case), with English and Chinese names.
UNIT_CODES = MappingProxyType(
    {
        "CNY": "CNY",
        "USD": "USD",
        "HKD": "HKD",
        "EUR": "EUR",
        "percent": "PC",
        "percentage_point": "PP",
        "times": "TIMES",
        "rank": "RANK",
        "count": "NUMBER",
        "km": "KM",
        "km2": "KM2",
        "m2": "M2",
        "mu": "MU",
        "hectare": "HA",
        "tonne": "T",
        "year": "YEARS",
        "month": "MONTHS",
        "day": "DAYS",
        "hour": "HOURS",
    }
)

#: SDMX CL_UNIT_MULT: values are in base units (yuan, not 亿元), so the multiplier is always 10^0.
UNIT_MULT = MappingProxyType({"0": ("Units", "个")})
VALUES_UNIT_MULT = "0"

#: SDMX CL_OBS_STATUS: A normal value, E estimated value. SDMX has no status with a direction, so a
#: bound keeps A and QUALIFIER, LOWER_BOUND and UPPER_BOUND say what the number is.
OBS_STATUS = MappingProxyType(
    {"exact": "A", "approx": "E", "more_than": "A", "at_least": "A", "less_than": "A", "at_most": "A"}
)
OBS_STATUS_NAMES = MappingProxyType({"A": ("Normal value", "正常值"), "E": ("Estimated value", "估计值")})

QUALIFIERS = MappingProxyType(
    {
        "exact": ("OBS_VALUE is the value", "确数"),
        "more_than": ("OBS_VALUE is an exclusive lower bound (more than)", "超过"),
        "at_least": ("OBS_VALUE is an inclusive lower bound (at least)", "以上"),
        "approx": ("OBS_VALUE is approximate", "约"),
        "less_than": ("OBS_VALUE is an exclusive upper bound (less than)", "不足"),
        "at_most": ("OBS_VALUE is an inclusive upper bound (at most)", "以内"),
    }
)
METHODS = MappingProxyType(
    {"reported": ("Reported in the source", "来源所载"), "derived": ("Derived from other observations", "推算")}
)
