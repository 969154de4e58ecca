"""One expression -> one Quantity: the same reading as extraction, whole text only."""

from __future__ import annotations

from county_data.errors import QuantityParseError

from .extract import blocked_spans, may_be_blocked, not_str
from .mirror import Mirror
from .numerals import has_digit, read_numeral
from .patterns import quantity_pattern, simple_pattern
from .reading import read_match, read_plain
from .record import Quantity


def parse_quantity(text: str, *, strict: bool = False) -> Quantity | None:
    """Read "超5.5亿元", "140余家", "四分之一以上"; the whole text (bar spaces) must be it.

    A number alone ("二百零三", "5万2000", "负十五") reads as that number with
    unit ``number``: whoever passes it means it as a number.

    Returns None when ``text`` is not exactly one quantity, or raises
    ``QuantityParseError`` when ``strict``. Spans are offsets into ``text``.
    Text that is not a str (bytes, None) raises ``QuantityParseError`` in any mode.
    """
    if not isinstance(text, str):
        raise not_str(text)
    quantity = _read_whole(text)
    if quantity is None and strict:
        raise QuantityParseError(f"text must be one quantity such as 超5.5亿元 (got {text!r})")
    return quantity


def _read_whole(text: str) -> Quantity | None:
    mirror = Mirror(text)
    normal = mirror.normal
    start = len(normal) - len(normal.lstrip())
    end = len(normal.rstrip())
    if start >= end:
        return None
    simple = simple_pattern().fullmatch(normal, start, end)
    match = simple or quantity_pattern().fullmatch(normal, start, end)
    if match is None:
        return _bare_number(start, end, mirror)
    if may_be_blocked(normal) and blocked_spans(normal).overlaps(start, end):
        return None
    if simple is not None:
        pre, lo, unit, suf = simple.groups()
        return read_plain((None, pre, lo, None, None, None, None, unit, suf), start, end, normal, mirror, None)
    quantity = read_match(match, normal, mirror, None)
    if quantity is None and match["bare"] is not None and has_digit(normal[start:end]):
        return _bare_number(start, end, mirror)  # 一亿 alone: in running text a word, here a number
    return quantity


def _bare_number(start: int, end: int, mirror: Mirror) -> Quantity | None:
    """A number alone (二百零三, 壹仟贰佰, 2,340,000): the caller means it as a number, unit ``number``."""
    value = read_numeral(mirror.normal[start:end])
    if value is None:
        return None
    s, e = mirror.original(start, end)
    return Quantity(value, "number", "", "exact", value, value, "level", s, e, mirror.source[s:e])
