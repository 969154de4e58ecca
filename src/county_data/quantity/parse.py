"""One expression -> one Quantity: the same reading as extraction, whole text only."""

from __future__ import annotations

from ..errors import QuantityParseError
from .extract import extract_quantities
from .record import Quantity


def parse_quantity(text: str, *, strict: bool = False) -> Quantity | None:
    """Read "超5.5亿元", "140余家", "四分之一以上"; the whole text (bar spaces) must be it.

    Returns None when ``text`` is not exactly one quantity, or raises
    ``QuantityParseError`` when ``strict``. Spans are offsets into ``text``.
    """
    stripped = text.strip() if isinstance(text, str) else ""
    lead = len(text) - len(text.lstrip()) if stripped else 0
    found = extract_quantities(text) if stripped else []
    if len(found) == 1 and found[0].start == lead and found[0].end == lead + len(stripped):
        return found[0]
    if strict:
        raise QuantityParseError(f"text must be one quantity such as 超5.5亿元 (got {text!r})")
    return None
