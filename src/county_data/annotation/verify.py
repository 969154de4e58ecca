"""Re-check a county's figures against source texts a user supplies.

Counties built from other people's writing ship only citations, checksums and
anchors (quote, prefix, suffix and offsets); given a folder of the texts, every
quote is checked again. A file with the source's sha256 is our copy; failing
that, the file in which most of the source's anchors are found once is taken
as the user's own copy of the article (other header lines, mirror chrome), its
mentions are moved to where that copy has them, and every figure not found, or
found twice, is named. The figures of such a copy are not required to be all
accounted for: its chrome is not ours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from county_data.annotation.anchors import Found, anchored_count, relocate
from county_data.annotation.check import check
from county_data.annotation.entries import Annotations, HonourEntry, Mention, ObservationEntry, read_annotations
from county_data.catalogue.county import County
from county_data.catalogue.metric import Metric
from county_data.errors import CountyDataError, Problem
from county_data.source.frozen import Source, decode_report, sha256_of


@dataclass(frozen=True)
class Verification:
    county: County
    sources_found: tuple[str, ...]
    figures_checked: int
    problems: tuple[Problem, ...]
    #: (source id, file) of each source found by its anchors in a copy that is not ours
    copies: tuple[tuple[str, str], ...] = ()


def texts_by_hash(directory: Path) -> dict[str, tuple[Path, bytes]]:
    """Every file below ``directory`` keyed by the sha256 of its bytes."""
    files = sorted(path for path in directory.rglob("*") if path.is_file())
    return {sha256_of(data): (path, data) for path in files for data in [path.read_bytes()]}


def verify_county(county: County, metrics: Mapping[str, Metric], directory: Path) -> Verification:
    if not directory.is_dir():
        problem = Problem(
            "missing-directory",
            "sources folder does not exist (expected a folder of source texts)",
            path=str(directory),
        )
        return Verification(county, (), 0, (problem,))
    found = texts_by_hash(directory)
    annotations = read_annotations(county.annotations)
    texts, paths, problems = {}, {}, []
    copies: dict[str, str] = {}
    for source in county.sources:
        if source.sha256 in found:
            path, data = found[source.sha256]
            texts[source.id], paths[source.id] = decode_report(data, path)[0], str(path)
            continue
        copy = _best_copy(_mentions_of(annotations, source.id), _readable(found, exclude=paths.values()))
        if copy is None:
            problems.append(_not_found(source, directory))
            continue
        texts[source.id], paths[source.id] = copy[1], str(copy[0])
        copies[source.id] = str(copy[0])
        annotations, missed = relocate(annotations, source.id, copy[1])
        problems += [_missed(found_, str(annotations.path), str(copy[0])) for found_ in missed]
    named = {(p.path, p.line) for p in problems}  # a figure not found once is named once
    problems += [p for p in check(county, annotations, metrics, texts, paths) if not _elsewhere(p, copies, named)]
    checked = sum(1 for entry in annotations.observations for m in entry.mentions if m.source_id in texts)
    checked += sum(1 for honour in annotations.honours for m in honour.mentions if m.source_id in texts)
    return Verification(county, tuple(sorted(texts)), checked, tuple(problems), tuple(sorted(copies.items())))


def _not_found(source: Source, directory: Path) -> Problem:
    message = f"no file with sha256 {source.sha256} for source {source.id!r} ({source.title}; {source.url or 'no URL'})"
    return Problem("source-not-found", message, path=str(directory), field="sha256", expected=source.sha256)


def _elsewhere(problem: Problem, copies: Mapping[str, str], named: set[tuple[str, int | None]]) -> bool:
    """Problems not worth a line: figures of a copy's own chrome, quotes already named as not found."""
    if problem.code == "unaccounted-figure":
        return problem.path in copies.values()
    return problem.code == "quote-mismatch" and (problem.path, problem.line) in named


def _mentions_of(annotations: Annotations, source_id: str) -> list[Mention]:
    records: list[ObservationEntry | HonourEntry] = [*annotations.observations, *annotations.honours]
    return [m for record in records for m in record.mentions if m.source_id == source_id]


def _readable(found: Mapping[str, tuple[Path, bytes]], exclude: Iterable[str]) -> list[tuple[Path, str]]:
    """The files of the folder that decode as a report, except those already taken."""
    taken = set(exclude)
    texts = []
    for path, data in sorted(found.values()):
        if str(path) in taken:
            continue
        try:
            texts.append((path, decode_report(data, path)[0]))
        except CountyDataError:
            continue
    return texts


def _best_copy(mentions: list[Mention], files: list[tuple[Path, str]]) -> tuple[Path, str] | None:
    """The file holding most of ``mentions`` once (the first such in path order); None if none holds any."""
    scored = [(anchored_count(text, mentions), -i) for i, (_, text) in enumerate(files)]
    if not mentions or not scored or max(scored)[0] == 0:
        return None
    return files[-max(scored)[1]]


def _missed(found: Found, annotations_path: str, copy: str) -> Problem:
    mention = found.mention
    if not found.starts:
        message = f"figure {mention.quote!r} (prefix {mention.prefix!r}, suffix {mention.suffix!r}) is not in {copy}"
        return Problem("anchor-not-found", message, path=annotations_path, line=mention.line, field="quote")
    where = ", ".join(str(start) for start in found.starts)
    message = f"figure {mention.quote!r} must occur once in {copy} (found {len(found.starts)} times, at {where})"
    return Problem("anchor-ambiguous", message, path=annotations_path, line=mention.line, field="quote")
