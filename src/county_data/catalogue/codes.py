"""County codes: the six digits of GB/T 2260 that say *where*."""

from __future__ import annotations

import re

COUNTY_CODE_PATTERN = r"^\d{6}$"
_COUNTY_CODE = re.compile(COUNTY_CODE_PATTERN)


def is_county_code(text: str) -> bool:
    """Whether ``text`` has the shape of a GB/T 2260 county-level code."""
    return _COUNTY_CODE.match(text) is not None
