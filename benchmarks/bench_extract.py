"""Time ``county-data extract`` on 1 MB and 10 MB of report text (run by hand, not by pytest).

The text is the Shangli report repeated. Linear work gives a ratio near 10;
the quadratic draft of old gave about 45 (3 s against 2 min 16 s).

    PYTHONPATH=src python benchmarks/bench_extract.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPORT = (
    Path(__file__).resolve().parents[1] / "src" / "county_data" / "counties" / "shangli" / "000_785c74f41207e478.txt"
)
MEGABYTE = 1_000_000


def report_of_size(size: int, folder: Path) -> Path:
    """A report of at least ``size`` UTF-8 bytes: the Shangli text repeated."""
    unit = REPORT.read_bytes()
    path = folder / f"report-{size // MEGABYTE}mb.txt"
    path.write_bytes(unit * -(-size // len(unit)))
    return path


def seconds_to_extract(path: Path) -> float:
    """Wall time of ``county-data --no-plugins extract PATH`` run in this process, output discarded."""
    from contextlib import redirect_stderr, redirect_stdout
    from io import StringIO

    from county_data.cli import main

    began = time.perf_counter()
    with redirect_stdout(StringIO()), redirect_stderr(StringIO()):
        status = main(["--no-plugins", "extract", str(path)])
    elapsed = time.perf_counter() - began
    if status != 0:
        raise SystemExit(f"extract failed on {path} (exit {status})")
    return elapsed


def main() -> int:
    seconds_to_extract(REPORT)  # warm up: imports, plugin registry and regular expressions, paid once
    with tempfile.TemporaryDirectory() as folder:
        small = seconds_to_extract(report_of_size(MEGABYTE, Path(folder)))
        large = seconds_to_extract(report_of_size(10 * MEGABYTE, Path(folder)))
    print(f"extract  1 MB: {small:7.2f} s")
    print(f"extract 10 MB: {large:7.2f} s")
    print(f"ratio 10 MB / 1 MB: {large / small:.1f} (linear: about 10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
