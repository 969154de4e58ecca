"""Curator mistakes, refused with a named error through ``county-data build`` (and ``extract``).

Each case edits a copy of the Shangli county, registers it as a plugin county
(``copy``, code 360323) and runs the command in-process: the exit status is not
0, the code and the place are printed, nothing is raised past ``main``, and
nothing in the working folder (the copy, the output) changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import county_data
from bad_input.harness import Outcome, assert_refused, unchanged
from county_data.cli import main
from county_data.errors import QuantityParseError

ANNOTATIONS, COUNTY = "annotations.yaml", "county.yaml"
REPORT = "000_785c74f41207e478.txt"
AIR_2020 = """    formula: "{air-quality-2024} - {air-quality-change-2024}"
    derived_from: [air-quality-2024, air-quality-change-2024]"""


@dataclass(frozen=True)
class Case:
    edits: tuple[tuple[str, str, str], ...]
    code: str
    places: tuple[str, ...]


CASES = {
    "value written twice": Case(
        ((ANNOTATIONS, "    value: 80\n", "    value: 80\n    value: 90\n"),),
        "duplicate-yaml-key",
        (ANNOTATIONS, "line 18", "field 'value'", "first on line 17"),
    ),
    "misspelled observation key": Case(
        ((ANNOTATIONS, "    value: 80\n", "    vaule: 80\n"),),
        "unknown-key",
        (ANNOTATIONS, "line 17", "field 'vaule'", "did you mean 'value'?"),
    ),
    "misspelled mention key": Case(
        ((ANNOTATIONS, "        start: 395\n", "        strat: 395\n"),),
        "unknown-key",
        (ANNOTATIONS, "line 24", "field 'strat'", "did you mean 'start'?"),
    ),
    "misspelled top-level key": Case(
        ((ANNOTATIONS, "source: shangli", "sorce: shangli"),),
        "unknown-key",
        (ANNOTATIONS, "line 12", "did you mean 'source'?"),
    ),
    "misspelled honour key": Case(
        ((ANNOTATIONS, "    level: national\n", "    levle: national\n"),),
        "unknown-key",
        (ANNOTATIONS, "line 393", "did you mean 'level'?"),
    ),
    "county.yaml key written twice": Case(
        ((COUNTY, "    kind: news\n", "    kind: news\n    kind: news\n"),),
        "duplicate-yaml-key",
        (COUNTY, "line 17", "field 'kind'"),
    ),
    "misspelled county key": Case(
        ((COUNTY, "  name_en: Shangli County", "  name_eng: Shangli County"),),
        "unknown-key",
        (COUNTY, "line 9", "field 'name_eng'", "did you mean 'name_en'?"),
    ),
    "misspelled source key": Case(
        ((COUNTY, "    kind: news\n", "    knd: news\n"),),
        "unknown-key",
        (COUNTY, "line 16", "did you mean 'kind'?"),
    ),
    "county.yaml without annotations": Case(
        ((COUNTY, "annotations: annotations.yaml\n", ""),), "bad-county", (COUNTY, "'annotations'")
    ),
    "malformed annotations": Case(
        ((ANNOTATIONS, "    value: 80\n", "    value: [80\n"),), "malformed-yaml", (ANNOTATIONS, "line")
    ),
    "no observations": Case(((ANNOTATIONS, "observations:", "observation:"),), "bad-annotations", (ANNOTATIONS,)),
    "entry not a mapping": Case(
        (
            (
                ANNOTATIONS,
                "  - id: fireworks-mechanisation-rate\n",
                "  - just words\n  - id: fireworks-mechanisation-rate\n",
            ),
        ),
        "bad-entry",
        (ANNOTATIONS, "'just words'"),
    ),
    "metric missing": Case(
        ((ANNOTATIONS, "    metric: shangli.fireworks_mechanisation_rate\n", ""),),
        "missing-field",
        (ANNOTATIONS, "line 15", "field 'metric'"),
    ),
    "offset as text": Case(
        ((ANNOTATIONS, "        start: 395", '        start: "395"'),),
        "bad-type",
        (ANNOTATIONS, "line 23", "field 'start'"),
    ),
    "offsets off by one": Case(
        ((ANNOTATIONS, "        end: 411", "        end: 412"),), "bad-offsets", (ANNOTATIONS, "line 23", "field 'end'")
    ),
    "period in words": Case(
        ((ANNOTATIONS, '    period: "unknown"', '    period: "someday"'),),
        "bad-period",
        (ANNOTATIONS, "line 15", "field 'period'", "'someday'"),
    ),
    "qualifier unknown": Case(
        ((ANNOTATIONS, "    qualifier: more_than", "    qualifier: over"),),
        "bad-qualifier",
        (ANNOTATIONS, "line 15", "field 'qualifier'", "'over'"),
    ),
    "honour level unknown": Case(
        ((ANNOTATIONS, "    level: national", "    level: global"),),
        "bad-level",
        (ANNOTATIONS, "line 390", "field 'level'", "'global'"),
    ),
    "formula with a power": Case(
        ((ANNOTATIONS, "{air-quality-2024} - {air-quality-change-2024}", "{air-quality-2024} ** 2"),),
        "bad-formula",
        (ANNOTATIONS, "line 375", "field 'formula'", "'**'", "air-quality-2020"),
    ),
    "formula calling a function": Case(
        ((ANNOTATIONS, "{air-quality-2024} - {air-quality-change-2024}", "max({air-quality-2024}, 1)"),),
        "bad-formula",
        (ANNOTATIONS, "line 375", "field 'formula'", "max"),
    ),
    "formula dividing by zero": Case(
        (
            (
                ANNOTATIONS,
                "{air-quality-2024} - {air-quality-change-2024}",
                "{air-quality-2024} / ({air-quality-change-2024} - 3.82)",
            ),
        ),
        "formula-division-by-zero",
        (ANNOTATIONS, "line 375", "field 'formula'", "air-quality-2020"),
    ),
    "derived_from disagreeing with the formula": Case(
        (
            (
                ANNOTATIONS,
                "derived_from: [air-quality-2024, air-quality-change-2024]",
                "derived_from: [air-quality-2024]",
            ),
        ),
        "bad-derivation",
        (ANNOTATIONS, "line 375", "field 'derived_from'"),
    ),
    "a value and a formula": Case(
        ((ANNOTATIONS, AIR_2020, "    value: 90\n" + AIR_2020),),
        "bad-value",
        (ANNOTATIONS, "line 375", "field 'value'"),
    ),
    "an id used twice": Case(
        ((ANNOTATIONS, "  - id: automated-demo-lines", "  - id: fireworks-mechanisation-rate"),),
        "duplicate-id",
        (ANNOTATIONS, "line 15", "line 27", "field 'id'"),
    ),
    "a surface that is not a quantity": Case(
        ((ANNOTATIONS, '    surface: "超80%"', '    surface: "机械化应用率"'),),
        "unreadable-surface",
        (ANNOTATIONS, "line 15", "field 'surface'", "机械化应用率"),
    ),
    "derived rows in a cycle": Case(
        (
            (
                ANNOTATIONS,
                AIR_2020,
                AIR_2020.replace("{air-quality-2024}", "{air-quality-2019}").replace(
                    "[air-quality-2024", "[air-quality-2019"
                ),
            ),
            (
                ANNOTATIONS,
                "\nhonours:",
                """
  - id: air-quality-2019
    metric: air_quality_good_days_ratio
    unit: percent
    surface: "较2020年改善3.82个百分点"
    period: "2019"
    formula: "{air-quality-2020} + 0"
    derived_from: [air-quality-2020]
    mentions:
      - quote: "较2020年改善3.82个百分点"
        start: 3117
        end: 3133

honours:""",
            ),
        ),
        "derivation-cycle",
        (ANNOTATIONS, "line 375", "line 389", "field 'derived_from'", "'air-quality-2019'", "'air-quality-2020'"),
    ),
}


@pytest.fixture(autouse=True)
def _lenient_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken county or metric file is reported when the county is built, as a user meets it;
    strict plugin mode (CI's default) would stop at loading instead, which tests/plugins covers."""
    monkeypatch.setenv("COUNTY_DATA_STRICT_PLUGINS", "0")


@pytest.fixture
def build_copy(
    register_copy: Callable[[str], object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[], Outcome]:
    """Register the edited copy as county ``copy`` and build it; the working folder must not change."""

    def build() -> Outcome:
        register_copy("copy")
        monkeypatch.chdir(tmp_path)
        with unchanged(tmp_path):
            status = main(["build", "copy", "--out", str(tmp_path / "out")])
        captured = capsys.readouterr()
        return Outcome(status, captured.out, captured.err)

    return build


@pytest.mark.parametrize("name", CASES)
def test_a_curator_mistake_is_refused_with_its_place(
    name: str, edit: Callable[[str, str, str], Path], build_copy: Callable[[], Outcome]
) -> None:
    case = CASES[name]
    for filename, old, new in case.edits:
        edit(filename, old, new)
    assert_refused(build_copy(), case.code, *case.places)


def test_a_refusal_names_the_county_and_its_plugin(
    edit: Callable[[str, str, str], Path], build_copy: Callable[[], Outcome]
) -> None:
    edit(ANNOTATIONS, "    value: 80\n", "    vaule: 80\n")
    assert_refused(build_copy(), "county-invalid", "county 'copy' (360323)", "plugin 'copy-county'")


def test_annotations_not_in_utf8_are_unreadable(shangli_copy: Path, build_copy: Callable[[], Outcome]) -> None:
    path = shangli_copy / ANNOTATIONS
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    assert_refused(build_copy(), "unreadable-yaml", ANNOTATIONS)


def test_a_missing_frozen_text_is_named(shangli_copy: Path, build_copy: Callable[[], Outcome]) -> None:
    (shangli_copy / REPORT).unlink()
    assert_refused(build_copy(), "missing-source", REPORT, "shangli-14th-fyp-review")


def test_a_changed_frozen_text_is_named(shangli_copy: Path, build_copy: Callable[[], Outcome]) -> None:
    path = shangli_copy / REPORT
    path.write_bytes(path.read_bytes().replace("超80%".encode(), "超90%".encode()))
    assert_refused(build_copy(), "source-hash-mismatch", REPORT, "field 'sha256'")


def test_a_frozen_text_not_in_utf8_with_a_matching_checksum(
    shangli_copy: Path, edit: Callable[[str, str, str], Path], build_copy: Callable[[], Outcome]
) -> None:
    path = shangli_copy / REPORT
    data = path.read_text(encoding="utf-8").encode("gb18030")
    path.write_bytes(data)
    edit(COUNTY, "45be416957698b3c1e019ab83bdaa4d7843e0f9d2b3eb5f6eb83fa672e379433", hashlib.sha256(data).hexdigest())
    edit(COUNTY, "bytes: 10335", f"bytes: {len(data)}")
    outcome = build_copy()
    assert_refused(outcome, "source-not-utf8", REPORT, "must be UTF-8")
    assert "source-hash-mismatch" not in outcome.stderr


METRICS_OF_THE_PLUGIN = {
    "not a list": ("id: copy_rate\n", "bad-catalogue", ()),
    "unit unknown": (
        "- id: copy_rate\n  label_zh: 率\n  label_en: Rate\n  topic: economy\n  unit: percents\n  kinds: [level]\n"
        "  definition: d\n",
        "bad-metric",
        ("line 1", "'percents'"),
    ),
    "key written twice": (
        "- id: copy_rate\n  unit: percent\n  unit: percent\n",
        "duplicate-yaml-key",
        ("line 3", "field 'unit'"),
    ),
    "misspelled key": (
        "- id: copy_rate\n  lable_zh: 率\n  label_en: Rate\n  topic: economy\n  unit: percent\n  kinds: [share]\n"
        "  definition: d\n",
        "unknown-key",
        ("line 2", "did you mean 'label_zh'?", "metric 'copy_rate'"),
    ),
}


@pytest.mark.parametrize("name", METRICS_OF_THE_PLUGIN)
def test_a_plugin_metric_file_mistake_is_named(
    name: str,
    tmp_path: Path,
    edit: Callable[[str, str, str], Path],
    register_plugin: Callable[..., object],
    build_copy: Callable[[], Outcome],
) -> None:
    text, code, places = METRICS_OF_THE_PLUGIN[name]
    metrics_file = tmp_path / "plugin-metrics.yaml"
    metrics_file.write_text(text, encoding="utf-8")
    edit(ANNOTATIONS, "metric: shangli.fireworks_mechanisation_rate", "metric: copy_rate")

    class CopyMetrics:
        @county_data.hookimpl
        def county_data_metrics(self, context: object) -> list[county_data.Metric]:
            return county_data.read_metrics(metrics_file)

    register_plugin(CopyMetrics(), "copy-metrics", entry_points=False)
    outcome = build_copy()
    assert_refused(outcome, code, "plugin-metrics.yaml", *places)
    assert_refused(outcome, "unknown-metric", "copy_rate")


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"\xff\xfe\x00\x81\x30\xff" * 3, "undecodable-source"), (None, "unreadable-report")],
)
def test_extract_refuses_a_report_it_cannot_read(
    content: bytes | None,
    code: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = tmp_path / "report.txt"
    if content is None:
        report.mkdir()
    else:
        report.write_bytes(content)
    monkeypatch.chdir(tmp_path)
    with unchanged(tmp_path):
        status = main(["extract", str(report)])
    captured = capsys.readouterr()
    assert_refused(Outcome(status, captured.out, captured.err), code, "report.txt")


@pytest.mark.parametrize("reader", ["extract_quantities", "parse_quantity"])
@pytest.mark.parametrize("text", [b"\xe8\xb6\x855.5\xe4\xba\xbf\xe5\x85\x83", None, 80])
def test_the_quantity_reader_refuses_what_is_not_text(reader: str, text: object) -> None:
    import county_data.quantity

    function = getattr(county_data.quantity, reader)
    with pytest.raises(QuantityParseError) as caught:
        function(text)
    problem = caught.value.problems[0]
    assert problem.code == "text-not-str" and problem.field == "text"
    assert f"got {type(text).__name__}" in problem.message
    if isinstance(text, bytes):
        assert "decode" in problem.message


def test_strict_parsing_of_text_that_is_not_one_quantity_is_named() -> None:
    from county_data.quantity import parse_quantity

    with pytest.raises(QuantityParseError) as caught:
        parse_quantity("今天天气很好", strict=True)
    assert caught.value.problems[0].code == "quantity-parse-error"
    assert "今天天气很好" in str(caught.value)
