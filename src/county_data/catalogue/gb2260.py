"""GB/T 2260 division codes through time: which code named which county, and when.

Read from the code history shipped as package data (see ``data/README.md`` for
its origin). A record is in use from its first year (inclusive) to its change
year (exclusive); one code may name different places in different years.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

HISTORY_FILE = "gb2260-county-codes-history.csv"
COLUMNS = ("代码", "一级行政区", "二级行政区", "名称", "级别", "状态", "启用时间", "变更/弃用时间", "新代码")


@dataclass(frozen=True, slots=True)
class CodeRecord:
    """One code with one name over one span of years."""

    code: str
    province: str
    prefecture: str
    name: str
    level: str
    first_year: int
    end_year: int | None
    replaced_by: tuple[str, ...]

    def in_use(self, year: int) -> bool:
        return self.first_year <= year and (self.end_year is None or year < self.end_year)


@cache
def history() -> dict[str, tuple[CodeRecord, ...]]:
    """Every record of the code history, by code, oldest first."""
    text = files("county_data.catalogue").joinpath("data", HISTORY_FILE).read_text(encoding="utf-8-sig")
    rows = csv.DictReader(text.splitlines())
    by_code: dict[str, list[CodeRecord]] = {}
    for row in rows:
        record = _record(row)
        by_code.setdefault(record.code, []).append(record)
    return {code: tuple(sorted(records, key=lambda r: r.first_year)) for code, records in by_code.items()}


def _record(row: dict[str, str]) -> CodeRecord:
    code, province, prefecture, name, level, _, first, end, new = (row[column] for column in COLUMNS)
    return CodeRecord(
        code=code,
        province=province,
        prefecture=prefecture,
        name=name,
        level=level,
        first_year=int(first),
        end_year=int(end) if end else None,
        replaced_by=tuple(part for part in new.split(";") if part),
    )


def records_of(code: str) -> tuple[CodeRecord, ...]:
    """The records of ``code`` (empty when the code was never used)."""
    return history().get(code, ())


def record_in(code: str, year: int) -> CodeRecord | None:
    """The county-level record ``code`` had in ``year``, if it was in use then."""
    for record in records_of(code):
        if record.level == "县级" and record.in_use(year):
            return record
    return None
