"""doseconv: drug-seizure figures to potentially lethal doses, exactly; published totals checked.

>>> from doseconv import convert
>>> convert("6500 lb", "kg").display
'2,948.350405 kg'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .assumptions import (
    DEFAULT_SET,
    PILL_MODELS,
    AssumptionSet,
    Parameter,
    Source,
    load_set,
    pill_factor,
    resolve_assumptions,
    set_names,
)
from .convert import Conversion, convert, convert_mass, doses_to_mass, pills_to_doses, powder_to_doses
from .errors import (
    AmbiguousUnitError,
    AssumptionError,
    ClaimsFileError,
    DoseconvError,
    InputError,
    MissingValueError,
    UnitError,
    UnknownAssumptionSetError,
)
from .numbers import format_count, format_grouped, format_words, parse_number, parse_share, round_to, step_of
from .overrides import Overrides
from .quantity import Amount, parse_amount

__all__ = [
    "DEFAULT_SET",
    "PILL_MODELS",
    "AmbiguousUnitError",
    "Amount",
    "AssumptionError",
    "AssumptionSet",
    "CheckResult",
    "ClaimsFileError",
    "Conversion",
    "DoseconvError",
    "InputError",
    "MissingValueError",
    "Overrides",
    "Parameter",
    "Source",
    "UnitError",
    "UnknownAssumptionSetError",
    "__version__",
    "check",
    "check_table",
    "convert",
    "convert_mass",
    "doses_to_mass",
    "format_count",
    "format_grouped",
    "format_words",
    "load_set",
    "parse_amount",
    "parse_number",
    "parse_share",
    "pill_factor",
    "pills_to_doses",
    "powder_to_doses",
    "resolve_assumptions",
    "round_to",
    "set_names",
    "step_of",
]

if TYPE_CHECKING:  # pragma: no cover
    from .batch import check_table
    from .checker import CheckResult, check


def __getattr__(name: str) -> Any:
    """``check`` and ``CheckResult`` load the claim checker on first use (a conversion never needs it)."""
    if name in ("check", "CheckResult"):
        from . import checker

        return getattr(checker, name)
    if name == "check_table":  # loads pandas: only when a table is checked
        from .batch import check_table

        return check_table
    raise AttributeError(f"module 'doseconv' has no attribute {name!r}")
