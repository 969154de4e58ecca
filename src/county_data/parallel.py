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

BATCH = 64  # counties whose packages are validated together: enough to share the cost, few enough to hold
LAST_BATCH = 8  # the smallest batch of a parallel build: what a worker may still be busy with when the other ends
_inherited: Registry | None = None


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_counties(
    names: Sequence[str], out: Path, registry: Registry, *, jobs: int, base_url: str = ""
) -> list[Outcome]:
    """Build each named county into ``out/<slug>``, in ``jobs`` processes; outcomes in the order of ``names``.

    Counties are built in batches whose packages are validated together (one scan per table
    for the whole batch, see ``county_data.package.assemble.write_together``).
    """
    batches = _batches(list(names), jobs)
    if jobs <= 1 or len(batches) <= 1:
        return [outcome for batch in batches for outcome in _build_batch(batch, out, base_url, registry)]
    global _inherited
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    _inherited = registry
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=context) as pool:
            built = pool.map(_build_in_worker, batches, [out] * len(batches), [base_url] * len(batches))
            return [outcome for batch in built for outcome in batch]
    finally:
        _inherited = None


def _batches(names: list[str], jobs: int) -> list[list[str]]:
    """Batches of at most ``BATCH`` counties; for several workers, shrinking as the work runs out
    (each a quarter of a worker's share of what is left, at least ``LAST_BATCH``), so they finish together."""
    if jobs <= 1:
        return [names[start : start + BATCH] for start in range(0, len(names), BATCH)]
    batches, start = [], 0
    while start < len(names):
        size = max(LAST_BATCH, min(BATCH, -(-(len(names) - start) // (jobs * 4))))
        batches.append(names[start : start + size])
        start += size
    return batches


def _build_in_worker(names: list[str], out: Path, base_url: str) -> list[Outcome]:
    from county_data.plugins.registry import get_registry

    return _build_batch(names, out, base_url, _inherited if _inherited is not None else get_registry())


def _build_batch(names: list[str], out: Path, base_url: str, registry: Registry) -> list[Outcome]:
    """Assemble each county, then write and validate the packages of those that assembled, together."""
    from county_data.api import assemble_county
    from county_data.package.assemble import Assembled, write_together

    outcomes: dict[int, Outcome] = {}
    assembled: dict[int, Assembled] = {}
    for index, name in enumerate(names):
        try:
            assembled[index] = assemble_county(name, registry, base_url=base_url, for_writing=True)
        except CountyDataError as error:
            outcomes[index] = name, None, list(error.problems)
    packages = list(assembled.values())
    written = write_together(packages, [out / package.county.slug for package in packages])
    for index, result in zip(assembled, written, strict=True):
        outcomes[index] = (
            (names[index], result, []) if isinstance(result, Path) else (names[index], None, list(result.problems))
        )
    return [outcomes[index] for index in range(len(names))]
