"""`county-data new` end to end: report → plugin → installed → build refuses the markers → resolved → builds.

The plugin is installed as pip would leave it for importlib.metadata: its ``src`` on
PYTHONPATH and a ``.dist-info`` whose entry point is read from the generated pyproject.toml.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from bad_input.harness import Outcome, assert_refused, run_cli
from core_paths import ROOT
from county_data.scaffold.todo import is_todo, suggestion_of

CORPUS = ROOT.parent / "shared" / "corpus"
JINGDE_TEXT = ROOT / "plugins" / "county-data-jingde" / "src" / "county_data_jingde" / "jingde-report.txt"
#: (slug, code, kind, report, a figure read by hand from the report: metric, period, value)
REPORTS = [
    ("jingde", "341825", "statistical_bulletin", JINGDE_TEXT, ("gdp", "2021", 6190000000.0)),
    (
        "fengqiu",
        "410727",
        "work_report",
        CORPUS / "08_fengqiu_gzbg_2025.txt",
        ("gdp", "2024", 23976000000.0),
    ),
]


def _install(dist: Path, site: Path) -> dict[str, str]:
    """What `pip install -e dist` gives importlib.metadata, as environment variables for the CLI."""
    project = tomllib.loads((dist / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [(name, module)] = project["entry-points"]["county_data"].items()
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir(parents=True)
    metadata = f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    (info / "METADATA").write_text(metadata, encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[county_data]\n{name} = {module}\n", encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(dist / "src"), str(site), os.environ.get("PYTHONPATH", "")]))
    return {"PYTHONPATH": path, "COUNTY_DATA_LOAD_PLUGINS": name, "COUNTY_DATA_STRICT_PLUGINS": "1"}


def _new(tmp_path: Path, slug: str, code: str, kind: str, report: Path, *more: str) -> Path:
    if not report.exists():
        pytest.skip(f"the corpus is not beside the repository ({report})")
    outcome = run_cli(
        "new", slug, "--code", code, "--report", str(report), "--kind", kind, "--out", str(tmp_path), *more
    )
    assert outcome.status == 0, outcome.stderr
    return tmp_path / f"county-data-{slug}"


def _resolve_county(path: Path, slug: str) -> None:
    """English names by the slug, the title as the text has it, no publication date (the texts state none)."""
    text = path.read_text(encoding="utf-8").replace('title: "TODO"', "title: 统计公报")
    for key, value in (("name_en", slug.title()), ("prefecture_en", "P"), ("province_en", "Q"), ("published", '""')):
        text = text.replace(f"{key}: TODO", f"{key}: {value}")
    path.write_text(text, encoding="utf-8")


def _resolve_annotations(path: Path) -> None:
    """The obvious way: take each suggestion, `unknown` for an undecided period, and exclude
    figures with no suggested metric or whose metric and period an earlier figure took."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept: list[dict[str, Any]] = []
    taken: set[tuple[str, str]] = set()
    for entry in document["observations"]:
        metric = suggestion_of(entry["metric"])
        period = "unknown" if is_todo(entry["period"]) else entry["period"]
        if not metric or (metric, period) in taken:
            mention = entry["mentions"][0]
            document["excluded"].append({**mention, "reason": "not decided in this test"})
            continue
        taken.add((metric, period))
        entry.update(metric=metric, period=period)
        if is_todo(entry.get("baseline_period")):
            del entry["baseline_period"]
        kept.append(entry)
    document["observations"] = kept
    document["honours"] = []
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _build(tmp_path: Path, slug: str, env: dict[str, str]) -> Outcome:
    return run_cli("build", slug, "--out", str(tmp_path / "packages"), cwd=tmp_path, env=env)


@pytest.mark.parametrize(("slug", "code", "kind", "report", "figure"), REPORTS, ids=[r[0] for r in REPORTS])
def test_new_then_install_then_build(
    tmp_path: Path, slug: str, code: str, kind: str, report: Path, figure: tuple[str, str, float]
) -> None:
    dist = _new(tmp_path, slug, code, kind, report)
    package = dist / "src" / f"county_data_{slug}"
    env = _install(dist, tmp_path / "site")

    assert_refused(_build(tmp_path, slug, env), "unresolved-todo", str(package / "county.yaml"), "'name_en'")
    _resolve_county(package / "county.yaml", slug)
    assert_refused(_build(tmp_path, slug, env), "unresolved-todo", str(package / "annotations.yaml"), "'metric'")
    _resolve_annotations(package / "annotations.yaml")

    built = _build(tmp_path, slug, env)
    assert built.status == 0, built.stderr
    observations = (tmp_path / "packages" / slug / "data" / "observations.csv").read_text(encoding="utf-8")
    metric, period, value = figure
    assert f",{code},{metric},{period},{slug}-report,{value:.0f}," in observations


def test_the_distribution_ships_official_documents_and_its_own_conformance_test(tmp_path: Path) -> None:
    dist = _new(tmp_path, "jingde", "341825", "statistical_bulletin", JINGDE_TEXT)
    package = dist / "src" / "county_data_jingde"
    assert (package / "jingde-report.txt").read_bytes() == JINGDE_TEXT.read_bytes()
    county = yaml.safe_load((package / "county.yaml").read_text(encoding="utf-8"))
    assert county["county"] | {"name_en": "", "prefecture_en": "", "province_en": ""} == {
        "code": "341825",
        "slug": "jingde",
        "name_zh": "旌德县",
        "name_en": "",
        "prefecture_zh": "宣城市",
        "prefecture_en": "",
        "province_zh": "安徽省",
        "province_en": "",
    }
    [source] = county["sources"]
    assert source["path"] == "jingde-report.txt" and "url" not in source
    assert source["bytes"] == len(JINGDE_TEXT.read_bytes())
    test = (dist / "tests" / "test_county_data_jingde.py").read_text(encoding="utf-8")
    assert 'check_distribution("jingde", tmp_path)' in test


def test_news_is_cited_not_shipped(tmp_path: Path) -> None:
    report = tmp_path / "article.txt"
    report.write_text("全县生产总值61.9亿元。", encoding="utf-8")
    outcome = run_cli(
        "new", "x", "--code", "341825", "--report", str(report), "--kind", "news", "--url", "https://e.org/a",
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert outcome.status == 0, outcome.stderr
    package = tmp_path / "out" / "county-data-x" / "src" / "county_data_x"
    assert not list(package.glob("*.txt"))
    [source] = yaml.safe_load((package / "county.yaml").read_text(encoding="utf-8"))["sources"]
    assert source["url"] == "https://e.org/a" and "path" not in source
    assert source["bytes"] == len("全县生产总值61.9亿元。".encode())


def test_extract_as_annotations_prints_the_entries_new_writes(tmp_path: Path) -> None:
    dist = _new(tmp_path, "jingde", "341825", "statistical_bulletin", JINGDE_TEXT)
    written = yaml.safe_load((dist / "src" / "county_data_jingde" / "annotations.yaml").read_text(encoding="utf-8"))
    printed = run_cli("extract", "--as-annotations", str(JINGDE_TEXT))
    assert printed.status == 0, printed.stderr
    assert yaml.safe_load(printed.stdout) == {**written, "source": JINGDE_TEXT.stem}
    # one entry per figure: 48 in the prose and 12 table cells, as ../shared/corpus/README.md counts this excerpt
    assert len(written["observations"]) == 60


def test_a_bulletin_s_title_dates_every_figure_in_new_and_in_extract(tmp_path: Path) -> None:
    title = "2021年旌德县国民经济和社会发展统计公报"  # the title line of the bulletin
    dist = _new(tmp_path, "jingde", "341825", "statistical_bulletin", JINGDE_TEXT, "--title", title)
    written = yaml.safe_load((dist / "src" / "county_data_jingde" / "annotations.yaml").read_text(encoding="utf-8"))
    args = ("--as-annotations", "--kind", "statistical_bulletin", "--title", title)
    printed = run_cli("extract", *args, str(JINGDE_TEXT))
    assert yaml.safe_load(printed.stdout) == {**written, "source": JINGDE_TEXT.stem}
    periods = {entry["period"] for entry in written["observations"]}
    assert periods == {"2021"}  # a bulletin reports on the year its title names
    # 增长9.8% after 比上年, and every other growth of the bulletin: against 2020
    growth = [entry for entry in written["observations"] if entry["unit"] == "percent" and "增长" in entry["surface"]]
    assert growth and {entry.get("baseline_period") for entry in growth} == {"2020"}


def _cite(tmp_path: Path, report: Path) -> Path:
    """`new --cite` of a corpus bulletin as if it were someone's article: nothing shipped."""
    outcome = run_cli(
        "new", "cited", "--code", "341825", "--report", str(report), "--cite", "--url", "https://e.org/a",
        "--out", str(tmp_path),
    )  # fmt: skip
    assert outcome.status == 0, outcome.stderr
    return tmp_path / "county-data-cited" / "src" / "county_data_cited"


def test_a_cited_report_anchors_each_figure_by_quote_prefix_and_suffix(tmp_path: Path) -> None:
    package = _cite(tmp_path, JINGDE_TEXT)
    document = yaml.safe_load((package / "annotations.yaml").read_text(encoding="utf-8"))
    [gdp] = [entry for entry in document["observations"] if entry["surface"] == "61.9亿元"]
    # read off line 4 of the text: 2021年全县生产总值[2]61.9亿元,比上年增长9.8%
    assert gdp["mentions"][0]["prefix"] == "县生产总值[2]"
    assert gdp["mentions"][0]["suffix"] == ",比上年增长9."
    text = JINGDE_TEXT.read_text(encoding="utf-8")
    for entry in document["observations"]:
        [mention] = entry["mentions"]
        start, end = mention["start"], mention["end"]
        assert mention["prefix"] + mention["quote"] + mention["suffix"] == text[start - 8 : end + 8]


def _other_copy(text: str) -> str:
    """The same bulletin as another mirror serves it: its own header lines and page chrome."""
    body = text.split("\n", 2)[2]
    return "来源:另一个镜像站 2022-05-01 浏览 1234 次\n首页 > 统计公报 > 安徽\n" + body + "\n返回顶部 | 第1页\n"


def test_a_cited_plugin_verifies_against_another_copy_of_the_article(tmp_path: Path) -> None:
    package = _cite(tmp_path, JINGDE_TEXT)
    _resolve_county(package / "county.yaml", "cited")
    _resolve_annotations(package / "annotations.yaml")
    env = _install(tmp_path / "county-data-cited", tmp_path / "site")
    copies = tmp_path / "copies"
    copies.mkdir()
    copy = _other_copy(JINGDE_TEXT.read_text(encoding="utf-8"))
    (copies / "mine.txt").write_text(copy, encoding="utf-8")

    verified = run_cli("verify", "cited", "--sources", str(copies), env=env)
    assert verified.status == 0, verified.stdout + verified.stderr
    assert "mine.txt" in verified.stdout + verified.stderr

    (copies / "mine.txt").write_text(copy.replace("61.9亿元", "62.9亿元"), encoding="utf-8")
    assert_refused(run_cli("verify", "cited", "--sources", str(copies), env=env), "anchor-not-found", "'61.9亿元'")
