"""Anchors (quote, prefix, suffix, position) found in another copy of a text."""

from __future__ import annotations

from pathlib import Path

from county_data.annotation.anchors import context_of, context_problems, locate, relocate
from county_data.annotation.entries import Annotations, Exclusion, Mention, ObservationEntry

OURS = "网站标题\n浏览数 953\n全县新建学校12所,改造道路12条。"
THEIRS = "我的收藏\n全县新建学校12所,改造道路12条。"


def mention(quote: str, start: int, prefix: str = "", suffix: str = "") -> Mention:
    return Mention("s", quote, start, start + len(quote), 7, prefix, suffix)


def test_context_is_eight_characters_each_side() -> None:
    start = OURS.index("12所")
    assert context_of(OURS, start, start + 3) == ("3\n全县新建学校", ",改造道路12条")


def test_the_context_tells_two_equal_quotes_apart() -> None:
    roads = mention("12", OURS.index("12条"), prefix="改造道路", suffix="条。")
    assert locate(THEIRS, roads).starts == (THEIRS.index("12条"),)


def test_a_bare_quote_is_found_only_once() -> None:
    assert locate(THEIRS, mention("12", 0)).starts == (THEIRS.index("12所"), THEIRS.index("12条"))
    assert not locate(THEIRS, mention("12", 0)).unique
    assert locate(THEIRS, mention("15所", 0)).starts == ()


def test_relocate_moves_mentions_and_drops_chrome_exclusions() -> None:
    school = mention("12所", OURS.index("12所"), *context_of(OURS, OURS.index("12所"), OURS.index("12所") + 3))
    chrome = Exclusion(mention("953", OURS.index("953")), "page views")
    entry = ObservationEntry("schools", "m", "unknown", "count", "12所", (school,), value=12)
    moved, missed = relocate(Annotations(Path("a.yaml"), (entry,), (), (chrome,)), "s", THEIRS)
    (found,) = moved.observations[0].mentions
    assert (found.start, found.end, THEIRS[found.start : found.end]) == (
        THEIRS.index("12所"),
        THEIRS.index("12所") + 3,
        "12所",
    )
    assert moved.excluded == () and missed == []


def test_a_prefix_that_is_not_the_text_beside_the_quote() -> None:
    start = OURS.index("12所")
    entry = ObservationEntry("schools", "m", "unknown", "count", "12所", (mention("12所", start, "新建学校", "!"),))
    (problem,) = context_problems(Annotations(Path("a.yaml"), (entry,)), {"s": OURS})
    assert (problem.code, problem.field, problem.found, problem.expected, problem.line) == (
        "anchor-context-mismatch",
        "suffix",
        "!",
        ",",
        7,
    )
