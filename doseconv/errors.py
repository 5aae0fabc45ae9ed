"""One error base for doseconv; each subclass also inherits the builtin a caller expects."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

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
    "UnitError",
    "UnknownAssumptionSetError",
]


class DoseconvError(Exception):
    """Base of every error doseconv raises on purpose; its message is one line meant for a person.

    ``parameter`` names the value at fault when there is one, as the library calls it
    (``"purity"``, ``"pill_share"``): a front end can point at its own name for it.
    """

    def __init__(self, message: str = "", *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.parameter = parameter

    def message_for(self, names: Mapping[str, str]) -> str:
        """The message with the parameter called by a front end's name for it (``{"pill_share": "--pill-share"}``).

        >>> InputError("write 1.5, or read it with decimal_comma", parameter="decimal_comma").message_for(
        ...     {"decimal_comma": "--decimal-comma"})
        'write 1.5, or read it with --decimal-comma'

        A front end without an option for the parameter gets the message without the advice to give it:

        >>> InputError("write 1.5, or read it with decimal_comma", parameter="decimal_comma").message_for({})
        'write 1.5'
        >>> MissingValueError("dea-2023", "mean fentanyl per pill", "mg_per_pill", ("dea-2022",)).message_for({})
        "set 'dea-2023' publishes no mean fentanyl per pill; choose a set that does (dea-2022)"
        """
        if self.parameter is None:
            return str(self)
        name = re.escape(self.parameter)
        if self.parameter not in names:  # the front end has no such option: the advice to give it is left out
            text = re.sub(rf", or [^,;]*?\b(with|give) {name}\b", "", str(self))
            return re.sub(rf"\bgive {name} or ", "", text)
        # Only where the message tells the reader to give the parameter ("… with decimal_comma", "give purity").
        return re.sub(rf"\b(with|give) {name}\b", rf"\1 {names[self.parameter]}", str(self))


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
    """A value the chosen assumption set does not publish; ``parameter`` is the override that would supply it.

    >>> error = MissingValueError("dea-2023", "mean fentanyl per pill", "mg_per_pill", ("dea-2022",))
    >>> str(error)
    "set 'dea-2023' publishes no mean fentanyl per pill; give mg_per_pill or choose a set that does (dea-2022)"
    >>> error.message_for({"mg_per_pill": "--mg-per-pill"})
    "set 'dea-2023' publishes no mean fentanyl per pill; give --mg-per-pill or choose a set that does (dea-2022)"
    """

    def __init__(self, set_name: str, what: str, parameter: str | None, others: Sequence[str]) -> None:
        self.set_name = set_name
        self.what = what
        self.others = tuple(others)
        how = f"; give {parameter}" if parameter else ""
        super().__init__(
            f"set {set_name!r} publishes no {what}{how} or choose a set that does ({', '.join(self.others) or 'none'})",
            parameter=parameter,
        )


class ClaimsFileError(DoseconvError, ValueError):
    """A claims file that cannot be read; the message names the file and the line."""


class OutsideSetError(ClaimsFileError):
    """A claims file naming an assumption set file outside its own folder; ``parameter`` is the switch that allows it.

    >>> error = OutsideSetError("claims.toml:9: claim 'a'", "/etc/passwd", "/data")
    >>> str(error)
    "claims.toml:9: claim 'a': assumptions '/etc/passwd' is outside the claims file's folder /data; name a bundled set, put the set file in that folder, or give allow_outside_sets"
    >>> error.message_for({"allow_outside_sets": "--allow-outside-sets"}).endswith("or give --allow-outside-sets")
    True
    """

    def __init__(self, where: str, value: str, folder: str) -> None:
        self.where, self.value, self.folder = where, value, folder
        super().__init__(
            f"{where}: assumptions {value!r} is outside the claims file's folder {folder}; "
            "name a bundled set, put the set file in that folder, or give allow_outside_sets",
            parameter="allow_outside_sets",
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
