"""Every figure in the package is traceable: its quote equals the frozen text at its offsets."""

import csv
import json
from pathlib import Path

import pytest

from core_paths import PACKAGE


def read_table(name: str) -> list[dict[str, str]]:
    with (PACKAGE / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def source_texts() -> dict[str, str]:
    texts = {}
    for row in read_table("sources"):
        texts[row["source_id"]] = (PACKAGE / row["path"]).read_bytes().decode("utf-8")
    return texts


TEXTS = source_texts()
ROWS = [(table, row) for table in ("observations", "mentions", "honours") for row in read_table(table)]


@pytest.mark.parametrize(
    ("table", "row"),
    ROWS,
    ids=[
        f"{t}:{r.get('observation_id') or r.get('record_id') or r.get('honour_id')}@{r['char_start']}" for t, r in ROWS
    ],
)
def test_quote_equals_frozen_text_at_offsets(table: str, row: dict[str, str]) -> None:
    text = TEXTS[row["source_id"]]
    assert text[int(row["char_start"]) : int(row["char_end"])] == row["quote"]


def test_every_observation_has_rows_in_mentions() -> None:
    mentions = read_table("mentions")
    for row in read_table("observations"):
        own = [m for m in mentions if m["record_id"] == row["observation_id"]]
        assert len(own) == int(row["mentions"])
        assert (row["char_start"], row["quote"]) in {(m["char_start"], m["quote"]) for m in own}


def test_surface_is_inside_the_quote_for_every_observation() -> None:
    for row in read_table("observations"):
        if row["method"] == "reported":
            assert row["surface"] in row["quote"]


def test_derived_rows_recompute_from_the_rows_they_name() -> None:
    from county_data.annotation.formulas import evaluate

    rows = {row["observation_id"]: row for row in read_table("observations")}
    derived = [row for row in rows.values() if row["method"] == "derived"]
    assert derived, "the 2020 air-quality share is derived"
    for row in derived:
        values = {ref: float(rows[ref]["value"]) for ref in row["derived_from"].split()}
        assert evaluate(row["formula"], values) == pytest.approx(float(row["value"]))


def test_facts_stated_twice_are_one_observation_with_both_places() -> None:
    rows = {row["observation_id"]: row for row in read_table("observations")}
    assert rows["fireworks-patents"]["mentions"] == "2"
    assert rows["fireworks-new-products"]["mentions"] == "2"


def test_shipped_text_is_an_exact_copy_of_the_shared_report() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "reports" / "shangli" / "000_785c74f41207e478.txt"
    if not shared.exists():
        pytest.skip("../shared/reports is not beside this checkout")
    assert (PACKAGE / "sources" / shared.name).read_bytes() == shared.read_bytes()
    descriptor = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["sources"][0]["sha256"] == __import__("hashlib").sha256(shared.read_bytes()).hexdigest()
