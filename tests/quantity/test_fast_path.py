"""parse_quantity's fast path reads exactly what the general pattern reads.

``simple_pattern`` must be a sub-language of ``quantity_pattern``: whatever it
fullmatches, the general pattern fullmatches with the same groups, and the
Quantity read from either is the same record.
"""

from __future__ import annotations

from cases import CASES, NEGATIVES
from hypothesis import given, settings
from hypothesis import strategies as st

from county_data.quantity import extract_quantities, parse_quantity
from county_data.quantity.patterns import quantity_pattern, simple_pattern
from county_data.quantity.reading import PLAIN_GROUPS, read_match, read_plain
from county_data.quantity.vocabulary import (
    COUNT_WORDS,
    FALL_VERBS,
    INNER_MORE_UNITS,
    PREFIX_QUALIFIERS,
    RISE_VERBS,
    SUFFIX_QUALIFIERS,
    UNIT_WORDS,
)

_SIMPLE_GROUPS = ("pre", "lo", "unit", "suf")


def _same_as_general(text: str) -> None:
    simple = simple_pattern().fullmatch(text)
    if simple is None:
        return
    general = quantity_pattern().fullmatch(text)
    assert general is not None, text
    groups = general.groupdict()
    assert [groups.pop(name) for name in _SIMPLE_GROUPS] == list(simple.groups()), text
    assert all(value is None for value in groups.values()), (text, groups)
    pre, lo, unit, suf = simple.groups()
    fast = read_plain((None, pre, lo, None, None, None, None, unit, suf), 0, len(text), text, text, None)
    assert fast == read_match(general, text, text, None), text


def test_plain_groups_are_groups_of_the_general_pattern() -> None:
    assert set(PLAIN_GROUPS) <= set(quantity_pattern().groupindex)


def test_case_table_and_negatives() -> None:
    for text in [case[1] for case in CASES] + [case[0] for case in CASES] + list(NEGATIVES):
        _same_as_general(text)


words = st.sampled_from(
    [*PREFIX_QUALIFIERS, *SUFFIX_QUALIFIERS, *UNIT_WORDS, *INNER_MORE_UNITS, *COUNT_WORDS, *RISE_VERBS, *FALL_VERBS,
     *"0123456789１٣前目.,，%—-~至到余多点第成分之番翻持平基了游级班企业项目十百千万亿零〇一二两三四五六七八九廿卅拾佰仟萬億"]
)  # fmt: skip


@settings(max_examples=2000)
@given(st.lists(words, min_size=1, max_size=8).map("".join))
def test_generated_expressions(text: str) -> None:
    _same_as_general(text)


@settings(max_examples=500)
@given(
    st.sampled_from(["", *PREFIX_QUALIFIERS]),
    st.from_regex(r"[1-9]\d{0,4}(\.\d{1,2})?|[一二两三四五六七八九十百千零]{1,5}", fullmatch=True),
    st.sampled_from(["", "十", "百", "千", "万", "亿", "千万", "百万", "万亿"]),
    st.sampled_from([*UNIT_WORDS, *INNER_MORE_UNITS, *COUNT_WORDS]),
    st.sampled_from(["", *SUFFIX_QUALIFIERS]),
)
def test_qualifier_number_unit(pre: str, number: str, scale: str, unit: str, suf: str) -> None:
    _same_as_general(f"{pre}{number}{scale}{unit}{suf}")


def test_scan_shortcuts_keep_digits_of_any_script() -> None:
    """The scan's lookaheads must not drop what the number pattern's \\d accepts."""
    for text in ["超٣件", "下降٣块钱", "达到٣位"]:
        ascii_text = text.replace("٣", "3")
        found = [q.value for q in extract_quantities(f"共{text}。")]
        assert found == [q.value for q in extract_quantities(f"共{ascii_text}。")] == [found[0]]
        parsed, parsed_ascii = parse_quantity(text), parse_quantity(ascii_text)
        assert parsed is not None and parsed_ascii is not None and parsed.value == parsed_ascii.value
