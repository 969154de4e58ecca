"""Bad input from plugins and county names: every county that cannot be built is named and the exit is 1.

The plugins here are real distributions on disk (a package and its ``.dist-info`` with an
entry point), found by ``importlib.metadata`` through PYTHONPATH exactly as an installed
plugin would be.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from bad_input.harness import Outcome, assert_refused, run_cli, unchanged
from core_paths import SHANGLI

COUNTY_HOOK = """
from pathlib import Path
import county_data

@county_data.hookimpl
def county_data_counties(context):
    yield county_data.read_county(Path(__file__).parent / "county")
"""
#: a county that brings the metrics of its own namespace, as a plugin replacing Shangli must
COUNTY_AND_METRICS_HOOK = (
    COUNTY_HOOK
    + """
@county_data.hookimpl
def county_data_metrics(context):
    yield from county_data.read_metrics(Path(__file__).parent / "county" / "metrics.yaml")
"""
)
#: a county announced by code, slug and names, its folder read when it is built
LAZY_HOOK = """
from pathlib import Path
import county_data

@county_data.hookimpl
def county_data_counties(context):
    yield county_data.announce_county(
        Path(__file__).parent / "county", code="360323", slug="lazy", name_zh="芦溪县", name_en="{name_en}"
    )
"""
RAISING_HOOK = """
import county_data

@county_data.hookimpl
def county_data_counties(context):
    raise RuntimeError("the county server is down")
"""


#: 芦溪县, Shangli's neighbour in Pingxiang: a real code for copies of Shangli
NEIGHBOUR = "360323"


def install(site: Path, name: str, hook: str = COUNTY_HOOK, *, code: str = "", slug: str = "") -> Path:
    """A distribution ``county-data-NAME 0.0.1`` with entry point ``NAME``; its county is a Shangli copy."""
    package = site / f"county_data_{name}"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(hook, encoding="utf-8")
    if code or slug:
        county = shutil.copytree(SHANGLI, package / "county")
        text = (county / "county.yaml").read_text(encoding="utf-8")
        text = text.replace('code: "360322"', f'code: "{code or "360322"}"').replace("slug: shangli", f"slug: {slug}")
        if code == NEIGHBOUR:  # the name GB/T 2260 gives the code, which the build checks
            text = text.replace("name_zh: 上栗县", "name_zh: 芦溪县")
        (county / "county.yaml").write_text(text.replace("name_en: Shangli County", f"name_en: {name}"), "utf-8")
    info = site / f"county_data_{name}-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: county-data-{name}\nVersion: 0.0.1\n", "utf-8")
    (info / "entry_points.txt").write_text(f"[county_data]\n{name} = county_data_{name}\n", encoding="utf-8")
    return package


def with_plugins(site: Path, *names: str, **env: str) -> dict[str, str]:
    """Only the plugins ``names`` from ``site`` (not whatever else is installed), strict mode off."""
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")]))
    settings = {"PYTHONPATH": path, "COUNTY_DATA_LOAD_PLUGINS": ",".join(names), "COUNTY_DATA_STRICT_PLUGINS": "0"}
    return {**settings, **env}


def build_all(tmp_path: Path, env: dict[str, str], *counties: str) -> Outcome:
    with unchanged(tmp_path, except_under=("out",)):
        return run_cli("build", *counties, "--out", str(tmp_path / "out"), cwd=tmp_path, env=env)


def built(tmp_path: Path) -> list[str]:
    out = tmp_path / "out"
    return sorted(p.name for p in out.iterdir()) if out.exists() else []


def test_build_all_with_a_county_claimed_twice_builds_the_rest_and_exits_1(tmp_path: Path) -> None:
    install(tmp_path / "site", "copycat", slug="shangli")
    install(tmp_path / "site", "other", code=NEIGHBOUR, slug="other")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "copycat", "other"))
    assert_refused(outcome, "duplicate-provider", "'copycat' (county-data-copycat 0.0.1)", "'360322'")
    assert "'county_data.shangli' (county-data" in outcome.stderr
    assert built(tmp_path) == ["other"]


def test_build_all_with_a_broken_county_yaml_names_plugin_version_and_file(tmp_path: Path) -> None:
    package = install(tmp_path / "site", "badyaml", code=NEIGHBOUR, slug="badyaml")
    (package / "county" / "county.yaml").write_text("county: [\n", encoding="utf-8")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "badyaml"))
    assert_refused(outcome, "plugin-failed", "plugin 'badyaml' (county-data-badyaml 0.0.1) failed", "county.yaml")
    assert built(tmp_path) == ["shangli"]


def test_build_all_with_a_raising_county_hook_exits_1(tmp_path: Path) -> None:
    install(tmp_path / "site", "flaky", RAISING_HOOK)
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "flaky"))
    assert_refused(outcome, "plugin-failed", "'flaky' (county-data-flaky 0.0.1)", "the county server is down")
    assert built(tmp_path) == ["shangli"]


def test_build_all_with_a_plugin_that_cannot_be_imported_exits_1(tmp_path: Path) -> None:
    install(tmp_path / "site", "broken", "raise ImportError('no such thing')\n")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "broken"))
    assert_refused(outcome, "plugin-failed", "'broken' (county-data-broken 0.0.1)", "no such thing")
    assert built(tmp_path) == ["shangli"]


def test_build_all_with_an_invalid_county_names_plugin_and_version(tmp_path: Path) -> None:
    package = install(tmp_path / "site", "sloppy", code=NEIGHBOUR, slug="sloppy")
    annotations = package / "county" / "annotations.yaml"
    annotations.write_text(annotations.read_text(encoding="utf-8").replace("value: 473", "value: -473", 1), "utf-8")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "sloppy"))
    assert_refused(
        outcome, "county-invalid", "county 'sloppy' (360323) from plugin 'sloppy' (county-data-sloppy 0.0.1)"
    )
    assert built(tmp_path) == ["shangli"]


def test_build_of_a_county_claimed_twice_exits_1(tmp_path: Path) -> None:
    install(tmp_path / "site", "copycat", slug="shangli")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "copycat"), "shangli")
    assert_refused(outcome, "duplicate-provider", "county '360322'", "'copycat' (county-data-copycat 0.0.1)")
    assert built(tmp_path) == []


def test_two_plugins_with_one_slug_under_two_codes_is_a_conflict(tmp_path: Path) -> None:
    install(tmp_path / "site", "twin", code=NEIGHBOUR, slug="shangli")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "twin"), "shangli")
    assert_refused(outcome, "duplicate-provider", "county slug 'shangli' (codes 360322, 360323)", "'twin'")


def test_build_names_every_failure_and_builds_the_rest(tmp_path: Path) -> None:
    with unchanged(tmp_path, except_under=("out",)):
        args = ("--no-plugins", "build", "nowhere", "shangli", NEIGHBOUR, "--out", str(tmp_path / "out"))
        outcome = run_cli(*args, cwd=tmp_path)
    assert_refused(outcome, "unknown-county", "no county 'nowhere'", "no county '360323'")
    assert "2 problems" in outcome.stderr
    assert built(tmp_path) == ["shangli"]


@pytest.mark.parametrize("keep", ["copycat", "county_data.shangli"])
def test_the_suggested_setting_resolves_the_conflict(tmp_path: Path, keep: str) -> None:
    install(tmp_path / "site", "copycat", COUNTY_AND_METRICS_HOOK, slug="shangli")
    env = with_plugins(tmp_path / "site", "copycat")
    first = build_all(tmp_path, env)
    assert_refused(first, "duplicate-provider")
    [setting] = re.findall(rf"(COUNTY_DATA_DISABLE_PLUGINS=\S+) keeps '{re.escape(keep)}'", first.stderr)
    variable, value = setting.split("=", 1)
    second = build_all(tmp_path, {**env, variable: value})
    assert second.status == 0 and "Traceback" not in second.stderr, second.stderr
    descriptor = json.loads((tmp_path / "out" / "shangli" / "datapackage.json").read_text(encoding="utf-8"))
    name_en = "copycat" if keep == "copycat" else "Shangli County"
    assert name_en in json.dumps(descriptor, ensure_ascii=False)
    listed = run_cli("list", cwd=tmp_path, env={**env, variable: value})
    assert f"[{keep}]" in listed.stdout


def test_strict_mode_refuses_a_conflict_in_any_command(tmp_path: Path) -> None:
    install(tmp_path / "site", "copycat", slug="shangli")
    env = with_plugins(tmp_path / "site", "copycat", COUNTY_DATA_STRICT_PLUGINS="1")
    with unchanged(tmp_path):
        outcome = run_cli("list", cwd=tmp_path, env=env)
    assert_refused(outcome, "duplicate-provider", "'copycat' (county-data-copycat 0.0.1)")


@pytest.mark.parametrize(
    "name",
    ["Shang Li", "../shangli", "36032", "3603220", ""],
)
def test_a_county_name_that_is_neither_slug_nor_code_is_refused(tmp_path: Path, name: str) -> None:
    with unchanged(tmp_path):
        outcome = run_cli("--no-plugins", "show", name, cwd=tmp_path)
    assert_refused(outcome, "bad-county-name", "county must be a slug or a 6-digit GB/T 2260 code", repr(name))


def test_a_lazy_county_is_listed_unread_and_its_broken_county_yaml_fails_the_build(tmp_path: Path) -> None:
    package = install(tmp_path / "site", "lazy", LAZY_HOOK.format(name_en="lazy"), code=NEIGHBOUR, slug="lazy")
    (package / "county" / "county.yaml").write_text("county: [\n", encoding="utf-8")
    env = with_plugins(tmp_path / "site", "lazy")
    listed = run_cli("list", cwd=tmp_path, env=env)
    assert listed.status == 0 and "360323  lazy         芦溪县 (lazy)  [lazy]" in listed.stdout, listed.stderr
    outcome = build_all(tmp_path, env)
    assert_refused(outcome, "county-invalid", "from plugin 'lazy' (county-data-lazy 0.0.1)", "county/county.yaml")
    assert "county 'lazy' (360323)" in outcome.stderr
    assert built(tmp_path) == ["shangli"]


def test_a_lazy_county_not_as_announced_fails_the_build_naming_file_field_found_and_expected(tmp_path: Path) -> None:
    install(tmp_path / "site", "lazy", LAZY_HOOK.format(name_en="Luxi County"), code=NEIGHBOUR, slug="lazy")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "lazy"), "lazy", "shangli")
    assert_refused(
        outcome, "county-not-as-announced", "county/county.yaml, line 9, field 'name_en'", "'Luxi County'", "'lazy'"
    )
    assert built(tmp_path) == ["shangli"]


def test_a_lazy_county_that_agrees_with_its_announcement_builds(tmp_path: Path) -> None:
    install(tmp_path / "site", "lazy", LAZY_HOOK.format(name_en="lazy"), code=NEIGHBOUR, slug="lazy")
    outcome = build_all(tmp_path, with_plugins(tmp_path / "site", "lazy"), "lazy")
    assert outcome.status == 0, outcome.stderr
    assert built(tmp_path) == ["lazy"]
