"""The files of a new plugin distribution, rendered from the templates beside this module."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from county_data.source.frozen import read_report, sha256_of

if TYPE_CHECKING:
    import jinja2

    from county_data.catalogue.gb2260 import CodeRecord
    from county_data.scaffold.new import Request

TEMPLATES = {
    "pyproject.toml": "pyproject.toml.j2",
    "README.md": "README.md.j2",
    "src/{module}/__init__.py": "plugin.py.j2",
    "src/{module}/county.yaml": "county.yaml.j2",
    "src/{module}/metrics.yaml": "metrics.yaml.j2",
    "tests/test_{module}.py": "test_county.py.j2",
}


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    from county_data.annotation.draft import block_yaml

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("county_data.scaffold", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["yaml"] = lambda value: block_yaml({"v": value})[3:].rstrip("\n")
    return environment


def render_files(request: Request, record: CodeRecord) -> dict[str, bytes]:
    """Every file of the distribution by its path inside it, as bytes."""
    from county_data.annotation.draft import draft_entries, render_annotations
    from county_data.catalogue.core import core_metrics
    from county_data.periods.rule import text_context

    text, _ = read_report(request.report)
    shipped = text.encode("utf-8")
    original = request.report.read_bytes()
    data = shipped if request.ships else original
    source_id = f"{request.slug}-report"
    values = _values(request, record, source_id, sha256_of(data), len(data))
    files = {
        path.format(module=request.module): _environment().get_template(name).render(values).encode("utf-8")
        for path, name in TEMPLATES.items()
    }
    drafts = draft_entries(text, core_metrics(), text_context(request.kind, request.title))
    package = f"src/{request.module}"
    annotations = render_annotations(drafts, text, source_id, cited=not request.ships)
    files[f"{package}/annotations.yaml"] = annotations.encode("utf-8")
    if request.ships:
        files[f"{package}/{values['text_file']}"] = shipped
    return files


def _values(request: Request, record: CodeRecord, source_id: str, sha256: str, size: int) -> dict[str, Any]:
    return {
        "slug": request.slug,
        "module": request.module,
        "code": request.code,
        "year": record.first_year if request.year is None else request.year,
        "name_zh": record.name,
        "prefecture_zh": record.prefecture,
        "province_zh": record.province,
        "source_id": source_id,
        "kind": request.kind,
        "title": request.title or "TODO",
        "ship": request.ships,
        "url": request.url,
        "text_file": f"{source_id}.txt",
        "sha256": sha256,
        "bytes": size,
    }
