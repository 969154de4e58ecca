"""Run the ``county-data`` command as a user would and check how it refuses bad input.

Every bad-input case asserts four things: the exit status is not 0, the error
code is printed, the place (file, line or row, field) is named, and no
traceback reaches the user. ``unchanged`` also proves nothing outside the
intended output was touched, by hashing the surrounding folder before and after.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Outcome:
    status: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None, timeout: float = 120) -> Outcome:
    """``county-data ARGS`` in a fresh process (entry-point plugins off unless ``env`` says otherwise)."""
    environment = {**os.environ, **(env or {})}
    command = [sys.executable, "-m", "county_data.cli", *args]
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout)
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_refused(outcome: Outcome, code: str, *places: str) -> None:
    """Non-zero exit, ``[code]`` on stderr, each of ``places`` named, no traceback."""
    assert outcome.status != 0, f"expected a refusal, got exit 0:\n{outcome.stdout}\n{outcome.stderr}"
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert f"[{code}]" in outcome.stderr, f"expected [{code}] in:\n{outcome.stderr}"
    for place in places:
        assert place in outcome.stderr, f"expected {place!r} named in:\n{outcome.stderr}"


def tree_digest(folder: Path) -> dict[str, str]:
    """Every entry below ``folder`` (not following links) with its kind, mode and content hash."""
    digest: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        relative = str(path.relative_to(folder))
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISLNK(info.st_mode):
            digest[relative] = f"link {os.readlink(path)}"
        elif stat.S_ISREG(info.st_mode):
            digest[relative] = f"file {mode:o} {hashlib.sha256(path.read_bytes()).hexdigest()}"
        elif stat.S_ISDIR(info.st_mode):
            digest[relative] = f"dir {mode:o}"
        else:
            digest[relative] = f"special {stat.S_IFMT(info.st_mode):o} {mode:o}"
    return digest


@contextmanager
def unchanged(folder: Path, *, except_under: tuple[str, ...] = ()) -> Iterator[None]:
    """Assert that nothing below ``folder`` changes, except below the relative paths ``except_under``."""

    def kept(digest: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in digest.items() if not any(k == p or k.startswith(p + "/") for p in except_under)}

    before = kept(tree_digest(folder))
    yield
    after = kept(tree_digest(folder))
    assert after == before, f"changed below {folder}: {sorted(set(after.items()) ^ set(before.items()))}"


def build_refused(capsys: pytest.CaptureFixture[str], out: Path, county: str, code: str, *places: str) -> str:
    """``county-data build COUNTY --out OUT``, run in this process, refuses with ``code`` naming ``places``.

    In-process because the county is registered by a fixture, not installed. Nothing
    beside ``out`` may change. Returns the captured stderr for further checks.
    """
    from county_data.cli import main

    with unchanged(out.parent):
        status = main(["build", county, "--out", str(out)])
    err = capsys.readouterr().err
    assert_refused(Outcome(status, "", err), code, *places)
    return err
