"""One SDMX-CSV row per observation with a known period: codes, bounds and provenance kept."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from county_data.catalogue.units import UNITS
from county_data.exporters.formats import neutralise

from . import codes

if TYPE_CHECKING:
    import pandas as pd

Row = dict[str, str]
NUMERIC = frozenset(c.id for c in codes.COMPONENTS if c.text_type in ("Double", "Integer"))


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of one of our tables as dicts keyed by column name (our columns are all named by strings)."""
    return [{str(name): value for name, value in row.items()} for row in frame.to_dict(orient="records")]


def number(value: Any) -> str:
    """A fixed, locale-free form: integers without ``.0``, others by ``repr``; missing → ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def text(value: Any) -> str:
    """Missing values (None, NaN, pandas NA) become ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("<NA>", "nan"):
        return ""
    return str(value)


def comment(observation: Mapping[str, Any]) -> str:
    parts = [] if observation["qualifier"] == "exact" else [codes.QUALIFIERS[observation["qualifier"]][0]]
    if text(observation.get("formula")):
        parts.append(f"derived as {observation['formula']}")
    parts.append(text(observation.get("note")))
    return "; ".join(part for part in parts if part)


def source_name(source: Mapping[str, Any]) -> str:
    return ", ".join(
        part for part in (text(source.get("outlet")), text(source.get("published")), text(source["title"])) if part
    )


def unit_name(unit: str) -> str:
    return UNITS[unit][1]


def observation_row(
    obs: Mapping[str, Any], metric: Mapping[str, Any], source: Mapping[str, Any], county: Mapping[str, Any]
) -> dict[str, tuple[str, str]]:
    """Each component's (code or value, English label); the label is '' where there is none."""
    from .periods import to_time_period

    status = codes.OBS_STATUS[obs["qualifier"]]
    return {
        "REF_AREA": (obs["county_code"], county["name_en"]),
        "INDICATOR": (codes.sdmx_id(obs["metric_id"]), metric["label_en"]),
        "SOURCE": (codes.sdmx_id(obs["source_id"]), source_name(source)),
        "TIME_PERIOD": (to_time_period(obs["period"]), ""),
        "OBS_VALUE": (number(obs["value"]), ""),
        "UNIT_MEASURE": (codes.UNIT_CODES[obs["unit"]], unit_name(obs["unit"])),
        "UNIT_MULT": (codes.VALUES_UNIT_MULT, codes.UNIT_MULT[codes.VALUES_UNIT_MULT][0]),
        "OBS_STATUS": (status, codes.OBS_STATUS_NAMES[status][0]),
        "QUALIFIER": (obs["qualifier"], codes.QUALIFIERS[obs["qualifier"]][0]),
        "LOWER_BOUND": (number(obs.get("lower_bound")), ""),
        "UPPER_BOUND": (number(obs.get("upper_bound")), ""),
        "MEASURE_WORD": (text(obs.get("measure_word")), ""),
        "SURFACE": (text(obs["surface"]), ""),
        "PERIOD_TEXT": (text(obs.get("period_text")), ""),
        "BASELINE_PERIOD": (text(obs.get("baseline_period")), ""),
        "METHOD": (obs["method"], codes.METHODS[obs["method"]][0]),
        "QUOTE": (text(obs["quote"]), ""),
        "CHAR_START": (number(obs["char_start"]), ""),
        "CHAR_END": (number(obs["char_end"]), ""),
        "COMMENT": (comment(obs), ""),
    }


def cells(row: Mapping[str, tuple[str, str]], *, labels: bool) -> list[str]:
    """The row's cells in component order; ``labels`` writes coded values as ``CODE: name``."""
    result = []
    for component in codes.COMPONENTS:
        value, label = row[component.id]
        cell = f"{value}: {label}" if labels and component.codelist and label else value
        result.append(_safe(component.id, cell))
    return result


def _safe(column: str, value: str) -> str:
    """Neutralise spreadsheet formulas in text cells; numbers (``-2.1``) stay numbers."""
    return value if column in NUMERIC else str(neutralise(value))
