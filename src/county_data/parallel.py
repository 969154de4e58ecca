"""Build many counties in worker processes, each package exactly as a serial build writes it.

Workers are forked where the platform allows, so they inherit the parent's registry (the
plugins and the core catalogue, parsed once); elsewhere each worker loads its own. Each
package is written by ``county_data.output.replacing`` as in a serial build: workers
assemble, write and validate side by side and take turns only for the swap.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from county_data.errors import CountyDataError, Problem

if TYPE_CHECKING:
    from county_data.plugins.registry import Registry

Outcome = tuple[str, Path | None, list[Problem]]  # the county asked for, the package written, or why not

_inherited: Registry | None = None


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_counties(
    names: Sequence[str], out: Path, registry: Registry, *, jobs: int, base_url: str = ""
) -> list[Outcome]:
    """Build each named county into ``out/<slug>``, in ``jobs`` processes; outcomes in the order of ``names``."""
    if jobs <= 1 or len(names) <= 1:
        return [_build_one(name, out, base_url, registry) for name in names]
    global _inherited
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    _inherited = registry
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(names)), mp_context=context) as pool:
            chunk = max(1, len(names) // (jobs * 8))
            return list(pool.map(_build_in_worker, names, [out] * len(names), [base_url] * len(names), chunksize=chunk))
    finally:
        _inherited = None


def _build_in_worker(name: str, out: Path, base_url: str) -> Outcome:
    from county_data.plugins.registry import get_registry

    return _build_one(name, out, base_url, _inherited if _inherited is not None else get_registry())


def _build_one(name: str, out: Path, base_url: str, registry: Registry) -> Outcome:
    from county_data.api import build, get_county

    try:
        county = get_county(name, registry)
        return name, build(county.code, out / county.slug, registry=registry, base_url=base_url), []
    except CountyDataError as error:
        return name, None, list(error.problems)
