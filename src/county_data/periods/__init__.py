"""What a reference period is: how observations say *when*.

A period is an ISO 8601 year (``2024``) or date, an interval of two of them
(``2021/2025`` for “十四五”期间, ``2023/2025-02-12`` for "since 2023, as of the
publication date", ``2024-01/2024-06`` for 2024年上半年, months of one year for a
quarter or 1—9月), an open interval ``2023/..`` (since 2023, up to a publication
date the source does not give), or ``unknown`` when the text does not date the
figure. Baselines of changes (较2020年) are years. This module is the one
definition; the annotation reader, the pandera models, the Table Schemas and the
exporters use it. How a period is decided from the words of a text is
:mod:`county_data.periods.rule` (see ``docs/periods.md``).
"""

from __future__ import annotations

import re

UNKNOWN = "unknown"
#: the end of an open interval: ``2023/..`` runs up to the (unstated) publication date
OPEN_END = ".."
#: a year, a month or a day: 2024, 2024-06, 2024-06-30
DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
PERIOD_PATTERN = rf"^({DATE}(/({DATE}|\.\.))?|{UNKNOWN})$"
YEAR_PATTERN = r"^\d{4}$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

_PERIOD = re.compile(PERIOD_PATTERN)


def is_period(text: str) -> bool:
    """Whether ``text`` is a period as defined above."""
    return _PERIOD.match(text) is not None


def is_open(period: str) -> bool:
    """Whether ``period`` is an open interval (``2023/..``): it has a start and no stated end."""
    return period.endswith("/" + OPEN_END)


def is_dated(period: str) -> bool:
    """Whether ``period`` names both ends of its time: neither unknown nor open."""
    return period != UNKNOWN and not is_open(period)
