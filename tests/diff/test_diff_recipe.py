"""Each bump against the Data Package version recipe, on edited copies of the shipped Shangli package.

The recipe (https://specs.frictionlessdata.io/patterns/#data-package-version) says MAJOR for
"Add, remove or re-order fields", "Change a field constraint to be more restrictive" and
"Combine, split, delete or change the meaning of data that is referenced by another data
resource"; MINOR for "Change a field constraint to be less restrictive"; and no change of
version when "You relocate the data to a new URL or path".
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from diff_planting import build_variant, exclude

from core_paths import PACKAGE, ROOT
from county_data.diff.baseline import BASELINE
from county_data.diff.compare import diff_specs
from county_data.diff.model import PackageDiff

Resource = dict[str, Any]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "new" / "shangli"
    shutil.copytree(PACKAGE, target)
    return target


def _edited(copy: Path, table: str, edit: Callable[[Resource], None]) -> PackageDiff:
    path = copy / "datapackage.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    [resource] = [r for r in document["resources"] if r["name"] == table]
    edit(resource)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    [package] = diff_specs(str(PACKAGE), str(copy), copy).packages
    return package


def _field(resource: Resource, name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in resource["schema"]["fields"] if f["name"] == name)
    return found


def test_an_enum_that_admits_more_is_minor(copy: Path) -> None:
    package = _edited(copy, "observations", lambda r: _field(r, "unit")["constraints"]["enum"].append("furlong"))
    assert package.bump == "minor"
    assert [c.summary for c in package.schema] == ["field unit: constraints loosened"]


def test_an_enum_that_admits_less_is_major(copy: Path) -> None:
    package = _edited(copy, "observations", lambda r: _field(r, "unit")["constraints"]["enum"].remove("EUR"))
    assert package.bump == "major"
    assert [c.summary for c in package.schema] == ["field unit: constraints tightened"]


def test_a_new_required_constraint_is_major(copy: Path) -> None:
    package = _edited(
        copy, "observations", lambda r: _field(r, "note").setdefault("constraints", {}).update(required=True)
    )
    assert package.bump == "major"


def test_a_new_pattern_is_taken_as_more_restrictive(copy: Path) -> None:
    package = _edited(copy, "observations", lambda r: _field(r, "period")["constraints"].update(pattern="^.*$"))
    assert package.bump == "major"
    assert "a new pattern taken as tighter" in package.schema[0].summary


def test_re_ordered_fields_are_major(copy: Path) -> None:
    def swap(resource: Resource) -> None:
        fields = resource["schema"]["fields"]
        fields[-1], fields[-2] = fields[-2], fields[-1]

    package = _edited(copy, "observations", swap)
    assert package.bump == "major"
    assert [c.kind for c in package.schema] == ["fields-reordered"]


def test_a_relocated_table_asks_no_bump(copy: Path) -> None:
    (copy / "data" / "honours.csv").rename(copy / "data" / "awards.csv")
    package = _edited(copy, "honours", lambda r: r.update(path="data/awards.csv"))
    assert [(m.where, m.key) for m in package.metadata] == [("resource honours", "path")]
    assert package.bump == "none"


def test_metrics_renamed_under_their_observations_are_major() -> None:
    """Since the baseline, Liuyang's own metrics moved to liuyang.*: the observations stayed, their old ids went."""
    report = diff_specs(BASELINE, "datapackages", ROOT)
    [liuyang] = [p for p in report.packages if p.name == "liuyang"]
    assert liuyang.bump == "major"
    assert "metrics: row removed that rows still in the package referred to ×11" in liuyang.reasons[0]


def test_a_metric_dropped_with_its_only_observation_is_a_correction(tmp_path: Path, metrics: dict[str, Any]) -> None:
    """urban_roads_built is used by urban-roads-built alone: leaving that figure out drops both, no reference breaks."""
    old = build_variant(tmp_path / "old", metrics)
    new = build_variant(tmp_path / "new", metrics, annotate=lambda data: exclude(data, "urban-roads-built"))
    [package] = diff_specs(str(old), str(new), tmp_path).packages
    removed = {(row.table, row.status) for row in package.rows if row.status == "removed"}
    assert ("metrics", "removed") in removed and ("observations", "removed") in removed
    assert package.bump == "patch"
