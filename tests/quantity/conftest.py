"""Shared fixtures for the quantity tests: the sample reports.

Shangli's text ships inside the package, so it is always there. The Liuyang
texts are cited, not shipped: they are read from ``<repo>/../shared/reports/liuyang``
(present on developer and CI machines; ``COUNTY_DATA_LIUYANG_SOURCES`` overrides
it, as in the Liuyang plugin's tests) and the tests that need them skip without them.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import pytest

SHANGLI_NAME = "000_785c74f41207e478.txt"
REPOSITORY = Path(__file__).resolve().parents[2]
LIUYANG = Path(os.environ.get("COUNTY_DATA_LIUYANG_SOURCES", REPOSITORY.parent / "shared" / "reports" / "liuyang"))


@pytest.fixture(scope="session")
def shangli_text() -> str:
    """The frozen Shangli report, as the package ships it."""
    return (files("county_data") / "counties" / "shangli" / SHANGLI_NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def liuyang_texts() -> dict[str, str]:
    """The cited Liuyang excerpts by file stem; skips when they are not beside the repository."""
    paths = sorted(LIUYANG.glob("*.txt"))
    if not paths:
        pytest.skip(f"Liuyang reports are cited, not shipped: no *.txt in {LIUYANG} (set COUNTY_DATA_LIUYANG_SOURCES)")
    return {path.stem: path.read_text(encoding="utf-8") for path in paths}
