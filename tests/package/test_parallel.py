"""``county-data build --jobs N`` writes the same bytes as a serial build and reports every failure."""

from __future__ import annotations

from pathlib import Path

from bad_input.harness import run_cli, tree_digest

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
