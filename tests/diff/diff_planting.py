"""Real pairs of builds: copy the Shangli county, edit its text and annotations as a curator would, build it."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import county_data
from core_paths import SHANGLI
from county_data.package.assemble import assemble, write_assembled

REPORT = "000_785c74f41207e478.txt"
Annotations = dict[str, Any]


def build_variant(
    folder: Path,
    metrics: dict[str, Any],
    text_edits: tuple[tuple[str, str], ...] = (),
    annotate: Callable[[Annotations], None] = lambda data: None,
    version: str = "",
) -> Path:
    """Build an edited copy of Shangli into ``folder``/package/shangli and return that package folder."""
    county = folder / "county"
    shutil.copytree(SHANGLI, county)
    if version:
        description = county / "county.yaml"
        text = description.read_text(encoding="utf-8")
        description.write_text(re.sub(r'(?m)^version: ".*"$', f'version: "{version}"', text), encoding="utf-8")
    if text_edits:
        _edit_text(county, text_edits)
    path = county / "annotations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    annotate(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = folder / "package" / "shangli"
    write_assembled(assemble(county_data.read_county(county), metrics), out)
    return out


def _edit_text(county: Path, edits: tuple[tuple[str, str], ...]) -> None:
    report = county / REPORT
    old = report.read_bytes()
    text = old.decode("utf-8")
    for before, after in edits:
        assert text.count(before) == 1, f"{before!r} must occur once in the report"
        text = text.replace(before, after)
    new = text.encode("utf-8")
    report.write_bytes(new)
    description = county / "county.yaml"
    yaml_text = description.read_text(encoding="utf-8")
    yaml_text = yaml_text.replace(hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest())
    yaml_text = yaml_text.replace(f"bytes: {len(old)}", f"bytes: {len(new)}")
    description.write_text(yaml_text, encoding="utf-8")


def observation(data: Annotations, record_id: str) -> dict[str, Any]:
    [entry] = [entry for entry in data["observations"] if entry["id"] == record_id]
    return entry


def set_reading(data: Annotations, record_id: str, value: float, surface: str, quote: str) -> None:
    """A corrected figure: its value, the words as now written, and its quote."""
    entry = observation(data, record_id)
    entry["value"], entry["surface"] = value, surface
    entry["mentions"][0]["quote"] = quote


def exclude(data: Annotations, record_id: str) -> None:
    """Drop an observation; its figures stay accounted for as exclusions (the build demands it)."""
    entry = observation(data, record_id)
    data["observations"].remove(entry)
    reason = "Left out of this build to plant a removed row."
    data.setdefault("excluded", []).extend({**mention, "reason": reason} for mention in entry["mentions"])
