"""The caller's own values in place of an assumption set's: one frozen, validated :class:`Overrides`.

A value given as text is read once, here, into an exact Fraction (masses in mg, shares as a
fraction of one); an error names the parameter in its ``parameter`` field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypedDict, Unpack

from .errors import DoseconvError, InputError
from .reading.numbers import exact_fraction
from .reading.quantity import Amount, mass_in_mg
from .reading.shares import parse_share

__all__ = ["OVERRIDE_PARAMETERS", "MassInput", "OverrideArgs", "Overrides", "ShareInput"]

ShareInput = str | int | float | Decimal | Fraction
MassInput = str | Amount

#: Override name -> (the set parameter it replaces, or None when it is not a set value; what it is, in words).
OVERRIDE_PARAMETERS: dict[str, tuple[str | None, str]] = {
    "lethal_dose": ("lethal_dose", "lethal dose"),
    "purity": ("powder_purity", "purity"),
    "pill_share": ("pill_share", "pill share"),
    "mg_per_pill": ("pill_content", "mg per pill"),
    "pill_mass": (None, "pill mass"),  # counts pills given by weight; not a value of the set
}


#: A mass override's example in its error message (a value of its own size).
_EXAMPLES = {"lethal_dose": "2 mg", "mg_per_pill": "2.4 mg", "pill_mass": "100 mg"}


class OverrideArgs(TypedDict, total=False):
    """The overrides as keyword arguments of the public functions (each funnels them into one :class:`Overrides`)."""

    purity: ShareInput | None
    lethal_dose: MassInput | None
    pill_share: ShareInput | None
    mg_per_pill: MassInput | None
    pill_mass: MassInput | None


@dataclass(frozen=True, init=False)
class Overrides:
    """Values the caller gives in place of the set's, read and checked once.

    >>> Overrides(purity="10%", lethal_dose="3 mg")
    Overrides(lethal_dose=Fraction(3, 1), purity=Fraction(1, 10), pill_share=None, mg_per_pill=None, pill_mass=None)
    >>> Overrides(purity="150%")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: purity '150%' is above 100 %; give a value from 0% to 100% (or 0 to 1)
    """

    lethal_dose: Fraction | None
    purity: Fraction | None
    pill_share: Fraction | None
    mg_per_pill: Fraction | None
    pill_mass: Fraction | None

    def __init__(
        self,
        *,
        purity: ShareInput | None = None,
        lethal_dose: MassInput | None = None,
        pill_share: ShareInput | None = None,
        mg_per_pill: MassInput | None = None,
        pill_mass: MassInput | None = None,
    ) -> None:
        given = {
            "lethal_dose": lethal_dose,
            "purity": purity,
            "pill_share": pill_share,
            "mg_per_pill": mg_per_pill,
            "pill_mass": pill_mass,
        }
        for name, value in given.items():  # in a fixed order, so the first bad value is the one named
            try:
                parsed = _read(name, value)
            except DoseconvError as error:
                error.parameter = name
                if error.advises("decimal_comma"):  # an override is read as written: no switch reads it otherwise
                    error.remedy = None
                raise
            object.__setattr__(self, name, parsed)

    @classmethod
    def of(cls, overrides: Overrides | None = None, **given: Unpack[OverrideArgs]) -> Overrides:
        """One value from an :class:`Overrides` and/or keyword arguments (the keywords win).

        >>> Overrides.of(Overrides(purity="10%"), lethal_dose="3 mg").purity
        Fraction(1, 10)
        """
        if overrides is None:
            return cls(**given)
        if not any(value is not None for value in given.values()):
            return overrides
        extra = cls(**given)
        merged = object.__new__(cls)
        for f in fields(cls):
            value = getattr(extra, f.name)
            object.__setattr__(merged, f.name, getattr(overrides, f.name) if value is None else value)
        return merged

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Overrides:
        """One value from a front end's options by parameter name (a command's options, a form's or a request's
        fields): other names are ignored, and a blank string counts as not given, as for a form field left empty.

        >>> Overrides.from_options({"purity": "10%", "lethal_dose": "", "claim": "193 million doses"}).given
        {'purity': Fraction(1, 10)}
        """
        given: dict[str, Any] = {}
        for name in OVERRIDE_PARAMETERS:
            value = options.get(name)
            given[name] = None if isinstance(value, str) and not value.strip() else value
        return cls(**given)

    @property
    def given(self) -> dict[str, Fraction]:
        """The overrides that were given, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}

    def set_values(self) -> dict[str, Fraction | None]:
        """The overrides of set parameters, by the set's parameter names (for :meth:`AssumptionSet.override`)."""
        out: dict[str, Fraction | None] = {}
        for name, (parameter, _) in OVERRIDE_PARAMETERS.items():
            if parameter is not None:
                out[parameter] = getattr(self, name)
        return out


def _read(name: str, value: ShareInput | MassInput | None) -> Fraction | None:
    if value is None:
        return None
    what = OVERRIDE_PARAMETERS[name][1]
    if name in ("purity", "pill_share"):
        if isinstance(value, str):
            return parse_share(value, what=what)
        if isinstance(value, Amount):
            raise InputError(f"{what} must be a share such as '10%' or 0.1, not a {value.kind}")
        share = exact_fraction(value, what)
        if share > 1:
            raise InputError(f"{what} {value} is above 1; give a fraction from 0 to 1 or a string like '15%'")
        return share
    if not isinstance(value, (str, Amount)):
        raise InputError(f"{what} must be a mass with a unit, such as '2 mg'")
    mg = mass_in_mg(value, what=what, example=_EXAMPLES[name])
    if mg <= 0 and name in ("lethal_dose", "pill_mass"):
        raise InputError(f"{what} must be more than zero")
    return mg
