"""Docs kept true by tests: every hook and command is documented, README examples run."""

import doctest
import re

import pytest

from core_paths import ROOT
from county_data.cli import cli
from county_data.plugins import hookspecs

HOOK_DOC = (ROOT / "docs" / "plugin_hooks.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("hook", [name for name in dir(hookspecs) if name.startswith("county_data_")])
def test_every_hook_is_documented_with_an_example(hook: str) -> None:
    section = HOOK_DOC.split(f"### {hook}", 1)
    assert len(section) == 2, f"docs/plugin_hooks.md has no section for {hook}"
    assert f"def {hook}(context)" in section[1].split("### ", 1)[0]


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command: str) -> None:
    assert f"`county-data {command}" in HOOK_DOC
    assert f"`county-data {command}" in README


def test_readme_examples_produce_the_output_shown() -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README.md", str(ROOT / "README.md"), 0)
    assert len(test.examples) >= 6
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def test_readme_first_screen_has_exactly_two_setup_commands() -> None:
    first_screen = README.split("## ", 1)[0]
    [block] = re.findall(r"```sh\n(.*?)```", first_screen, re.S)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "county-data build" in commands[0] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    block = re.findall(r"```sh\n(.*?)```", README.split("## ", 1)[0], re.S)[0]
    test_command = block.splitlines()[1].split("#")[0].strip()
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


ANNOTATION_DOC = (ROOT / "docs" / "annotations.md").read_text(encoding="utf-8")


def _declared_keys() -> dict[tuple[str, str], tuple[str, ...]]:
    """(file, record) -> the keys its reader accepts, from the one declaration of each."""
    from county_data.annotation import entries
    from county_data.catalogue import county, metric

    return {
        ("county.yaml", "the file"): county.FILE_KEYS,
        ("county.yaml", "county"): county.PLACE_KEYS,
        ("county.yaml", "sources"): county.SOURCE_KEYS,
        ("county.yaml", "sections"): county.SECTION_KEYS,
        ("annotations.yaml", "the file"): entries.FILE_KEYS,
        ("annotations.yaml", "observations"): entries.OBSERVATION_KEYS,
        ("annotations.yaml", "mentions"): entries.MENTION_KEYS,
        ("annotations.yaml", "honours"): entries.HONOUR_KEYS,
        ("annotations.yaml", "excluded"): entries.EXCLUSION_KEYS,
        ("metrics.yaml", "metrics"): metric.DECLARED_FIELDS,
    }


def _documented_keys(file: str, record: str) -> set[str]:
    section = ANNOTATION_DOC.split(f"\n## {file}\n", 1)[1].split("\n## ", 1)[0]
    table = section.split(f"\n### {record}\n", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9_]+)` \|", table, re.M))


@pytest.mark.parametrize(("file", "record"), sorted(_declared_keys()))
def test_every_field_a_reader_accepts_is_documented(file: str, record: str) -> None:
    declared = set(_declared_keys()[(file, record)])
    assert declared, f"{file} {record}: no keys declared"
    documented = _documented_keys(file, record)
    assert declared - documented == set(), f"docs/annotations.md, {file} / {record}: undocumented"
    assert documented - declared == set(), f"docs/annotations.md, {file} / {record}: no such key"
