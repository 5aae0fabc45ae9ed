"""One error base for doseconv; each subclass also inherits the builtin a caller expects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "AmbiguousUnitError",
    "AssumptionError",
    "ClaimsFileError",
    "DoseconvError",
    "DrugError",
    "InputError",
    "MissingValueError",
    "OutputError",
    "OutsideSetError",
    "PopulationError",
    "Remedy",
    "UnitError",
    "UnknownAssumptionSetError",
]


@dataclass(frozen=True)
class Remedy:
    """A value the caller could give to have the input read or the task done, as advice ending an error's message.

    ``parameter`` is the value's library name (``"decimal_comma"``); ``advice`` is the clause that ends the message,
    with a field named by each value's library name where a front end puts its own name for it (``", or read it
    European style with {decimal_comma}"``; a remedy may name several values); ``plain`` is the same advice without a
    name, for a caller of the library (``", or ask for it to be read European style"``). Neither ever names a library
    parameter nor a front end's flag: each front end adds its own names.
    """

    parameter: str
    advice: str
    plain: str


class DoseconvError(Exception):
    """Base of every error doseconv raises on purpose; its message is one line meant for a person.

    ``parameter`` names the value at fault when there is one, as the library calls it
    (``"purity"``, ``"pill_share"``): a front end can point at its own field or option for it. ``remedy`` is the
    value that would fix it (a :class:`Remedy`), which a front end names in its own words (:meth:`message_for`).
    The message itself (``str(error)``) names neither: it says the remedy in plain words.
    """

    def __init__(self, message: str = "", *, parameter: str | None = None, remedy: Remedy | None = None) -> None:
        super().__init__(message)
        self.reason = message
        self.parameter = parameter
        self.remedy = remedy

    def __str__(self) -> str:
        return self.reason + (self.remedy.plain if self.remedy is not None else "")

    def advises(self, parameter: str) -> bool:
        """Whether the remedy is to give ``parameter`` (``error.advises("decimal_comma")``: a figure written
        European style)."""
        return self.remedy is not None and self.remedy.parameter == parameter

    def message_for(self, names: Mapping[str, str]) -> str:
        """The message as a front end shows it: the remedy with the front end's names for the values it names
        (``{"decimal_comma": "--decimal-comma"}``), or left out when the front end has no way to give one of them.

        >>> error = InputError("write 1.5", remedy=Remedy("decimal_comma", ", or with {decimal_comma}", ", or ask for it"))
        >>> str(error)
        'write 1.5, or ask for it'
        >>> error.message_for({"decimal_comma": "--decimal-comma"})
        'write 1.5, or with --decimal-comma'
        >>> error.message_for({})
        'write 1.5'
        >>> MissingValueError("dea-2023", "mean fentanyl per pill", "mg_per_pill", ("dea-2022",)).message_for({})
        "set 'dea-2023' publishes no mean fentanyl per pill; choose a set that does (dea-2022)"
        """
        if self.remedy is None:
            return str(self)
        try:
            return self.reason + self.remedy.advice.format_map(names)
        except KeyError:  # a value the front end has no name for
            return self.reason


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
    """A value the chosen assumption set does not publish; the remedy is the override that would supply it.

    >>> error = MissingValueError("dea-2023", "mean fentanyl per pill", "mg_per_pill", ("dea-2022",))
    >>> str(error)
    "set 'dea-2023' publishes no mean fentanyl per pill; choose a set that does (dea-2022), or give one of your own"
    >>> error.message_for({"mg_per_pill": "--mg-per-pill"})
    "set 'dea-2023' publishes no mean fentanyl per pill; choose a set that does (dea-2022), or give --mg-per-pill"
    """

    def __init__(self, set_name: str, what: str, parameter: str | None, others: Sequence[str]) -> None:
        self.set_name = set_name
        self.what = what
        self.others = tuple(others)
        super().__init__(
            f"set {set_name!r} publishes no {what}; choose a set that does ({', '.join(self.others) or 'none'})",
            parameter=parameter,
            remedy=Remedy(parameter, f", or give {{{parameter}}}", ", or give one of your own") if parameter else None,
        )


class ClaimsFileError(DoseconvError, ValueError):
    """A claims file that cannot be read; the message names the file and the line."""


class OutsideSetError(ClaimsFileError):
    """A claims file naming an assumption set file outside its own folder; the remedy is the switch that allows it.

    >>> error = OutsideSetError("claims.toml:9: claim 'a'", "/etc/passwd", "/data")
    >>> str(error)
    "claims.toml:9: claim 'a': assumptions '/etc/passwd' is outside the claims file's folder /data; name a bundled set or put the set file in that folder, or allow sets outside it"
    >>> error.message_for({"allow_outside_sets": "--allow-outside-sets"}).endswith("or give --allow-outside-sets")
    True
    """

    def __init__(self, where: str, value: str, folder: str) -> None:
        self.where, self.value, self.folder = where, value, folder
        super().__init__(
            f"{where}: assumptions {value!r} is outside the claims file's folder {folder}; "
            "name a bundled set or put the set file in that folder",
            remedy=Remedy("allow_outside_sets", ", or give {allow_outside_sets}", ", or allow sets outside it"),
        )


class OutputError(DoseconvError, OSError):
    """A file that cannot be written (``-o``): the target is an input, a folder, or the system refused it.

    The target is left as it was. It is also an ``OSError``, as a caller writing files expects.
    """


class PopulationError(InputError):
    """A place, population phrase or year that cannot be read, or a place name with several candidates."""


class DrugError(InputError):
    """A figure that names a drug doseconv does not count (methamphetamine, carfentanil …); ``drug`` names it."""

    def __init__(self, message: str, *, drug: str) -> None:
        super().__init__(message)
        self.drug = drug
