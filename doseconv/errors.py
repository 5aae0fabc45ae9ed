"""One error base for doseconv; each subclass also inherits the builtin a caller expects."""

from __future__ import annotations

__all__ = [
    "AmbiguousUnitError",
    "AssumptionError",
    "ClaimsFileError",
    "DoseconvError",
    "InputError",
    "MissingValueError",
    "PopulationError",
    "UnitError",
    "UnknownAssumptionSetError",
]


class DoseconvError(Exception):
    """Base of every error doseconv raises on purpose; its message is one line meant for a person."""


class InputError(DoseconvError, ValueError):
    """A figure, number or option value that cannot be read."""


class UnitError(InputError):
    """A unit that is unknown or of the wrong kind (a pill where a mass is needed)."""


class AmbiguousUnitError(UnitError):
    """A unit with more than one reading, such as a bare "ton"."""


class AssumptionError(DoseconvError, ValueError):
    """An assumption set file that is malformed or lacks a citation."""


class UnknownAssumptionSetError(DoseconvError, LookupError):
    """An assumption set name that is not known."""


class MissingValueError(DoseconvError, LookupError):
    """A value the chosen assumption set does not publish."""


class ClaimsFileError(DoseconvError, ValueError):
    """A claims file that cannot be read; the message names the file and the line."""


class PopulationError(InputError):
    """A place, population phrase or year that cannot be read, or a place name with several candidates."""
