"""A readable table of a county's figures and the words they came from."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd

Row = Mapping[Hashable, Any]  # one table row as pandas gives it: column -> cell


def render_figures(tables: Mapping[str, pd.DataFrame]) -> str:
    observations = tables["observations"].merge(
        tables["metrics"][["metric_id", "label_zh", "label_en"]], on="metric_id"
    )
    observations = observations.sort_values(["source_id", "char_start", "metric_id", "period"], kind="stable")
    lines = []
    for row in observations.to_dict("records"):
        flag = " (derived)" if row["method"] == "derived" else ""
        lines.append(f"{row['label_en']} / {row['label_zh']}{flag}")
        lines.append(f"  {_value(row)}  period {row['period']}  [{row['qualifier']}]")
        lines.append(f"  「{row['quote']}」 chars {row['char_start']}–{row['char_end']}")
    honours = tables["honours"]
    if len(honours):
        lines.append("")
        lines.append("Honours")
        for row in honours.to_dict("records"):
            year = "" if pd.isna(row["year"]) else f" ({int(row['year'])})"
            lines.append(f"  {row['name_zh']}{year} — 「{row['quote']}」")
    return "\n".join(lines)


def _value(row: Row) -> str:
    value = row["value"]
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    word = row["measure_word"]
    unit = word if isinstance(word, str) else row["unit"]
    return f"{row['surface']} = {number} {unit}"
