"""Re-check a county's figures against source texts a user supplies.

Counties built from other people's writing ship only citations, checksums and
offsets; given a folder of the texts, every quote is checked again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from county_data.annotation.check import check
from county_data.annotation.entries import read_annotations
from county_data.catalogue.county import County
from county_data.catalogue.metric import Metric
from county_data.errors import Problem
from county_data.source.frozen import decode_report, sha256_of


@dataclass(frozen=True)
class Verification:
    county: County
    sources_found: tuple[str, ...]
    figures_checked: int
    problems: tuple[Problem, ...]


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
    texts, paths, problems = {}, {}, []
    for source in county.sources:
        if source.sha256 in found:
            path, data = found[source.sha256]
            texts[source.id], paths[source.id] = decode_report(data, path)[0], str(path)
        else:
            message = f"no file with sha256 {source.sha256} for source {source.id!r} ({source.title}; {source.url or 'no URL'})"
            problems.append(
                Problem("source-not-found", message, path=str(directory), field="sha256", expected=source.sha256)
            )
    annotations = read_annotations(county.annotations)
    problems += check(county, annotations, metrics, texts, paths)
    checked = sum(1 for entry in annotations.observations for m in entry.mentions if m.source_id in texts)
    checked += sum(1 for honour in annotations.honours for m in honour.mentions if m.source_id in texts)
    return Verification(county, tuple(sorted(texts)), checked, tuple(problems))
