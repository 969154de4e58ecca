"""Bad annotations, as a curator would write them, through `county-data build`.

Each case edits a copy of the Shangli county (registered as county 360323, 芦溪县),
builds it with the command in-process, and asserts the exit status, the error
code, the place named (file, line, field), that no traceback reaches the user,
and that nothing on disk changed: neither the county folder nor the output.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from county_data import QuantityParseError, parse_quantity
from county_data.cli import main

from .harness import build_refused, unchanged

FIRST_ENTRY = """  - id: fireworks-mechanisation-rate
    metric: shangli.fireworks_mechanisation_rate
    value: 80
    unit: percent
    surface: "超80%"
    qualifier: more_than
    period: "unknown"
    mentions:
      - quote: "烟花爆竹生产机械化应用率超80%"
        start: 395
        end: 411
"""
DERIVED = "derived_from: [air-quality-2024, air-quality-change-2024]"

#: (case, [(old, new) in annotations.yaml], code, places named on stderr)
CASES = [
    ("quote-off-by-one", [("start: 395\n        end: 411", "start: 396\n        end: 412")],
     "quote-mismatch", ["line 23", "field 'quote'"]),
    ("metric-misspelt", [("metric: shangli.fireworks_mechanisation_rate", "metric: fireworks_mechanization_rate")],
     "unknown-metric", ["line 15", "field 'metric'", "fireworks_mechanization_rate"]),
    ("unit-of-another-metric", [("value: 80\n    unit: percent", "value: 80\n    unit: CNY")],
     "unit-mismatch", ["line 15", "field 'unit'"]),
    ("reported-without-value", [("    value: 80\n    unit: percent", "    unit: percent")],
     "bad-value", ["line 15", "field 'value'"]),
    ("share-above-100", [("value: 80\n    unit: percent", "value: 800\n    unit: percent")],
     "value-out-of-range", ["line 15", "field 'value'", "800"]),
    ("surface-not-quoted", [('surface: "超80%"', 'surface: "超90%"')],
     "surface-not-in-quote", ["line 15", "field 'surface'"]),
    ("derived-from-one-of-two", [(DERIVED, "derived_from: [air-quality-2024]")],
     "bad-derivation", ["line 375", "field 'derived_from'"]),
    ("derived-from-nothing-known",
     [(DERIVED, "derived_from: [air-quality-2024, air-quality-2019]"),
      ("{air-quality-change-2024}", "{air-quality-2019}")],
     "unknown-reference", ["line 375", "field 'derived_from'", "air-quality-2019"]),
    ("entry-copied-with-its-key", [(FIRST_ENTRY, FIRST_ENTRY + FIRST_ENTRY.replace("-rate\n", "-rate-again\n", 1))],
     "duplicate-key", ["line 26", "field 'metric'"]),
    ("id-used-twice", [(FIRST_ENTRY, FIRST_ENTRY + FIRST_ENTRY.replace('"unknown"', '"2023"'))],
     "duplicate-id", ["line 26", "field 'id'"]),
    ("value-not-as-written", [("value: 80\n    unit: percent", "value: 81\n    unit: percent")],
     "surface-value", ["line 15", "field 'value'", "超80%"]),
    ("qualifier-not-as-written", [("qualifier: more_than\n    period: \"unknown\"\n    mentions:\n      - quote: \"烟花",
                                   "qualifier: exact\n    period: \"unknown\"\n    mentions:\n      - quote: \"烟花")],
     "surface-qualifier", ["line 15", "field 'qualifier'"]),
    ("surface-not-a-quantity", [('surface: "超80%"', 'surface: "机械化"')],
     "unreadable-surface", ["line 15", "field 'surface'"]),
    ("figure-dropped", [(FIRST_ENTRY, "")],
     "unaccounted-figure", ["000_785c74f41207e478.txt", "超80%"]),
]  # fmt: skip


@pytest.mark.parametrize(("edits", "code", "places"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_annotation_is_refused_by_build(
    edits: list[tuple[str, str]],
    code: str,
    places: list[str],
    edit: Callable[[str, str, str], Path],
    register_copy: Callable[[str], object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for old, new in edits:
        edit("annotations.yaml", old, new)
    register_copy("copied")
    err = build_refused(capsys, tmp_path / "out", "copied", code, *places)
    assert "annotations.yaml" in err or code == "unaccounted-figure", err


def test_an_exclusion_that_covers_no_figure(
    edit: Callable[[str, str, str], Path],
    register_copy: Callable[[str], object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = edit("annotations.yaml", "honours:\n", "honours:\n") / "annotations.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + 'excluded:\n  - quote: "烟花爆竹"\n    start: 395\n    end: 399\n    reason: "a test exclusion"\n',
        encoding="utf-8",
    )
    register_copy("copied")
    build_refused(capsys, tmp_path / "out", "copied", "stale-exclusion", "annotations.yaml", "field 'excluded'")


def test_verify_against_a_folder_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with unchanged(tmp_path):
        status = main(["--no-plugins", "verify", "shangli", "--sources", str(tmp_path / "absent")])
    err = capsys.readouterr().err
    assert status != 0 and "Traceback" not in err
    assert "[missing-directory]" in err and str(tmp_path / "absent") in err


def test_verify_against_a_folder_without_the_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "other.txt").write_text("上栗县2024年", encoding="utf-8")
    with unchanged(tmp_path):
        status = main(["--no-plugins", "verify", "shangli", "--sources", str(tmp_path)])
    err = capsys.readouterr().err
    assert status != 0 and "Traceback" not in err
    assert "[source-not-found]" in err and "field 'sha256'" in err


@pytest.mark.parametrize("text", ["上栗县", "", "百分之", "同比"])
def test_strict_parse_of_words_without_a_quantity(text: str) -> None:
    with pytest.raises(QuantityParseError) as caught:
        parse_quantity(text, strict=True)
    assert caught.value.problems[0].code == "quantity-parse-error"
    assert repr(text) in str(caught.value)
