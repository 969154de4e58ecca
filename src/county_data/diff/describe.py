"""Row cells in words, shared by the Markdown and HTML renderers."""

from __future__ import annotations

from county_data.diff.snapshot import Row


def value_text(row: Row | None) -> str:
    """``20000000000 CNY more_than (突破200亿元)`` for a row with a value; '' otherwise."""
    if not row or "value" not in row:
        return ""
    words = " ".join(part for part in (row.get("value", ""), row.get("unit", ""), row.get("qualifier", "")) if part)
    surface = row.get("surface", "")
    return f"{words} ({surface})" if surface else words


def quote_text(row: Row | None) -> str:
    """``「突破200亿元」 source chars 476–495`` for a row with a quote; '' otherwise."""
    if not row or "quote" not in row:
        return ""
    return f"「{row['quote']}」 {row.get('source_id', '')} chars {row.get('char_start', '')}–{row.get('char_end', '')}"


def percent(deviation: float | None) -> str:
    return "" if deviation is None else f"{deviation * 100:.2f} %"


def label(row: Row | None) -> str:
    """The row's id (observation_id, honour_id …) or its first cell."""
    if not row:
        return ""
    for name, cell in row.items():
        if name.endswith("_id") and cell:
            return cell
    return next(iter(row.values()), "")
