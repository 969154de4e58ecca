"""``county-data validate`` reads only regular files inside the package folder and fetches nothing unasked.

Each case runs the command as a user would, on a small package in ``tmp_path``,
and checks the refusal (code, place, no traceback) and that the folder is unchanged.
Remote cases count the requests a real server on 127.0.0.1 receives.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bad_input.counting_server import counting_server
from bad_input.harness import Outcome, assert_refused, run_cli, unchanged

SECRET = "not-for-the-error-output"


def write_package(folder: Path, **resource: Any) -> Path:
    """A one-resource package (``a.csv``, one integer column) with ``resource`` keys overridden."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.csv").write_text("a\n1\n", encoding="utf-8")
    described = {"name": "a", "path": "a.csv", "schema": {"fields": [{"name": "a", "type": "integer"}]}, **resource}
    descriptor = folder / "datapackage.json"
    descriptor.write_text(json.dumps({"name": "p", "resources": [described]}), encoding="utf-8")
    return descriptor


def validate(tmp_path: Path, target: Path, *options: str) -> Outcome:
    """Run ``validate`` on ``target`` and assert that nothing below ``tmp_path`` changed."""
    with unchanged(tmp_path):
        return run_cli("--no-plugins", "validate", str(target), *options, cwd=tmp_path, timeout=60)


def test_a_sound_package_is_valid(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p")
    outcome = validate(tmp_path, descriptor.parent)
    assert outcome.status == 0 and outcome.stdout.startswith("valid:"), outcome.stderr


@pytest.mark.parametrize(
    ("key", "remote", "place"),
    [
        ("path", "/x.csv", "resources[0].path"),
        ("schema", "/schema.json", "resources[0].schema"),
        ("dialect", "/dialect.json", "resources[0].dialect"),
        ("profile", "/profile.json", "resources[0].profile"),
        ("extrapaths", ["/x.csv"], "resources[0].extrapaths"),
    ],
)
def test_remote_references_are_refused_unless_allowed(
    tmp_path: Path, key: str, remote: str | list[str], place: str
) -> None:
    with counting_server() as server:
        value = [server.url + r for r in remote] if isinstance(remote, list) else server.url + remote
        descriptor = write_package(tmp_path / "p", **{key: value})
        refused = validate(tmp_path, descriptor)
        assert_refused(refused, "remote-refused", str(descriptor), place, "resource 'a'", "--allow-remote")
        assert server.requests == []
        allowed = validate(tmp_path, descriptor, "--allow-remote")
        assert allowed.status == 0, allowed.stderr
        assert server.requests, "--allow-remote must fetch what the descriptor names"


def test_remote_package_profile_is_refused_unless_allowed(tmp_path: Path) -> None:
    with counting_server() as server:
        descriptor = write_package(tmp_path / "p")
        described = json.loads(descriptor.read_text(encoding="utf-8"))
        descriptor.write_text(json.dumps({"profile": server.url + "/profile.json", **described}), encoding="utf-8")
        assert_refused(validate(tmp_path, descriptor), "remote-refused", "field 'profile'")
        assert server.requests == []
        assert validate(tmp_path, descriptor, "--allow-remote").status == 0
        assert server.requests and set(server.requests) == {"/profile.json"}


@pytest.mark.parametrize("level", ["package", "resource"])
def test_a_local_profile_is_refused(tmp_path: Path, level: str) -> None:
    # frictionless would read it relative to the working directory and fetch its "$ref"s
    with counting_server() as server:
        profile = json.dumps({"$ref": server.url + "/profile.json"})
        (tmp_path / "profile.json").write_text(profile, encoding="utf-8")
        descriptor = write_package(tmp_path / "p", **({"profile": "profile.json"} if level == "resource" else {}))
        (tmp_path / "p" / "profile.json").write_text(profile, encoding="utf-8")
        if level == "package":
            described = json.loads(descriptor.read_text(encoding="utf-8"))
            descriptor.write_text(json.dumps({"profile": "profile.json", **described}), encoding="utf-8")
        place = "resources[0].profile" if level == "resource" else "field 'profile'"
        assert_refused(validate(tmp_path, descriptor, "--allow-remote"), "local-profile", place, "profile.json")
        assert server.requests == []


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("file:///etc/passwd", "unsafe-path"),
        ("/etc/passwd", "unsafe-path"),
        ("../outside.csv", "unsafe-path"),
        ("data/../../outside.csv", "unsafe-path"),
    ],
)
def test_paths_leaving_the_folder_are_refused(tmp_path: Path, path: str, code: str) -> None:
    (tmp_path / "outside.csv").write_text(f"a\n{SECRET}\n", encoding="utf-8")
    descriptor = write_package(tmp_path / "p", path=path)
    outcome = validate(tmp_path, descriptor)
    assert_refused(outcome, code, str(descriptor), "resources[0].path", path)
    assert SECRET not in outcome.stderr and "root:" not in outcome.stderr


def test_symlink_out_of_the_folder_is_refused_unread(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p", path="passwd.csv")
    (tmp_path / "p" / "passwd.csv").symlink_to("/etc/passwd")
    outcome = validate(tmp_path, descriptor)
    assert_refused(outcome, "link-outside", "resources[0].path", "/etc/passwd")
    assert "root:" not in outcome.stderr


def test_symlinked_folder_out_of_the_package_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.csv").write_text(f"a\n{SECRET}\n", encoding="utf-8")
    descriptor = write_package(tmp_path / "p", path="data/a.csv")
    (tmp_path / "p" / "data").symlink_to(tmp_path / "elsewhere")
    outcome = validate(tmp_path, descriptor)
    assert_refused(outcome, "link-outside", "resources[0].path", "data/a.csv")
    assert SECRET not in outcome.stderr


def test_symlink_inside_the_folder_is_followed(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p", path="data/linked.csv")
    (tmp_path / "p" / "data").mkdir()
    (tmp_path / "p" / "data" / "linked.csv").symlink_to("../a.csv")
    outcome = validate(tmp_path, descriptor)
    assert outcome.status == 0 and outcome.stdout.startswith("valid:"), outcome.stderr


@pytest.mark.parametrize("path", ["data/./linked/a.csv", "data/linked/a.csv", "data/x/../linked/a.csv"])
def test_a_folder_linked_inside_the_folder_is_followed(tmp_path: Path, path: str) -> None:
    descriptor = write_package(tmp_path / "p", path=path)
    (tmp_path / "p" / "data" / "x").mkdir(parents=True)
    (tmp_path / "p" / "data" / "linked").symlink_to("..")  # data/linked/a.csv is a.csv, still inside
    outcome = validate(tmp_path, descriptor)
    assert outcome.status == 0 and outcome.stdout.startswith("valid:"), outcome.stderr


def test_dev_null_through_a_symlink_is_refused(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p", path="null.csv")
    (tmp_path / "p" / "null.csv").symlink_to(os.devnull)
    assert_refused(validate(tmp_path, descriptor), "link-outside", "resources[0].path", "null.csv")


def test_a_device_inside_the_folder_is_refused(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p", path="null.csv")
    try:
        os.mknod(tmp_path / "p" / "null.csv", 0o600 | os.stat(os.devnull).st_mode, os.stat(os.devnull).st_rdev)
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")
    outcome = validate(tmp_path, descriptor)
    assert_refused(outcome, "not-regular-file", "resources[0].path", "character device")


def test_a_fifo_as_data_file_is_refused_without_hanging(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p", path="pipe.csv")
    os.mkfifo(tmp_path / "p" / "pipe.csv")
    assert_refused(validate(tmp_path, descriptor), "not-regular-file", "resources[0].path", "FIFO")


def test_a_fifo_as_schema_is_refused_without_hanging(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p", schema="schema.json")
    os.mkfifo(tmp_path / "p" / "schema.json")
    assert_refused(validate(tmp_path, descriptor), "not-regular-file", "resources[0].schema", "FIFO")


def test_a_fifo_as_descriptor_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "datapackage.json")
    assert_refused(validate(tmp_path, tmp_path), "not-regular-file", "datapackage.json", "FIFO")


def test_a_directory_as_data_file_is_refused(tmp_path: Path) -> None:
    descriptor = write_package(tmp_path / "p", path="data")
    (tmp_path / "p" / "data").mkdir()
    assert_refused(validate(tmp_path, descriptor), "not-regular-file", "resources[0].path", "directory")


def test_a_bare_csv_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "plain.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert_refused(validate(tmp_path, tmp_path / "plain.csv"), "not-a-descriptor", "plain.csv", "datapackage.json")


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    descriptor = tmp_path / "datapackage.json"
    descriptor.write_text('{\n  "name": "p",\n  "resources": [,]\n}\n', encoding="utf-8")
    outcome = validate(tmp_path, descriptor)
    assert_refused(outcome, "invalid-json", str(descriptor), "line 3", "column 17")


def test_json_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    (tmp_path / "datapackage.json").write_text('["resources"]\n', encoding="utf-8")
    assert_refused(validate(tmp_path, tmp_path), "descriptor-not-object", "datapackage.json", "list")


def test_a_descriptor_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "datapackage.json").write_bytes(b'{"name": "\xff"}')
    assert_refused(validate(tmp_path, tmp_path), "invalid-package", "datapackage.json", "utf-8")


def test_a_folder_without_descriptor_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("a\n1\n", encoding="utf-8")
    assert_refused(validate(tmp_path, tmp_path), "missing-descriptor", "datapackage.json")
