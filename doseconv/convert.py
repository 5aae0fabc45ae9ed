"""Conversions between masses, pills and potentially lethal doses.

Scalars give exact :class:`fractions.Fraction` results. numpy arrays, pandas Series and Index
objects take the vectorized path of :mod:`doseconv.vectors`: the factor is computed once, exactly,
with the registry, and the array is multiplied by it once as float64.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar, Unpack, overload

from .assumptions import (
    DEFAULT_PILL_MODEL,
    PILL_MODELS,
    AssumptionSet,
    PillModel,
    SetChoice,
    pill_factor,
    resolve_assumptions,
    show_value,
)
from .errors import InputError, UnitError
from .overrides import OverrideArgs, Overrides
from .reading.numbers import exact_fraction, exact_text, format_count, format_grouped, round_to
from .reading.quantity import Amount, parse_amount, weighs_pills
from .registry import resolve_unit, unit_factor
from .vectors import scale

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

#: A Series or an Index: the result is one of the same kind, with the same index.
PandasT = TypeVar("PandasT", "pd.Series", "pd.Index")
#: A single figure: text ("6500 lb"), an Amount, or a plain number; converted exactly, to a Fraction.
Scalar = str | Amount | int | float | Decimal | Fraction

__all__ = [
    "PILL_MODELS",
    "Conversion",
    "convert",
    "convert_mass",
    "doses_to_mass",
    "pills_to_doses",
    "powder_to_doses",
    "to_doses",
]


def _chosen(assumptions: SetChoice, overrides: Overrides | None, given: OverrideArgs) -> AssumptionSet:
    """The set with the caller's overrides (an :class:`Overrides` and/or keywords) applied."""
    return resolve_assumptions(assumptions, Overrides.of(overrides, **given))


def _amount_in(value: Any, unit: str | None, kind: str, what: str) -> tuple[Any, str]:
    """Split a value into (magnitude, registry unit) after checking its kind.

    A unit written in the text (or carried by an :class:`Amount`) must agree with ``unit`` when both are given.
    """
    if isinstance(value, str):
        value = parse_amount(value, default_unit=unit)
    if isinstance(value, Amount):
        if value.kind != kind:
            raise UnitError(f"{what} must be {kind}, not {value.kind} ({value.text or value})")
        if unit is not None and resolve_unit(unit)[0] != value.unit:
            raise UnitError(
                f"{what} {value.text or value!r} is in {value.unit}, but unit={unit!r} was given; "
                "give the unit once, in the text or as unit="
            )
        return value.value, value.unit
    if unit is None:
        if kind == "mass":
            raise UnitError(f"{what}: give unit= (such as 'kg' or 'lb') for a bare number")
        unit = {"pills": "pill", "doses": "dose"}[kind]
    name, found = resolve_unit(unit)
    if found != kind:
        raise UnitError(f"{what}: unit {unit!r} is {found}, not {kind}")
    return value, name


@overload
def convert_mass(value: Scalar, from_unit: str | None = None, to_unit: str = "kg") -> Fraction: ...
@overload
def convert_mass(
    value: npt.NDArray[Any], from_unit: str | None = None, to_unit: str = "kg"
) -> npt.NDArray[np.float64]: ...
@overload
def convert_mass(value: PandasT, from_unit: str | None = None, to_unit: str = "kg") -> PandasT: ...
def convert_mass(value: Any, from_unit: str | None = None, to_unit: str = "kg") -> Any:
    """Convert a mass between units: a Fraction for one figure, floats for an array, Series or Index (a Series
    is named for the unit it holds, ``kg``).

    >>> convert_mass("6500 lb", to_unit="kg")
    Fraction(589670081, 200000)
    >>> convert_mass(1, "oz", "g")
    Fraction(45359237, 1600000)
    """
    magnitude, unit = _amount_in(value, from_unit, "mass", "mass")
    target, kind = resolve_unit(to_unit)
    if kind != "mass":
        raise UnitError(f"{to_unit!r} is not a mass unit")
    return scale(magnitude, unit_factor(unit, target), "mass", _SYMBOLS.get(target, target))


@overload
def powder_to_doses(
    mass: Scalar,
    unit: str | None = None,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> Fraction: ...
@overload
def powder_to_doses(
    mass: npt.NDArray[Any],
    unit: str | None = None,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> npt.NDArray[np.float64]: ...
@overload
def powder_to_doses(
    mass: PandasT,
    unit: str | None = None,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> PandasT: ...
def powder_to_doses(
    mass: Any,
    unit: str | None = None,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> Any:
    """Doses in a mass of powder: mass x purity / lethal dose.

    ``purity`` (a share such as "10%" or Fraction(1, 10)) overrides the set's mean purity.

    >>> powder_to_doses("6500 lb", purity="10%")
    Fraction(589670081, 4)
    >>> powder_to_doses("1 kg", assumptions="pure")
    Fraction(500000, 1)
    """
    chosen = _chosen(assumptions, overrides, given)
    magnitude, unit_name = _amount_in(mass, unit, "mass", "powder")
    share = chosen.require("powder_purity")
    factor = unit_factor(unit_name, "milligram") * share / chosen.require("lethal_dose")
    return scale(magnitude, factor, "powder", "doses")


@overload
def pills_to_doses(
    pills: Scalar,
    model: PillModel | str = DEFAULT_PILL_MODEL,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> Fraction: ...
@overload
def pills_to_doses(
    pills: npt.NDArray[Any],
    model: PillModel | str = DEFAULT_PILL_MODEL,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> npt.NDArray[np.float64]: ...
@overload
def pills_to_doses(
    pills: PandasT,
    model: PillModel | str = DEFAULT_PILL_MODEL,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> PandasT: ...
def pills_to_doses(
    pills: Any,
    model: PillModel | str = DEFAULT_PILL_MODEL,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> Any:
    """Doses in a count of pills under a pill model (see :data:`PILL_MODELS`).

    >>> pills_to_doses("44 million pills", "lab-share", assumptions="dea-2023")
    Fraction(30800000, 1)
    >>> pills_to_doses(1000, "mean-content", assumptions="dea-2022")
    Fraction(1200, 1)
    """
    chosen = _chosen(assumptions, overrides, given)
    magnitude, _ = _amount_in(pills, None, "pills", "pills")
    return scale(magnitude, pill_factor(chosen, model), "pills", "doses")


@overload
def doses_to_mass(
    doses: Scalar,
    unit: str = "kg",
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> Fraction: ...
@overload
def doses_to_mass(
    doses: npt.NDArray[Any],
    unit: str = "kg",
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> npt.NDArray[np.float64]: ...
@overload
def doses_to_mass(
    doses: PandasT,
    unit: str = "kg",
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> PandasT: ...
def doses_to_mass(
    doses: Any,
    unit: str = "kg",
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> Any:
    """Mass of pure fentanyl that makes ``doses`` lethal doses.

    >>> doses_to_mass("193 million doses", "kg")
    Fraction(386, 1)
    >>> doses_to_mass(1, "mg", lethal_dose="3 mg")
    Fraction(3, 1)
    """
    chosen = _chosen(assumptions, overrides, given)
    magnitude, _ = _amount_in(doses, None, "doses", "doses")
    target, kind = resolve_unit(unit)
    if kind != "mass":
        raise UnitError(f"{unit!r} is not a mass unit")
    factor = chosen.require("lethal_dose") * unit_factor("milligram", target)
    return scale(magnitude, factor, "doses", _SYMBOLS.get(target, target))


@dataclass(frozen=True)
class Conversion:
    """The result of :func:`convert`: the exact value, how it was made, and how to show it."""

    source: Amount
    value: Fraction
    unit: str
    kind: str
    assumptions: AssumptionSet | None
    pill_model: str | None = None
    steps: tuple[str, ...] = field(default=())
    #: Powder to doses: the doses with the powder counted as pure fentanyl (the most the mass can hold), and how.
    pure_value: Fraction | None = None
    pure_step: str = ""

    @property
    def display(self) -> str:
        """The rounded figure with its unit, as a person reads it (a small value keeps three significant digits).

        >>> convert("1 mg", "doses", assumptions="pure").display
        '0.5 doses'
        >>> convert("2 mg", "doses", assumptions="pure").display
        '1 dose'
        """
        return self._show(self.value)

    @property
    def pure_display(self) -> str | None:
        """The doses with the powder counted as pure fentanyl, rounded, or None (not a powder conversion).

        >>> convert("6500 lb", "doses", purity="10%").pure_display
        '1,474,175,203 doses'
        """
        return None if self.pure_value is None else self._show(self.pure_value)

    @property
    def pure_label(self) -> str:
        """What the pure figure means, in words: "with the powder counted as pure fentanyl (the most 6,500 lb can hold)"."""
        mass = f"{format_grouped(self.source.value)} {_SYMBOLS.get(self.source.unit, self.source.unit)}"
        return f"with the powder counted as pure fentanyl (the most {mass} can hold)"

    def _show(self, value: Fraction) -> str:
        if self.kind == "doses":
            shown = show_small(value, whole_from=100)
            return f"{shown} {'dose' if shown == '1' else 'doses'}"
        return f"{show_small(value)} {_SYMBOLS.get(self.unit, self.unit)}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "input": {
                "text": self.source.text,
                "value": exact_text(self.source.value),
                "unit": self.source.unit,
                "kind": self.source.kind,
            },
            "target": {"unit": self.unit, "kind": self.kind},
            "value": exact_text(self.value),
            "display": self.display,
            "method": list(self.steps),
        }
        if self.pill_model:
            out["pill_model"] = self.pill_model
        if self.pure_value is not None and self.assumptions is not None:
            out["purity"] = exact_text(self.assumptions.require("powder_purity"))
            out["pure"] = {
                "value": exact_text(self.pure_value),
                "display": self.pure_display,
                "method": [self.pure_step],
                "meaning": "the powder counted as pure fentanyl: the most the mass can hold, not what it likely holds",
            }
        out["assumptions"] = self.assumptions.to_dict() if self.assumptions else None
        return out


def show_small(value: Fraction, *, whole_from: int | None = None) -> str:
    """A figure as shown: counts from ``whole_from`` up in whole units and below it to three significant
    digits; other figures to six decimals, or three significant digits when that would show 0. No
    value above zero is shown as 0.

    >>> show_small(Fraction(48, 125), whole_from=100), show_small(Fraction(1474175202.5), whole_from=100)
    ('0.384', '1,474,175,203')
    >>> show_small(Fraction(1, 3)), show_small(Fraction(1, 3_000_000_000)), show_small(Fraction(589670081, 200000))
    ('0.333333', '0.000000000333', '2,948.350405')
    """
    if value == 0 or (whole_from is not None and value >= whole_from):
        return format_count(value)
    if whole_from is None and value >= Fraction(1, 1000):
        return format_grouped(value)
    with localcontext() as context:
        context.prec = 60
        magnitude = (Decimal(value.numerator) / Decimal(value.denominator)).adjusted()
    rounded = round_to(value, Decimal(1).scaleb(magnitude - 2))
    if whole_from is not None and rounded >= whole_from:
        return format_count(rounded)
    return format_grouped(rounded)


_SYMBOLS = {
    "milligram": "mg", "gram": "g", "kilogram": "kg", "pound": "lb", "ounce": "oz",
    "short_ton": "short tons", "long_ton": "long tons", "tonne": "tonnes", "microgram": "mcg",
    "pill": "pills", "lethal_dose": "doses",
}  # fmt: skip


def _auto_mass_unit(mg: Fraction) -> str:
    if mg >= 1_000_000:
        return "kilogram"
    if mg >= 1000:
        return "gram"
    return "milligram"


def convert(
    quantity: str | Amount,
    target: str | None = None,
    *,
    pill_model: str | None = None,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    decimal_comma: bool = False,
    **given: Unpack[OverrideArgs],
) -> Conversion:
    """Convert one figure as written ("6500 lb", "44 million pills") to ``target``.

    Masses go to other masses or to doses (needs a purity); pills go to doses (needs a pill
    model); doses go to the mass of pure fentanyl they stand for. Without ``target``, masses
    and pills go to doses and doses to a mass. ``decimal_comma=True`` reads European figures
    ("1,5 kg" is one and a half kilograms, "6.500 lb" six thousand five hundred pounds).

    >>> convert("6500 lb", "kg").display
    '2,948.350405 kg'
    >>> convert("6500 lb", "doses", purity="10%").value
    Fraction(589670081, 4)
    >>> convert("10 lb", "pills")
    Traceback (most recent call last):
    ...
    doseconv.errors.UnitError: cannot convert a mass to pills: a pill's fentanyl content is not its weight; convert to doses instead
    """
    source = quantity if isinstance(quantity, Amount) else parse_amount(quantity, decimal_comma=decimal_comma)
    if target is None:
        target_unit, target_kind = ("lethal_dose", "doses") if source.kind != "doses" else ("", "mass")
    else:
        target_unit, target_kind = resolve_unit(target)
    if pill_model is not None and pill_model not in PILL_MODELS:
        raise InputError(f"unknown pill model {pill_model!r}; choose one of: {', '.join(PILL_MODELS)}")
    kinds = (source.kind, target_kind)
    if source.kind == "mass" and target_kind != "mass" and weighs_pills(source.text):
        raise UnitError(
            f"{source.text!r} is a weight of pills, not of powder: doses come from the pills' count (their weight "
            "over one pill's weight), which the claim checker works out given a pill's weight"
        )
    chosen_overrides = Overrides.of(overrides, **given)
    if kinds == ("mass", "mass") and assumptions is None and not chosen_overrides.given:
        factor = unit_factor(source.unit, target_unit)  # no set needed (nor loaded)
        return Conversion(source, source.value * factor, target_unit, "mass", None)
    chosen = resolve_assumptions(assumptions, chosen_overrides)
    if kinds == ("mass", "mass"):  # options were given: checked above, but a mass needs none of them
        factor = unit_factor(source.unit, target_unit)
        return Conversion(source, source.value * factor, target_unit, "mass", None)
    if kinds in (("mass", "doses"), ("pills", "doses"), ("doses", "mass")):
        return _with_set(source, target_unit, chosen, pill_model or DEFAULT_PILL_MODEL)
    if kinds == ("doses", "doses") or kinds == ("pills", "pills"):
        return Conversion(source, source.value, source.unit, source.kind, None)
    if target_kind == "pills":
        raise UnitError(
            f"cannot convert {'a mass' if source.kind == 'mass' else 'doses'} to pills: "
            "a pill's fentanyl content is not its weight; convert to doses instead"
        )
    raise UnitError("cannot convert pills to a mass: convert the pills to doses, then the doses to a mass")


def to_doses(
    value: Any,
    unit: str | None = None,
    *,
    pill_model: str | None = None,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    **given: Unpack[OverrideArgs],
) -> Fraction:
    """Potentially lethal doses in one figure, exactly.

    ``value`` is text ("6500 lb", "44 million pills"), an :class:`Amount`, or a plain number (int,
    float, Decimal, Fraction) in ``unit``; a number or text with no unit counts pills.

    >>> to_doses(250_000), to_doses("12 kg", assumptions="pure"), to_doses(12, "kg", purity="10%")
    (Fraction(250000, 1), Fraction(6000000, 1), Fraction(600000, 1))
    >>> to_doses("44 million", pill_model="lab-share", pill_share="6 in 10")
    Fraction(26400000, 1)
    """
    if isinstance(value, Amount):
        amount = value
    elif isinstance(value, str):
        amount = parse_amount(value, default_unit=unit or "pills")
    else:
        from .reading.inputs import plain_number

        number = exact_fraction(plain_number(value, "value"), "value")
        name, kind = resolve_unit(unit or "pills")
        amount = Amount(number, name, kind, text=f"{exact_text(number)} {unit or 'pills'}")
    if amount.kind == "doses":
        return amount.value
    return convert(amount, "doses", pill_model=pill_model, assumptions=assumptions, overrides=overrides, **given).value


def _with_set(source: Amount, target_unit: str, chosen: AssumptionSet, model: str) -> Conversion:
    """Powder to doses, pills to doses or doses to a mass, under the set ``chosen``, with the step shown."""
    lethal = chosen.lethal_dose
    if source.kind == "mass":
        share = chosen.require("powder_purity")
        value = powder_to_doses(source, assumptions=chosen)
        mass = f"{format_grouped(source.value)} {_SYMBOLS[source.unit]}"
        step = f"{mass} x {show_value('share', share)} purity / {lethal.show()} per dose"
        pure = source.value * unit_factor(source.unit, "milligram") / chosen.require("lethal_dose")
        pure_step = f"{mass} x 100% purity / {lethal.show()} per dose"
        return Conversion(source, value, "lethal_dose", "doses", chosen, steps=(step,), pure_value=pure,
                          pure_step=pure_step)  # fmt: skip
    if source.kind == "pills":
        value = pills_to_doses(source, model, assumptions=chosen)
        per_pill = pill_factor(chosen, model)
        pills = f"{show_small(source.value, whole_from=100)} pill{'' if source.value == 1 else 's'}"
        doses = f"{format_grouped(per_pill)} dose{'' if per_pill == 1 else 's'} per pill"
        step = f"{pills} x {doses} ({PILL_MODELS[model]})"
        return Conversion(source, value, "lethal_dose", "doses", chosen, model, steps=(step,))
    mg = source.value * chosen.require("lethal_dose")
    unit = target_unit or _auto_mass_unit(mg)
    value = doses_to_mass(source, unit, assumptions=chosen)
    doses = f"{show_small(source.value, whole_from=100)} dose{'' if source.value == 1 else 's'}"
    step = f"{doses} x {lethal.show()} per dose, as pure fentanyl"
    return Conversion(source, value, unit, "mass", chosen, steps=(step,))
