"""The unit vocabulary shared by quantities, metrics and observations.

Values are stored in the unit they were written in, scaled by 万/亿 (亿斤 ->
斤, 亿元 -> yuan): money in yuan (CNY, not 亿元), shares in percent, changes
of a share in percentage points (a different unit from %). Counts use the
unit ``count`` and keep their Chinese measure word (条, 家, 户, 人次 …) in a
column of their own. ``TO_BASE`` converts a physical unit to its SI-style
base (斤 -> kilogram × 0.5); money and rates have no conversion here.
"""

from __future__ import annotations

from types import MappingProxyType

#: code -> (Chinese label, English label)
UNITS = MappingProxyType(
    {
        "CNY": ("元", "yuan (renminbi)"),
        "USD": ("美元", "US dollars"),
        "HKD": ("港元", "Hong Kong dollars"),
        "EUR": ("欧元", "euros"),
        "JPY": ("日元", "Japanese yen"),
        "GBP": ("英镑", "pounds sterling"),
        "RUB": ("卢布", "Russian roubles"),
        "TWD": ("新台币", "New Taiwan dollars"),
        "percent": ("%", "percent"),
        "percentage_point": ("个百分点", "percentage points"),
        "per_mille": ("‰", "per mille (births, deaths per 1,000 people)"),
        "per_ten_thousand": ("‱", "per ten thousand"),
        "times": ("倍", "times (multiple)"),
        "rank": ("位", "rank position"),
        "count": ("", "count (see measure word)"),
        "number": ("", "a plain number, no unit written"),
        "gram": ("克", "grams"),
        "kilogram": ("千克", "kilograms"),
        "jin": ("斤", "jin (half a kilogram)"),
        "dan": ("担", "dan (50 kilograms)"),
        "tonne": ("吨", "tonnes"),
        "mm": ("毫米", "millimetres"),
        "cm": ("厘米", "centimetres"),
        "m": ("米", "metres"),
        "km": ("公里", "kilometres"),
        "m2": ("平方米", "square metres"),
        "km2": ("平方公里", "square kilometres"),
        "mu": ("亩", "mu (1/15 hectare)"),
        "hectare": ("公顷", "hectares"),
        "m3": ("立方米", "cubic metres"),
        "kWh": ("千瓦时", "kilowatt-hours"),
        "kW": ("千瓦", "kilowatts"),
        "MW": ("兆瓦", "megawatts"),
        "degC": ("℃", "degrees Celsius"),
        "microgram_per_m3": ("微克/立方米", "micrograms per cubic metre"),
        "CNY_per_tonne": ("元/吨", "yuan per tonne"),
        "CNY_per_mu": ("元/亩", "yuan per mu"),
        "CNY_per_kilogram": ("元/公斤", "yuan per kilogram"),
        "persons_per_km2": ("人/平方公里", "persons per square kilometre"),
        "year": ("年", "years (duration)"),
        "month": ("个月", "months (duration)"),
        "day": ("天", "days (duration)"),
        "hour": ("小时", "hours (duration)"),
    }
)

UNIT_CODES: tuple[str, ...] = tuple(sorted(UNITS))

#: unit code -> (base unit code, factor): value in base = value × factor
TO_BASE = MappingProxyType(
    {
        "gram": ("kilogram", 0.001), "kilogram": ("kilogram", 1.0), "jin": ("kilogram", 0.5),
        "dan": ("kilogram", 50.0), "tonne": ("kilogram", 1000.0),
        "mm": ("m", 0.001), "cm": ("m", 0.01), "m": ("m", 1.0), "km": ("m", 1000.0),
        "m2": ("m2", 1.0), "km2": ("m2", 1e6), "mu": ("m2", 10_000 / 15), "hectare": ("m2", 10_000.0),
        "m3": ("m3", 1.0), "kWh": ("kWh", 1.0), "kW": ("kW", 1.0), "MW": ("kW", 1000.0),
        "CNY_per_tonne": ("CNY_per_kilogram", 0.001), "CNY_per_kilogram": ("CNY_per_kilogram", 1.0),
        "per_mille": ("percent", 0.1), "per_ten_thousand": ("percent", 0.01),
    }
)  # fmt: skip


def to_base(value: float, unit: str) -> tuple[float, str]:
    """``value`` in ``unit`` -> (value, unit) in the base unit; units without one are returned as they are."""
    base, factor = TO_BASE.get(unit, (unit, 1.0))
    return value * factor, base
