"""The tables of a county data package as pandera models: the one source of truth.

Frictionless Table Schemas (types, constraints, enums, keys) are generated from
these models by :mod:`county_data.package.table_schema`; nothing here is written twice.
Row-level checks across columns (bounds around the value, spans that run
forward) have no Table Schema equivalent and are checked by pandera only.
Missing values are empty cells in CSV and nulls in pandas.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from county_data.annotation.entries import HONOUR_LEVELS
from county_data.catalogue.codes import COUNTY_CODE_PATTERN
from county_data.catalogue.metric import MEASURE_KINDS, METRIC_ID
from county_data.catalogue.units import UNIT_CODES
from county_data.periods import DAY_PATTERN, PERIOD_PATTERN, YEAR_PATTERN
from county_data.qualifiers import QUALIFIERS
from county_data.source.frozen import SOURCE_KINDS

ID = r"^[a-z0-9][a-z0-9_.-]*$"
METHODS = ("reported", "derived")


class _Table(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True
        ordered = True


class _Quoted(_Table):
    """Tables whose rows point at a quote by character offsets."""

    @pa.dataframe_check(error="char_end must be after char_start")
    def quote_span(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["char_end"] > frame["char_start"]


class Counties(_Table):
    county_code: Series[str] = pa.Field(str_matches=COUNTY_CODE_PATTERN, unique=True, description="GB/T 2260 code")
    name_zh: Series[str] = pa.Field(description="Chinese name")
    name_en: Series[str] = pa.Field(description="English name")
    prefecture_zh: Series[str] = pa.Field(description="prefecture-level city, Chinese")
    prefecture_en: Series[str] = pa.Field(description="prefecture-level city, English")
    province_zh: Series[str] = pa.Field(description="province, Chinese")
    province_en: Series[str] = pa.Field(description="province, English")

    class Config:
        name = "counties"
        title = "Counties"


class Sources(_Table):
    source_id: Series[str] = pa.Field(str_matches=ID, unique=True, description="source identifier")
    county_code: Series[str] = pa.Field(str_matches=COUNTY_CODE_PATTERN, description="county the source is about")
    kind: Series[str] = pa.Field(isin=list(SOURCE_KINDS), description="news, work report or statistical bulletin")
    title: Series[str] = pa.Field(description="title or headline as published")
    subject: Series[str] = pa.Field(nullable=True, description="what the text is about")
    outlet: Series[str] = pa.Field(nullable=True, description="publishing outlet; empty when the text does not say")
    published: Series[str] = pa.Field(
        nullable=True, str_matches=DAY_PATTERN, description="publication date; empty when not stated"
    )
    author: Series[str] = pa.Field(nullable=True, description="byline")
    photographs: Series[str] = pa.Field(nullable=True, description="credit for photographs")
    language: Series[str] = pa.Field(description="BCP 47 language tag")
    url: Series[str] = pa.Field(nullable=True, description="where the text was published")
    licence: Series[str] = pa.Field(nullable=True, description="terms of the text itself")
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="sha256 of the frozen bytes")
    bytes: Series[int] = pa.Field(ge=0, description="size of the frozen bytes")
    path: Series[str] = pa.Field(nullable=True, description="path of the text in this package, if shipped")

    class Config:
        name = "sources"
        title = "Sources"


class Metrics(_Table):
    metric_id: Series[str] = pa.Field(str_matches=METRIC_ID.pattern, unique=True, description="metric identifier")
    label_zh: Series[str] = pa.Field(description="Chinese label")
    label_en: Series[str] = pa.Field(description="English label")
    topic: Series[str] = pa.Field(description="topic the metric belongs to")
    unit: Series[str] = pa.Field(isin=list(UNIT_CODES), description="unit code of values")
    measure_word: Series[str] = pa.Field(nullable=True, description="Chinese measure word of counts")
    measure_kind: Series[str] = pa.Field(isin=list(MEASURE_KINDS), description="level, cumulative, change …")
    definition: Series[str] = pa.Field(description="what is measured")
    min_value: Series[float] = pa.Field(nullable=True, description="smallest plausible value")
    max_value: Series[float] = pa.Field(nullable=True, description="largest plausible value")

    class Config:
        name = "metrics"
        title = "Metric catalogue"


class Observations(_Quoted):
    observation_id: Series[str] = pa.Field(str_matches=ID, unique=True, description="observation identifier")
    county_code: Series[str] = pa.Field(str_matches=COUNTY_CODE_PATTERN, description="GB/T 2260 code")
    metric_id: Series[str] = pa.Field(description="metric in the catalogue")
    period: Series[str] = pa.Field(str_matches=PERIOD_PATTERN, description="ISO 8601 year or interval, or unknown")
    source_id: Series[str] = pa.Field(description="source the figure is quoted from")
    value: Series[float] = pa.Field(description="value in base units (yuan, not 亿元)")
    unit: Series[str] = pa.Field(isin=list(UNIT_CODES), description="unit code")
    measure_word: Series[str] = pa.Field(nullable=True, description="Chinese measure word of counts")
    qualifier: Series[str] = pa.Field(isin=list(QUALIFIERS), description="exact, more_than, at_least …")
    lower_bound: Series[float] = pa.Field(nullable=True, description="smallest value the wording allows")
    upper_bound: Series[float] = pa.Field(nullable=True, description="largest value the wording allows")
    surface: Series[str] = pa.Field(description="the figure as written, e.g. 超5.5亿元")
    baseline_period: Series[str] = pa.Field(
        nullable=True, str_matches=YEAR_PATTERN, description="baseline of a change (较2020年 → 2020)"
    )
    period_text: Series[str] = pa.Field(nullable=True, description="the words that set the period")
    method: Series[str] = pa.Field(isin=list(METHODS), description="reported in the source, or derived")
    formula: Series[str] = pa.Field(nullable=True, description="formula of a derived value over observation ids")
    derived_from: Series[str] = pa.Field(nullable=True, description="space-separated observation ids")
    section: Series[str] = pa.Field(nullable=True, description="report section of the first mention")
    quote: Series[str] = pa.Field(description="exact words of the first mention")
    char_start: Series[int] = pa.Field(ge=0, description="character offset of the quote in the source text")
    char_end: Series[int] = pa.Field(ge=0, description="character offset after the quote")
    mentions: Series[int] = pa.Field(ge=1, description="how many places state this figure (see mentions table)")
    note: Series[str] = pa.Field(nullable=True, description="curator's note")

    class Config:
        name = "observations"
        title = "Observations"
        unique = ("county_code", "metric_id", "period", "source_id")

    @pa.dataframe_check(error="lower_bound <= value <= upper_bound where bounds are given")
    def value_within_bounds(cls, frame: pd.DataFrame) -> pd.Series:
        above = frame["lower_bound"].isna() | (frame["lower_bound"] <= frame["value"])
        below = frame["upper_bound"].isna() | (frame["value"] <= frame["upper_bound"])
        return above & below


class Mentions(_Quoted):
    record_id: Series[str] = pa.Field(str_matches=ID, description="observation or honour id")
    source_id: Series[str] = pa.Field(description="source the quote is from")
    char_start: Series[int] = pa.Field(ge=0, description="character offset of the quote")
    char_end: Series[int] = pa.Field(ge=0, description="character offset after the quote")
    quote: Series[str] = pa.Field(description="exact words in the source")
    section: Series[str] = pa.Field(nullable=True, description="report section")

    class Config:
        name = "mentions"
        title = "Every place a figure or honour is written"


class Honours(_Quoted):
    honour_id: Series[str] = pa.Field(str_matches=ID, unique=True, description="honour identifier")
    county_code: Series[str] = pa.Field(str_matches=COUNTY_CODE_PATTERN, description="GB/T 2260 code")
    name_zh: Series[str] = pa.Field(description="title of the honour, Chinese")
    name_en: Series[str] = pa.Field(description="title of the honour, English")
    level: Series[str] = pa.Field(isin=list(HONOUR_LEVELS), description="national, provincial or prefectural")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1949, le=2100, description="year awarded, if stated")
    source_id: Series[str] = pa.Field(description="source of the first mention")
    section: Series[str] = pa.Field(nullable=True, description="report section of the first mention")
    quote: Series[str] = pa.Field(description="exact words of the first mention")
    char_start: Series[int] = pa.Field(ge=0, description="character offset of the quote")
    char_end: Series[int] = pa.Field(ge=0, description="character offset after the quote")
    note: Series[str] = pa.Field(nullable=True, description="curator's note")

    class Config:
        name = "honours"
        title = "Honours"


TABLES: dict[str, type[_Table]] = {
    "counties": Counties,
    "sources": Sources,
    "metrics": Metrics,
    "observations": Observations,
    "mentions": Mentions,
    "honours": Honours,
}

PRIMARY_KEYS: dict[str, list[str]] = {
    "counties": ["county_code"],
    "sources": ["source_id"],
    "metrics": ["metric_id"],
    "observations": ["county_code", "metric_id", "period", "source_id"],
    "mentions": ["record_id", "source_id", "char_start"],
    "honours": ["honour_id"],
}

FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "sources": [("county_code", "counties", "county_code")],
    "observations": [
        ("county_code", "counties", "county_code"),
        ("metric_id", "metrics", "metric_id"),
        ("source_id", "sources", "source_id"),
    ],
    "mentions": [("source_id", "sources", "source_id")],
    "honours": [("county_code", "counties", "county_code"), ("source_id", "sources", "source_id")],
}
