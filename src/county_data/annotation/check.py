"""One check of a county's annotations: every problem, from every rule, together.

The rules live beside this module, one concern each: ``fields`` (catalogue,
keys, ids, offsets), ``wording`` (the words say what the row says; every
figure accounted for), ``periods`` (each period is the period rule's, or overridden) and ``conflicts`` (sources agree) and ``relations`` (metrics that
follow from each other agree: sectors sum to GDP, shares to 100). A county builds only
when ``check`` returns nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from county_data.annotation.anchors import context_problems
from county_data.annotation.conflicts import conflict_problems
from county_data.annotation.entries import Annotations
from county_data.annotation.fields import check_annotations
from county_data.annotation.periods import period_problems
from county_data.annotation.relations import relation_problems
from county_data.annotation.wording import consistency_problems
from county_data.catalogue.code_table import code_table_problems, report_year
from county_data.catalogue.county import County
from county_data.catalogue.metric import Metric
from county_data.errors import Problem


def check(
    county: County,
    annotations: Annotations,
    metrics: Mapping[str, Metric],
    texts: Mapping[str, str],
    paths: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every problem of ``annotations``; ``paths`` names the file each text was read from.

    The county against the official code table and rules about single entries run
    first: the reader and cross-source rules
    assume entries that are well-formed, so they run only when those pass.
    """
    year = report_year(county, (entry.period for entry in annotations.observations))
    problems = code_table_problems(county, year) + check_annotations(annotations, metrics, texts, county.code)
    if problems:
        return problems
    from county_data.quantity import extract_quantities

    paths = paths or {s.id: str(s.path) for s in county.sources if s.path is not None}
    read = {source_id: extract_quantities(text) for source_id, text in texts.items()}  # once, for every rule
    return [
        *consistency_problems(annotations, texts, paths, read),
        *context_problems(annotations, texts),
        *period_problems(county, annotations, texts, read),
        *conflict_problems(annotations),
        *relation_problems(annotations, metrics),
    ]
