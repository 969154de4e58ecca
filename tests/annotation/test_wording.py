"""The "no fact left behind" check on a report with a table: every cell must be accounted for,
and a cell left out is named by its row and column, not by the numbers around it."""

from __future__ import annotations

from pathlib import Path

from county_data.annotation.entries import Annotations, Exclusion, Mention
from county_data.annotation.wording import coverage_problems

REPORT = """全年粮食产量5.43万吨。
2024年主要农产品产量
产品名称 | 产量(吨) | 比上年增长(%) |
粮食 | 54300 | 2.1 |
211199 | 3.6 |
"""


def _excluded(quote: str, occurrence: int = 1) -> Exclusion:
    start = -1
    for _ in range(occurrence):
        start = REPORT.index(quote, start + 1)
    return Exclusion(Mention("report", quote, start, start + len(quote)), "test")


def _problems(*excluded: Exclusion) -> list[str]:
    annotations = Annotations(Path("annotations.yaml"), (), excluded=excluded)
    return [p.message for p in coverage_problems(annotations, "report", REPORT, "report.txt")]


def test_an_unaccounted_table_cell_names_its_table_row_and_column() -> None:
    messages = _problems(_excluded("5.43万吨"), _excluded("54300"), _excluded("211199"), _excluded("3.6"))
    assert messages == [
        "figure '2.1' is in no observation and not excluded "
        "(table cell of table '2024年主要农产品产量', row '粮食', column '比上年增长(%)')"
    ]


def test_a_cell_whose_row_label_is_lost_says_so() -> None:
    messages = _problems(_excluded("5.43万吨"), _excluded("54300"), _excluded("2.1"), _excluded("3.6"))
    assert messages == [
        "figure '211199' is in no observation and not excluded "
        "(table cell of table '2024年主要农产品产量', row with no label, column '产量(吨)')"
    ]


def test_prose_figures_keep_their_context_and_cells_count_as_figures() -> None:
    messages = _problems(_excluded("54300"), _excluded("2.1"), _excluded("211199"), _excluded("3.6"))
    assert len(messages) == 1 and "5.43万吨" in messages[0] and "context: …全年粮食产量5.43万吨" in messages[0]
    assert len(_problems()) == 5
