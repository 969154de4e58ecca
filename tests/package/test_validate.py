"""Both stages of validation (frictionless, then pandera) read only what the safety check allowed."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

from bad_input.counting_server import counting_server
from core_paths import PACKAGE
from county_data.package.safety import references
from county_data.package.validate import validate_everything, validate_package, validate_tables

COUNTIES_CSV = (PACKAGE / "data" / "counties.csv").read_bytes()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any name lookup or connection beyond 127.0.0.1 fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"validation went to the network: {args}")

    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> Any:
        if isinstance(address, tuple) and address[0] != "127.0.0.1":
            refuse(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", connect)


def counties_package(folder: Path, path: str) -> Path:
    """A package with one resource named like our ``counties`` table, without a Table Schema."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = folder / "datapackage.json"
    descriptor.write_text(json.dumps({"name": "p", "resources": [{"name": "counties", "path": path}]}))
    return descriptor


@pytest.mark.usefixtures("offline")
def test_shipped_package_validates_offline() -> None:
    # its $schema is https://datapackage.org/profiles/2.0/datapackage.json: frictionless must not fetch it
    assert validate_everything(PACKAGE / "datapackage.json") == []


@pytest.mark.parametrize("where", ["package", "resource", "schema"])
def test_a_custom_schema_profile_url_is_not_fetched(tmp_path: Path, where: str) -> None:
    (tmp_path / "a.csv").write_text("a\n1\n", encoding="utf-8")
    with counting_server() as server:
        profile = {"$schema": server.url + "/profile.json"}
        schema = {"fields": [{"name": "a", "type": "integer"}], **(profile if where == "schema" else {})}
        resource = {"name": "a", "path": "a.csv", "schema": schema, **(profile if where == "resource" else {})}
        descriptor = {"name": "p", "resources": [resource], **(profile if where == "package" else {})}
        (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        assert validate_package(tmp_path / "datapackage.json") == []
        assert server.requests == []


def test_the_pandera_stage_refuses_a_link_out_without_reading_it(tmp_path: Path) -> None:
    descriptor = counties_package(tmp_path / "p", "counties.csv")
    (tmp_path / "p" / "counties.csv").symlink_to("/etc/passwd")
    [problem] = validate_tables(descriptor)
    assert (problem.code, problem.field) == ("link-outside", "resources[0].path")
    assert "root:" not in str(problem)


def test_the_pandera_stage_fetches_only_when_allowed(tmp_path: Path) -> None:
    with counting_server() as server:
        server.files["/counties.csv"] = ("text/csv", COUNTIES_CSV)
        descriptor = counties_package(tmp_path / "p", server.url + "/counties.csv")
        [problem] = validate_tables(descriptor)
        assert (problem.code, problem.field, server.requests) == ("remote-refused", "resources[0].path", [])
        assert validate_tables(descriptor, allow_remote=True) == []
        assert server.requests == ["/counties.csv"]


def test_the_pandera_stage_checks_what_it_fetched(tmp_path: Path) -> None:
    with counting_server() as server:
        header, first, *rest = COUNTIES_CSV.decode("utf-8").splitlines(keepends=True)
        broken = header + "36032," + first.split(",", 1)[1] + "".join(rest)  # a county code of 5 digits
        server.files["/counties.csv"] = ("text/csv", broken.encode("utf-8"))
        descriptor = counties_package(tmp_path / "p", server.url + "/counties.csv")
        problems = validate_tables(descriptor, allow_remote=True)
        assert [(p.code, p.row, p.field) for p in problems] == [("schema-violation", 2, "county_code")]


def test_validate_everything_passes_allow_remote_to_both_stages(tmp_path: Path) -> None:
    with counting_server() as server:
        server.files["/counties.csv"] = ("text/csv", COUNTIES_CSV)
        descriptor = counties_package(tmp_path / "p", server.url + "/counties.csv")
        assert [p.code for p in validate_everything(descriptor)] == ["remote-refused"]
        assert server.requests == []
        assert validate_everything(descriptor, allow_remote=True) == []
        assert len(server.requests) >= 2, server.requests  # frictionless, then pandas


def test_the_pandera_stage_reports_a_fetch_that_fails(tmp_path: Path) -> None:
    with counting_server() as server:
        descriptor = counties_package(tmp_path / "p", server.url + "/gone.csv")
        [problem] = validate_tables(descriptor, allow_remote=True)
        assert (problem.code, problem.path) == ("invalid-package", server.url + "/gone.csv")
        assert "404" in problem.message and server.requests == ["/gone.csv"]


@pytest.mark.usefixtures("offline")
def test_the_fiscal_profile_name_is_a_remote_reference(tmp_path: Path) -> None:
    descriptor = counties_package(tmp_path, "counties.csv")
    described = json.loads(descriptor.read_text(encoding="utf-8"))
    descriptor.write_text(json.dumps({**described, "profile": "fiscal-data-package"}), encoding="utf-8")
    assert [(p.code, p.field) for p in validate_package(descriptor)] == [("remote-refused", "profile")]


def test_profile_names_are_not_files() -> None:
    resource = {"name": "a", "path": "a.csv", "profile": "tabular-data-resource"}
    descriptor = {"profile": "tabular-data-package", "resources": [resource]}
    assert references(descriptor) == [("resources[0].path", "a", "a.csv")]
