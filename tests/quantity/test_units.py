"""catalogue/units.py: every unit the reader writes is a code, and conversions to base units."""

from __future__ import annotations

import math

import pytest

from county_data.catalogue.units import TO_BASE, UNITS, to_base
from county_data.quantity.vocabulary import UNIT_WORDS


def test_every_unit_word_has_a_code() -> None:
    assert set(UNIT_WORDS.values()) <= set(UNITS)


def test_every_conversion_is_between_codes() -> None:
    assert all(unit in UNITS and base in UNITS for unit, (base, _) in TO_BASE.items())


@pytest.mark.parametrize(
    ("value", "unit", "expected", "base"),
    [
        (10.3e8, "jin", 5.15e8, "kilogram"),  # 1 斤 = 500 g (by the 1959 reform)
        (2, "dan", 100, "kilogram"),  # 1 担 = 100 斤
        (3, "tonne", 3000, "kilogram"),
        (15, "mu", 10_000, "m2"),  # 15 亩 = 1 hectare
        (1, "hectare", 10_000, "m2"),
        (2.5, "km2", 2.5e6, "m2"),
        (1450.2, "mm", 1.4502, "m"),
        (50, "MW", 50_000, "kW"),
        (5, "per_mille", 0.5, "percent"),
        (3000, "CNY_per_tonne", 3, "CNY_per_kilogram"),
        (5, "CNY", 5, "CNY"),  # money has no conversion here
        (17.8, "degC", 17.8, "degC"),
    ],
)
def test_to_base(value: float, unit: str, expected: float, base: str) -> None:
    got, got_base = to_base(value, unit)
    assert math.isclose(got, expected, rel_tol=1e-12) and got_base == base
