"""``county-data new``: a report becomes a plugin distribution for a person to review.

Load (the report, the code table) → draft (the quantity reader's figures as annotation
entries with TODO markers) → render (Jinja2 templates) → save (one atomic write of the
whole folder). A shipped report is copied as UTF-8; a cited one is identified by the
sha256 and size of the file given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from county_data.catalogue.county import SLUG
from county_data.catalogue.gb2260 import CodeRecord, record_in, records_of
from county_data.errors import CountyDataError, Problem

#: the source kinds whose texts may ship: official documents of state organs (PRC Copyright Law, Art. 5)
SHIPPABLE_KINDS = ("statistical_bulletin", "work_report")


class ScaffoldError(CountyDataError, ValueError):
    """``county-data new`` cannot write the plugin asked for."""


@dataclass(frozen=True, slots=True)
class Request:
    """What ``county-data new`` was asked for."""

    slug: str
    code: str
    report: Path
    out: Path
    kind: str = "statistical_bulletin"
    ship: bool | None = None  # None: ship exactly the kinds in SHIPPABLE_KINDS
    year: int | None = None
    title: str = ""
    url: str = ""

    @property
    def ships(self) -> bool:
        return self.kind in SHIPPABLE_KINDS if self.ship is None else self.ship

    @property
    def module(self) -> str:
        return "county_data_" + self.slug.replace("-", "_")


def new_plugin(request: Request) -> Path:
    """Write the distribution ``county-data-SLUG`` into ``request.out``; returns its folder."""
    from county_data.output import replacing

    record = _code_record(request)
    _check_request(request)
    files = _files(request, record)
    target = request.out / f"county-data-{request.slug}"
    with replacing(target, "folder", force=False, error=ScaffoldError) as staging:
        for name, data in sorted(files.items()):
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
    return target


def _check_request(request: Request) -> None:
    if not SLUG.match(request.slug):
        _refuse("bad-slug", f"slug must be lower-case ascii letters, digits and '-' (got {request.slug!r})", "slug")
    if not request.ships and not request.url:
        _refuse("missing-url", "a cited (not shipped) report must have --url (got none)", "url")


def _code_record(request: Request) -> CodeRecord:
    """The county-level record of the code: in ``year`` when given, else the latest."""
    if request.year is not None:
        record = record_in(request.code, request.year)
    else:
        county_level = [r for r in records_of(request.code) if r.level == "县级"]
        record = county_level[-1] if county_level else None
    if record is None:
        when = f" in {request.year}" if request.year else ""
        message = f"code must be a county-level GB/T 2260 code{when} (got {request.code!r})"
        raise ScaffoldError(Problem("code-not-in-table", message, field="code", found=request.code))
    return record


def _refuse(code: str, message: str, field: str) -> None:
    raise ScaffoldError(Problem(code, message, field=field))


def _files(request: Request, record: CodeRecord) -> dict[str, bytes]:
    from county_data.scaffold.render import render_files

    return render_files(request, record)
