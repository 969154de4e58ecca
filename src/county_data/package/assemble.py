"""Build a county: Load (frozen texts, annotations) → Process (check, tables) → Save (package)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from county_data.annotation.check import check
from county_data.annotation.entries import Annotations, read_annotations
from county_data.catalogue.county import County
from county_data.catalogue.metric import Metric
from county_data.errors import AnnotationError, PackageError
from county_data.package.files import (
    LICENCES,
    PACKAGE_PROFILE,
    csv_bytes,
    json_bytes,
    table_resource,
    text_resource,
    write_files,
)
from county_data.package.inputs import INPUTS_KEY, inputs_digest
from county_data.portal import catalogue_files, project
from county_data.source.frozen import Source, read_frozen_text
from county_data.tables import rows as table_rows
from county_data.tables.frames import to_frame, validate_frames
from county_data.tables.models import TABLES

TABLE_ORDER = ("counties", "sources", "metrics", "observations", "mentions", "honours")


@dataclass(frozen=True)
class Assembled:
    """A county's validated tables (for writing, made and checked on first use) and the exact bytes of its package files."""

    county: County
    frames: Mapping[str, pd.DataFrame]
    files: dict[str, bytes]


class _ValidatedOnUse(Mapping[str, "pd.DataFrame"]):
    """The tables of a county assembled for writing, made into validated DataFrames only if someone
    asks: a build writes its files from the rows and validates the files instead."""

    def __init__(self, rows: Mapping[str, list[table_rows.Row]], path: str) -> None:
        self._rows, self._path, self._frames = rows, path, dict[str, pd.DataFrame]()

    def __getitem__(self, table: str) -> pd.DataFrame:
        if table not in self._frames:
            self._frames[table] = validate_frames({table: to_frame(table, self._rows[table])}, self._path)[table]
        return self._frames[table]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def frozen_texts(county: County) -> dict[str, str]:
    """The checked text of every source shipped with the county (sha256, size, strict UTF-8)."""
    return {s.id: read_frozen_text(s, s.path) for s in county.sources if s.path is not None}


def checked_annotations(county: County, metrics: Mapping[str, Metric], texts: Mapping[str, str]) -> Annotations:
    annotations = read_annotations(county.annotations)
    problems = check(county, annotations, metrics, texts)
    if problems:
        raise AnnotationError(problems)
    return annotations


def assemble(
    county: County, metrics: Mapping[str, Metric], *, base_url: str = "", for_writing: bool = False
) -> Assembled:
    """Load and check a county, returning its validated frames and package bytes.

    The files are written from the rows. ``for_writing``: the frames are made and validated
    only when asked for, because the caller validates the files (:func:`write_assembled`),
    so a build validates once.
    """
    texts = frozen_texts(county)
    annotations = checked_annotations(county, metrics, texts)
    used = sorted({entry.metric for entry in annotations.observations})
    shipped = {s.id: f"sources/{s.path.name}" for s in county.sources if s.path is not None}
    rows = {
        "counties": table_rows.county_rows(county),
        "sources": table_rows.source_rows(county, shipped),
        "metrics": table_rows.metric_rows([metrics[metric_id] for metric_id in used]),
        "observations": table_rows.observation_rows(county, annotations, metrics),
        "mentions": table_rows.mention_rows(county, annotations),
        "honours": table_rows.honour_rows(county, annotations),
    }
    if for_writing:
        frames: Mapping[str, pd.DataFrame] = _ValidatedOnUse(rows, str(county.annotations))
    else:
        frames = validate_frames({name: to_frame(name, rows[name]) for name in TABLE_ORDER}, str(county.annotations))
    files = {f"data/{name}.csv": csv_bytes(name, rows[name]) for name in TABLE_ORDER}
    files.update({shipped[source_id]: text.encode("utf-8") for source_id, text in texts.items()})
    inputs = inputs_digest(county, [metrics[metric_id] for metric_id in used])
    files["datapackage.json"] = json_bytes(descriptor(county, files, shipped, inputs))
    files.update(catalogue_files(county, rows, files, base_url))
    return Assembled(county, frames, files)


def descriptor(county: County, files: Mapping[str, bytes], shipped: Mapping[str, str], inputs: str) -> dict[str, Any]:
    resources = [
        table_resource(name, f"data/{name}.csv", files[f"data/{name}.csv"], str(TABLES[name].to_schema().title))
        for name in TABLE_ORDER
    ]
    for source in county.sources:
        if source.id in shipped:
            path = shipped[source.id]
            text = text_resource(f"source-{source.id}", path, files[path], f"Frozen text: {source.title}")
            resources.append({**text, "sources": [_citation(source)], "licenses": [_text_rights(source)]})
    created = _created(county)
    return {
        "$schema": PACKAGE_PROFILE,
        "id": project.package_id(county),
        "name": f"county-data-{county.slug}",
        "title": f"{county.name_zh} ({county.name_en}): development figures with provenance",
        "description": (
            f"Figures about {county.name_en} ({county.prefecture_en}, {county.province_en}; GB/T 2260 "
            f"{county.code}) read from its sources, each with unit, qualifier, period and the exact quote."
        ),
        "homepage": project.HOMEPAGE,
        "version": county.version,
        **({"created": created} if created else {}),
        "keywords": ["China", "county", county.name_en, county.name_zh, "provenance"],
        "licenses": [LICENCES.get(county.licence, {"name": county.licence})],
        "sources": [_citation(source) for source in county.sources],
        "contributors": [project.creator()],
        "resources": resources,
        INPUTS_KEY: inputs,
    }


def _citation(source: Source) -> dict[str, Any]:
    """A Data Package source; the people who wrote it are credited here, not as package contributors."""
    citation: dict[str, Any] = {"title": source.title}
    if source.url:
        citation["path"] = source.url
    if source.outlet:
        citation["outlet"] = source.outlet
    if source.author:
        citation["author"] = source.author
    if source.photographs:
        citation["photographs"] = source.photographs
    if _published(source):
        citation["published"] = source.published
    citation["sha256"] = source.sha256
    return citation


def _published(source: Source) -> date | None:
    """The publication date when the source states one; never guessed."""
    try:
        return date.fromisoformat(source.published) if source.published else None
    except ValueError:
        return None


def _created(county: County) -> str:
    """The newest publication date of the sources (a package is never older than its sources), as RFC 3339.

    Taken from the data, not the clock, so rebuilds stay byte-identical; '' when no source is dated.
    """
    dates = [day for day in (_published(source) for source in county.sources) if day is not None]
    return f"{max(dates).isoformat()}T00:00:00+08:00" if dates else ""


def _text_rights(source: Source) -> dict[str, str]:
    """The rights of a shipped source text: its own holders, not the package's CC-BY."""
    holders = [f"{source.author} (text)" if source.author else "the author"]
    if source.photographs:
        holders.append(f"{source.photographs} (photographs)")
    holders.append(source.outlet or "the publisher")
    terms = f" {source.licence}" if source.licence else ""
    return {"name": "other-closed", "title": f"All rights reserved by {', '.join(holders)}.{terms}"}


def write_assembled(assembled: Assembled, out: Path) -> Path:
    """Write the package at ``out`` and validate its files once; replace ``out`` only when valid.

    The files are checked against their Table Schemas and our row rules by the columnar
    engine: the one validation of a build (see ``assemble(for_writing=True)``).

    A rebuild replaces ``out`` only if it is empty or a package county_data wrote (see ``county_data.output``).
    """
    written = write_together([assembled], [out])[0]
    if isinstance(written, PackageError):
        raise written
    return written


def write_together(assembled: Sequence[Assembled], outs: Sequence[Path]) -> list[Path | PackageError]:
    """Write each package at its ``out`` as :func:`write_assembled` does, validating all their files in
    one pass (:func:`county_data.package.validate.validate_many`): each ``out`` is replaced when its
    package is valid, and left as it was, with the error returned, when not."""
    from county_data.output import replacing
    from county_data.package.validate import validate_many

    results: list[Path | PackageError] = list(outs)
    staged: list[tuple[int, AbstractContextManager[Path], Path]] = []
    recovered: set[str] = set()  # a folder of thousands of packages is looked through once, not once a package
    try:
        for index, (package, out) in enumerate(zip(assembled, outs, strict=True)):
            parent = os.path.dirname(os.path.abspath(out))
            writer: AbstractContextManager[Path] = replacing(
                out, "folder", force=True, error=PackageError, recover_stale=parent not in recovered
            )
            recovered.add(parent)
            try:
                staging = writer.__enter__()
                write_files(staging, package.files)
            except PackageError as refused:  # out may not be replaced
                results[index] = refused
            except OSError as failure:
                named = _ended(writer, failure)  # replacing() names it in a PackageError and removes the staging
                if named is None:
                    raise
                results[index] = named
            else:
                staged.append((index, writer, staging))
        found = validate_many([staging / "datapackage.json" for _, _, staging in staged])
    except BaseException as failure:  # nothing half-written stays behind
        for _, writer, _ in staged:
            _ended(writer, failure)
        raise
    for (index, writer, _), problems in zip(staged, found, strict=True):
        error = _ended(writer, PackageError(problems) if problems else None)
        if error is not None:
            results[index] = error
    return results


def _ended(writer: AbstractContextManager[Path], failure: BaseException | None) -> PackageError | None:
    """End a ``replacing`` block: with ``failure`` (its staging is removed) or without (``out`` is replaced);
    the PackageError it ended with, if any."""
    try:
        if failure is None:
            writer.__exit__(None, None, None)
        else:
            writer.__exit__(type(failure), failure, failure.__traceback__)
    except PackageError as error:
        return error
    return failure if isinstance(failure, PackageError) else None
