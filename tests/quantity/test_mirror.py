"""quantity/mirror.py: one normalisation step, and a map back to the original offsets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from county_data.quantity.mirror import Mirror, translation
from county_data.quantity.traditional import SIMPLIFIED, TRADITIONAL


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("產(chǎn)值0.74 億元", "产值0.74亿元"),
        ("個(gè)百分點(diǎn)", "个百分点"),
        ("生产总值[2]61.9亿元,增长8.1%[3]。", "生产总值61.9亿元,增长8.1%。"),
        ("投资〔5〕2.3亿元", "投资2.3亿元"),
        ("1.6\n%", "1.6%"),
        ("318 家", "318家"),
        ("增长 6.0 %", "增长6.0%"),
        ("２．７万", "2.7万"),
        ("−0.68‰", "-0.68‰"),
        ("2025 年 3 月 30 日", "2025年3月30日"),
        ("男 233123 234361", "男233123 234361"),  # a word joins its number; table cells stay apart
    ],
)
def test_noise_is_removed(text: str, normal: str) -> None:
    assert Mirror(text).normal == normal


@pytest.mark.parametrize(
    "text",
    [
        "2024\n2025",  # two numbers on two lines
        "(图1)",  # brackets without a tone mark are no pinyin
        "[LV.9]",
        "见〔2023〕5号文",  # a document number, not a footnote
        "第一段。\n\n第二段",  # paragraphs stay paragraphs
        "(a)",
    ],
)
def test_text_that_is_not_noise_stays(text: str) -> None:
    mirror = Mirror(text)
    assert mirror.normal == text and mirror.identity


def test_one_for_one_conversion_keeps_offsets_the_identity() -> None:
    mirror = Mirror("總產值３６.5億元")
    assert mirror.normal == "总产值36.5亿元" and mirror.identity
    assert mirror.original(3, 10) == (3, 10)


def test_spans_map_back_to_the_original() -> None:
    text = "生產(chǎn)總值[2] 0.74 億元"
    mirror = Mirror(text)
    start = mirror.normal.index("0.74")
    s, e = mirror.original(start, len(mirror.normal))
    assert text[s:e] == "0.74 億元"


_NOISY = st.lists(
    st.sampled_from(["產(chǎn)", "億", "元", "3", "12.5", " ", "\n", "%", "[2]", "〔3〕", "增長", "，", "Ａ", "１"]),
    max_size=30,
).map("".join)


@given(_NOISY)
def test_every_normal_character_comes_from_its_original_one(text: str) -> None:
    mirror = Mirror(text)
    table = translation()
    for i, ch in enumerate(mirror.normal):
        assert text[mirror.position(i)].translate(table) == ch
    positions = [mirror.position(i) for i in range(len(mirror.normal))]
    assert positions == sorted(set(positions))


def test_the_table_is_one_for_one() -> None:
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL))
    assert set(TRADITIONAL).isdisjoint("0123456789%亿万元一二三四五六七八九十百千")


@pytest.mark.skipif(importlib.util.find_spec("opencc") is None, reason="OpenCC not installed")
def test_the_table_is_opencc_character_data() -> None:
    import opencc  # type: ignore[import-untyped]

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    expected = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t")
        first = values.split(" ")[0]
        if len(key) == len(first) == 1 and key != first and ord(key) < 0x10000 and ord(first) < 0x10000:
            expected[key] = first
    assert dict(zip(TRADITIONAL, SIMPLIFIED, strict=True)) == expected
