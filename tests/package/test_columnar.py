"""The columnar engine (DuckDB) finds exactly what frictionless (then pandera) finds.

Errors are planted by hand in a copy of the shipped Shangli package, one of every kind
a Table Schema states; the oracle is frictionless itself, run on the same files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from core_paths import PACKAGE
from county_data.errors import Problem
from county_data.package import columnar
from county_data.package.columnar import Unsupported, supports, validate_columnar
from county_data.package.safety import load_descriptor
from county_data.package.validate import validate, validate_many

Edit = Callable[[list[list[str]]], None]


def findings(problems: list[Problem]) -> list[tuple[str, int | None, str, str]]:
    """(resource, row, field, code) of each problem, sorted: the shape both engines must share."""
    resource = [p.message.split("'")[1] if p.message.startswith("resource '") else "" for p in problems]
    return sorted(((r, p.row, p.field, p.code) for r, p in zip(resource, problems, strict=True)), key=str)


def copy_package(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "p")
    return tmp_path / "p" / "datapackage.json"


def edit_csv(descriptor: Path, table: str, edit: Edit, *, reseal: bool = False) -> None:
    """Change the rows of ``data/<table>.csv``; ``reseal`` updates its bytes and sha256 in the descriptor."""
    path = descriptor.parent / "data" / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    edit(rows)
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))
    if reseal:
        seal(descriptor, table)


def seal(descriptor: Path, table: str) -> None:
    """State the bytes and sha256 ``data/<table>.csv`` now has in the descriptor."""
    path = descriptor.parent / "data" / f"{table}.csv"
    described = json.loads(descriptor.read_text(encoding="utf-8"))
    for resource in described["resources"]:
        if resource["name"] == table:
            resource["bytes"] = path.stat().st_size
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    descriptor.write_text(json.dumps(described), encoding="utf-8")


def set_cell(rows: list[list[str]], row: int, column: str, value: str) -> None:
    """Set a cell by CSV row number (the header is row 1) and column name."""
    rows[row - 1][rows[0].index(column)] = value


def plant_every_kind(rows: list[list[str]]) -> None:
    set_cell(rows, 2, "value", "ninety")  # type-error (number)
    set_cell(rows, 3, "char_start", "1.5")  # type-error (integer)
    set_cell(rows, 4, "quote", "")  # constraint-error: required
    set_cell(rows, 5, "unit", "furlong")  # constraint-error: enum
    set_cell(rows, 6, "period", "FY2024")  # constraint-error: pattern
    set_cell(rows, 7, "mentions", "0")  # constraint-error: minimum
    set_cell(rows, 8, "metric_id", "no_such_metric")  # foreign-key to metrics
    rows.append(list(rows[9]))  # the same row again: unique-error (observation_id) and primary-key


def test_both_engines_report_one_error_of_every_kind_the_same(tmp_path: Path) -> None:
    descriptor = copy_package(tmp_path)
    edit_csv(descriptor, "observations", plant_every_kind)
    columnar = validate(descriptor, engine="columnar")
    reference = validate(descriptor, engine="frictionless")
    assert findings(columnar) == findings(reference)
    last = len((descriptor.parent / "data" / "observations.csv").read_text(encoding="utf-8").splitlines())
    assert {(row, field, code.removeprefix("frictionless/")) for _, row, field, code in findings(columnar)} == {
        (None, "", "byte-count"),
        (None, "", "hash-count"),
        (2, "value", "type-error"),
        (3, "char_start", "type-error"),
        (4, "quote", "constraint-error"),
        (5, "unit", "constraint-error"),
        (6, "period", "constraint-error"),
        (7, "mentions", "constraint-error"),
        (8, "", "foreign-key"),
        (last, "observation_id", "unique-error"),
        (last, "", "primary-key"),
    }


def test_the_columnar_engine_ran_and_did_not_hand_over(tmp_path: Path) -> None:
    descriptor = copy_package(tmp_path)
    edit_csv(descriptor, "observations", plant_every_kind)
    assert findings(validate_columnar(load_descriptor(descriptor), descriptor.parent, descriptor))  # type: ignore[arg-type]


def test_a_row_rule_is_reported_by_both_engines(tmp_path: Path) -> None:
    descriptor = copy_package(tmp_path)

    def above_its_upper_bound(rows: list[list[str]]) -> None:
        set_cell(rows, 3, "upper_bound", "1")  # value 93.82 > 1
        set_cell(rows, 5, "char_end", rows[4][rows[0].index("char_start")])  # an empty quote span

    edit_csv(descriptor, "observations", above_its_upper_bound, reseal=True)
    columnar = validate(descriptor, engine="columnar")
    assert findings(columnar) == findings(validate(descriptor, engine="frictionless"))
    assert sorted((p.row, p.code) for p in columnar) == [(3, "schema-violation"), (5, "schema-violation")]


def test_the_shipped_package_is_valid_in_both_engines() -> None:
    descriptor = PACKAGE / "datapackage.json"
    assert validate(descriptor, engine="columnar") == validate(descriptor, engine="frictionless") == []


@pytest.mark.parametrize(
    "change",
    [
        {"dialect": {"delimiter": ";"}},
        {"encoding": "gb18030"},
        {"schema": {"fields": [{"name": "a", "type": "date"}]}},
    ],
)
def test_what_it_does_not_read_goes_to_frictionless(change: dict[str, object]) -> None:
    resource = {"name": "a", "path": "a.csv", "schema": {"fields": [{"name": "a"}]}, **change}
    assert not supports({"resources": [resource]})


def test_a_ragged_row_is_handed_to_frictionless(tmp_path: Path) -> None:
    descriptor = copy_package(tmp_path)
    edit_csv(descriptor, "counties", lambda rows: rows[1].append("extra"), reseal=True)
    with pytest.raises(Unsupported):
        validate_columnar(load_descriptor(descriptor), descriptor.parent, descriptor)  # type: ignore[arg-type]
    assert findings(validate(descriptor)) == findings(validate(descriptor, engine="frictionless"))
    assert "frictionless/extra-cell" in {p.code for p in validate(descriptor)}


def test_every_row_rule_states_a_check_of_the_models() -> None:
    from county_data.package.row_rules import ROW_RULES
    from county_data.tables.models import TABLES

    for name, model in TABLES.items():
        checks = sorted((str(check.name), str(check.error)) for check in model.to_schema().checks)
        assert checks == sorted((rule.check, rule.error) for rule in ROW_RULES.get(name, ())), name


#: (value, lower_bound, upper_bound, char_start, char_end) of one row, chosen at the edges of the rules
ROW_RULE_EDGES = [
    ("5", "5", "5", "0", "1"),  # equal bounds pass
    ("5", "", "", "3", "4"),  # no bounds
    ("5", "6", "", "3", "4"),  # below its lower bound
    ("5", "", "4.99", "3", "4"),  # above its upper bound
    ("5", "nan", "nan", "3", "4"),  # NaN bounds are no bounds
    ("inf", "1", "inf", "3", "4"),
    ("-inf", "-inf", "1e400", "3", "4"),
    ("5", "1", "9", "4", "4"),  # an empty span
    ("5", "1", "9", "9", "4"),  # a span that runs backwards
]


def test_the_row_rules_break_the_rows_pandera_breaks(tmp_path: Path) -> None:
    descriptor = copy_package(tmp_path)

    def plant(rows: list[list[str]]) -> None:
        for row, cells in enumerate(ROW_RULE_EDGES, start=2):
            for column, value in zip(
                ("value", "lower_bound", "upper_bound", "char_start", "char_end"), cells, strict=True
            ):
                set_cell(rows, row, column, value)

    edit_csv(descriptor, "observations", plant, reseal=True)
    columnar = validate(descriptor, engine="columnar")
    assert findings(columnar) == findings(validate(descriptor, engine="frictionless"))
    assert sorted({p.row or 0 for p in columnar}) == [4, 5, 9, 10]


def copies(tmp_path: Path, count: int) -> list[Path]:
    """``count`` copies of the shipped package, as a build writes many packages of the same tables."""
    descriptors = []
    for index in range(count):
        shutil.copytree(PACKAGE, tmp_path / f"p{index}")
        descriptors.append(tmp_path / f"p{index}" / "datapackage.json")
    return descriptors


def test_packages_read_together_report_what_frictionless_finds_in_each(tmp_path: Path) -> None:
    planted, clean, ruled = copies(tmp_path, 3)
    edit_csv(planted, "observations", plant_every_kind)
    edit_csv(ruled, "mentions", lambda rows: set_cell(rows, 4, "char_end", "0"), reseal=True)
    together = validate_many([planted, clean, ruled])
    assert [findings(found) for found in together] == [
        findings(validate(descriptor, engine="frictionless")) for descriptor in (planted, clean, ruled)
    ]
    assert len(together[0]) == 11 and together[1] == []
    assert [(p.row, p.code) for p in together[2]] == [(4, "schema-violation")]
    assert {p.path for found in together for p in found} == {str(planted), str(ruled)}  # each names its own


def test_keys_are_compared_within_each_package_not_across(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    groups: list[int] = []
    read_together = columnar._validate_group

    def counted(targets: list[columnar.Target], row_rules: bool) -> list[list[Problem] | None]:
        groups.append(len(targets))
        return read_together(targets, row_rules)

    monkeypatch.setattr(columnar, "_validate_group", counted)
    # every copy repeats the others' observation ids and cites their metrics: none of that is an error
    assert validate_many(copies(tmp_path, 4)) == [[], [], [], []]
    assert groups == [4]  # read in one pass, not handed back package by package


def test_a_package_the_engine_cannot_read_goes_to_frictionless_alone(tmp_path: Path) -> None:
    ragged, clean = copies(tmp_path, 2)
    edit_csv(ragged, "counties", lambda rows: rows[1].append("extra"), reseal=True)
    found = validate_many([ragged, clean])
    assert "frictionless/extra-cell" in {p.code for p in found[0]}
    assert found[1] == []


def test_rows_spanning_lines_keep_their_numbers_when_files_are_read_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    joined: list[bool] = []
    join = columnar._joined

    def spied(*args: object) -> object:
        result = join(*args)  # type: ignore[arg-type]
        joined.append(result is not None)
        return result

    monkeypatch.setattr(columnar, "_joined", spied)
    first, second, third = copies(tmp_path, 3)

    def line_break_then_bad_value(rows: list[list[str]]) -> None:
        set_cell(rows, 3, "note", "a note\non two lines")
        set_cell(rows, 5, "value", "ninety")

    edit_csv(first, "observations", line_break_then_bad_value, reseal=True)
    edit_csv(second, "observations", lambda rows: set_cell(rows, 4, "unit", "furlong"), reseal=True)
    path = third.parent / "data" / "observations.csv"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # no final newline
    seal(third, "observations")
    together = validate_many([first, second, third])
    assert joined and all(joined)  # every table was read joined: line breaks in cells, no final newline
    assert [findings(found) for found in together] == [
        findings(validate(descriptor, engine="frictionless")) for descriptor in (first, second, third)
    ]
    assert [(p.row, p.field) for p in together[0]] == [(5, "value")]
    assert [(p.row, p.field) for p in together[1]] == [(4, "unit")]
    assert together[2] == []
