"""National scale, by hand: validate 1M observations, build the synthetic panel, list, load; ratios in one run.

Run: python benchmarks/bench_scale.py [--rows 1000000] [--counties 100,2844] [--jobs 2]
Each figure is the wall time and peak RSS of a fresh process (the largest single process:
a parallel build's workers are counted one by one), printed beside its anchor.
Targets (issue 12): validate ≥ 10× faster than `frictionless validate`, ≤ 1 GB; build of
2,844 counties ≤ 60 s on 2 cores, ≤ 4 GB, linear; `list` ≤ 1 s; `load()` ≤ 0.5 s, of Shangli
and of one county out of the built national panel.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHANGLI = ROOT / "datapackages" / "shangli"
TABLES = ("counties", "sources", "metrics", "observations", "mentions", "honours")
WITHOUT_PYARROW = "import sys; sys.modules['pyarrow'] = None; "  # as installed without the parquet extra
PACKAGES_ENV = "COUNTY_DATA_PACKAGES"  # where load() looks for built packages first
READS_BUILT = """
from county_data.api import get_county
from county_data.package.built import read_built
from county_data.plugins.registry import get_registry
if read_built(get_county({slug!r}), get_registry().metrics.records) is None:
    sys.exit("no built package matches: load() would assemble the county")
"""


def run(*argv: str, cwd: Path | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stderr tail (on failure) of a fresh process running ``argv``.

    Peak RSS comes from GNU time (the largest process: a parallel build's workers are
    counted one by one), not from wait4, which reports the forking parent's size before exec.
    The CPU seconds the process and its workers used are printed too: on a shared machine
    they vary less than wall time.
    """
    start = time.perf_counter()
    timed = ["/usr/bin/time", "-f", "__time %M %U %S", *argv]
    done = subprocess.run(timed, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    lines = done.stderr.decode("utf-8", "replace").splitlines()
    stats = next(line for line in reversed(lines) if line.startswith("__time "))
    rss_kb, user, system = stats.split()[1:]
    cpu = f"{float(user) + float(system):.2f} s CPU ({float(user):.2f} user, {float(system):.2f} system)"
    print(f"    ({' '.join(argv)[:60]}…: {cpu})", flush=True)
    return seconds, int(rss_kb) / 1024, "\n".join(lines[-4:-1]) if done.returncode else ""


def million_package(folder: Path, rows: int) -> Path:
    """A valid package of ``rows`` observations (40 a county), schemas copied from the shipped Shangli package."""
    shutil.copytree(SHANGLI, folder)
    metrics = list(csv.DictReader((folder / "data" / "metrics.csv").open(encoding="utf-8")))
    template = next(csv.DictReader((folder / "data" / "observations.csv").open(encoding="utf-8")))
    county = next(csv.DictReader((folder / "data" / "counties.csv").open(encoding="utf-8")))
    source = next(csv.DictReader((folder / "data" / "sources.csv").open(encoding="utf-8")))
    counties = (rows + 39) // 40
    rng = random.Random(12)
    _write(folder, "counties", [{**county, "county_code": str(100000 + k)} for k in range(counties)])
    _write(
        folder, "sources", [{**source, "county_code": str(100000 + k), "source_id": f"s{k}"} for k in range(counties)]
    )
    observations = []
    for i in range(rows):
        k, j = divmod(i, 40)
        metric, value = metrics[j % len(metrics)], f"{rng.uniform(1, 1000):.2f}"
        observations.append(
            {
                **template,
                "observation_id": f"o{i}",
                "county_code": str(100000 + k),
                "metric_id": metric["metric_id"],
                "period": str(1980 + j),
                "source_id": f"s{k}",
                "value": value,
                "unit": metric["unit"],
                "measure_word": metric["measure_word"],
                "qualifier": "exact",
                "lower_bound": value,
                "upper_bound": value,
                "method": "reported",
                "formula": "",
                "derived_from": "",
                "baseline_period": "",
                "mentions": "1",
            }
        )
    _write(folder, "observations", observations)
    for table in ("mentions", "honours"):
        _write(folder, table, [])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in TABLES]
    for entry in descriptor["resources"]:
        data = (folder / entry["path"]).read_bytes()
        entry["bytes"], entry["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return folder / "datapackage.json"


def _write(folder: Path, table: str, rows: list[dict[str, str]]) -> None:
    path = folder / "data" / f"{table}.csv"
    with path.open(encoding="utf-8") as file:
        header = next(csv.reader(file))
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def driver(synthetic: Path, *argv: str) -> list[str]:
    """A fresh process running ``county-data argv`` with the synthetic counties registered."""
    return _with_synthetic(synthetic, f"from county_data.cli import main; sys.exit(main({list(argv)!r}))")


def loader(synthetic: Path, slug: str) -> list[str]:
    """A fresh process running ``county_data.load(slug)`` with the synthetic counties registered."""
    return _with_synthetic(synthetic, f"import county_data; county_data.load({slug!r})")


def _with_synthetic(synthetic: Path, then: str) -> list[str]:
    here, root = str(Path(__file__).parent), str(synthetic)
    code = (
        f"import sys; from pathlib import Path; sys.path.insert(0, {here!r})\n"
        "from synthetic import SyntheticCounties\n"
        "from county_data.plugins.registry import load_registry, set_registry\n"
        f"set_registry(load_registry(extra=[('synthetic', SyntheticCounties(Path({root!r})))]))\n"
        f"{then}"
    )
    return [sys.executable, "-c", code]


def best_of(times: int, *argv: str) -> tuple[float, float, str]:
    """The fastest of ``times`` runs (a warm cache: what a user sees the second time)."""
    return min((run(*argv) for _ in range(times)), key=lambda result: result[0])


def line(what: str, seconds: float, mb: float, anchor: str, error: str = "") -> None:
    print(f"{what:<58} {seconds:8.2f} s {mb:8.0f} MB   {anchor}" + (f"   FAILED: {error}" if error else ""), flush=True)


def bench_validate(work: Path, rows: int, with_old: bool) -> None:
    start = time.perf_counter()
    descriptor = million_package(work / "million", rows)
    print(f"generated a package of {rows:,} observations in {time.perf_counter() - start:.1f} s", flush=True)
    columnar = run(sys.executable, "-m", "county_data.cli", "validate", str(descriptor))
    line(f"county-data validate (columnar), {rows:,} obs", *columnar[:2], "anchor: 59.6 s, 1.0 GB (old)", columnar[2])
    reference = run("frictionless", "validate", "--json", str(descriptor))
    line(f"frictionless validate, {rows:,} obs", *reference[:2], "anchor: 49.5 s, 0.57 GB")
    print(f"  ratio frictionless / columnar: {reference[0] / columnar[0]:.1f}x (target >= 10x)", flush=True)
    if with_old:
        old = run(sys.executable, "-m", "county_data.cli", "validate", "--engine", "frictionless", str(descriptor))
        line("county-data validate --engine frictionless (+pandera)", *old[:2], "anchor: 59.6 s", old[2])


def bench_build(work: Path, counties: list[int], jobs: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from synthetic import generate

    per_county: list[float] = []
    built: list[int] = []
    for count in counties:
        root = work / f"synthetic-{count}"
        start = time.perf_counter()
        generate(root, count)
        print(f"generated {count} synthetic counties in {time.perf_counter() - start:.1f} s", flush=True)
        out = work / f"out-{count}"
        slugs = sorted(folder.name for folder in root.iterdir() if folder.is_dir())  # the counties, not the index
        count = len(slugs)  # fewer when the code table has fewer counties than asked for
        built.append(count)
        result = run(*driver(root, "build", *slugs, "--jobs", str(jobs), "--out", str(out)))
        anchor = f"anchor: {0.275 * count:.0f} s at 0.27 s/county serial (old)"
        line(f"build {count} synthetic counties, --jobs {jobs}", *result[:2], anchor, result[2])
        per_county.append(result[0] / count)
        listed = run(*driver(root, "list"))
        line(f"county-data list with {count} synthetic counties", *listed[:2], "target <= 1 s", listed[2])
        os.environ[PACKAGES_ENV] = str(out)  # load() reads the package just built, as a national deployment would
        try:
            slug = slugs[len(slugs) // 2]
            used = run(*_with_synthetic(root, READS_BUILT.format(slug=slug)))
            loaded = best_of(5, *loader(root, slug))
        finally:
            del os.environ[PACKAGES_ENV]
        if used[2]:
            print(f"  load({slug!r}): {used[2]}", flush=True)
        line(f"load() of one county of the {count}, best of 5", *loaded[:2], "target <= 0.5 s", loaded[2])
        if len(per_county) == 1:
            serial = run(*driver(root, "build", *slugs, "--jobs", "1", "--out", str(work / f"serial-{count}")))
            line(f"build {count} synthetic counties, --jobs 1", *serial[:2], anchor, serial[2])
            print(f"  ratio serial / --jobs {jobs}: {serial[0] / result[0]:.2f}x", flush=True)
    print(
        "  seconds per county: " + ", ".join(f"{c}: {s:.3f}" for c, s in zip(built, per_county, strict=True)),
        flush=True,
    )


def compile_sources() -> None:
    """Byte-compile the package and the example plugins, as pip does when it installs them: an editable
    checkout under PYTHONDONTWRITEBYTECODE would otherwise compile every changed module in every process."""
    import compileall

    for folder in [ROOT / "src", *sorted((ROOT / "plugins").glob("*/src"))]:
        compileall.compile_dir(folder, quiet=1)


def bench_load() -> None:
    load = best_of(5, sys.executable, "-c", "import county_data; county_data.load('shangli')")
    line("load('shangli'), fresh process, best of 5", *load[:2], "target <= 0.5 s", load[2])
    show = best_of(5, sys.executable, "-m", "county_data.cli", "show", "shangli")
    line("county-data show shangli, fresh process, best of 5", *show[:2], "target <= 0.5 s", show[2])
    code = "import county_data.api; county_data.api.assemble_county('shangli')"
    assembled = run(sys.executable, "-c", code)
    line("assemble Shangli, fresh process (the old load)", *assembled[:2], "anchor: 1.2-2.9 s")
    csvs = f"import pandas as pd; [pd.read_csv({str(SHANGLI)!r} + f'/data/{{t}}.csv') for t in {TABLES!r}]"
    pandas = best_of(5, sys.executable, "-c", csvs)
    line("pandas reading the six CSVs, fresh process, best of 5", *pandas[:2], "the floor of any load")
    bare = best_of(5, sys.executable, "-c", "import pandas")
    line("import pandas alone", *bare[:2], "")
    print(f"  ratio load / pandas-only: {load[0] / pandas[0]:.2f}x; old / new: {assembled[0] / load[0]:.1f}x")
    # `pip install county-data` brings no pyarrow (only the parquet and test extras do), and pandas
    # imports it when it can: a user's load() is the one without it
    plain = best_of(5, sys.executable, "-c", WITHOUT_PYARROW + "import county_data; county_data.load('shangli')")
    line("load('shangli') without pyarrow, best of 5", *plain[:2], "target <= 0.5 s", plain[2])
    floor = best_of(5, sys.executable, "-c", WITHOUT_PYARROW + csvs)
    line("pandas reading the six CSVs without pyarrow, best of 5", *floor[:2], "the floor of any load")
    print(f"  ratio load / pandas-only without pyarrow: {plain[0] / floor[0]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--counties", default="100,2844")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--with-old", action="store_true", help="also time --engine frictionless (frictionless+pandera)"
    )
    parser.add_argument("--only", choices=["validate", "build", "load"], action="append")
    options = parser.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    compile_sources()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as work:
        only = options.only or ["load", "validate", "build"]
        if "load" in only:
            bench_load()
        if "validate" in only:
            bench_validate(Path(work), options.rows, options.with_old)
        if "build" in only:
            bench_build(Path(work), [int(c) for c in options.counties.split(",")], options.jobs)


if __name__ == "__main__":
    main()
