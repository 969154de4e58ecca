"""The unit vocabulary shared by quantities, metrics and observations.

Values are stored in base units: money in yuan (CNY, not 亿元), shares in
percent, changes of a share in percentage points (a different unit from %).
Counts use the unit ``count`` and keep their Chinese measure word (条, 家,
户, 人次 …) in a column of their own.
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
        "percent": ("%", "percent"),
        "percentage_point": ("个百分点", "percentage points"),
        "per_mille": ("‰", "per mille (births, deaths per 1,000 people)"),
        "times": ("倍", "times (multiple)"),
        "rank": ("位", "rank position"),
        "count": ("", "count (see measure word)"),
        "km": ("公里", "kilometres"),
        "km2": ("平方公里", "square kilometres"),
        "m2": ("平方米", "square metres"),
        "mu": ("亩", "mu (1/15 hectare)"),
        "hectare": ("公顷", "hectares"),
        "tonne": ("吨", "tonnes"),
        "microgram_per_m3": ("微克/立方米", "micrograms per cubic metre"),
        "year": ("年", "years (duration)"),
        "month": ("个月", "months (duration)"),
        "day": ("天", "days (duration)"),
        "hour": ("小时", "hours (duration)"),
    }
)

UNIT_CODES: tuple[str, ...] = tuple(sorted(UNITS))
