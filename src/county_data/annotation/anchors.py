"""Anchors that survive another copy of an article, as the W3C Web Annotation model has them.

A mention of a cited source carries a TextQuoteSelector (the exact ``quote`` with a
short ``prefix`` and ``suffix``) and a TextPositionSelector (``start``/``end`` in our
copy). In a user's copy whose header lines or mirror chrome differ, the positions
move but the quote and its context do not: a mention is found where its prefix,
quote and suffix occur together, else where the quote alone occurs once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from county_data.annotation.entries import Annotations, Exclusion, HonourEntry, Mention, ObservationEntry
from county_data.errors import Problem

#: characters of context kept on each side of a quote
CONTEXT = 8


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """(prefix, suffix): up to ``CONTEXT`` characters before and after ``text[start:end]``."""
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


@dataclass(frozen=True, slots=True)
class Found:
    """Where a mention's anchor is in a text: every start it matches (none, one, or too many)."""

    mention: Mention
    starts: tuple[int, ...]

    @property
    def unique(self) -> bool:
        return len(self.starts) == 1


def locate(text: str, mention: Mention) -> Found:
    """The starts of ``mention`` in ``text``: quote with its context first, the bare quote after."""
    with_context = _all(text, mention.prefix + mention.quote + mention.suffix)
    if with_context and (mention.prefix or mention.suffix):
        return Found(mention, tuple(s + len(mention.prefix) for s in with_context))
    return Found(mention, _all(text, mention.quote))


def _all(text: str, needle: str) -> tuple[int, ...]:
    starts, at = [], text.find(needle)
    while needle and at >= 0:
        starts.append(at)
        at = text.find(needle, at + 1)
    return tuple(starts)


def moved(mention: Mention, start: int) -> Mention:
    return replace(mention, start=start, end=start + len(mention.quote))


def relocate(annotations: Annotations, source_id: str, text: str) -> tuple[Annotations, list[Found]]:
    """``annotations`` with the mentions of ``source_id`` moved to where ``text`` has them.

    Returns the moved annotations and the mentions not found once (left where they were,
    so the quote check names them too). Exclusions not found are dropped: they are
    usually the chrome of our copy, which another copy need not have.
    """
    missed: list[Found] = []

    def move(mention: Mention) -> Mention:
        if mention.source_id != source_id:
            return mention
        found = locate(text, mention)
        if not found.unique:
            missed.append(found)
            return mention
        return moved(mention, found.starts[0])

    observations = tuple(replace(o, mentions=tuple(map(move, o.mentions))) for o in annotations.observations)
    honours = tuple(replace(h, mentions=tuple(map(move, h.mentions))) for h in annotations.honours)
    excluded = tuple(_kept_exclusions(annotations.excluded, source_id, text))
    return replace(annotations, observations=observations, honours=honours, excluded=excluded), missed


def _kept_exclusions(exclusions: Iterable[Exclusion], source_id: str, text: str) -> Iterable[Exclusion]:
    for exclusion in exclusions:
        if exclusion.mention.source_id != source_id:
            yield exclusion
            continue
        found = locate(text, exclusion.mention)
        if found.unique:
            yield replace(exclusion, mention=moved(exclusion.mention, found.starts[0]))


def anchored_count(text: str, mentions: Iterable[Mention]) -> int:
    """How many of ``mentions`` ``text`` holds exactly once: how well it matches as a copy."""
    return sum(1 for mention in mentions if locate(text, mention).unique)


def context_problems(annotations: Annotations, texts: Mapping[str, str]) -> list[Problem]:
    """Mentions whose ``prefix`` or ``suffix`` is not the text beside their quote."""
    problems = []
    records: list[ObservationEntry | HonourEntry] = [*annotations.observations, *annotations.honours]
    for record in records:
        for mention in record.mentions:
            text = texts.get(mention.source_id)
            if text is None:
                continue
            for field, stated, actual in (
                ("prefix", mention.prefix, text[max(0, mention.start - len(mention.prefix)) : mention.start]),
                ("suffix", mention.suffix, text[mention.end : mention.end + len(mention.suffix)]),
            ):
                if stated != actual:
                    message = f"observation {record.id!r}: {field} must be {actual!r}, the text beside the quote (got {stated!r})"
                    problems.append(
                        Problem(
                            "anchor-context-mismatch",
                            message,
                            path=str(annotations.path),
                            line=mention.line,
                            field=field,
                            found=stated,
                            expected=actual,
                        )
                    )
    return problems
