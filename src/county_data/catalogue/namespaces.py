"""Whose metric is it: core ids are shared, county-specific ids carry the county's slug.

A plugin uses core metrics by id and never declares them again; each metric it
declares lives under the namespace of a county it provides
(``liuyang.fireworks_output_value``), so two plugins can never claim one id.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from county_data.catalogue.metric import NAMESPACE_SEPARATOR, Metric
from county_data.errors import Problem


def namespace_problems(
    core_ids: Collection[str], plugin: str, slugs: Collection[str], metrics: Iterable[Metric]
) -> list[Problem]:
    """Metrics of ``plugin`` (which provides the counties ``slugs``) that reuse a core id or lack a namespace."""
    problems = []
    for metric in metrics:
        if metric.id in core_ids:
            problems.append(_reused(plugin, slugs, metric))
        elif metric.namespace not in slugs:
            problems.append(_outside(plugin, slugs, metric))
    return problems


def _expected(slugs: Collection[str]) -> str:
    names = [f"'{slug}{NAMESPACE_SEPARATOR}'" for slug in sorted(slugs)]
    return " or ".join(names) if names else "the slug of a county the plugin provides (it provides none)"


def _reused(plugin: str, slugs: Collection[str], metric: Metric) -> Problem:
    message = (
        f"plugin {plugin!r}: metric {metric.id!r} is a core metric; use it by id and remove it from the "
        f"plugin's metrics, or give a metric of another meaning an id under {_expected(slugs)}"
    )
    return Problem("metric-reuses-core-id", message, path=plugin, field="id", found=metric.id, expected="a new id")


def _outside(plugin: str, slugs: Collection[str], metric: Metric) -> Problem:
    expected = _expected(slugs)
    message = f"plugin {plugin!r}: metric id must start with {expected} (got {metric.id!r})"
    return Problem("metric-outside-namespace", message, path=plugin, field="id", found=metric.id, expected=expected)
