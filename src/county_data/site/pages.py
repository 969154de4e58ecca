"""Process: every page of the site as text, by its path in the site."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from county_data.site.figures import Figure
from county_data.site.marks import Span, mark_text, open_tag
from county_data.site.templating import render
from county_data.site.views import (
    CountyView,
    filter_columns,
    honour_rows,
    metric_views,
    observation_rows,
    period_coverage,
)


def site_pages(views: Sequence[CountyView], diff_from: str = "") -> dict[str, str]:
    """index.html, each county's table and texts, and each metric across counties."""
    pages = {"index.html": index_page(views, diff_from)}
    for view in views:
        pages[f"{view.slug}/index.html"] = county_page(view)
        for source in view.sources:
            pages[f"{view.slug}/{source['page']}"] = text_page(view, source)
    metrics = metric_views(views)
    pages["metrics/index.html"] = render("metrics.html.j2", root="../", metrics=metrics)
    for metric in metrics:
        pages[f"metrics/{metric['metric_id']}.html"] = render("metric.html.j2", root="../", metric=metric)
    return pages


def index_page(views: Sequence[CountyView], diff_from: str = "") -> str:
    counties = [
        {
            "slug": view.slug,
            "county": view.county,
            "sources": view.sources,
            "observations": len(view.package.rows("observations")),
            "honours": len(view.package.rows("honours")),
            "periods": period_coverage(view.package),
            "status": view.status,
        }
        for view in views
    ]
    return render("index.html.j2", root="", counties=counties, diff_from=diff_from)


def county_page(view: CountyView) -> str:
    rows = observation_rows(view)
    return render(
        "county.html.j2",
        root="../",
        county=view.county,
        version=view.version,
        status=view.status,
        sources=view.sources,
        observations=rows,
        honours=honour_rows(view),
        filter_columns=filter_columns(rows),
    )


def text_page(view: CountyView, source: dict[str, Any]) -> str:
    marks = view.marks_in(source["source_id"])
    text = view.package.texts.get(source["source_id"])
    return render(
        "text.html.j2",
        root="../",
        county=view.county,
        source=source,
        marks=marks,
        stores=_stores(view, marks),
        text=None if text is None else mark_text(text, [_span(mark) for mark in marks]),
        missing=view.package.missing_texts.get(source["source_id"], ""),
        quotes=[_quote(mark) for mark in marks] if text is None else [],
    )


def _stores(view: CountyView, marks: Sequence[Figure]) -> list[Figure]:
    """One panel per figure marked on the page, also for a further mention whose first is on another page."""
    wanted = {mark.detail for mark in marks}
    return [mark for mark in view.marks if mark.kind != "mention" and mark.detail in wanted]


def _span(mark: Figure) -> Span:
    return Span(mark.start, mark.end, mark.anchor, mark.detail, mark.classes)


def _quote(mark: Figure) -> dict[str, Any]:
    """A quote on its own (its text is not shipped): the mark holds the quote, its offsets are the package's."""
    html = open_tag(_span(mark)) + escape(mark.quote) + Markup("</mark>")
    return {"start": mark.start, "end": mark.end, "html": html}
