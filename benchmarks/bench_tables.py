"""Benchmark the table reader (run by hand, not by pytest).

    python benchmarks/bench_tables.py

Prints best-of-N CPU times of ``extract_quantities`` with and without its table
step on prose (the Shangli report, where the quick test finds no row end), on a
bulletin with tables, and on 1, 5 and 10 MB of that bulletin, to show that the
cost of tables is small on prose and that a long report stays linear.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib.resources import files

from county_data.quantity import extract_quantities
from county_data.quantity.tables import extract_table_cells

PROSE = (files("county_data") / "counties" / "shangli" / "000_785c74f41207e478.txt").read_text(encoding="utf-8")
BULLETIN = """全年粮食播种面积8273.3公顷,与上年基本持平。粮食产量54300吨,增长0.37%。
2021年主要农产品产量
产品名称 | 绝对数(吨) | 比上年增长(%) |
粮食 | 54300 | 0.37 |
油料 | 1800 | 3.6 |
其中:油菜籽 | 1200 | 2.5 |
表1 2024年户籍人口及其变动情况
指标 单位 2024年 2023年
年末总户数 户 150785 151284
年末总人数 人 444322 446489
单位:亿元
指 标 |
绝对数 |
比上年增长(%) |
生产总值 |
414.9 |
7.4 |
第一产业 |
60.8 |
3.9 |
年末全县生猪存栏3.43万头,比上年增长11.1%;生猪出栏5.81万头,增长60.9%。
"""
REPEATS = 5


def best_of(function: Callable[[], object], repeats: int = REPEATS) -> float:
    """Best CPU time of ``repeats`` runs (CPU, not wall: the machine is shared)."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    prose = PROSE * 300  # about 1 MB of prose
    whole = best_of(lambda: extract_quantities(prose))
    tables = best_of(lambda: extract_table_cells(prose))
    print(f"prose {len(prose) / 1e6:.1f} M chars: extract_quantities {whole:.3f} s, of which tables {tables:.4f} s")
    for megabytes in (1, 5, 10):
        text = BULLETIN * (megabytes * 1_000_000 // len(BULLETIN.encode()))
        seconds = best_of(lambda text=text: extract_quantities(text), 3)  # type: ignore[misc]
        cells = best_of(lambda text=text: extract_table_cells(text), 3)  # type: ignore[misc]
        rate = seconds / megabytes
        print(
            f"bulletin {megabytes:2} MB: extract_quantities {seconds:.2f} s ({rate:.2f} s/MB), tables alone {cells:.2f} s"
        )


if __name__ == "__main__":
    main()
