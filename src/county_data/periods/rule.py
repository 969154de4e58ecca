"""The period rule: when a figure of a text happened, decided from the words around it.

One rule, used by ``county-data extract`` (drafts), by the build's check of every
annotated period and shown on the review site. It reads, nearest first:

1. a time expression in the figure's own sentence, before it (the quantity
   reader's period hints): a year (2024年), years (2021—2025年), a start
   (2023年以来), a plan (“十四五”期间), a span of years (五年来), a relative year
   (今年, 去年), a part of a year (2024年上半年, 一季度, 前三季度, 1—9月: its months,
   ``2024-01/2024-06``; without a year, the year of an earlier time expression of the
   sentence or of an opener below, else ``unknown``);
2. 目前 / 截至目前 in the figure's sentence: the publication date;
3. 累计 in the figure's clause with no start in its sentence: a running total
   whose start the text does not give, so ``unknown`` — it does not take a
   section's period, since the count may have begun before it;
4. a time expression in the first sentence of the figure's paragraph;
5. a time expression in the opening paragraph of the figure's section (a
   source's ``sections``), such as “十四五”期间 or 五年来;
6. the year in the title of a statistical bulletin (2021年…统计公报): a bulletin
   reports on the year it names. Not other kinds: a work report titled 2024年
   reviews 2023.

Then, whatever decided: an interval (a plan, a span of years, "since") is no
period of a level that does not add up over time — a rate or share (%, ‰), a
rank, or an annual figure (年产值) — unless the figure is a growth, change or
multiple over that interval; such a level is ``unknown``. Months of one year
(上半年, 1—9月) are not such an interval: they are the reporting period whose rates
and shares statistics give. "Since 2023" ends at
the publication date: ``2023/2025-02-12`` where the source gives it, the open
interval ``2023/..`` where it does not. Spans of years (五年来) end in the
publication year and are ``unknown`` without one; relative years (今年) likewise.

A growth or change is compared with a baseline (:func:`decide_baseline`): the year its
words name (较2020年); the year before a one-year period where they say so (比上年,
较上年, 同比, 比去年); in a statistical bulletin, the year before its one-year period
when no words name one, since bulletins state growth against the previous year.
Anything else (a part of a year, an interval) is left to a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from county_data.periods import OPEN_END, UNKNOWN

if TYPE_CHECKING:
    from county_data.quantity import PeriodHint, Quantity

#: what each rule means, as the build's messages and the review site say it
RULES = {
    "sentence": "a time expression in the figure's sentence",
    "now": "目前 (now): the publication date",
    "cumulative": "累计 (cumulative) with no start: a running total whose start is not stated",
    "paragraph": "a time expression opening the figure's paragraph",
    "section": "a time expression opening the figure's section",
    "title": "the year a statistical bulletin's title names",
    "level": "an interval is no period of a rate, share, rank or annual level",
    "none": "no words date the figure",
}
#: kinds of figure that are about an interval rather than a moment in it
_OVER_AN_INTERVAL = ("growth", "change", "multiple")
_LEVEL_UNITS = ("percent", "permille", "rank")
_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?：:\n]")
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
_NOW = re.compile(r"目前|当前|截至目前|截至今年")
_CUMULATIVE = "累计"
#: 年产值, 年销售额: an amount per year (not 2024年产值, where the year is a date)
_ANNUAL = re.compile(r"(?<![\d〇零一二两三四五六七八九十])年(?:产值|产量|销售额|销售收入|营业收入|营收|接待)")
#: how far back a paragraph's start is looked for (keeps drafting long texts linear)
_PARAGRAPH_WINDOW = 1000
_RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}
#: a part of a year (上半年) before its year is known: --01/--06 (quantity.periods.part_period)
_YEARLESS = "--"
_YEAR = re.compile(r"\d{4}")
_WITHIN_A_YEAR = re.compile(r"(\d{4})-\d{2}/\1-\d{2}")
#: kinds of figure measured against a baseline
_COMPARED = ("growth", "change")
#: baseline words that mean the year before the figure's: 比上年(末), 较上年同期, 同比, 比去年
_PREVIOUS_YEAR = re.compile(r"上年|去年|同比")


@dataclass(frozen=True, slots=True)
class PeriodDecision:
    """A figure's period, the rule that decided it and the words it read (``""`` when none).

    ``start``/``end``: where those words stand in the text, -1 when they are not in it (a
    bulletin's title, no words); where is not part of what was decided, so not compared.
    """

    period: str
    rule: str
    words: str = ""
    start: int = field(default=-1, compare=False)
    end: int = field(default=-1, compare=False)

    def explain(self) -> str:
        said = f" from {self.words!r}" if self.words else ""
        return f"{self.period} ({RULES[self.rule]}{said})"


@dataclass(frozen=True, slots=True)
class TextContext:
    """What the rule knows of a text beyond its words: its publication date and the
    (start, end) of each section heading, in order."""

    published: str = ""
    headings: tuple[tuple[int, int], ...] = ()
    #: the title of a statistical bulletin (empty for other kinds of source)
    bulletin_title: str = ""


#: the kind of source whose title dates its figures (rule 6)
DATED_BY_TITLE = "statistical_bulletin"


def text_context(kind: str, title: str, published: str = "", headings: tuple[tuple[int, int], ...] = ()) -> TextContext:
    """What the rule may use of a source of ``kind``: its title only if that dates its figures."""
    return TextContext(published, headings, title if kind == DATED_BY_TITLE else "")


def decide_period(text: str, figure: Quantity, context: TextContext = TextContext()) -> PeriodDecision:
    """The period of ``figure`` (read from ``text``) by the rule of this module."""
    decision = _from_words(text, figure, context)
    if _is_interval(decision.period) and not _over_an_interval(text, figure):
        return replace(decision, period=UNKNOWN, rule="level")
    return decision


def decide_baseline(figure: Quantity, period: str, context: TextContext = TextContext()) -> str:
    """The year a growth or change of ``period`` is measured against, or ``""`` when the
    rule cannot tell (see the module)."""
    baselines = [hint for hint in figure.period_hints if hint.role == "baseline"]
    if baselines and _YEAR.fullmatch(baselines[-1].period):
        return baselines[-1].period
    if _YEAR.fullmatch(period) is None or figure.kind not in _COMPARED:
        return ""
    said = baselines[-1].text if baselines else ""
    if _PREVIOUS_YEAR.search(said) or (not baselines and context.bulletin_title):
        return str(int(period) - 1)
    return ""


def _from_words(text: str, figure: Quantity, context: TextContext) -> PeriodDecision:
    found = _resolved(figure.period_hints, context.published)
    if found:
        return _dated(_read(found, "sentence"), text, figure, context)
    now = _NOW.search(text, _clause_start(text, figure.start, _SENTENCE_BREAK), figure.start)
    if now:
        return PeriodDecision(context.published or UNKNOWN, "now", now.group(), now.start(), now.end())
    cumulative = text.rfind(_CUMULATIVE, _clause_start(text, figure.start, _CLAUSE_BREAK), figure.start)
    if cumulative >= 0:
        return PeriodDecision(UNKNOWN, "cumulative", _CUMULATIVE, cumulative, cumulative + len(_CUMULATIVE))
    for rule, found in _openers(text, figure, context):
        return _dated(_read(found, rule), text, figure, context)
    return PeriodDecision(UNKNOWN, "none")


def _read(found: tuple[str, PeriodHint], rule: str) -> PeriodDecision:
    """The decision of ``rule`` from a hint that gives a period; a title's hint stands in no text."""
    period, hint = found
    if rule == "title":
        return PeriodDecision(period, rule, hint.text)
    return PeriodDecision(period, rule, hint.text, hint.start, hint.end)


def _openers(text: str, figure: Quantity, context: TextContext) -> Iterator[tuple[str, tuple[str, PeriodHint]]]:
    """(rule, (period, hint)) of each opener that names a period, nearest first: the
    paragraph's first sentence, the section's first paragraph, a bulletin's title."""
    for rule, (start, end) in (("paragraph", _paragraph_opener(text, figure.start)),
                               ("section", _section_opener(text, figure.start, context.headings))):  # fmt: skip
        found = _resolved(_hints_in(text, start, min(end, figure.start)), context.published, first=True)
        if found:
            yield rule, found
    title = context.bulletin_title
    found = _resolved(_hints_in(title, 0, len(title)), context.published, first=True)
    if found:
        yield "title", found


def _dated(decision: PeriodDecision, text: str, figure: Quantity, context: TextContext) -> PeriodDecision:
    """A part of a year the words do not name the year of (上半年, 1—9月: ``--01/--06``) in
    the nearest year that an earlier hint of the sentence or an opener names; ``unknown``
    when none does."""
    if not decision.period.startswith(_YEARLESS):
        return decision
    years = [(hint.period, hint.text) for hint in reversed(figure.period_hints) if _in_one_year(hint.period)]
    years += [(period, hint.text) for _, (period, hint) in _openers(text, figure, context) if _in_one_year(period)]
    if not years:
        return replace(decision, period=UNKNOWN)
    period, words = years[0]
    dated = decision.period.replace(_YEARLESS, f"{period[:4]}-")
    return replace(decision, period=dated, words=f"{decision.words} ({words})")


def _in_one_year(period: str) -> bool:
    """A year (2024) or a part of one (2024-01/2024-03): what dates a part of a year."""
    return _YEAR.fullmatch(period) is not None or _WITHIN_A_YEAR.fullmatch(period) is not None


def _resolved(hints: Sequence[PeriodHint], published: str, first: bool = False) -> tuple[str, PeriodHint] | None:
    """(period, hint) of the nearest (or first) reference hint that gives a period."""
    ordered = hints if first else tuple(reversed(hints))
    for hint in ordered:
        if hint.role != "reference":
            continue
        period = _period_of(hint, published)
        if period:
            return period, hint
    return None


def _period_of(hint: PeriodHint, published: str) -> str:
    """The period a reference hint names, with the publication date for its open end and
    the year of a relative part of a year (今年上半年)."""
    year = published[:4]
    if hint.period.startswith(_YEARLESS):
        offset = _RELATIVE_YEARS.get(hint.text[:2])
        if not year or offset is None:
            return hint.period
        return hint.period.replace(_YEARLESS, f"{int(year) + offset}-")
    if hint.period.endswith("/" + OPEN_END):  # 2023年以来
        return f"{hint.period[: -len(OPEN_END)]}{published}" if published else hint.period
    if hint.period.startswith("P"):  # 五年来: the years up to the publication year
        years = int(hint.period[1:-1])
        return f"{int(year) - years + 1}/{year}" if year else UNKNOWN
    if hint.period:
        return hint.period
    offset = _RELATIVE_YEARS.get(hint.text)
    return str(int(year) + offset) if year and offset is not None else ""


def _is_interval(period: str) -> bool:
    """An interval a level is no value of: one of years or open, not months of one year
    (上半年, 1—9月), the reporting periods whose rates and shares statistics report."""
    return "/" in period and _WITHIN_A_YEAR.fullmatch(period) is None


def _over_an_interval(text: str, figure: Quantity) -> bool:
    if figure.kind in _OVER_AN_INTERVAL:
        return True
    if figure.unit in _LEVEL_UNITS or figure.kind in ("share", "rank"):
        return False
    return _ANNUAL.search(_before(text, figure.start, _CLAUSE_BREAK)) is None


def _before(text: str, position: int, breaks_at: re.Pattern[str]) -> str:
    """The words of the clause (or sentence) before ``position``, up to 120 characters."""
    return text[_clause_start(text, position, breaks_at) : position]


def _clause_start(text: str, position: int, breaks_at: re.Pattern[str]) -> int:
    """Where the clause (or sentence) before ``position`` starts, at most 120 characters back."""
    start = max(0, position - 120)
    breaks = [m.end() for m in breaks_at.finditer(text, start, position)]
    return breaks[-1] if breaks else start


def _paragraph_opener(text: str, position: int) -> tuple[int, int]:
    """The first sentence of the paragraph (line) ``position`` is in, if ``position`` is past it."""
    newline = text.rfind("\n", max(0, position - _PARAGRAPH_WINDOW), position)
    if newline < 0 and position > _PARAGRAPH_WINDOW:
        return position, position  # a paragraph this long has no opener worth the name
    start = newline + 1
    end = _SENTENCE_BREAK.search(text, start)
    stop = end.end() if end else len(text)
    return (start, stop) if stop <= position else (start, start)


def _section_opener(text: str, position: int, headings: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """The opening paragraph of the section ``position`` is in: the first line after its heading."""
    ends = [end for start, end in headings if start <= position]
    if not ends:
        return 0, 0
    line = re.compile(r"[^\n]+").search(text, ends[-1])
    return (line.start(), line.end()) if line else (0, 0)


def _hints_in(text: str, start: int, end: int) -> tuple[PeriodHint, ...]:
    from county_data.quantity.periods import hints_in

    return hints_in(text, start, end) if start < end else ()
