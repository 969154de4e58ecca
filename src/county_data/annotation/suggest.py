"""Which catalogue metric a figure measures: a suggestion for the person who annotates it.

A wrong suggestion costs more than none (a reviewer may take it), so a metric is
suggested only when three things agree:

1. **the subject**: the nearest name of a catalogue entry (its ``label_zh``, one of its
   ``aliases``, or either without a leading 年末/全年) before the figure in its clause.
   Where the clause before the figure holds only frame words — 比上年, 同比, 增长, 占比…
   and other figures — the subject is that of the clause before it, within the sentence
   (第一产业增加值8.9亿元,增长8.1%). A verb-object name may be split by the figure
   (建成 | 62条 | 自动化示范生产线). A clause with other words and no name has no
   subject the catalogue knows: no suggestion. In ``X占Y的比重``, X is the subject and
   Y must be the entry's ``share_of`` when it is named. A table cell's subject is its
   row label, alone or completed by a word of its caption or column (粮食 under
   主要农产品产量 is 粮食产量);
2. **the measure kind**, which the quantity reader took from the verb and unit: a growth
   (增长x%) is the entry's ``growth`` or ``real_growth`` (``real_growth`` first after
   实际), a change (多增108人) its ``change``, a share its ``share``, a level its
   ``level`` or ``cumulative`` (a cumulative after 累计 or when the period rule dates the
   figure by an interval, a level when it dates it by a year, else the entry's own kind),
   or its own kind when that is ``share`` (城镇化率55%);
3. **the unit**: the figure's unit is the metric's, and a count's measure word its
   measure word (元 is money, 人 persons, 家 is not 个).

``分别`` (respectively) assigns figures to subjects by order: no suggestion.

A part of a colon ratio (三次产业结构比为14.4:41.4:44.2, each part a share) is suggested
by the catalogue's structures instead: relations with ``names`` (catalogue.relations). The
k-th part is the k-th part of the structure named last before the ratio in its sentence,
with only frame words, other figures and words of change (由…调整为) between, when the
structure has as many parts as the ratio; otherwise no suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from county_data.catalogue.metric import Metric
from county_data.quantity.patterns import RATIO, RATIO_PART
from county_data.quantity.vocabulary import FALL_VERBS, RISE_VERBS

#: where a clause ends (、 lists parts: 男性233123人、占52.47%)
_CLAUSE_BREAK = re.compile(r"[，,、：:（）()]")
_SENTENCE_BREAK = re.compile(r"[。；;！？!?\n]")
#: how far back a subject is looked for, within the sentence (keeps drafting linear)
WINDOW = 120
#: how far after a figure the rest of a name split by it is looked for
_AFTER = 40
#: a figure in a masked clause: it is neither a subject nor a word that rules one out
FIGURE_MARK = "#"
#: time words before a name that are not part of it (年末常住人口 is reported as 常住人口)
_LEADING_TIME = re.compile(r"^(?:年末|全年|年底)")
#: words that frame a figure without naming what it measures: comparisons, verbs of
#: change and of reaching, times, the county itself. A clause of these alone says nothing
#: of its subject, which is then the previous clause's. Another area (全市, 全省) is not
#: among them: 与全市增速基本持平 compares with the city, it is not the county's figure.
FRAME_WORDS = (
    "比上年末", "比上年", "比去年", "较上年", "较去年", "与上年", "同比", "环比", "上年", "较", "比",
    *RISE_VERBS, *FALL_VERBS, "多增", "少增",
    "基本持平", "持平", "增速", "达到", "达", "为", "是", "实现", "完成", "共", "计", "了",
    "累计", "年均", "平均", "约", "全年", "年末", "年底", "全县", "其中",
    "实际", "名义", "扣除价格因素", "按可比价格计算", "可比价", "占比", "比重", "的",
    "控制在", "稳定在", "保持在", "预计", "首次", "突破", "超过",
)  # fmt: skip
#: 总 before an output or a value is often left out: 粮食总产量 is also written 粮食产量
_TOTAL = re.compile(r"总(产量|产值)$")
_OUTPUT = re.compile(r"(?<!总)(产量|产值)$")
_PERSONS = re.compile(r"人数$")
#: verbs before a count or an amount that make it a change (比上年多增108人, 增加0.04万亩)
_CHANGE_VERBS = re.compile("(?:" + "|".join((*RISE_VERBS, *FALL_VERBS, "多增", "少增")) + ")$")
_YEAR = re.compile(r"(?:19|20)\d{2}年(?:末|底)?")
_HAN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_SHARE_MARK = "占"
_RATES = ("percent", "per_mille", "percentage_point")
_RESPECTIVELY = "分别"
#: a colon ratio in the text as written (full-width digits and colons too): the reader's structure ratio
_RATIO_NUMBER = re.compile(RATIO_PART)
_RATIO = re.compile(RATIO)
#: how far either side of a part its ratio is looked for
_RATIO_REACH = 64
#: words between a structure's name and its ratio that tell how it changed: 由15.7:29.6:54.7调整为…
_STRUCTURE_CHANGE = re.compile("由|调整|优化|转变")
_CUMULATIVE = "累计"
_REAL = "实际"
#: the metric kinds a figure of each reader kind may be, in order of preference
_KINDS_OF = {
    "level": ("level", "cumulative", "share"),
    "growth": ("growth", "real_growth"),
    "change": ("change",),
    "share": ("share",),
    "rank": ("rank",),
    "multiple": ("multiple",),
}


@dataclass(frozen=True, slots=True)
class Figure:
    """What the suggester needs of a figure: where it is and what the reader made of it."""

    start: int
    end: int
    unit: str
    measure_word: str
    kind: str
    #: the period rule's period on the words alone: a level over an interval (“十四五”期间) is a sum
    period: str = "unknown"


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalogue entry as the suggester sees it: its metrics (one per kind) and the
    whole its share is of (``""`` when none, or not known for a county's own metric)."""

    id: str
    metrics: tuple[Metric, ...]
    share_of: str = ""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The entries a suggestion may come from, with the names each is matched by."""

    entries: dict[str, Entry]
    names: dict[str, tuple[str, ...]]  # by name, the ids of the entries it names
    pattern: re.Pattern[str] | None
    #: (name, cut) of every way a figure may split a name, by the first character after the cut
    cuts: dict[str, tuple[tuple[str, int], ...]]
    #: by name, the metrics of a structure's parts in written order
    structures: dict[str, tuple[Metric, ...]]
    structure_pattern: re.Pattern[str] | None


def catalogue_of(metrics: Iterable[Metric]) -> Catalogue:
    """Group ``metrics`` into their entries and index them by name (once per draft).

    An entry is named by the label of its own kind and, for a core entry, by its
    ``aliases`` (county_data/catalogue/core_metrics.yaml); a structure by the ``names`` of
    its core relation, when all its parts are among ``metrics``.
    """
    from county_data.catalogue.core import metrics as core_specs

    by_id = {metric.id: metric for metric in metrics}
    grouped: dict[str, list[Metric]] = {}
    for metric in sorted(by_id.values(), key=lambda metric: metric.id):
        grouped.setdefault(_entry_id(metric, by_id), []).append(metric)
    core = {spec.id: spec for spec in core_specs()}
    names: dict[str, list[str]] = {}
    for entry_id in grouped:
        aliases = core[entry_id].aliases if entry_id in core else ()
        for name in names_of(by_id[entry_id].label_zh, aliases):
            names.setdefault(name, []).append(entry_id)
    ordered = sorted(names, key=lambda name: (-len(name), name))
    structures = _structures(by_id)
    return Catalogue(
        entries={
            entry_id: Entry(entry_id, tuple(group), core[entry_id].share_of if entry_id in core else "")
            for entry_id, group in grouped.items()
        },
        names={name: tuple(ids) for name, ids in names.items()},
        pattern=_names_pattern(names),
        cuts=_cuts(ordered),
        structures=structures,
        structure_pattern=_names_pattern(structures),
    )


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Every match of every name, overlapping ones too, the longest first at a place."""
    ordered = sorted(names, key=lambda name: (-len(name), name))
    return re.compile("(?=(" + "|".join(map(re.escape, ordered)) + "))") if ordered else None


def _structures(by_id: dict[str, Metric]) -> dict[str, tuple[Metric, ...]]:
    """By name, the part metrics of each core structure whose parts are all in ``by_id``."""
    from county_data.catalogue.core import core_relations

    found: dict[str, tuple[Metric, ...]] = {}
    for relation in core_relations():
        if relation.parts and all(part in by_id for part in relation.parts):
            found.update(dict.fromkeys(map(_normal, relation.names), tuple(by_id[part] for part in relation.parts)))
    return found


def _cuts(names: Sequence[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    cuts: dict[str, list[tuple[str, int]]] = {}
    for name in names:
        for cut in range(1, len(name)):
            cuts.setdefault(name[cut], []).append((name, cut))
    return {char: tuple(found) for char, found in cuts.items()}


def _entry_id(metric: Metric, by_id: dict[str, Metric]) -> str:
    """The entry a metric is a kind of: ``gdp`` for ``gdp_real_growth`` (catalogue.kinds.kind_id)."""
    suffix = f"_{metric.measure_kind}"
    base = metric.id.removesuffix(suffix)
    return base if metric.id.endswith(suffix) and base in by_id else metric.id


def names_of(label: str, aliases: Sequence[str] = ()) -> tuple[str, ...]:
    """A label and its aliases as reports write them, normalised: each also without a
    leading time word (年末常住人口: 常住人口), with or without the 总 of a total output
    (粮食总产量: 粮食产量), and a count of persons without its 人数 (参保人数: 参保25万人)."""
    found: list[str] = []
    for name in (label, *aliases):
        bare = _LEADING_TIME.sub("", name)
        for variant in (name, bare, *_total_variants(bare), _PERSONS.sub("", bare)):
            variant = _normal(variant)
            if len(variant) >= 2 and variant not in found:
                found.append(variant)
    return tuple(found)


def _total_variants(name: str) -> tuple[str, ...]:
    without = _TOTAL.sub(r"\1", name)
    return (without,) if without != name else (_OUTPUT.sub(r"总\1", name),)


def _normal(text: str) -> str:
    """Simplified characters, no inline pinyin, footnote markers or stray spaces (the quantity reader's mirror)."""
    from county_data.quantity.mirror import Mirror

    return Mirror(text).normal


def suggest_in_text(text: str, figure: Figure, others: Sequence[tuple[int, int]], catalogue: Catalogue) -> str | None:
    """The metric ``figure`` of ``text`` measures, or None; ``others`` are the spans of the
    text's other figures (masked, so a number is never read as part of a name)."""
    ratio = _place_in_ratio(text, figure)
    if ratio is not None:
        return _structure_part(text, figure, ratio, others, catalogue)
    lead, earlier = _clauses_before(text, figure, others)
    if _RESPECTIVELY in lead or any(_RESPECTIVELY in clause for clause in earlier):
        return None
    subject, whole = _subject(lead, earlier, catalogue, figure.kind == "share")
    if subject is None:
        subject = _split_name(lead, _clause_after(text, figure), catalogue)
    if subject is None:
        return None
    sentence = "".join((*earlier, lead))
    if figure.kind == "level" and figure.unit not in _RATES and _CHANGE_VERBS.search(lead):
        figure = replace(figure, kind="change")
    return _metric(subject, whole, figure, sentence, catalogue)


def suggest_in_cell(row: str, caption: str, column: str, figure: Figure, catalogue: Catalogue) -> str | None:
    """The metric a table cell measures: its row label names it, alone or completed by a word of
    its caption or column (粮食 in a table of 产量 is 粮食产量)."""
    label = _normal(re.sub(r"^其中[:：]?", "", row.strip()))
    around = _normal(caption + column)
    if not label:
        return None
    ids = [
        spec_id
        for name, spec_ids in catalogue.names.items()
        if name == label or (name.startswith(label) and name[len(label) :] in around)
        for spec_id in spec_ids
    ]
    if len(set(ids)) != 1:
        return None
    return _metric(ids[0], "", figure, "", catalogue)


def _place_in_ratio(text: str, figure: Figure) -> tuple[int, int, int] | None:
    """(where its ratio starts, which part it is, how many parts there are) when the figure
    is a part of a colon ratio; None when it is not (or the ratio reaches too far to count)."""
    if figure.kind != "share":
        return None
    span, reach = (figure.start, figure.end), min(len(text), figure.end + _RATIO_REACH)
    for ratio in _RATIO.finditer(text, max(0, figure.start - _RATIO_REACH), reach):
        parts = [(part.start(), part.end()) for part in _RATIO_NUMBER.finditer(text, ratio.start(), ratio.end())]
        cut_short = ratio.end() == reach < len(text)  # the search stopped there, not the ratio
        if span in parts and not cut_short:
            return ratio.start(), parts.index(span), len(parts)
    return None


def _structure_part(
    text: str, figure: Figure, ratio: tuple[int, int, int], others: Sequence[tuple[int, int]], catalogue: Catalogue
) -> str | None:
    """The metric of the ratio's part the figure is: that part of the structure named last
    before the ratio, when only frame words and words of change stand between them and the
    structure has as many parts."""
    start, index, count = ratio
    words = _sentence_before(text, start, others)
    found = _last_name(words, catalogue.structure_pattern)
    if found is None:
        return None
    name, end = found
    parts = catalogue.structures[name]
    if len(parts) != count or not _is_bare(_STRUCTURE_CHANGE.sub("", words[end:])):
        return None
    return parts[index].id if _fits(parts[index], figure) else None


def _clauses_before(text: str, figure: Figure, others: Sequence[tuple[int, int]]) -> tuple[str, list[str]]:
    """The figure's clause up to it, and the earlier clauses of its sentence (nearest last),
    normalised, with the other figures masked."""
    clauses = _CLAUSE_BREAK.split(_sentence_before(text, figure.start, others))
    return clauses[-1], clauses[:-1]


def _sentence_before(text: str, position: int, others: Sequence[tuple[int, int]]) -> str:
    """The sentence of ``position`` up to it (at most ``WINDOW`` characters), normalised,
    with the figures of ``others`` masked."""
    window_start = max(0, position - WINDOW)
    piece = list(text[window_start:position])
    for start, end in others:
        if end > window_start and start < position:
            for i in range(max(start, window_start), min(end, position)):
                piece[i - window_start] = FIGURE_MARK
    before = "".join(piece)
    sentence_starts = [match.end() for match in _SENTENCE_BREAK.finditer(before)]
    return _normal(before[sentence_starts[-1] if sentence_starts else 0 :])


def _clause_after(text: str, figure: Figure) -> str:
    """The figure's clause after it, normalised."""
    after = _normal(text[figure.end : figure.end + _AFTER])
    return re.split(f"{_CLAUSE_BREAK.pattern}|{_SENTENCE_BREAK.pattern}", after, maxsplit=1)[0]


def _split_name(lead: str, after: str, catalogue: Catalogue) -> str | None:
    """The entry whose name a verb-object clause splits around the figure: 建成 | 62条 |
    自动化示范生产线 for 建成自动化示范生产线, with only frame words before the verb."""
    found = {
        spec_id
        for name, cut in catalogue.cuts.get(after[:1], ())
        if lead.endswith(name[:cut]) and after.startswith(name[cut:]) and _is_bare(lead[:-cut])
        for spec_id in catalogue.names[name]
    }
    return found.pop() if len(found) == 1 else None


def _subject(lead: str, earlier: list[str], catalogue: Catalogue, share: bool) -> tuple[str | None, str]:
    """(entry id of the subject, what the words say a share is of: an entry id, ``""`` when
    they do not say, ``"?"`` when they name something the catalogue does not have)."""
    whole = ""
    if share and _SHARE_MARK in lead:
        lead, _, of = lead.partition(_SHARE_MARK)
        whole = "" if _is_bare(of) else (_nearest(of, catalogue) or "?")
    found = _nearest(lead, catalogue)
    if found is not None or not _is_bare(lead):
        return found, whole
    for clause in reversed(earlier):
        found = _nearest(clause, catalogue)
        if found is not None or not _is_bare(clause):
            return found, whole
    return None, whole


def _nearest(words: str, catalogue: Catalogue) -> str | None:
    """The entry named last in ``words`` with nothing but frame words after it; None when
    the last name is followed by other words (新增城镇就业创业: not the name's subject) or
    names two entries."""
    found = _last_name(words, catalogue.pattern)
    if found is None:
        return None
    name, last_end = found
    ids = catalogue.names[name]
    return ids[0] if len(ids) == 1 and _is_bare(words[last_end:]) else None


def _last_name(words: str, pattern: re.Pattern[str] | None) -> tuple[str, int] | None:
    """The name ``pattern`` finds last in ``words``, and where the last match ends. Of names
    that overlap, the longest is the name (人均地区生产总值, not 地区生产总值; 城镇新增就业人员,
    not 就业人员)."""
    if pattern is None:
        return None
    spans = [(m.start(), m.start() + len(m.group(1)), m.group(1)) for m in pattern.finditer(words)]
    if not spans:
        return None
    last_end = max(end for _, end, _ in spans)
    group_start = min(start for start, end, _ in spans if end == last_end)
    for start, end, _ in sorted(spans, key=lambda span: -span[1]):  # the names overlapping the last one
        if end > group_start:
            group_start = min(group_start, start)
    group = [span for span in spans if span[1] > group_start]
    return max(group, key=lambda span: (span[1] - span[0], span[1]))[2], last_end


def _is_bare(words: str) -> bool:
    """Whether ``words`` hold nothing but frame words, years and figures."""
    return _HAN.search(_frame_words().sub("", _YEAR.sub("", words))) is None


@cache
def _frame_words() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(FRAME_WORDS, key=len, reverse=True))))


def _metric(subject: str, whole: str, figure: Figure, sentence: str, catalogue: Catalogue) -> str | None:
    """The metric of entry ``subject`` with the figure's kind and unit (the kind the words
    prefer when several fit); None when none fits or a share is of another whole."""
    entry = catalogue.entries[subject]
    if whole and whole != entry.share_of:
        return None
    fitting = [metric for metric in entry.metrics if _fits(metric, figure)]
    order = _KINDS_OF.get(figure.kind, ())
    if figure.kind == "level":
        order = tuple(sorted(order, key=lambda kind: kind != _level_kind(entry, figure, sentence)))
    if figure.kind == "growth" and _REAL in sentence:
        order = ("real_growth", "growth")
    for kind in order:
        chosen = [metric for metric in fitting if metric.measure_kind == kind]
        if chosen:
            return chosen[0].id
    return None


def _level_kind(entry: Entry, figure: Figure, sentence: str) -> str:
    """A level over an interval or after 累计 is a cumulative; in a year, a level; with
    neither said, the entry's own kind (the catalogue lists first how it is usually reported)."""
    if _CUMULATIVE in sentence or "/" in figure.period:
        return "cumulative"
    if figure.period[:4].isdigit():
        return "level"
    return next(metric.measure_kind for metric in entry.metrics if metric.id == entry.id)


def _fits(metric: Metric, figure: Figure) -> bool:
    if metric.unit != figure.unit:
        return False
    return not metric.measure_word or metric.measure_word == figure.measure_word
