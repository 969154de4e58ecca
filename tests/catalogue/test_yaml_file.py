"""YAML as curators write it: a key written twice or unknown is refused with its line and the nearest key."""

from pathlib import Path

import pytest

from core_paths import METRICS_FILE, ROOT, SHANGLI
from county_data import AnnotationError
from county_data.catalogue.yaml_file import read_yaml, unknown_key_problems

LIUYANG = ROOT / "plugins" / "county-data-liuyang" / "src" / "county_data_liuyang"
SHIPPED = [*sorted(SHANGLI.glob("*.yaml")), METRICS_FILE, *sorted(LIUYANG.glob("*.yaml"))]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_yaml_file_has_each_key_once(path: Path) -> None:
    assert read_yaml(path) is not None


@pytest.mark.parametrize(
    ("text", "line", "first"),
    [
        ("value: 1\nvalue: 2\n", 2, 1),
        ("items:\n  - id: a\n    unit: x\n    note: n\n    unit: y\n", 5, 3),
        ("outer:\n  inner: {a: 1, b: 2, a: 3}\n", 2, 2),
        ("1: a\n'1': b\n1: c\n", 3, 1),
    ],
)
def test_a_key_written_twice_is_refused_at_its_second_line(tmp_path: Path, text: str, line: int, first: int) -> None:
    path = write(tmp_path, text)
    with pytest.raises(AnnotationError) as caught:
        read_yaml(path)
    problem = caught.value.problems[0]
    assert (problem.code, problem.path, problem.line) == ("duplicate-yaml-key", str(path), line)
    assert f"first on line {first}" in problem.message


def test_the_same_key_in_two_mappings_is_fine(tmp_path: Path) -> None:
    data = read_yaml(write(tmp_path, "- value: 1\n- value: 2\n"))
    assert [item["value"] for item in data] == [1, 2]


def test_an_unknown_key_is_named_at_its_line_with_the_nearest_known_key(tmp_path: Path) -> None:
    data = read_yaml(write(tmp_path, "id: a\n\nvaule: 80\nunit: percent\n"))
    (problem,) = unknown_key_problems(data, ("id", "value", "unit"), "file.yaml", "observation 'a'")
    assert (problem.code, problem.line, problem.field) == ("unknown-key", 3, "vaule")
    assert problem.message == "observation 'a': unknown key 'vaule' (did you mean 'value'?)"


def test_an_unknown_key_like_nothing_known_lists_the_known_keys(tmp_path: Path) -> None:
    data = read_yaml(write(tmp_path, "id: a\nzzz: 1\n"))
    (problem,) = unknown_key_problems(data, ("unit", "id"), "file.yaml")
    assert problem.message == "unknown key 'zzz' (expected one of id, unit)"


# Every YAML file the project and its example plugins ship, and the shapes curators may write:
# the objects read_yaml builds are those PyYAML's own constructor builds (with our line keys).
EVERY_SHIPPED = sorted({*ROOT.glob("src/**/*.yaml"), *ROOT.glob("plugins/*/src/**/*.yaml")})


def pyyaml_reads(text: str) -> object:
    import yaml

    from county_data.catalogue.yaml_file import _loader_class

    return yaml.load(text, Loader=_loader_class())


@pytest.mark.parametrize("path", EVERY_SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files_read_as_pyyaml_reads_them(path: Path) -> None:
    assert read_yaml(path) == pyyaml_reads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "just a scalar\n",
        "- 1\n- 2.5\n- true\n- null\n- 2024-01-02\n- '2024'\n- !!str 12\n",
        "base: &base {unit: km, kinds: [level]}\nother: *base\n",
        "base: &base {unit: km}\nmerged:\n  <<: *base\n  label: x\n",
        "a set: !!set {a, b}\nordered: !!omap [{a: 1}, {b: 2}]\n",
        "? [1, 2]\n: unhashable key\n",
        "loop: &loop [*loop]\n",
        "nested:\n  - {id: a, mentions: [{quote: 超80%, start: 3}]}\n  - id: b\n",
        "# only a comment\n",
        "---\n",
        "a: 1\n---\nb: 2\n",
        "'': empty\n~: tilde\nyes: no\n0x1F: 0o17\n.inf: -.nan\nkey:\nOff: On\n",
        "a: |\n  kept\n  lines\nb: >\n  folded\n  text\nc: \"quoted 12\"\nd: '1.5'\n",
        "a: 1\na: 2\nb: [not closed\n",
        "- =\n",
        "- !custom 1\n",
        "when: 2024-01-02 10:30:00\nyear: 2024\nstrings: [上栗, gdp-2020, 3.82个百分点]\n",
    ],
)
def test_the_shapes_curators_write_read_as_pyyaml_reads_them(tmp_path: Path, text: str) -> None:
    import yaml

    try:
        expected: object = pyyaml_reads(text)
    except yaml.YAMLError:  # the oracle refuses it (an unhashable key): so must we, by name
        with pytest.raises(AnnotationError) as refused:
            read_yaml(write(tmp_path, text))
        assert [p.code for p in refused.value.problems] == ["malformed-yaml"]
        return
    assert repr(read_yaml(write(tmp_path, text))) == repr(expected)
