"""Read Chinese quantities (超5.5亿元, 140余家, 四分之一以上) out of report text.

``extract_quantities(text)`` finds every figure with value in base units,
unit code, qualifier and bounds, kind, span and nearby period hints;
``parse_quantity(text)`` reads one expression.
"""

from county_data.qualifiers import QUALIFIERS

from .extract import extract_quantities
from .parse import parse_quantity
from .record import PeriodHint, Quantity
from .vocabulary import KINDS

__all__ = ["KINDS", "QUALIFIERS", "PeriodHint", "Quantity", "extract_quantities", "parse_quantity"]
