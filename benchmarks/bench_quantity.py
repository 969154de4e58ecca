"""Benchmark county_data.quantity against jionlp (run by hand, not by pytest).

    pip install -e '.[bench]'      # jionlp
    python benchmarks/bench_quantity.py

Prints best-of-N CPU times (the same N for both libraries) and ratios:
parse_quantity vs jionlp.parse_money on money strings both read to the same
value (target >= 2x), and extract_quantities vs jionlp.ner.extract_money on
the Shangli report repeated 20 times (target >= 3x), and on the official documents of
../shared/corpus as mirror sites serve them (traditional script, stray spaces, pinyin,
footnote marks, tables), where the reader's normalisation step is part of the cost.
Without jionlp it falls back to cn2an.transform.
"""

from __future__ import annotations

import itertools
import math
import sys
import time
from collections import Counter
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from county_data.quantity import extract_quantities, parse_quantity

#: the Shangli report as the package ships it
REPORT = files("county_data") / "counties" / "shangli" / "000_785c74f41207e478.txt"
REPEATS = 15
#: official county documents as mirror sites serve them (outside the project: not shipped)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def best_of(function: Callable[[], object], repeats: int = REPEATS) -> float:
    """Best CPU time of ``repeats`` runs: the least disturbed by the machine.

    CPU time of this process, not wall time: on a shared machine (load 7 on
    2 cores) wall times of the same code varied 2x from run to run.
    """
    times = []
    for _ in range(repeats):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def money_strings() -> list[tuple[str, float]]:
    """A few thousand money expressions with their values in yuan."""
    numbers = {
        "5": 5, "12": 12, "215": 215, "1500": 1500, "5.5": 5.5, "2.8": 2.8, "93.82": 93.82,
        "1,500": 1500, "三": 3, "十五": 15, "二十三": 23, "一百二十": 120, "三千五百": 3500,
        "两千": 2000, "四十六": 46, "九十九": 99, "七百": 700, "八千零五": 8005,
    }  # fmt: skip
    scales = {"": 1, "万": 1e4, "亿": 1e8, "千": 1e3, "百万": 1e6, "千万": 1e7, "万亿": 1e12}
    qualifiers = ["", "超", "约", "近", "超过", "不到", "逾", "达"]
    return [
        (f"{q}{n}{s}元", value * scale)
        for (n, value), (s, scale), q in itertools.product(numbers.items(), scales.items(), qualifiers)
    ]


def jionlp_value(parsed: dict[str, object]) -> float | None:
    num = parsed.get("num")
    return float(num) if isinstance(num, str) else None


def shared_money(jio: object) -> list[str]:
    """Only strings both libraries read to the expected value: a fair race."""
    shared = []
    for text, value in money_strings():
        ours = parse_quantity(text)
        try:
            theirs = jionlp_value(jio.parse_money(text))  # type: ignore[attr-defined]
        except Exception:  # jionlp raises on forms it does not know
            continue
        if ours and theirs and math.isclose(ours.value, value) and math.isclose(theirs, value):
            shared.append(text)
    return shared


def compare(label: str, ours: float, theirs: float, target: float) -> None:
    ratio = theirs / ours
    verdict = "ok" if ratio >= target else "below target"
    print(
        f"{label}: ours {ours * 1e3:.1f} ms, theirs {theirs * 1e3:.1f} ms, {ratio:.1f}x ({verdict}, target {target}x)"
    )


def bench_jionlp() -> None:
    import jionlp as jio

    strings = shared_money(jio)
    print(f"money strings both read correctly: {len(strings)} of {len(money_strings())}")
    ours = best_of(lambda: [parse_quantity(s) for s in strings])
    theirs = best_of(lambda: [jio.parse_money(s) for s in strings])
    compare("parse_quantity vs jionlp.parse_money", ours, theirs, 2)

    text = REPORT.read_text(encoding="utf-8") * 20
    ours = best_of(lambda: extract_quantities(text))
    theirs = best_of(lambda: jio.ner.extract_money(text))
    compare("extract_quantities vs jionlp.ner.extract_money (Shangli x20)", ours, theirs, 3)
    found = extract_quantities(text)
    kinds = Counter(f"{q.unit}/{q.kind}" for q in found)
    print(f"  county_data found {len(found)}: {dict(sorted(kinds.items()))}")
    money = jio.ner.extract_money(text)
    print(f"  jionlp found {len(money)} money: {sorted(Counter(m['text'] for m in money).items())}")
    bench_mirror_text(jio)


def bench_mirror_text(jio: object) -> None:
    """The same race on mirror-site text: our normalisation step is inside the timed call."""
    documents = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not documents:
        print(f"mirror text: no corpus at {CORPUS}; skipped")
        return
    text = "\n".join(path.read_text(encoding="utf-8") for path in documents)
    extract_money = jio.ner.extract_money  # type: ignore[attr-defined]
    ours = best_of(lambda: extract_quantities(text))
    theirs = best_of(lambda: extract_money(text))
    label = (
        f"extract_quantities vs jionlp.ner.extract_money (mirror text, {len(documents)} documents, {len(text)} chars)"
    )
    compare(label, ours, theirs, 3)
    print(f"  county_data found {len(extract_quantities(text))} figures; jionlp found {len(extract_money(text))} money")


def bench_cn2an() -> None:
    import cn2an

    strings = [text for text, _ in money_strings()]
    ours = best_of(lambda: [parse_quantity(s) for s in strings])
    theirs = best_of(lambda: [cn2an.transform(s, "cn2an") for s in strings])
    compare("parse_quantity vs cn2an.transform (numeral conversion only)", ours, theirs, 2)


def main() -> int:
    try:
        bench_jionlp()
    except ImportError:
        print("jionlp not installed; comparing with cn2an.transform instead")
        bench_cn2an()
    return 0


if __name__ == "__main__":
    sys.exit(main())
