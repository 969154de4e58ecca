"""The records a reading produces: ``Quantity`` and the ``PeriodHint`` beside it.

Both are frozen and check themselves, so a Quantity that exists is one the
rest of the pipeline can trust: its unit is a known code, its span points at
its surface, and its bounds agree with its qualifier.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from county_data.catalogue.units import UNITS
from county_data.qualifiers import QUALIFIERS, bounds_equal_value

from .vocabulary import KINDS

ROLES: tuple[str, ...] = ("reference", "baseline")


def _require(ok: bool, what: str, expected: str, got: object) -> None:
    if not ok:
        raise ValueError(f"{what} must be {expected} (got {got!r})")


def _check_span(start: int, end: int, surface: str) -> None:
    if not 0 <= start <= end:
        _require(False, "start", f"between 0 and end={end}", start)
    if len(surface) != end - start:
        _require(False, "len(surface)", f"end - start = {end - start}", len(surface))


@dataclass(frozen=True, slots=True)
class PeriodHint:
    """A time expression near a figure: 2024年, 较2020年, "十四五"期间, 五年来, 今年.

    ``period`` is ISO 8601: a year "2024", an interval "2021/2025", an
    open interval "2023/.." (2023年以来), months of a year "2024-01/2024-06"
    (2024年上半年, 1—9月), the same without the year "--01/--06" (上半年,
    今年一季度: the period rule dates it), a duration "P5Y" (五年来, ending at
    publication), or "" when the text is relative (今年, 上年, 同比).
    """

    text: str
    start: int
    end: int
    role: str
    period: str

    def __post_init__(self) -> None:
        _require(self.role in ROLES, "role", f"one of {ROLES}", self.role)
        _check_span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True, init=False)
class Quantity:
    """One figure read from text, in base units (超5.5亿元 -> 5.5e8 CNY).

    Conventions: ``lower``/``upper`` are the bounds the wording implies
    (exclusive for more_than/less_than); a range 3—5万 has value = lower,
    qualifier at_least and upper = 5e4; a decline is negative (下降2.1% ->
    -2.1) and flips the qualifier's direction.
    """

    value: float
    unit: str
    measure_word: str
    qualifier: str
    lower: float | None
    upper: float | None
    kind: str
    start: int
    end: int
    surface: str
    period_hints: tuple[PeriodHint, ...] = ()

    def __init__(
        self, value: float, unit: str, measure_word: str, qualifier: str, lower: float | None,
        upper: float | None, kind: str, start: int, end: int, surface: str,
        period_hints: tuple[PeriodHint, ...] = (),
    ) -> None:  # fmt: skip
        # What dataclass would generate, but through the slots' own setters: its
        # object.__setattr__ per field was a third of the cost of reading a figure.
        fields = _FIELD_SETTERS
        fields[0](self, value)
        fields[1](self, unit)
        fields[2](self, measure_word)
        fields[3](self, qualifier)
        fields[4](self, lower)
        fields[5](self, upper)
        fields[6](self, kind)
        fields[7](self, start)
        fields[8](self, end)
        fields[9](self, surface)
        fields[10](self, period_hints)
        self.__post_init__()

    def __post_init__(self) -> None:
        # messages are built only on failure: extraction creates many of these
        if not math.isfinite(self.value):
            _require(False, "value", "a finite number", self.value)
        if self.unit not in UNITS:
            _require(False, "unit", "a code of county_data.catalogue.units", self.unit)
        if self.qualifier not in QUALIFIERS:
            _require(False, "qualifier", f"one of {QUALIFIERS}", self.qualifier)
        if self.kind not in KINDS:
            _require(False, "kind", f"one of {KINDS}", self.kind)
        _check_span(self.start, self.end, self.surface)
        self._check_bounds()

    def _check_bounds(self) -> None:
        lower_is_value, upper_is_value = bounds_equal_value(self.qualifier)
        if lower_is_value and self.lower != self.value:
            _require(False, "lower", f"value={self.value} for {self.qualifier}", self.lower)
        if upper_is_value and self.upper != self.value:
            _require(False, "upper", f"value={self.value} for {self.qualifier}", self.upper)
        if self.lower is not None and self.lower > self.value:
            _require(False, "lower", f"<= value={self.value}", self.lower)
        if self.upper is not None and self.upper < self.value:
            _require(False, "upper", f">= value={self.value}", self.upper)

    @property
    def is_range(self) -> bool:
        """True for 3—5万 and 30%至40%: both bounds known and different."""
        return self.lower is not None and self.upper is not None and self.lower < self.upper


_FIELD_SETTERS = tuple(Quantity.__dict__[name].__set__ for name in Quantity.__slots__)
