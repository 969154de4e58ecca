"""Wall time of `county-data site` and `county-data diff` on the shipped packages, as a user runs them.

Run by hand: python benchmarks/bench_site.py
Targets: site of every shipped package < 2 s; diff of every shipped package against itself
as committed at HEAD (git:HEAD) < 2 s, and folder against folder < 2 s.
Each figure is the best and the median of RUNS fresh processes (interpreter start included).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ROOT / "datapackages"


def seconds(*args: str) -> list[float]:
    times = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out"
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "county_data.cli", "--no-plugins", *args, "--out", str(out)],
                check=True,
                capture_output=True,
                cwd=ROOT,
            )
            times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float]) -> None:
    verdict = "ok" if min(times) < 2 else "OVER TARGET"
    print(f"{name:<44} best {min(times):5.2f} s  median {statistics.median(times):5.2f} s  (target < 2 s: {verdict})")


def main() -> None:
    report("county-data site (all shipped packages)", seconds("site", "--packages", str(PACKAGES)))
    report("county-data diff datapackages datapackages", seconds("diff", "datapackages", "datapackages"))
    report("county-data diff git:HEAD datapackages", seconds("diff", "git:HEAD", "datapackages"))
    report("county-data diff … --format html", seconds("diff", "git:HEAD", "datapackages", "--format", "html"))


if __name__ == "__main__":
    main()
