"""The diff as one self-contained HTML page, styled like the review site."""

from __future__ import annotations

from county_data.diff.bump import suggested_version
from county_data.diff.describe import label, percent, quote_text, value_text
from county_data.diff.model import DiffReport
from county_data.site.templating import render


def render_html(report: DiffReport) -> str:
    packages = [
        {"diff": package, "suggested": suggested_version(package.old_version, package.bump)}
        for package in report.packages
    ]
    return render(
        "diff.html.j2",
        root="",
        report=report,
        packages=packages,
        value_text=value_text,
        quote_text=quote_text,
        percent=percent,
        label=label,
    )
