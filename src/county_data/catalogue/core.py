"""The core catalogue shipped with county_data: metrics every county may report, and their relations."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from county_data.catalogue.metric import Metric, MetricSpec, read_specs
from county_data.catalogue.relations import Relation, read_relations, share_relations

CORE_FILE = Path(__file__).with_name("core_metrics.yaml")


@cache
def _core_specs() -> tuple[MetricSpec, ...]:
    return tuple(read_specs(CORE_FILE))


def metrics() -> list[MetricSpec]:
    """The core catalogue: one entry per meaning, each with the kinds it is reported in."""
    return list(_core_specs())


def core_metrics() -> list[Metric]:
    """The core catalogue as the metrics observations point at: one per kind of each entry."""
    return [metric for spec in _core_specs() for metric in spec.metrics()]


@cache
def core_ids() -> frozenset[str]:
    """Every id the core catalogue gives, the ids of further kinds (``gdp_real_growth``) included."""
    return frozenset(metric.id for metric in core_metrics())


@cache
def core_relations() -> tuple[Relation, ...]:
    """The relations declared in the core catalogue, and one per entry reported as a share of a whole."""
    declared = read_relations(CORE_FILE, core_ids())
    return (*declared, *share_relations(_core_specs()))
