"""The Jinja2 environment of the site: templates shipped as package data, autoescaped, no clock, no I/O."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("county_data.site", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render(template: str, **context: Any) -> str:
    return str(environment().get_template(template).render(**context))
