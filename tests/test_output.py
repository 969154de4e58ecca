"""The one atomic-write routine: normal modes, a lock per folder, recovery from writers that died."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import county_data
from core_paths import PACKAGE
from county_data.errors import ExportError
from county_data.output import MARKER, replacing

BUILD = [sys.executable, "-m", "county_data.cli", "--no-plugins", "build", "shangli", "--out"]


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def modes(root: Path) -> set[tuple[str, int]]:
    entries = [root, *root.rglob("*")] if root.is_dir() else [root]
    return {("folder" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode)) for p in entries}


@pytest.fixture
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


@pytest.mark.parametrize(
    ("umask", "folder_mode", "file_mode"),
    [(0o022, 0o755, 0o644), (0o077, 0o700, 0o600), (0o002, 0o775, 0o664)],
    indirect=["umask"],
)
def test_packages_and_exports_get_the_modes_the_umask_asks_for(
    tmp_path: Path, umask: int, folder_mode: int, file_mode: int
) -> None:
    package = county_data.build("shangli", tmp_path / "shangli")
    assert modes(package) == {("folder", folder_mode), ("file", file_mode)}
    workbook = county_data.export("shangli", "xlsx", tmp_path / "shangli.xlsx")
    assert modes(workbook) == {("file", file_mode)}


def test_a_package_is_marked_and_rebuilt_in_place(tmp_path: Path) -> None:
    out = county_data.build("shangli", tmp_path / "shangli")
    assert (out / MARKER).is_file()
    county_data.build("shangli", out)
    assert tree_bytes(out) == tree_bytes(PACKAGE)
    assert [p.name for p in tmp_path.iterdir()] == ["shangli"]


def test_force_replaces_a_folder_export_it_wrote_and_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    county_data.export("shangli", "csv", tmp_path / "empty", force=True)
    county_data.export("shangli", "csv", tmp_path / "empty", force=True)
    assert tree_bytes(tmp_path / "empty") == tree_bytes(PACKAGE)
    assert [p.name for p in tmp_path.iterdir()] == ["empty"]


def test_an_export_is_never_written_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("keep", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    with pytest.raises(ExportError, match=r"symbolic link \(got a link to .*real\.json\)"):
        county_data.export("shangli", "json", tmp_path / "link.json", force=True)
    assert real.read_text(encoding="utf-8") == "keep" and (tmp_path / "link.json").is_symlink()


def test_writers_into_one_folder_take_turns(tmp_path: Path) -> None:
    import fcntl

    finished = threading.Event()

    def write() -> None:
        with replacing(tmp_path / "out.txt", "file", force=True, error=ExportError) as staged:
            staged.write_text("new", encoding="utf-8")
        finished.set()

    holder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.5)
    assert not finished.is_set() and not (tmp_path / "out.txt").exists()
    os.close(holder)
    writer.join(timeout=10)
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "new"


def test_writers_into_one_folder_write_side_by_side_and_recovery_leaves_a_live_one_alone(tmp_path: Path) -> None:
    from county_data.output import recover

    inside, release = threading.Event(), threading.Event()

    def slow_writer() -> None:
        with replacing(tmp_path / "slow.txt", "file", force=True, error=ExportError) as staged:
            staged.write_text("slow", encoding="utf-8")
            inside.set()
            release.wait(timeout=10)

    writer = threading.Thread(target=slow_writer)
    writer.start()
    assert inside.wait(timeout=10)
    # the slow writer is inside its block: another writer into the folder gets through, recovering on its way
    with replacing(tmp_path / "fast.txt", "file", force=True, error=ExportError) as staged:
        staged.write_text("fast", encoding="utf-8")
    recover(tmp_path)
    assert writer.is_alive()  # still inside its block: nothing waited for it
    release.set()
    writer.join(timeout=10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fast.txt", "slow.txt"]
    assert (tmp_path / "slow.txt").read_text(encoding="utf-8") == "slow"


def test_three_builds_into_one_folder_at_once_all_succeed(tmp_path: Path) -> None:
    builds = [subprocess.Popen([*BUILD, str(tmp_path)], stderr=subprocess.PIPE, text=True) for _ in range(3)]
    errors = [build.communicate(timeout=300)[1] for build in builds]
    assert [build.returncode for build in builds] == [0, 0, 0], errors
    assert tree_bytes(tmp_path / "shangli") == tree_bytes(PACKAGE)
    assert [p.name for p in tmp_path.iterdir()] == ["shangli"]


# A build that dies at the wrong moment: os._exit skips every cleanup, as a kill would.
DIE_BETWEEN_RENAMES = """
import os, sys
import county_data
target = os.path.abspath(sys.argv[1]) + "/shangli"
real_rename = os.rename
def rename(source, destination):
    if str(destination) == target:
        os._exit(9)
    real_rename(source, destination)
os.rename = rename
county_data.build("shangli", target)
"""

DIE_WHILE_WRITING = """
import os, sys
import county_data
import county_data.package.assemble as assemble
def write_files(directory, files):
    (directory / "data").mkdir(parents=True)
    (directory / "data" / "counties.csv").write_text("half")
    os._exit(9)
assemble.write_files = write_files
county_data.build("shangli", os.path.abspath(sys.argv[1]) + "/shangli")
"""


def die(script: str, out: Path) -> None:
    done = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 9, done.stderr


def test_a_build_killed_between_the_two_renames_is_rolled_back_then_rebuilt(tmp_path: Path) -> None:
    county_data.build("shangli", tmp_path / "shangli")
    die(DIE_BETWEEN_RENAMES, tmp_path)
    [staging] = tmp_path.iterdir()  # the old package moved aside, no package in place
    assert staging.name.startswith(".shangli.tmp-") and tree_bytes(staging / "old" / "shangli") == tree_bytes(PACKAGE)
    subprocess.run([*BUILD, str(tmp_path)], check=True, capture_output=True)
    assert tree_bytes(tmp_path / "shangli") == tree_bytes(PACKAGE)
    assert [p.name for p in tmp_path.iterdir()] == ["shangli"]


def test_a_recovery_puts_the_old_package_back_before_anything_else(tmp_path: Path) -> None:
    from county_data.output import recover

    county_data.build("shangli", tmp_path / "shangli")
    die(DIE_BETWEEN_RENAMES, tmp_path)
    recover(tmp_path)
    assert tree_bytes(tmp_path / "shangli") == tree_bytes(PACKAGE)
    assert [p.name for p in tmp_path.iterdir()] == ["shangli"]


@pytest.mark.parametrize("built_before", [False, True], ids=["first-build", "rebuild"])
def test_staging_left_by_a_build_killed_while_writing_is_removed(tmp_path: Path, built_before: bool) -> None:
    if built_before:
        county_data.build("shangli", tmp_path / "shangli")
    die(DIE_WHILE_WRITING, tmp_path)
    assert any(p.name.startswith(".shangli.tmp-") for p in tmp_path.iterdir())
    (tmp_path / ".liuyang.tmp-abcd1234").mkdir()  # killed before it wrote its marker: empty
    subprocess.run([*BUILD, str(tmp_path)], check=True, capture_output=True)
    assert tree_bytes(tmp_path / "shangli") == tree_bytes(PACKAGE)
    assert [p.name for p in tmp_path.iterdir()] == ["shangli"]


def test_a_look_alike_folder_county_data_did_not_write_is_left_alone(tmp_path: Path) -> None:
    look_alike = tmp_path / ".shangli.tmp-abcd1234"
    look_alike.mkdir()
    (look_alike / "notes.txt").write_text("mine", encoding="utf-8")
    county_data.build("shangli", tmp_path / "shangli")
    assert (look_alike / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("interruption", "seen"),
    [(KeyboardInterrupt(), KeyboardInterrupt), (OSError(28, "No space left on device"), ExportError)],
    ids=["ctrl-c", "os-error"],
)
def test_a_swap_interrupted_between_its_renames_puts_the_old_output_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: BaseException, seen: type[BaseException]
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    real_rename = os.rename

    def rename(source: Path, destination: Path) -> None:
        if Path(destination) == target and "new" in Path(source).parts:
            raise interruption
        real_rename(source, destination)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(seen), replacing(target, "file", force=True, error=ExportError) as staged:
        staged.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
