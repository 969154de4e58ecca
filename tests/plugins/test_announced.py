"""Counties announced cheaply: listed and checked for conflicts without reading them, read in full once, on use."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import county_data
from core_paths import SHANGLI
from county_data import CountyRef, PluginError, announce_county
from county_data.cli import main
from county_data.plugins.hookspecs import hookimpl
from county_data.plugins.testing import RegisterPlugin

#: 芦溪县, Shangli's neighbour in Pingxiang: a real code no installed plugin provides
NEIGHBOUR = "360323"


@pytest.fixture(autouse=True)
def _only_the_plugins_of_each_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in Shangli off, so a test can announce 360322 itself; strict mode from the test alone."""
    monkeypatch.setenv("COUNTY_DATA_DISABLE_PLUGINS", "county_data.shangli")
    monkeypatch.delenv("COUNTY_DATA_STRICT_PLUGINS", raising=False)
    monkeypatch.delenv("COUNTY_DATA_LOAD_PLUGINS", raising=False)


@dataclass
class CountingLoader:
    """Reads the Shangli folder as ``read_county`` does, counting the reads."""

    reads: int = 0

    def __call__(self) -> county_data.County:
        self.reads += 1
        return county_data.read_county(SHANGLI)


@dataclass
class Announcing:
    """A plugin that announces the counties it is given."""

    refs: list[CountyRef] = field(default_factory=list)

    @hookimpl
    def county_data_counties(self, context: county_data.PluginContext) -> Iterator[CountyRef]:
        yield from self.refs


def shangli_ref(load: CountingLoader, *, code: str = "360322", slug: str = "shangli", name_en: str = "") -> CountyRef:
    return CountyRef(code, slug, "上栗县", name_en or "Shangli County", load, str(SHANGLI / "county.yaml"))


def test_list_prints_an_announced_county_without_reading_it(
    register_plugin: RegisterPlugin, capsys: pytest.CaptureFixture[str]
) -> None:
    loader = CountingLoader()
    register_plugin(Announcing([shangli_ref(loader)]), "lazy", entry_points=False)
    assert main(["list"]) == 0
    assert "360322  shangli      上栗县 (Shangli County)  [lazy]" in capsys.readouterr().out
    assert loader.reads == 0


def test_the_full_record_is_read_once_on_first_use(register_plugin: RegisterPlugin) -> None:
    loader = CountingLoader()
    registry = register_plugin(Announcing([shangli_ref(loader)]), "lazy", entry_points=False)
    by_slug = county_data.get_county("shangli", registry)
    assert county_data.get_county(360322, registry) is by_slug
    assert loader.reads == 1
    assert [source.id for source in by_slug.sources] == ["shangli-14th-fyp-review"]


def test_an_announced_code_claimed_by_two_plugins_is_a_conflict_found_without_reading(
    register_plugin: RegisterPlugin,
) -> None:
    first, second = CountingLoader(), CountingLoader()
    register_plugin(Announcing([shangli_ref(first)]), "lazy-one", entry_points=False)
    registry = register_plugin(Announcing([shangli_ref(second, slug="shangli-again")]), "lazy-two", entry_points=False)
    assert set(registry.counties.conflicts) == {"360322"}
    with pytest.raises(PluginError, match=r"county '360322' is provided by 2 plugins: 'lazy-one'.*'lazy-two'"):
        county_data.get_county("360322", registry)
    assert (first.reads, second.reads) == (0, 0)


def test_an_announced_slug_under_two_codes_is_a_conflict_found_without_reading(
    register_plugin: RegisterPlugin,
) -> None:
    first, second = CountingLoader(), CountingLoader()
    register_plugin(Announcing([shangli_ref(first)]), "lazy-one", entry_points=False)
    registry = register_plugin(Announcing([shangli_ref(second, code=NEIGHBOUR)]), "lazy-two", entry_points=False)
    assert set(registry.counties.conflicts) == {"360322", NEIGHBOUR}
    assert "county slug 'shangli' (codes 360322, 360323)" in registry.counties.conflicts[NEIGHBOUR].message
    assert (first.reads, second.reads) == (0, 0)


def test_a_full_record_that_differs_from_its_announcement_is_refused_naming_plugin_file_and_field(
    register_plugin: RegisterPlugin,
) -> None:
    registry = register_plugin(
        Announcing([shangli_ref(CountingLoader(), name_en="Shangli")]), "lazy", entry_points=False
    )
    with pytest.raises(PluginError) as caught:
        county_data.get_county("shangli", registry)
    note, mismatch = caught.value.problems
    assert note.code == "county-invalid" and "county 'shangli' (360322) from plugin 'lazy'" in note.message
    assert mismatch.code == "county-not-as-announced"
    assert (mismatch.path, mismatch.line, mismatch.field) == (str(SHANGLI / "county.yaml"), 9, "name_en")
    assert (mismatch.found, mismatch.expected) == ("Shangli County", "Shangli")
    assert "plugin 'lazy' (lazy) announced name_en 'Shangli'" in mismatch.message


def test_show_of_a_county_not_as_announced_exits_1_without_a_traceback(
    register_plugin: RegisterPlugin, capsys: pytest.CaptureFixture[str]
) -> None:
    register_plugin(Announcing([shangli_ref(CountingLoader(), name_en="Shangli")]), "lazy", entry_points=False)
    assert main(["show", "shangli"]) == 1
    error = capsys.readouterr().err
    assert "field 'name_en'" in error and "[county-not-as-announced]" in error and "Traceback" not in error


def test_a_loader_that_raises_is_that_plugins_failure_named_with_the_county(register_plugin: RegisterPlugin) -> None:
    def unreachable() -> county_data.County:
        raise ConnectionError("the county server is down")

    ref = CountyRef("360322", "shangli", "上栗县", "Shangli County", unreachable, "https://example.org/360322.yaml")
    registry = register_plugin(Announcing([ref]), "remote", entry_points=False)
    with pytest.raises(PluginError) as caught:
        county_data.get_county("shangli", registry)
    assert [problem.code for problem in caught.value.problems] == ["county-invalid", "plugin-failed"]
    assert "plugin 'remote' (remote) failed: ConnectionError: the county server is down" in str(caught.value)
    assert "https://example.org/360322.yaml" in str(caught.value)


def test_announce_county_reads_the_folder_it_names_on_first_use(
    register_plugin: RegisterPlugin, tmp_path: Path
) -> None:
    ref = announce_county(tmp_path / "nowhere", code="360322", slug="shangli", name_zh="上栗县", name_en="Shangli")
    assert ref.file == str(tmp_path / "nowhere" / "county.yaml")
    registry = register_plugin(Announcing([ref]), "lazy", entry_points=False)
    assert [county.slug for county in county_data.announced_counties(registry)] == ["shangli"]
    with pytest.raises(county_data.AnnotationError, match=r"nowhere/county\.yaml"):
        county_data.get_county("shangli", registry)


def test_an_announcement_checks_its_code_and_slug() -> None:
    with pytest.raises(ValueError, match="6 digits"):
        CountyRef("36032", "shangli", "上栗县", "Shangli County", CountingLoader())
    with pytest.raises(ValueError, match="lower-case ascii"):
        CountyRef("360322", "Shangli", "上栗县", "Shangli County", CountingLoader())


def test_a_hook_may_mix_counties_and_announcements_but_nothing_else(register_plugin: RegisterPlugin) -> None:
    class Mixed:
        @hookimpl
        def county_data_counties(self, context: county_data.PluginContext) -> list[object]:
            return [county_data.read_county(SHANGLI), shangli_ref(CountingLoader(), code=NEIGHBOUR, slug="other")]

    class Sloppy:
        @hookimpl
        def county_data_counties(self, context: county_data.PluginContext) -> list[object]:
            return ["360324"]

    register_plugin(Mixed(), "mixed", entry_points=False)
    registry = register_plugin(Sloppy(), "sloppy", entry_points=False)
    assert sorted(registry.counties.records) == ["360322", NEIGHBOUR]
    assert registry.statuses["sloppy"].status == "failed"
    assert "must yield County or CountyRef records (got '360324')" in registry.statuses["sloppy"].error
