"""doseconv: drug-seizure figures to potentially lethal doses, exactly; published totals checked.

The public API is what ``__all__`` lists (documented in docs/library.md). The claim checker and
the reading of published figures load on first use, so a conversion alone stays quick to import.

>>> from doseconv import convert, check
>>> convert("6500 lb", "kg").display
'2,948.350405 kg'
>>> check(pills=250_000, powder=12, powder_unit="kg", claim=5_700_000).verdict
'implausible'
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
from .convert import Conversion, convert, convert_mass, doses_to_mass, pills_to_doses, powder_to_doses, to_doses
from .errors import (
    AmbiguousUnitError,
    AssumptionError,
    ClaimsFileError,
    DoseconvError,
    DrugError,
    InputError,
    MissingValueError,
    PopulationError,
    UnitError,
    UnknownAssumptionSetError,
)
from .overrides import Overrides
from .reading.numbers import format_count, format_grouped, format_words, parse_number, round_to, step_of
from .reading.quantity import Amount, parse_amount
from .reading.shares import parse_share

#: Names loaded on first use, by module: the claim checker and the reading of published figures.
_LAZY = {
    "check": "checker",
    "CheckResult": "checker",
    "Verdict": "checker",
    "VERDICTS": "checker",
    "Diagnosis": "checker",
    "Implied": "checker",
    "Band": "checker",
    "StatedFigure": "reading.stated",
    "parse_stated": "reading.stated",
    "describe": "reading.stated",
    "parse_claim": "reading.inputs",
    "read_figure": "reading.inputs",
    "check_table": "batch",  # pandas itself loads only when a table is checked
    "MissingValuesWarning": "vectors",
    "trace": "tracing",
}

__all__ = [
    "DEFAULT_SET",
    "PILL_MODELS",
    "VERDICTS",
    "AmbiguousUnitError",
    "Amount",
    "AssumptionError",
    "AssumptionSet",
    "Band",
    "CheckResult",
    "ClaimsFileError",
    "Conversion",
    "Diagnosis",
    "DoseconvError",
    "DrugError",
    "Implied",
    "InputError",
    "MissingValueError",
    "MissingValuesWarning",
    "Overrides",
    "Parameter",
    "PopulationError",
    "Source",
    "StatedFigure",
    "UnitError",
    "UnknownAssumptionSetError",
    "Verdict",
    "__version__",
    "check",
    "check_table",
    "convert",
    "convert_mass",
    "describe",
    "doses_to_mass",
    "format_count",
    "format_grouped",
    "format_words",
    "load_set",
    "parse_amount",
    "parse_claim",
    "parse_number",
    "parse_share",
    "parse_stated",
    "pill_factor",
    "pills_to_doses",
    "powder_to_doses",
    "read_figure",
    "resolve_assumptions",
    "round_to",
    "set_names",
    "step_of",
    "to_doses",
    "trace",
]

if TYPE_CHECKING:  # pragma: no cover
    from .batch import check_table
    from .checker import VERDICTS, Band, CheckResult, Diagnosis, Implied, Verdict, check
    from .reading.inputs import parse_claim, read_figure
    from .reading.stated import StatedFigure, describe, parse_stated
    from .tracing import trace
    from .vectors import MissingValuesWarning


def __getattr__(name: str) -> Any:
    """The claim checker and the reading of published figures load on first use (a conversion never needs them)."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'doseconv' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
