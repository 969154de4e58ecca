"""``county-data build --jobs N`` writes the same bytes as a serial build and reports every failure."""

from __future__ import annotations

from pathlib import Path

from bad_input.harness import run_cli, tree_digest
from county_data.parallel import _batches

COUNTIES = ("shangli", "liuyang")


def test_parallel_build_is_byte_identical_to_serial(tmp_path: Path) -> None:
    # named counties: another installed plugin may be broken on its own, which is not this test's business
    serial = run_cli("build", *COUNTIES, "--jobs", "1", "--out", str(tmp_path / "serial"), cwd=tmp_path, timeout=300)
    parallel = run_cli(
        "build", *COUNTIES, "--jobs", "2", "--out", str(tmp_path / "parallel"), cwd=tmp_path, timeout=300
    )
    assert serial.status == parallel.status == 0, (serial.stderr, parallel.stderr)
    assert tree_digest(tmp_path / "serial") == tree_digest(tmp_path / "parallel")
    assert sorted(p.name for p in (tmp_path / "parallel").iterdir()) == sorted(COUNTIES)
    assert [line.split("/")[-1] for line in parallel.stdout.splitlines()] == [
        line.split("/")[-1] for line in serial.stdout.splitlines()
    ]


def test_a_county_that_fails_in_a_worker_is_reported(tmp_path: Path) -> None:
    outcome = run_cli("build", "shangli", "nowhere", "--jobs", "2", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert outcome.status == 1 and "Traceback" not in outcome.stderr
    assert "no county 'nowhere'" in outcome.stderr
    assert (tmp_path / "out" / "shangli" / "datapackage.json").is_file()


def test_a_parallel_build_s_batches_shrink_as_the_work_runs_out() -> None:
    names = [str(number) for number in range(100)]
    batches = _batches(names, jobs=2)
    # a quarter of each worker's share of what is left (100/8 → 13, 87/8 → 11, …), never under 8
    assert [len(batch) for batch in batches] == [13, 11, 10, 9, 8, 8, 8, 8, 8, 8, 8, 1]
    assert [name for batch in batches for name in batch] == names


def test_a_serial_build_validates_64_counties_at_a_time() -> None:
    assert [len(batch) for batch in _batches([str(number) for number in range(130)], jobs=1)] == [64, 64, 2]
