"""The command line: each command works, and user mistakes end in a message, never a traceback."""

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from core_paths import PACKAGE, SHANGLI
from county_data.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--no-plugins", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0 and "360322  shangli" in out and "上栗县" in out


def test_build_then_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "build", "shangli", "--out", str(tmp_path))
    assert code == 0 and "built and validated" in out
    code, out, _ = run(capsys, "validate", str(tmp_path / "shangli"))
    assert code == 0 and out.startswith("valid:")


def test_validate_reports_every_problem_on_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import shutil

    shutil.copytree(PACKAGE, tmp_path / "p")
    csv = tmp_path / "p" / "data" / "counties.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "12,x,y,z,a,b,c\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(tmp_path / "p"))
    assert code == 1 and out == ""
    assert "counties" in err and "Traceback" not in err


def test_show_prints_figures_with_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "360322")
    assert code == 0
    assert "「发放创业贷款超5.5亿元」" in out and "超5.5亿元 = 550,000,000 CNY" in out and "(derived)" in out


def test_extract_drafts_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SHANGLI / "000_785c74f41207e478.txt"), "--format", "json")
    assert code == 0 and "as utf-8" in err
    figures = json.loads(out)["figures"]
    assert len(figures) == 29
    loans = next(f for f in figures if f["quote"] == "超5.5亿元")
    assert (loans["value"], loans["unit"], loans["qualifier"]) == (5.5e8, "CNY", "more_than")


def test_extract_reads_gb18030_and_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "gbk.txt"
    report.write_bytes("2024年接待游客量增长16%".encode("gb18030"))
    code, out, err = run(capsys, "extract", str(report))
    assert code == 0 and "as gb18030" in err and "增长16%" in out


def test_extract_undecodable_report_names_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "junk.bin"
    report.write_bytes(bytes(range(128, 256)) * 4)
    code, _, err = run(capsys, "extract", str(report))
    assert code == 1 and str(report) in err and "gb18030" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nowhere"], "no county 'nowhere'"),
        (["validate", "/nonexistent/dir"], "no datapackage.json"),
        (["extract", "/nonexistent/report.txt"], "cannot read the report"),
        (["export", "shangli", "--format", "pdf", "--out", "x.pdf"], "no export format 'pdf'"),
        (["verify", "shangli", "--sources", "/nonexistent"], "sources folder does not exist"),
    ],
)
def test_user_mistakes_are_messages(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, _, err = run(capsys, *args)
    assert code == 1 and message in err and "Traceback" not in err


def test_console_script_exit_status_and_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "county_data.cli", "show", "nowhere"], capture_output=True, text=True
    )
    assert result.returncode == 1 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_broken_county_ends_in_a_message_naming_plugin_file_line_and_field(
    capsys: pytest.CaptureFixture[str],
    shangli_copy: Path,
    edit: Callable[[str, str, str], Path],
    register_copy: Callable[[str], object],
) -> None:
    annotations = edit("annotations.yaml", "value: 473", "value: -473") / "annotations.yaml"
    register_copy("broken")
    code = main(["build", "broken", "--out", str(shangli_copy.parent / "out")])
    _, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert "plugin 'broken-county'" in err and f"{annotations}, line " in err and "field 'value'" in err
    assert not (shangli_copy.parent / "out" / "broken").exists()
    assert main(["build", "shangli", "--out", str(shangli_copy.parent / "out")]) == 0


def test_build_base_url_sets_the_download_urls_of_the_catalogue_records(
    capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "build", "shangli", "--out", str(tmp_path), "--base-url", "https://data.example.org/cd/")
    assert code == 0, err
    dcat = (tmp_path / "shangli" / "dcat.ttl").read_text(encoding="utf-8")
    assert "<https://data.example.org/cd/shangli/data/observations.csv>" in dcat
    jsonld = json.loads((tmp_path / "shangli" / "dataset.jsonld").read_text(encoding="utf-8"))
    assert jsonld["url"] == "https://data.example.org/cd/shangli/"
