"""What each page shows, read from the packages: a county with its sources and rows, a metric across counties."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from county_data.diff.snapshot import Package, Row
from county_data.site.checks import CheckStatus, check_quotes
from county_data.site.figures import Figure, figures, honour_anchor, interval, links, observation_anchor


@dataclass(frozen=True)
class CountyView:
    """One package as the site shows it."""

    slug: str
    package: Package
    county: Row
    sources: tuple[dict[str, Any], ...]
    marks: tuple[Figure, ...]
    status: CheckStatus
    links: Mapping[str, str]

    @property
    def version(self) -> str:
        return str(self.package.descriptor.get("version", ""))

    def marks_in(self, source_id: str) -> list[Figure]:
        return [mark for mark in self.marks if mark.source_id == source_id]


def text_page(source_id: str) -> str:
    return f"text-{source_id}.html"


def county_view(slug: str, package: Package) -> CountyView:
    pages = {row["source_id"]: text_page(row["source_id"]) for row in package.rows("sources")}
    marks = tuple(figures(package, pages))
    sources = tuple(
        {**row, "page": pages[row["source_id"]], "shipped": row["source_id"] in package.texts}
        for row in sorted(package.rows("sources"), key=lambda row: row["source_id"])
    )
    counties = package.rows("counties")
    return CountyView(
        slug,
        package,
        counties[0] if counties else {},
        sources,
        marks,
        check_quotes(package, marks),
        links(package, pages),
    )


def observation_rows(view: CountyView) -> list[dict[str, Any]]:
    """The county table: each observation with its metric's labels, interval and link to its mark."""
    metrics = {row["metric_id"]: row for row in view.package.rows("metrics")}
    rows = []
    for row in view.package.rows("observations"):
        metric = metrics.get(row["metric_id"], {})
        rows.append(
            {
                **row,
                "label_zh": metric.get("label_zh", ""),
                "label_en": metric.get("label_en", ""),
                "topic": metric.get("topic", ""),
                "interval": interval(row),
                "inputs": row.get("derived_from", "").split(),
                "link": view.links[observation_anchor(row["observation_id"])],
            }
        )
    return sorted(rows, key=lambda r: (r["topic"], r["metric_id"], r["period"], r["observation_id"]))


def honour_rows(view: CountyView) -> list[dict[str, Any]]:
    rows = [{**row, "link": view.links[honour_anchor(row["honour_id"])]} for row in view.package.rows("honours")]
    return sorted(rows, key=lambda r: r["honour_id"])


def filter_columns(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, list[str]]]:
    """(attribute, label, values) of each select above the county table."""
    names = (("topic", "topic"), ("metric", "metric_id"), ("period", "period"), ("qualifier", "qualifier"))
    return [(name, name, sorted({str(row[column]) for row in rows})) for name, column in names]


def period_coverage(package: Package) -> str:
    periods = sorted({row["period"] for row in package.rows("observations")} - {"unknown"})
    unknown = sum(1 for row in package.rows("observations") if row["period"] == "unknown")
    dated = ", ".join(periods) if periods else "none dated"
    return f"{dated}; {unknown} undated" if unknown else dated


def metric_views(views: Sequence[CountyView]) -> list[dict[str, Any]]:
    """Each metric any package uses, with its rows from every county side by side."""
    catalogue: dict[str, Row] = {}
    rows: dict[str, list[dict[str, Any]]] = {}
    for view in views:
        for metric in view.package.rows("metrics"):
            catalogue.setdefault(metric["metric_id"], metric)
        for row in observation_rows(view):
            rows.setdefault(row["metric_id"], []).append(_metric_row(view, row))
    return [_metric(catalogue.get(metric_id, {"metric_id": metric_id}), rows[metric_id]) for metric_id in sorted(rows)]


def _metric_row(view: CountyView, row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "slug": view.slug,
        "county_zh": view.county.get("name_zh", ""),
        "county_en": view.county.get("name_en", ""),
        "link": f"../{view.slug}/{row['link']}",
    }


def _metric(metric: Row, rows: list[dict[str, Any]]) -> dict[str, Any]:
    ordered = sorted(rows, key=lambda r: (r["slug"], r["period"], r["observation_id"]))
    qualifiers = {row["qualifier"] for row in ordered}
    return {
        **{key: "" for key in ("label_zh", "label_en", "topic", "unit", "measure_kind", "definition")},
        **metric,
        "rows": ordered,
        "counties": len({row["slug"] for row in ordered}),
        "mixed": qualifiers != {"exact"} and len(ordered) > 1,
    }
