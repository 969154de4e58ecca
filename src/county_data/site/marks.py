"""A text with its figures marked at their offsets: nested ``<mark>`` elements, escaped text between.

Offsets are Unicode code points (Python string indices), the package's own
convention; the HTML carries the characters themselves, so no offset is
converted to UTF-16 or bytes on the way. A span inside another becomes a mark
inside the other; a span that crosses another is split at the crossing, and
only its first part carries the anchor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup, escape


@dataclass(frozen=True, order=True)
class Span:
    """One mark: where it is, the element id (may be empty), the panel it opens, and its CSS classes."""

    start: int
    end: int
    anchor: str = ""
    detail: str = ""
    classes: str = ""
    part: int = 0


def mark_text(text: str, spans: Sequence[Span]) -> Markup:
    """``text`` escaped, with every non-empty span inside it marked."""
    kept = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=_order)
    return Markup("").join(_render(text, 0, len(text), kept))


def _order(span: Span) -> tuple[int, int, str, int]:
    return (span.start, -span.end, span.anchor, span.part)


def _render(text: str, start: int, end: int, spans: list[Span]) -> list[Markup]:
    out: list[Markup] = []
    position = start
    while spans:
        top, spans = spans[0], spans[1:]
        inner, rest = _split_under(top, spans)
        out += [escape(text[position : top.start]), open_tag(top)]
        out += _render(text, top.start, top.end, inner)
        out.append(Markup("</mark>"))
        position = top.end
        spans = rest
    out.append(escape(text[position:end]))
    return out


def _split_under(top: Span, spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """(spans inside ``top``, the others in order); a span crossing ``top``'s end is cut there."""
    inner: list[Span] = []
    rest: list[Span] = []
    for span in spans:
        if span.start >= top.end:
            rest.append(span)
        elif span.end <= top.end:
            inner.append(span)
        else:
            inner.append(replace(span, end=top.end))
            rest.append(replace(span, start=top.end, anchor="", part=span.part + 1))
    return inner, sorted(rest, key=_order)


def open_tag(span: Span) -> Markup:
    attributes = {
        "id": span.anchor,
        "class": f"fig {span.classes}".strip() + (" part" if span.part else ""),
        "tabindex": "0" if span.part == 0 else "",
        "data-detail": span.detail,
        "data-start": str(span.start),
        "data-end": str(span.end),
    }
    text = " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items() if value)
    return Markup(f"<mark {text}>")
