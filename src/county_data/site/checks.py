"""What the site can check by itself: every quote against the shipped text at its offsets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from county_data.diff.snapshot import Package
from county_data.site.figures import Figure, quote_status


@dataclass(frozen=True)
class CheckStatus:
    """Quotes that equal the shipped text at their offsets, that do not, and that cannot be checked here."""

    matching: int
    mismatched: tuple[str, ...]
    unchecked: int

    @property
    def ok(self) -> bool:
        return not self.mismatched

    @property
    def summary(self) -> str:
        parts = [f"{self.matching} quotes equal the shipped text at their offsets"]
        if self.mismatched:
            parts.append(f"{len(self.mismatched)} do not: {', '.join(self.mismatched)}")
        if self.unchecked:
            parts.append(f"{self.unchecked} cited from texts not shipped (check them with county-data verify)")
        return "; ".join(parts)


def check_quotes(package: Package, marks: Sequence[Figure]) -> CheckStatus:
    statuses = [(mark.anchor, quote_status(package, mark)) for mark in marks]
    return CheckStatus(
        sum(1 for _, status in statuses if status == "matches"),
        tuple(anchor for anchor, status in statuses if status == "differs"),
        sum(1 for _, status in statuses if status == "unchecked"),
    )
