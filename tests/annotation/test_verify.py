"""verify: re-check a county's quotes against texts a user supplies, found by checksum."""

import shutil
from pathlib import Path

import county_data
from core_paths import REPORT_NAME, SHANGLI


def test_verify_finds_the_text_by_checksum_under_any_name(tmp_path: Path) -> None:
    shutil.copy(SHANGLI / REPORT_NAME, tmp_path / "my-copy.txt")
    result = county_data.verify("shangli", tmp_path)
    assert result.problems == () and result.sources_found == ("shangli-14th-fyp-review",)
    assert result.figures_checked == 36


def test_verify_reports_a_missing_text_with_its_checksum(tmp_path: Path) -> None:
    [problem] = county_data.verify("shangli", tmp_path).problems
    assert (
        problem.code == "source-not-found" and problem.expected == county_data.get_county("shangli").sources[0].sha256
    )


def test_verify_reports_quotes_that_moved(tmp_path: Path, edit: object, register_copy: object) -> None:
    edit("annotations.yaml", "start: 2964\n        end: 2976", "start: 2965\n        end: 2977")
    registry = register_copy("moved")
    shutil.copy(SHANGLI / REPORT_NAME, tmp_path / "report.txt")
    problems = county_data.verify("moved", tmp_path, registry=registry).problems
    assert [p.code for p in problems] == ["quote-mismatch"]
