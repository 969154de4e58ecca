"""Draft figures as annotation entries: the format of annotations.yaml, with TODO markers.

The quantity reader (through :func:`county_data.annotation.draft.draft_entries`) finds
the figures; this module only re-shapes each one into an observation a person reviews.
Whatever the reader cannot know — the metric, and the period where the text gives none
in the figure's clause — is a :mod:`~county_data.scaffold.todo` marker carrying the
reader's suggestion, so the build refuses the file until someone decided.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from county_data.annotation.anchors import context_of
from county_data.scaffold.todo import todo

#: verbs that introduce an honour's title (被评为…, 荣获…, 入选…): honours are data too
HONOUR_VERBS = ("被评为", "评为", "荣获", "获评", "入选", "被命名为", "命名为", "被授予", "授予")
_HONOUR = re.compile(rf"(?:{'|'.join(HONOUR_VERBS)})(?:了|为)?([“\"「]?)([^，。；：！？,;:!?\n]{{2,40}})")
_TITLE_END = '”"」'


def observation(draft: dict[str, Any], cited_text: str | None = None) -> dict[str, Any]:
    """One draft figure as an observation entry of annotations.yaml (its mention anchored
    by prefix and suffix when ``cited_text``, the text of a cited source, is given)."""
    entry: dict[str, Any] = {
        "id": _entry_id(draft.get("suggested_metric"), draft["start"]),
        "metric": todo(draft.get("suggested_metric")),
    }
    entry.update(_period(draft))
    entry["value"] = _tidy(draft["value"])
    entry["unit"] = draft["unit"]
    entry["surface"] = draft["quote"]
    entry["qualifier"] = draft["qualifier"]
    if draft["qualifier"] != "exact":
        entry.update({key: _tidy(draft[key]) for key in ("lower", "upper") if draft.get(key) is not None})
    entry["mentions"] = [mention(draft["quote"], draft["start"], draft["end"], cited_text)]
    return entry


def mention(quote: str, start: int, end: int, cited_text: str | None = None) -> dict[str, Any]:
    """Where a figure is written: quote and offsets, and for a cited source the W3C Web
    Annotation context (``prefix``/``suffix``) that finds it in another copy of the article."""
    found: dict[str, Any] = {"quote": quote, "start": start, "end": end}
    if cited_text is not None:
        found["prefix"], found["suffix"] = context_of(cited_text, start, end)
    return found


def _tidy(value: float) -> float:
    """The value as written: 5.81万 is 58100, not the float product 58099.99999999999."""
    return float(f"{value:.12g}")


def _entry_id(metric: str | None, start: int) -> str:
    name = (metric or "figure").replace(".", "-").replace("_", "-")
    return f"{name}-{start}"


def _period(draft: dict[str, Any]) -> dict[str, Any]:
    """Period fields: what the period rule decides from the words (county_data.periods.rule),
    a TODO marker where no words decide, for the curator (the build checks the rule with the
    source's date, sections and title too); the baseline likewise, with the words that compare."""
    hints: Sequence[dict[str, Any]] = draft["period_hints"]
    fields: dict[str, Any] = {"period": draft["rule_period"] if draft.get("rule", "none") != "none" else todo()}
    texts = [hint["text"] for hint in hints if hint["role"] == "reference"]
    if texts:
        fields["period_text"] = "".join(texts)
    compared = [hint["text"] for hint in hints if hint["role"] == "baseline"]
    if draft.get("rule_baseline") or compared:
        fields["baseline_period"] = draft.get("rule_baseline") or todo(compared[0])
    return fields


def honours(text: str, cited: bool = False) -> Iterator[dict[str, Any]]:
    """An honour entry for each title introduced by one of :data:`HONOUR_VERBS` (anchored
    by prefix and suffix when ``text`` is ``cited``)."""
    for match in _HONOUR.finditer(text):
        title = match.group(2)
        if match.group(1):
            title = re.split(f"[{_TITLE_END}]", title, maxsplit=1)[0]
        start = match.start(2)
        yield {
            "id": f"honour-{start}",
            "name_zh": title,
            "name_en": todo(),
            "level": todo("national, provincial or prefectural"),
            "mentions": [mention(title, start, start + len(title), text if cited else None)],
        }


def comment(draft: dict[str, Any]) -> str:
    """What a reviewer needs beside an entry: where it is, its clause, what the reader took it for."""
    return f"line {draft['line']}: …{draft['context']}… (reader: {draft['kind']})"
