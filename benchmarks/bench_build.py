"""Cost of `import county_data` over a bare interpreter, and wall time of building Shangli.

Run by hand: python benchmarks/bench_build.py
Targets: import ≤ 60 ms over bare Python; build of Shangli ≤ 2 s.
Also prints what importing the libraries a user would otherwise reach for costs,
so the ratio says how much the lazy imports save.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 15


def interpreter_ms(code: str) -> float:
    """Best-of-RUNS wall time of a fresh interpreter running ``code``."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def build_seconds() -> list[float]:
    times = []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "county_data.cli", "--no-plugins", "build", "shangli", "--out", out],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    bare = interpreter_ms("pass")
    ours = interpreter_ms("import county_data")
    eager = interpreter_ms("import pandas, pandera.pandas, frictionless, pluggy")
    print(f"bare interpreter                      {bare:7.1f} ms")
    print(f"import county_data                    {ours:7.1f} ms  (+{ours - bare:.1f} ms, target ≤ 60 ms)")
    print(f"import pandas+pandera+frictionless    {eager:7.1f} ms  (+{eager - bare:.1f} ms)")
    print(f"ratio eager/lazy import overhead      {(eager - bare) / max(ours - bare, 0.1):7.1f}×")
    times = build_seconds()
    print(
        f"county-data build shangli (CLI, new process) best {min(times):.2f} s, median {statistics.median(times):.2f} s (target ≤ 2 s)"
    )
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import county_data

    county_data.load("shangli")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        county_data.build("shangli", Path(out) / "shangli")
    print(f"county_data.build in a warm process   {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
