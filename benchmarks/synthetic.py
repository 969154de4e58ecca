"""A synthetic national panel: every county-level division in use, five statistical bulletins each.

Run by hand (or import): python benchmarks/synthetic.py OUT [--counties N] [--seed S]

Each county gets what a real plugin ships: ``county.yaml`` (real GB/T 2260 code, names and
province from the code history the catalogue carries), one frozen bulletin a year with
sha256 and size, and ``annotations.yaml`` with every figure — in sentences and in a table —
as a curator would write it, using core catalogue metrics. Values come from a seeded
generator, so the same seed gives the same bytes. The counties are registered through one
plugin object (:class:`SyntheticCounties`), not 2,844 installed distributions; it announces
them from one index file (``counties.csv``: code, slug, names, folder), so that listing them
reads no county's files and each ``county.yaml`` is read when its county is used.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from county_data import CountyRef, announce_county, hookimpl

YEARS = (2020, 2021, 2022, 2023, 2024)
CODES = Path(__file__).resolve().parents[1] / "src" / "county_data" / "catalogue" / "data"
INDEX = "counties.csv"
INDEX_COLUMNS = ("code", "slug", "name_zh", "name_en", "folder")
INSTALLED = {"360322", "430181", "341825"}  # Shangli, Liuyang and Jingde, provided by real plugins

#: metric, how the bulletin words it, unit word, multiplier to base units, unit code, typical range
FIGURES = (
    ("gdp", "全年实现地区生产总值", "亿元", 100_000_000, "CNY", (50.0, 900.0)),
    ("general_budget_revenue", "一般公共预算收入", "亿元", 100_000_000, "CNY", (2.0, 60.0)),
    ("retail_sales", "社会消费品零售总额", "亿元", 100_000_000, "CNY", (20.0, 400.0)),
    ("population_resident", "年末常住人口", "万人", 10_000, "count", (5.0, 150.0)),
    ("urbanisation_rate", "常住人口城镇化率", "%", 1, "percent", (30.0, 90.0)),
)
TABLE = (
    ("fixed_asset_investment", "固定资产投资", "亿元", 100_000_000, "CNY", (20.0, 500.0)),
    ("grain_output", "粮食总产量", "万吨", 10_000, "tonne", (1.0, 90.0)),
    ("deposits", "金融机构本外币存款余额", "亿元", 100_000_000, "CNY", (50.0, 1500.0)),
)


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    prefecture: str
    province: str


def places(count: int) -> list[Place]:
    """The first ``count`` county-level codes in use (by code), without the installed counties."""
    with (CODES / "gb2260-county-codes-history.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = [r for r in csv.DictReader(file) if r["级别"] == "县级" and r["状态"] == "在用"]
    found = [Place(r["代码"], r["名称"], r["二级行政区"], r["一级行政区"]) for r in rows if r["代码"] not in INSTALLED]
    return sorted(found, key=lambda p: p.code)[:count]


def bulletin(place: Place, year: int, rng: random.Random) -> tuple[str, list[dict[str, object]]]:
    """The bulletin text of one county-year and its annotations (figures with quotes and offsets)."""
    text = f"{place.name}{year}年国民经济和社会发展统计公报\n\n一、综合\n\n"
    entries: list[dict[str, object]] = []
    for metric, words, unit_word, factor, unit, (low, high) in FIGURES:
        number = round(rng.uniform(low, high), 2)
        surface = f"{number:g}{unit_word}"
        sentence = f"{year}年，{words}{surface}。"
        entries.append(_entry(metric, year, number * factor, unit, surface, sentence, len(text), f"{year}年"))
        text += sentence
    text += "\n\n二、主要指标\n\n| 指标 | 数值 |\n| --- | --- |\n"
    for metric, words, unit_word, factor, unit, (low, high) in TABLE:
        number = round(rng.uniform(low, high), 1)
        surface = f"{number:g}{unit_word}"
        row = f"| {year}年{words} | {surface} |"
        entries.append(_entry(metric, year, number * factor, unit, surface, row, len(text), f"{year}年"))
        text += row + "\n"
    return text, entries


def in_the_name(text: str, name: str, source: str) -> list[dict[str, object]]:
    """Exclusions, as a curator writes them, of figures the reader finds in the place name that opens
    ``text`` (三台县 read as "three units", 五家渠市 as "five households")."""
    from county_data.quantity.extract import extract_quantities

    found = [q for q in extract_quantities(text) if q.end <= len(name)]
    return [
        {"source": source, "quote": q.surface, "start": q.start, "end": q.end, "reason": "part of the place name"}
        for q in found
    ]


def _entry(
    metric: str, year: int, value: float, unit: str, surface: str, quote: str, start: int, period_text: str
) -> dict[str, object]:
    return {
        "id": f"{metric.replace('_', '-')}-{year}",
        "metric": metric,
        "value": round(value, 6),
        "unit": unit,
        "surface": surface,
        "qualifier": "exact",
        "period": str(year),
        "period_text": period_text,
        "mentions": [{"source": f"bulletin-{year}", "quote": quote, "start": start, "end": start + len(quote)}],
    }


def write_county(root: Path, place: Place, seed: int) -> Path:
    """Write one county folder (county.yaml, annotations.yaml, five bulletins); returns it."""

    rng = random.Random(f"{seed}-{place.code}")
    folder = root / f"c{place.code}"
    folder.mkdir(parents=True, exist_ok=True)
    sources, observations, excluded = [], [], []
    for year in YEARS:
        text, entries = bulletin(place, year, rng)
        data = text.encode("utf-8")
        name = f"bulletin-{year}.txt"
        (folder / name).write_bytes(data)
        sources.append(_source(place, year, name, data))
        observations += entries
        excluded += in_the_name(text, place.name, f"bulletin-{year}")
    county = {
        "version": "0.1.0",
        "licence": "CC-BY-4.0",
        "annotations": "annotations.yaml",
        "county": {
            "code": place.code,
            "slug": f"c{place.code}",
            "name_zh": place.name,
            "name_en": name_en(place),
            "prefecture_zh": place.prefecture or place.province,
            "prefecture_en": f"Prefecture {place.code[:4]}",
            "province_zh": place.province,
            "province_en": f"Province {place.code[:2]}",
        },
        "sources": sources,
    }
    (folder / "county.yaml").write_text(_yaml(county), encoding="utf-8")
    annotations = {"source": "bulletin-2024", "observations": observations, "excluded": excluded}
    (folder / "annotations.yaml").write_text(_yaml(annotations), encoding="utf-8")
    return folder


def name_en(place: Place) -> str:
    return f"County {place.code}"


def write_index(root: Path, written: list[Place]) -> None:
    """The index a plugin announces its counties from, one row a county in code order."""
    with (root / INDEX).open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(INDEX_COLUMNS)
        writer.writerows((p.code, f"c{p.code}", p.name, name_en(p), f"c{p.code}") for p in written)


def _yaml(data: object) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _source(place: Place, year: int, name: str, data: bytes) -> dict[str, object]:
    return {
        "id": f"bulletin-{year}",
        "kind": "statistical_bulletin",
        "title": f"{place.name}{year}年国民经济和社会发展统计公报",
        "subject": place.name,
        "language": "zh-Hans",
        "outlet": f"{place.name}统计局",
        "published": f"{year + 1}-03-31",
        "url": "",
        "licence": "Synthetic text generated for benchmarks.",
        "path": name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def generate(root: Path, counties: int, seed: int = 0) -> list[Path]:
    """Write ``counties`` synthetic county folders and their index under ``root``; returns the folders in code order."""
    chosen = places(counties)
    folders = [write_county(root, place, seed) for place in chosen]
    write_index(root, chosen)
    return folders


class SyntheticCounties:
    """One plugin that announces every county of the index under ``root`` (register with ``load_registry(extra=...)``)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @hookimpl  # type: ignore[untyped-decorator]
    def county_data_counties(self, context: object) -> Iterator[CountyRef]:
        with (self.root / INDEX).open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                announced = {key: row[key] for key in ("code", "slug", "name_zh", "name_en")}
                yield announce_county(self.root / row["folder"], **announced)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--counties", type=int, default=2844)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    print(f"wrote {len(generate(options.out, options.counties, options.seed))} counties under {options.out}")


if __name__ == "__main__":
    main()
