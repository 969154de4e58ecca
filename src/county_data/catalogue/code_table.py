"""A county against the official code table (GB/T 2260, :mod:`county_data.catalogue.gb2260`).

The code must be a county-level code in use in the report's year, and the
county's Chinese name, prefecture and province must be the table's for that
code and year. The report's year is the latest publication year of the
county's sources; where no source gives a date, the last year its
observations' periods name; where neither, the table's current codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from county_data.catalogue.county import County
from county_data.catalogue.gb2260 import CodeRecord, record_in, records_of
from county_data.errors import Problem

_YEAR = re.compile(r"\d{4}")
#: the table's current codes, where the report gives no year at all
CURRENT = 9999


def report_year(county: County, periods: Iterable[str] = ()) -> int:
    """The year the county's code must be valid in (see the module's docstring)."""
    published = [int(s.published[:4]) for s in county.sources if s.published]
    if published:
        return max(published)
    named = [int(year) for period in periods for year in _YEAR.findall(period)]
    return max(named) if named else CURRENT


def code_table_problems(county: County, year: int) -> list[Problem]:
    """The ways ``county`` disagrees with GB/T 2260 in ``year``; empty when it agrees."""
    path = str(county.root / county.file)
    record = record_in(county.code, year)
    if record is None:
        return [_unknown(county, year, path)]
    stated = (("name_zh", county.name_zh, record.name), ("prefecture_zh", county.prefecture_zh, record.prefecture),
              ("province_zh", county.province_zh, record.province))  # fmt: skip
    return [
        _mismatch(county, year, path, field, found, expected)
        for field, found, expected in stated
        if expected and found != expected
    ]


def _when(year: int) -> str:
    return "today" if year == CURRENT else f"in {year}"


def _unknown(county: County, year: int, path: str) -> Problem:
    spans = "; ".join(_span(r) for r in records_of(county.code)) or "never a GB/T 2260 code"
    message = f"county code must be a county-level GB/T 2260 code in use {_when(year)} (got {county.code!r}: {spans})"
    return Problem("county-code-unknown", message, path=path, line=county.line("code"), field="code", found=county.code)


def _span(record: CodeRecord) -> str:
    end = f"until {record.end_year}" if record.end_year else "in use"
    return f"{record.name} ({record.level}) from {record.first_year}, {end}"


def _mismatch(county: County, year: int, path: str, field: str, found: str, expected: str) -> Problem:
    message = (
        f"county {field} must be {expected!r}, as GB/T 2260 names code {county.code} {_when(year)} (got {found!r})"
    )
    return Problem(
        "county-code-mismatch", message, path=path, line=county.line(field), field=field, found=found, expected=expected
    )
