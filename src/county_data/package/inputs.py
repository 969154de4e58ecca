"""The fingerprint of what a county's package is built from, recorded in its descriptor.

``county_data:inputs`` is the sha256 of the county's files (county.yaml, annotations,
frozen sources: names and bytes) and of the catalogue entries of the metrics it uses.
A package whose fingerprint equals the installed county's was built from the same
inputs, so ``load()`` may read it instead of assembling the county again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from county_data.catalogue.county import County
from county_data.catalogue.metric import Metric

INPUTS_KEY = "county_data:inputs"


def inputs_digest(county: County, metrics: Iterable[Metric]) -> str:
    """``sha256:<hex>`` over the county's input files and the metrics it uses (sorted by id)."""
    digest = hashlib.sha256()
    for path in input_files(county):
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    for metric in sorted(metrics, key=lambda m: m.id):
        digest.update(repr(metric).encode("utf-8") + b"\0")
    return f"sha256:{digest.hexdigest()}"


def input_files(county: County) -> list[Path]:
    """county.yaml (when the county has one), the annotation file and every shipped source text."""
    described = county.root / "county.yaml"
    files = [described] if described.is_file() else []
    return [*files, county.annotations, *(s.path for s in county.sources if s.path is not None)]
