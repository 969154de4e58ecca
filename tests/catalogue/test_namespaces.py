"""A plugin's metrics: core ids are used, never declared; own ids carry the county's slug."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from county_data import Metric
from county_data.catalogue.core import core_ids
from county_data.catalogue.metric import read_metrics
from county_data.catalogue.namespaces import namespace_problems


def metric(metric_id: str) -> Metric:
    return Metric(metric_id, "展会", "Fairs", "tourism", "count", "level", "Fairs held.", "场")


def test_a_namespaced_metric_of_the_plugins_county_is_accepted() -> None:
    assert namespace_problems(core_ids(), "county-data-x", {"xunwu"}, [metric("xunwu.fairs_held")]) == []


def test_a_plugin_that_declares_a_core_id_is_told_so() -> None:
    [problem] = namespace_problems(core_ids(), "county-data-x", {"xunwu"}, [metric("tourist_visits")])
    assert (problem.code, problem.path, problem.field, problem.found) == (
        "metric-reuses-core-id",
        "county-data-x",
        "id",
        "tourist_visits",
    )
    assert "core metric" in problem.message and "'xunwu.'" in problem.message


def test_a_kind_of_a_core_metric_is_a_core_id_too() -> None:
    [problem] = namespace_problems(core_ids(), "p", {"xunwu"}, [metric("gdp_real_growth")])
    assert problem.code == "metric-reuses-core-id"


def test_an_id_without_namespace_or_with_another_countys_is_refused() -> None:
    found = namespace_problems(core_ids(), "p", {"xunwu"}, [metric("fairs_held"), metric("liuyang.fairs_held")])
    assert [(p.code, p.found, p.expected) for p in found] == [
        ("metric-outside-namespace", "fairs_held", "'xunwu.'"),
        ("metric-outside-namespace", "liuyang.fairs_held", "'xunwu.'"),
    ]


def test_a_plugin_without_counties_has_no_namespace() -> None:
    [problem] = namespace_problems(core_ids(), "p", set(), [metric("xunwu.fairs_held")])
    assert "provides none" in problem.message


def test_the_liuyang_plugin_metrics_are_in_its_namespace() -> None:
    root = Path(__file__).resolve().parents[2] / "plugins" / "county-data-liuyang" / "src" / "county_data_liuyang"
    path = root / "metrics.yaml" if root.exists() else Path(str(files("county_data_liuyang") / "metrics.yaml"))
    assert namespace_problems(core_ids(), "liuyang", {"liuyang"}, read_metrics(path)) == []
