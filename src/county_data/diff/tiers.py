"""How far a changed value moved: relative deviation |a−b|/(|a|+|b|) and its tier (as OWID's etl ranks them)."""

from __future__ import annotations

import math

LARGE = 0.15
MODERATE = 0.01
TIERS: tuple[str, ...] = ("large", "moderate", "small")


def relative_deviation(old: float, new: float) -> float:
    """|a−b|/(|a|+|b|): 0 for equal values, 1 for a sign flip or a change from or to zero."""
    scale = abs(old) + abs(new)
    return 0.0 if scale == 0 else abs(old - new) / scale


def tier(deviation: float) -> str:
    """large ≥ 15 %, moderate ≥ 1 %, small below."""
    if deviation >= LARGE:
        return "large"
    return "moderate" if deviation >= MODERATE else "small"


def number(cell: str) -> float | None:
    """A CSV cell as a finite number, or None for an empty or non-numeric cell."""
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
