"""One SDMX-CSV row per observation: codes with labels, bounds and provenance kept."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from county_data.catalogue.units import UNITS
from county_data.exporters.formats import neutralise

from . import codes
from .periods import UNKNOWN, to_time_period

Row = dict[str, str]


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


def coded(code: str, name: str) -> str:
    """labels=both: ``CODE: name`` (just ``CODE`` when there is no name)."""
    return f"{code}: {name}" if name else code


def multilingual(**labels: str) -> str:
    """``en:…;zh:…``; the sub-field separator inside a label becomes its full-width form."""
    return codes.SUBFIELD.join(
        f"{lang}:{label.replace(codes.SUBFIELD, '；')}" for lang, label in labels.items() if label
    )


def comment(observation: Mapping[str, Any]) -> str:
    parts = [codes.QUALIFIER_WORDS.get(observation["qualifier"], "")]
    if observation["period"] == UNKNOWN:
        parts.append("reference period not stated in the source: TIME_PERIOD left empty")
    if text(observation.get("formula")):
        parts.append(f"derived as {observation['formula']}")
    parts.append(text(observation.get("note")))
    return "; ".join(part for part in parts if part)


def source_name(source: Mapping[str, Any]) -> str:
    return ", ".join(
        part for part in (text(source.get("outlet")), text(source.get("published")), text(source["title"])) if part
    )


def unit_zh(unit: str, measure_word: str) -> str:
    return measure_word if unit == "count" else UNITS[unit][0]


def observation_row(
    obs: Mapping[str, Any], county: Mapping[str, Any], metric: Mapping[str, Any], source: Mapping[str, Any]
) -> Row:
    status, unit, word = codes.OBS_STATUS[obs["qualifier"]], obs["unit"], text(obs.get("measure_word"))
    values = {
        "REF_AREA": coded(obs["county_code"], county["name_en"]),
        "INDICATOR": coded(obs["metric_id"], metric["label_en"]),
        "SOURCE": coded(obs["source_id"], source_name(source)),
        "TIME_PERIOD": to_time_period(obs["period"]),
        "OBS_VALUE": number(obs["value"]),
        "UNIT_MEASURE": coded(unit, UNITS[unit][1]),
        "UNIT_MULT": coded("0", codes.UNIT_MULT_NAMES["0"]),
        "OBS_STATUS": coded(status, codes.OBS_STATUS_NAMES[status]),
        "QUALIFIER": obs["qualifier"],
        "LOWER_BOUND": number(obs.get("lower_bound")),
        "UPPER_BOUND": number(obs.get("upper_bound")),
        "MEASURE_WORD": word,
        "SURFACE": text(obs["surface"]),
        "PERIOD_TEXT": text(obs.get("period_text")),
        "BASELINE_PERIOD": text(obs.get("baseline_period")),
        "METHOD": coded(obs["method"], codes.METHOD_NAMES.get(obs["method"], "")),
        "QUOTE": text(obs["quote"]),
        "CHAR_START": number(obs["char_start"]),
        "CHAR_END": number(obs["char_end"]),
        "COMMENT": comment(obs),
        "REF_AREA_NAME": multilingual(en=county["name_en"], zh=county["name_zh"]),
        "INDICATOR_NAME": multilingual(en=metric["label_en"], zh=metric["label_zh"]),
        "UNIT_NAME": multilingual(en=UNITS[unit][1], zh=unit_zh(unit, word)),
    }
    return {key: _safe(key, value) for key, value in values.items()}


NUMERIC = frozenset({"OBS_VALUE", "LOWER_BOUND", "UPPER_BOUND", "CHAR_START", "CHAR_END"})


def _safe(column: str, value: str) -> str:
    """Neutralise spreadsheet formulas in text cells; numbers (``-2.1``) stay numbers."""
    return value if column in NUMERIC else str(neutralise(value))
