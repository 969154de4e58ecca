"""The plugin manager: lazy entry points, one broken plugin never breaks the rest, duplicates are errors."""

import json
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import county_data
from county_data import PluginError
from county_data.plugins.hookspecs import hookimpl
from county_data.plugins.registry import load_registry
from county_data.plugins.testing import RegisterPlugin


@dataclass
class FakeDist:
    name: str
    version: str


@dataclass
class FakeEntryPoint:
    name: str
    value: str
    dist: FakeDist

    def load(self) -> object:
        module_name = self.value
        if module_name not in sys.modules:
            __import__(module_name)
        return sys.modules[module_name]


def plugin_module(name: str, **hooks: Callable[..., object]) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(module, hook_name, hookimpl(function))
    sys.modules[name] = module
    return module


@pytest.fixture(autouse=True)
def _plugin_settings_from_tests_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI runs with COUNTY_DATA_STRICT_PLUGINS=1; these tests set each variable themselves."""
    for variable in ("COUNTY_DATA_STRICT_PLUGINS", "COUNTY_DATA_LOAD_PLUGINS", "COUNTY_DATA_DISABLE_PLUGINS"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[FakeEntryPoint]]:
    """Entry points the plugin manager will see instead of the installed ones."""
    points: list[FakeEntryPoint] = []
    monkeypatch.setattr("county_data.plugins.registry._entry_points", lambda: sorted(points, key=lambda ep: ep.name))
    yield points
    for point in points:
        sys.modules.pop(point.value, None)


def exporter(name: str) -> county_data.Exporter:
    return county_data.Exporter(name, f"{name} format", lambda data, path: path.write_text("x"), suffix=".txt")


def add(points: list[FakeEntryPoint], name: str, **hooks: Callable[..., object]) -> None:
    plugin_module(f"fake_plugin_{name.replace('-', '_')}", **hooks)
    points.append(
        FakeEntryPoint(name, f"fake_plugin_{name.replace('-', '_')}", FakeDist(f"county-data-{name}", "1.2.3"))
    )


def test_import_is_lazy_and_builtin_registers_through_hooks() -> None:
    import subprocess

    code = "import sys, county_data; print(sorted(m for m in ('pluggy', 'pandas', 'pandera', 'frictionless', 'county_data.plugins') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    registry = load_registry(entry_points=False)
    assert registry.counties.providers["360322"] == "county_data.shangli"
    assert registry.metrics.providers["business_startup_loans"] == "county_data"
    assert set(registry.exporters.records) == {"csv", "json", "xlsx", "sqlite", "parquet"}


def test_plugin_that_raises_on_import_is_reported_and_others_work(entry_points: list[FakeEntryPoint]) -> None:
    entry_points.append(FakeEntryPoint("broken", "fake_plugin_does_not_exist", FakeDist("county-data-broken", "0.0.1")))
    add(entry_points, "good", county_data_exporters=lambda context: [exporter("good-format")])
    registry = load_registry()
    broken = registry.statuses["broken"]
    assert (broken.status, broken.distribution, broken.version) == ("failed", "county-data-broken", "0.0.1")
    assert "ModuleNotFoundError" in broken.error
    assert registry.statuses["good"].status == "active" and "good-format" in registry.exporters.records
    assert county_data.counties(registry)[0].slug == "shangli"


def test_strict_mode_re_raises_naming_the_plugin(entry_points: list[FakeEntryPoint]) -> None:
    entry_points.append(FakeEntryPoint("broken", "fake_plugin_does_not_exist", FakeDist("county-data-broken", "0.0.1")))
    with pytest.raises(PluginError, match=r"plugin 'broken' \(county-data-broken 0.0.1\)"):
        load_registry(env={"COUNTY_DATA_STRICT_PLUGINS": "1"})


def test_misspelled_hook_is_caught_by_check_pending(entry_points: list[FakeEntryPoint]) -> None:
    add(entry_points, "typo", county_data_countys=lambda context: [])
    registry = load_registry()
    assert registry.statuses["typo"].status == "failed"
    assert "county_data_countys" in registry.statuses["typo"].error


def test_hook_yielding_the_wrong_record_type_fails_that_plugin_only(entry_points: list[FakeEntryPoint]) -> None:
    add(entry_points, "sloppy", county_data_exporters=lambda context: "csv")
    registry = load_registry()
    assert (
        registry.statuses["sloppy"].status == "failed"
        and "must yield Exporter records" in registry.statuses["sloppy"].error
    )
    assert "csv" in registry.exporters.records


def test_duplicate_format_is_an_error_naming_every_provider(entry_points: list[FakeEntryPoint]) -> None:
    add(entry_points, "one", county_data_exporters=lambda context: [exporter("dup")])
    add(entry_points, "two", county_data_exporters=lambda context: [exporter("dup")])
    registry = load_registry()
    with pytest.raises(PluginError) as caught:
        registry.exporters.get("dup")
    message = str(caught.value)
    assert "'one' (county-data-one 1.2.3)" in message and "'two' (county-data-two 1.2.3)" in message
    assert message.startswith("field 'exporters': exporter 'dup' is provided by 2 plugins")
    assert "COUNTY_DATA_DISABLE_PLUGINS" in message
    assert registry.exporters.get("json") is not None
    with pytest.raises(PluginError):
        load_registry(env={"COUNTY_DATA_STRICT_PLUGINS": "1"})


def test_duplicate_county_code_is_an_error(entry_points: list[FakeEntryPoint]) -> None:
    shangli = county_data.get_county("shangli")
    add(entry_points, "copycat", county_data_counties=lambda context: [shangli])
    registry = load_registry()
    for name in ("360322", "shangli"):
        with pytest.raises(PluginError, match=r"'copycat'.*'county_data.shangli'"):
            county_data.get_county(name, registry)


def test_allow_list_deny_list_and_kill_switch(entry_points: list[FakeEntryPoint]) -> None:
    add(entry_points, "alpha", county_data_exporters=lambda context: [exporter("alpha-format")])
    add(entry_points, "beta", county_data_exporters=lambda context: [exporter("beta-format")])
    allowed = load_registry(env={"COUNTY_DATA_LOAD_PLUGINS": "alpha"})
    assert (allowed.statuses["alpha"].status, allowed.statuses["beta"].status) == ("active", "disabled")
    denied = load_registry(env={"COUNTY_DATA_DISABLE_PLUGINS": "county-data-alpha"})
    assert (denied.statuses["alpha"].status, denied.statuses["beta"].status) == ("disabled", "active")
    none = load_registry(env={"COUNTY_DATA_LOAD_PLUGINS": ""})
    assert {s.status for name, s in none.statuses.items() if name in ("alpha", "beta")} == {"disabled"}
    assert "csv" in none.exporters.records


def test_county_whose_paths_escape_its_folder_fails_that_plugin(
    entry_points: list[FakeEntryPoint], tmp_path: Path
) -> None:
    def escaping(context: object) -> list[county_data.County]:
        return [
            county_data.County(
                "430181",
                "escape",
                "a",
                "b",
                "c",
                "d",
                "e",
                "f",
                tmp_path / "plugin",
                tmp_path / "plugin" / ".." / "elsewhere.yaml",
                (),
            )
        ]

    add(entry_points, "escape", county_data_counties=escaping)
    registry = load_registry()
    assert registry.statuses["escape"].status == "failed"
    assert "must stay inside" in registry.statuses["escape"].error


def test_plugins_command_reports_json_while_a_plugin_is_broken(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from county_data.cli import main

    entry_points.append(FakeEntryPoint("broken", "fake_plugin_does_not_exist", FakeDist("county-data-broken", "0.0.1")))
    add(entry_points, "good", county_data_exporters=lambda context: [exporter("good-format")])
    monkeypatch.setenv("COUNTY_DATA_STRICT_PLUGINS", "1")
    assert main(["plugins"]) == 0
    report = {entry["name"]: entry for entry in json.loads(capsys.readouterr().out)}
    assert report["broken"]["status"] == "failed" and report["broken"]["version"] == "0.0.1"
    assert report["good"]["provides"] == {"exporters": ["good-format"]}
    assert set(report["county_data"]["provides"]) == {"exporters", "metrics"}
    assert report["county_data.shangli"]["provides"]["counties"] == ["360322"]
    assert all(m.startswith("shangli.") for m in report["county_data.shangli"]["provides"]["metrics"])


def test_other_commands_keep_working_with_a_broken_plugin(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    from county_data.cli import main
    from county_data.plugins.registry import set_registry

    entry_points.append(FakeEntryPoint("broken", "fake_plugin_does_not_exist", FakeDist("county-data-broken", "0.0.1")))
    set_registry(None)
    assert main(["list"]) == 0
    captured = capsys.readouterr()
    assert "360322  shangli" in captured.out and "warning: plugin 'broken'" in captured.err


def test_context_is_passed_to_every_hook(register_plugin: RegisterPlugin) -> None:
    seen = []

    class Spy:
        @hookimpl
        def county_data_metrics(self, context: county_data.PluginContext) -> list[county_data.Metric]:
            seen.append(context)
            return []

    register_plugin(Spy(), "spy", entry_points=False)
    assert seen and seen[0].api_version == 1


def test_records_check_themselves() -> None:
    with pytest.raises(ValueError, match="format name"):
        county_data.Exporter("Bad Name", "t", lambda data, path: None)
    with pytest.raises(ValueError, match="6 digits"):
        county_data.County("4301", "x", "a", "b", "c", "d", "e", "f", Path("."), Path("a.yaml"), ())
    with pytest.raises(ValueError, match="measure word"):
        county_data.Metric("m", "z", "e", "t", "count", "level", "d")


def installed_broken_plugin(root: Path) -> Path:
    """A real distribution on disk whose entry point raises on import."""
    package = root / "county_data_broken"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise RuntimeError('this plugin is broken on purpose')\n", encoding="utf-8")
    info = root / "county_data_broken-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: county-data-broken\nVersion: 0.0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text("[county_data]\nbroken = county_data_broken\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "command",
    [["list"], ["show", "shangli"], ["plugins"], ["export", "shangli", "--format", "json", "--out", "{tmp}/x.json"]],
)
def test_installed_broken_plugin_leaves_every_command_working(tmp_path: Path, command: list[str]) -> None:
    import os
    import subprocess

    site = installed_broken_plugin(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("COUNTY_DATA_STRICT_PLUGINS", None)
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = subprocess.run([sys.executable, "-m", "county_data.cli", *args], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if command == ["plugins"]:
        broken = next(p for p in json.loads(result.stdout) if p["name"] == "broken")
        assert (broken["status"], broken["distribution"], broken["version"]) == (
            "failed",
            "county-data-broken",
            "0.0.1",
        )
        assert "broken on purpose" in broken["error"]
    else:
        assert "warning: plugin 'broken' (county-data-broken 0.0.1) failed" in result.stderr


def test_installed_broken_plugin_fails_strict_mode_with_a_message(tmp_path: Path) -> None:
    import os
    import subprocess

    site = installed_broken_plugin(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(site), "COUNTY_DATA_STRICT_PLUGINS": "1"}
    result = subprocess.run([sys.executable, "-m", "county_data.cli", "list"], env=env, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "plugin 'broken' (county-data-broken 0.0.1)" in result.stderr


def test_plugins_command_shows_each_side_of_a_conflict(
    entry_points: list[FakeEntryPoint], capsys: pytest.CaptureFixture[str]
) -> None:
    from county_data.cli import main

    shangli = county_data.get_county("shangli")
    add(entry_points, "copycat", county_data_counties=lambda context: [shangli])
    add(entry_points, "one", county_data_exporters=lambda context: [exporter("dup"), exporter("one-only")])
    add(entry_points, "two", county_data_exporters=lambda context: [exporter("dup")])
    assert main(["plugins"]) == 0
    report = {entry["name"]: entry for entry in json.loads(capsys.readouterr().out)}
    assert report["copycat"]["status"] == "conflict"
    assert report["copycat"]["conflicts"] == [{"kind": "counties", "key": "360322", "with": ["county_data.shangli"]}]
    assert report["county_data.shangli"]["status"] == "conflict"
    assert report["county_data.shangli"]["conflicts"] == [{"kind": "counties", "key": "360322", "with": ["copycat"]}]
    assert report["one"]["conflicts"] == [{"kind": "exporters", "key": "dup", "with": ["two"]}]
    assert (report["county_data"]["status"], report["county_data"]["conflicts"]) == ("active", [])


def test_a_conflict_with_the_core_can_only_be_resolved_by_disabling_the_other(
    entry_points: list[FakeEntryPoint],
) -> None:
    add(entry_points, "rival", county_data_exporters=lambda context: [exporter("csv")])
    registry = load_registry(env={"COUNTY_DATA_DISABLE_PLUGINS": "earlier"})
    message = registry.exporters.conflicts["csv"].message
    assert message.endswith("to keep one, set COUNTY_DATA_DISABLE_PLUGINS=earlier,rival keeps 'county_data'")
    resolved = load_registry(env={"COUNTY_DATA_DISABLE_PLUGINS": "earlier,rival"})
    assert not resolved.conflicts() and resolved.exporters.providers["csv"] == "county_data"


def test_the_deny_list_also_disables_plugins_registered_for_a_test(register_plugin: RegisterPlugin) -> None:
    class Spy:
        @hookimpl
        def county_data_exporters(self, context: county_data.PluginContext) -> list[county_data.Exporter]:
            return [exporter("spy-format")]

    registry = register_plugin(Spy(), "spy", entry_points=False)
    assert registry.exporters.providers["spy-format"] == "spy"
    denied = load_registry(entry_points=False, env={"COUNTY_DATA_DISABLE_PLUGINS": "spy"}, extra=[("spy", Spy())])
    assert denied.statuses["spy"].status == "disabled" and "spy-format" not in denied.exporters.records


def test_a_hook_may_return_nothing_but_not_a_single_record(entry_points: list[FakeEntryPoint]) -> None:
    add(entry_points, "quiet", county_data_exporters=lambda context: None)
    add(entry_points, "single", county_data_exporters=lambda context: exporter("single-format"))
    registry = load_registry()
    assert (registry.statuses["quiet"].status, registry.statuses["single"].status) == ("active", "failed")
    assert "must return or yield Exporter records" in registry.statuses["single"].error
    [failure] = registry.exporters.failures
    assert failure.code == "plugin-failed" and "'single' (county-data-single 1.2.3) failed" in failure.message


def _metric(metric_id: str) -> county_data.Metric:
    return county_data.Metric(metric_id, "增长", "growth", "economy", "percent", "growth", "a test metric")


def test_a_plugin_declaring_a_core_id_is_told_so_and_the_core_metric_stays(register_plugin: Callable) -> None:
    class Copycat:
        @county_data.hookimpl
        def county_data_metrics(self, context: object) -> list[county_data.Metric]:
            return [_metric("gdp_real_growth")]

    registry = register_plugin(Copycat(), "copycat", entry_points=False)
    assert registry.metrics.providers["gdp_real_growth"] == "county_data"
    [problem] = [p for p in registry.metrics.failures if p.code == "metric-reuses-core-id"]
    assert "copycat" in problem.message and problem.found == "gdp_real_growth"
    assert registry.statuses["copycat"].status == "failed"


def test_a_plugin_metric_outside_its_namespace_is_refused(register_plugin: Callable) -> None:
    class Stray:
        @county_data.hookimpl
        def county_data_metrics(self, context: object) -> list[county_data.Metric]:
            return [_metric("stray_growth"), _metric("elsewhere.stray_growth")]

    registry = register_plugin(Stray(), "stray", entry_points=False)
    codes = sorted(p.code for p in registry.metrics.failures)
    assert codes == ["metric-outside-namespace", "metric-outside-namespace"]
    assert "stray_growth" not in registry.metrics.records
