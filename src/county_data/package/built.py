"""Read a county's tables from a package already built and validated, when it matches the county.

``load()`` asks :func:`read_built` first. A package is used only when its descriptor
records the same inputs fingerprint as the installed county (:mod:`county_data.package.inputs`)
and each table file still has the sha256 the descriptor states; anything else (no package,
another version of the county, an edited file) returns None and the county is assembled.

Packages are looked for, in order, in the folders of ``COUNTY_DATA_PACKAGES`` (separated
by ``os.pathsep``), in ``./datapackages`` and in the ``datapackages`` folder of the source
checkout county_data runs from (the packages the project ships), each as ``<folder>/<slug>``.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from county_data.catalogue.county import County
from county_data.catalogue.metric import Metric
from county_data.package.inputs import INPUTS_KEY, inputs_digest

if TYPE_CHECKING:
    import pandas as pd

PACKAGES_ENV = "COUNTY_DATA_PACKAGES"
TABLES = ("counties", "sources", "metrics", "observations", "mentions", "honours")
CHECKOUT_PACKAGES = Path(__file__).resolve().parents[3] / "datapackages"


def package_folders(slug: str) -> Iterator[Path]:
    """Where a built package of ``slug`` may be, in the order they are tried."""
    listed = [Path(p) for p in os.environ.get(PACKAGES_ENV, "").split(os.pathsep) if p]
    for root in [*listed, Path.cwd() / "datapackages", CHECKOUT_PACKAGES]:
        yield root / slug


def read_built(county: County, metrics: Mapping[str, Metric]) -> dict[str, pd.DataFrame] | None:
    """The tables of the first built package that matches ``county``, or None."""
    for folder in package_folders(county.slug):
        frames = _read_if_matching(folder, county, metrics)
        if frames is not None:
            return frames
    return None


def _read_if_matching(folder: Path, county: County, metrics: Mapping[str, Metric]) -> dict[str, pd.DataFrame] | None:
    try:
        described = json.loads(_regular_bytes(folder / "datapackage.json"))
        resources = {r["name"]: r for r in described["resources"] if r.get("name") in TABLES}
        data = {name: _regular_bytes(folder / "data" / f"{name}.csv") for name in TABLES}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if set(resources) != set(TABLES) or any(not _hash_matches(resources[n], data[n]) for n in TABLES):
        return None
    used = _metric_ids(data["metrics"])
    if any(metric_id not in metrics for metric_id in used):
        return None
    if described.get(INPUTS_KEY) != inputs_digest(county, [metrics[m] for m in used]):
        return None
    return {name: _frame(data[name], resources[name]["schema"]) for name in TABLES}


def _regular_bytes(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file (never through a link); OSError otherwise."""
    if not stat.S_ISREG(path.lstat().st_mode):
        raise OSError(f"{path} is not a regular file")
    return path.read_bytes()


def _hash_matches(resource: dict[str, Any], data: bytes) -> bool:
    return resource.get("hash") == f"sha256:{hashlib.sha256(data).hexdigest()}"


def _metric_ids(data: bytes) -> list[str]:
    import csv
    import io

    rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header = next(rows, [])
    column = header.index("metric_id") if "metric_id" in header else -1
    return [row[column] for row in rows] if column >= 0 else []


def _frame(data: bytes, schema: dict[str, Any]) -> pd.DataFrame:
    import io

    import pandas as pd

    dtypes = {field["name"]: _dtype(field) for field in schema["fields"]}
    return pd.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")


def _dtype(field: dict[str, Any]) -> str:
    required = bool(field.get("constraints", {}).get("required"))
    kind = field.get("type", "string")
    if kind == "integer":
        return "int64" if required else "Int64"
    return "float64" if kind == "number" else "str"
