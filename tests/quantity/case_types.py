"""The row shape of the case tables and the qualifier shorthands they use."""

from __future__ import annotations

E, MT, AL, AP, LT, AM = "exact", "more_than", "at_least", "approx", "less_than", "at_most"

#: (text, surface, value, unit, qualifier, kind)
Case = tuple[str, str, float, str, str, str]
