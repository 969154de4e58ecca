"""Bad input to `county-data new`: each refusal is named, writes nothing, prints no traceback."""

from __future__ import annotations

from pathlib import Path

from bad_input.harness import assert_refused, run_cli, unchanged

REPORT_TEXT = "2021年全县生产总值61.9亿元,比上年增长9.8%。"


def _new(tmp_path: Path, *args: str, slug: str = "jingde", code: str = "341825") -> tuple[Path, list[str]]:
    report = tmp_path / "report.txt"
    report.write_text(REPORT_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return out, ["new", slug, "--code", code, "--report", str(report), "--out", str(out), *args]


def test_a_slug_that_is_not_lower_case_ascii(tmp_path: Path) -> None:
    out, command = _new(tmp_path, slug="Jingde")
    with unchanged(out):
        assert_refused(run_cli(*command), "bad-slug", "'slug'", "'Jingde'")


def test_a_code_that_is_no_county_in_the_table(tmp_path: Path) -> None:
    out, command = _new(tmp_path, code="341800")  # 宣城市, a prefecture
    with unchanged(out):
        assert_refused(run_cli(*command), "code-not-in-table", "'code'", "'341800'")


def test_a_code_not_in_use_in_the_year_given(tmp_path: Path) -> None:
    out, command = _new(tmp_path, "--year", "1990")  # 341825 is in use from 2000
    with unchanged(out):
        assert_refused(run_cli(*command), "code-not-in-table", "in 1990", "'341825'")


def test_a_cited_report_without_a_url(tmp_path: Path) -> None:
    out, command = _new(tmp_path, "--cite")
    with unchanged(out):
        assert_refused(run_cli(*command), "missing-url", "'url'", "--url")


def test_news_is_cited_by_default_so_it_needs_a_url(tmp_path: Path) -> None:
    out, command = _new(tmp_path, "--kind", "news")
    with unchanged(out):
        assert_refused(run_cli(*command), "missing-url", "'url'")


def test_a_plugin_folder_that_exists_is_never_replaced(tmp_path: Path) -> None:
    out, command = _new(tmp_path)
    (out / "county-data-jingde").mkdir()
    (out / "county-data-jingde" / "annotations.yaml").write_text("my work", encoding="utf-8")
    with unchanged(out):
        assert_refused(run_cli(*command), "foreign-folder", "county-data-jingde")


def test_a_plugin_written_before_is_not_replaced_either(tmp_path: Path) -> None:
    out, command = _new(tmp_path)
    assert run_cli(*command).status == 0
    with unchanged(out):
        assert_refused(run_cli(*command), "file-exists", "county-data-jingde")


def test_a_report_that_is_missing(tmp_path: Path) -> None:
    out, command = _new(tmp_path)
    command[command.index("--report") + 1] = str(tmp_path / "no-such.txt")
    with unchanged(out):
        assert_refused(run_cli(*command), "unreadable-report", "no-such.txt")
