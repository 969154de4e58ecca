"""What a reference period is: how observations say *when*.

A period is an ISO 8601 year (``2024``) or date, an interval of two of them
(``2021/2025`` for “十四五”期间, ``2023/2025-02-12`` for "since 2023, as of the
publication date"), or ``unknown`` when the text does not date the figure.
Baselines of changes (较2020年) are years. This module is the one definition;
the annotation reader, the pandera models and the Table Schemas use it.
"""

from __future__ import annotations

import re

UNKNOWN = "unknown"
#: a year, a month or a day: 2024, 2024-06, 2024-06-30
DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
PERIOD_PATTERN = rf"^({DATE}(/{DATE})?|{UNKNOWN})$"
YEAR_PATTERN = r"^\d{4}$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

_PERIOD = re.compile(PERIOD_PATTERN)


def is_period(text: str) -> bool:
    """Whether ``text`` is a period as defined above."""
    return _PERIOD.match(text) is not None
