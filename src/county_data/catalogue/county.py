"""A county: where it is, which sources speak of it, where its annotations live."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from county_data.catalogue.codes import is_county_code
from county_data.catalogue.yaml_file import line_of, plain, read_yaml, unknown_key_problems
from county_data.errors import AnnotationError, Problem
from county_data.scaffold.todo import todo_problems
from county_data.source.frozen import Section, Source

SLUG = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class County:
    """A county dataset as a plugin provides it; paths are inside ``root``."""

    code: str
    slug: str
    name_zh: str
    name_en: str
    prefecture_zh: str
    prefecture_en: str
    province_zh: str
    province_en: str
    root: Path
    annotations: Path
    sources: tuple[Source, ...]
    version: str = "0.1.0"
    licence: str = "CC-BY-4.0"
    #: the file and the line of each field of the ``county`` mapping, for messages
    file: str = "county.yaml"
    lines: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        check_code_and_slug(self.code, self.slug)
        base = self.root.resolve()
        for path in (self.annotations, *(s.path for s in self.sources if s.path)):
            _check_inside(base, path)

    def line(self, field: str) -> int | None:
        """The line of ``field`` (code, name_zh …) in the county file, when read from one."""
        return dict(self.lines).get(field)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)


#: the keys each mapping of county.yaml may have (one declaration per record type)
FILE_KEYS = ("version", "licence", "annotations", "county", "sources")
PLACE_KEYS = ("code", "slug", "name_zh", "name_en", "prefecture_zh", "prefecture_en", "province_zh", "province_en")
SOURCE_KEYS = tuple(Source.__dataclass_fields__)
SECTION_KEYS = ("quote", "start")


def check_code_and_slug(code: str, slug: str) -> None:
    """ValueError unless ``code`` is a GB/T 2260 county code and ``slug`` a lower-case ascii slug."""
    if not is_county_code(code):
        raise ValueError(f"county code must be 6 digits of GB/T 2260 (got {code!r})")
    if not SLUG.match(slug):
        raise ValueError(f"county slug must be lower-case ascii (got {slug!r})")


def _check_inside(base: Path, path: Path) -> None:
    """``path`` resolved (symbolic links followed) must lie under ``base``, resolved already."""
    if not path.resolve().is_relative_to(base):
        raise ValueError(f"resource path must stay inside {base} (got {path})")


def read_county(root: Path, filename: str = "county.yaml") -> County:
    """Read ``root/county.yaml``: the county, its sources and its annotation file."""
    path = root / filename
    data = read_yaml(path)
    unknown = _unknown_keys(data, path) or todo_problems(data, path)
    if unknown:
        raise AnnotationError(unknown)
    try:
        return _county_from(root, data, filename)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        message = f"missing field {error}" if isinstance(error, KeyError) else str(error)
        raise AnnotationError(Problem("bad-county", message, path=str(path), line=line_of(data))) from None


def _unknown_keys(data: object, path: Path) -> list[Problem]:
    """Keys no mapping of county.yaml knows, each named with its line and the nearest known key."""
    if not isinstance(data, dict):
        return []
    problems = unknown_key_problems(data, FILE_KEYS, path)
    problems += unknown_key_problems(data.get("county"), PLACE_KEYS, path, "county")
    sources = data.get("sources")
    for source in sources if isinstance(sources, list) else ():
        problems += unknown_key_problems(source, SOURCE_KEYS, path, "source")
        sections = source.get("sections") if isinstance(source, dict) else None
        for section in sections if isinstance(sections, list) else ():
            problems += unknown_key_problems(section, SECTION_KEYS, path, "section")
    return problems


def _county_from(root: Path, data: dict[str, Any], filename: str) -> County:
    place = data["county"]
    sources = tuple(_source_from(root, entry) for entry in data["sources"])
    return County(
        code=str(place["code"]),
        slug=place["slug"],
        name_zh=place["name_zh"],
        name_en=place["name_en"],
        prefecture_zh=place["prefecture_zh"],
        prefecture_en=place["prefecture_en"],
        province_zh=place["province_zh"],
        province_en=place["province_en"],
        root=root,
        annotations=root / data["annotations"],
        sources=sources,
        version=str(data.get("version", "0.1.0")),
        licence=data.get("licence", "CC-BY-4.0"),
        file=filename,
        lines=tuple((key, line) for key in PLACE_KEYS if (line := line_of(place, key)) is not None),
    )


def _source_from(root: Path, entry: dict[str, Any]) -> Source:
    fields = {key: value for key, value in plain(entry).items() if key not in ("sections", "path")}
    sections = tuple(Section(s["quote"], int(s["start"])) for s in entry.get("sections", ()))
    path = root / entry["path"] if entry.get("path") else None
    published = fields.pop("published", "") or ""
    return Source(**fields, published=str(published), path=path, sections=sections)
