"""docs/catalogue.md: the core catalogue as tables, one per topic (a test keeps the file equal)."""

from __future__ import annotations

from collections.abc import Sequence

from county_data.catalogue.kinds import kind_id, unit_of_kind
from county_data.catalogue.metric import MetricSpec
from county_data.catalogue.relations import Relation
from county_data.catalogue.topics import TOPICS
from county_data.catalogue.units import UNITS

INTRO = """# The core metric catalogue

Generated from `src/county_data/catalogue/core_metrics.yaml` by
`county_data.catalogue.render.render_catalogue()`; `county_data.metrics()` lists the same
entries. Values are stored in the base unit; the stated unit is how reports usually write
them. Each entry may be reported in several kinds: the first keeps the bare id, each
further kind is the metric `<id>_<kind>`, in percent for `growth`, `real_growth` and
`share`, percentage points for the `change` of a percentage, `rank` for a rank and
`times` for a `multiple` (see `county_data.catalogue.kinds`). County-specific metrics live
in the county's plugin under its namespace, `<county slug>.<id>`. The other names a
report may use (`aliases`) follow the Chinese label; `county-data new` suggests a metric
by these names. A relation named in reports is a structure, a whole reported as a ratio of
its parts (三次产业结构为14.4:41.4:44.2): `county-data new` suggests the k-th part of a
ratio so named as the k-th term of its sum.
"""


def render_catalogue(specs: Sequence[MetricSpec], relations: Sequence[Relation]) -> str:
    """The Markdown page: topics, one table per topic, then the relations checked at build."""
    lines = [INTRO, f"{len(specs)} entries, {sum(len(s.kinds) for s in specs)} metrics.", "", "## Topics", ""]
    lines += ["| topic | 中文 | English |", "|---|---|---|"]
    lines += [f"| `{code}` | {zh} | {en} |" for code, (zh, en) in TOPICS.items()]
    for code, (zh, en) in TOPICS.items():
        chosen = [spec for spec in specs if spec.topic == code]
        if chosen:
            lines += ["", f"## {en} ({zh})", "", "| id | 中文 | English | unit | kinds | range | definition |"]
            lines += ["|---|---|---|---|---|---|---|", *(_row(spec) for spec in chosen)]
    lines += ["", "## Relations checked at build", ""]
    lines += ["| relation | holds | tolerance | named in reports |", "|---|---|---|---|"]
    lines += [f"| `{r.id}` | `{r.holds.strip()}` | {r.tolerance:g} | {'、'.join(r.names)} |" for r in relations]
    return "\n".join(lines) + "\n"


def _row(spec: MetricSpec) -> str:
    unit = _unit(spec.unit, spec.measure_word)
    if spec.stated_unit:
        unit += f" (stated in {spec.stated_unit})"
    kinds = "<br>".join(_kind(spec, kind) for kind in spec.kinds)
    names = "<br>".join([spec.label_zh, *(f"also {alias}" for alias in spec.aliases)])
    cells = [f"`{spec.id}`", names, spec.label_en, unit, kinds, _range(spec), spec.definition]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _kind(spec: MetricSpec, kind: str) -> str:
    own = spec.kinds[0]
    unit = unit_of_kind(kind, spec.unit)
    whole = f" of `{spec.share_of}`" if kind == "share" else ""
    return f"{kind}{whole}: `{kind_id(spec.id, kind, own)}` ({_unit(unit, spec.measure_word)})"


def _unit(code: str, measure_word: str) -> str:
    symbol = measure_word if code == "count" else UNITS[code][0]
    return f"{code} {symbol}".strip()


def _range(spec: MetricSpec) -> str:
    if spec.min_value is None and spec.max_value is None:
        return ""
    low = "" if spec.min_value is None else f"{spec.min_value:g}"
    high = "" if spec.max_value is None else f"{spec.max_value:g}"
    return f"{low}..{high}"
