"""Shared fixtures for the quantity tests: the frozen sample reports."""

from __future__ import annotations

from pathlib import Path

import pytest

REPORTS = Path("/work/shared/reports")
SHANGLI = REPORTS / "shangli" / "000_785c74f41207e478.txt"


def read_report(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shangli_text() -> str:
    if not SHANGLI.exists():
        pytest.skip(f"sample report missing: {SHANGLI}")
    return read_report(SHANGLI)


@pytest.fixture(scope="session")
def liuyang_texts() -> dict[str, str]:
    paths = sorted((REPORTS / "liuyang").glob("*.txt"))
    if not paths:
        pytest.skip("Liuyang sample reports missing")
    return {path.stem: read_report(path) for path in paths}
