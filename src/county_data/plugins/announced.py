"""Counties announced cheaply and read in full on first use.

A ``county_data_counties`` hook may yield a :class:`CountyRef` instead of a ``County``: the
code, slug and names (what ``county-data list`` prints and what conflicts are detected on) and
a loader that reads the full record (sources, texts, annotations) only when the county is
built, loaded, shown or verified. The registry keeps an eager ``County`` as a ref whose loader
returns it. The full record must agree with what was announced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from county_data.errors import CountyDataError, PluginError, Problem

if TYPE_CHECKING:
    from county_data.catalogue.county import County

#: the fields an announcement states and the full record must repeat
ANNOUNCED = ("code", "slug", "name_zh", "name_en")


@dataclass(frozen=True, slots=True)
class CountyRef:
    """A county as announced: enough to list it and key it; ``load()`` reads the full record."""

    code: str
    slug: str
    name_zh: str
    name_en: str
    load: Callable[[], County] = field(repr=False, compare=False)
    #: the file the full record is read from, for messages
    file: str = ""

    def __post_init__(self) -> None:
        from county_data.catalogue.county import check_code_and_slug

        check_code_and_slug(self.code, self.slug)

    @classmethod
    def of(cls, county: County) -> CountyRef:
        """An eager county, already read, as a ref."""
        return cls(county.code, county.slug, county.name_zh, county.name_en, partial(_itself, county), _file(county))


def announce_county(
    root: Path, *, code: str, slug: str, name_zh: str, name_en: str, filename: str = "county.yaml"
) -> CountyRef:
    """A county in folder ``root`` announced by its code, slug and names; ``root/filename`` is read on first use."""
    from county_data.catalogue.county import read_county

    return CountyRef(code, slug, name_zh, name_en, partial(read_county, root, filename), str(root / filename))


def read_announced(ref: CountyRef, plugin: str) -> County:
    """The full record of ``ref``, which must agree with it; errors name the county and ``plugin``."""
    note = invalid_county(ref.slug, ref.code, plugin, ref.file)
    try:
        county = ref.load()
    except CountyDataError as error:
        raise type(error)([note, *error.problems]) from None
    except Exception as error:  # a plugin's own loader: any failure is that plugin's
        reason = Problem("plugin-failed", f"plugin {plugin} failed: {type(error).__name__}: {error}", path=ref.file)
        raise PluginError([note, reason]) from None
    mismatches = _mismatches(ref, county, plugin)
    if mismatches:
        raise PluginError([note, *mismatches])
    return county


def invalid_county(slug: str, code: str, plugin: str, path: str = "") -> Problem:
    """The note that heads the problems of a county that cannot be read or assembled."""
    return Problem("county-invalid", f"county {slug!r} ({code}) from plugin {plugin} is invalid", path=path)


def _mismatches(ref: CountyRef, county: County, plugin: str) -> list[Problem]:
    return [
        Problem(
            "county-not-as-announced",
            f"plugin {plugin} announced {name} {expected!r}; the full record must say the same (got {found!r})",
            path=_file(county),
            line=county.line(name),
            field=name,
            found=found,
            expected=expected,
        )
        for name in ANNOUNCED
        if (found := getattr(county, name)) != (expected := getattr(ref, name))
    ]


def _itself(county: County) -> County:
    return county


def _file(county: County) -> str:
    return str(county.root / county.file)
