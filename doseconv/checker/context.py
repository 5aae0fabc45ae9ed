"""The context of one claim: its figures, the set and the readings, read and checked once, passed to every step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, TypeVar, cast

from ..assumptions import DEFAULT_PILL_MODEL, PILL_MODELS, AssumptionSet, SetChoice, pill_factor, resolve_assumptions
from ..errors import InputError, MissingValueError
from ..intervals import Interval
from ..overrides import Overrides
from ..reading.inputs import FigureValue, read_figure
from ..reading.stated import READINGS, Reading, Role, StatedFigure
from ..registry import unit_factor
from .bands import SCALES

__all__ = ["ClaimContext", "FigureInput", "build_context", "claim_interval", "per_pill"]

T = TypeVar("T")

#: A figure as a caller gives it: text as published, a plain number, an amount, a parsed figure, or nothing.
FigureInput = FigureValue


@dataclass(frozen=True)
class ClaimContext:
    """One claim and what it is checked under: figures, set, pill model, scale and reading, read once."""

    chosen: AssumptionSet
    model: str
    scale: str
    reading: Reading
    pills: StatedFigure | None
    powder: StatedFigure | None
    claim: StatedFigure
    claimed: Interval  # the claim as an interval under the reading
    pill_mass: Fraction | None  # gross mass of one pill in mg, given or published
    per_pill: Fraction | None  # doses per pill under the pill model, None when the set lacks a value
    #: What is made once per claim (its inputs as intervals, pieces of totals several methods share): see once().
    _once: dict[tuple[object, ...], tuple[tuple[object, ...], Any]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def once(self, what: str, parts: tuple[object, ...], make: Callable[[], T], *, by_value: bool = False) -> T:
        """``make()``, made once per claim for the same ``parts``: the same objects (the entry keeps them, so
        their ids stay theirs) or, with ``by_value``, equal ones (texts); for the pieces of a total that several
        ways of counting share."""
        key = (what, *parts) if by_value else (what, *map(id, parts))
        found = self._once.get(key)
        if found is None:
            found = self._once[key] = (parts, make())
        return found[1]  # type: ignore[no-any-return]

    def per_pill_under(self, model: str) -> Fraction | None:
        """Doses per pill under another pill ``model`` (None when the set lacks what it needs), made once."""
        return self.once("per pill", (model,), lambda: per_pill(self.chosen, model), by_value=True)

    def read(self, figure: StatedFigure) -> Interval:
        """A stated input (the claim's pills or powder) as an interval in its own unit, under the reading."""
        return self.once("read", (figure,), lambda: figure.interval(self.reading))

    def mass_mg(self, figure: StatedFigure, mg_per_unit: Fraction | None = None) -> Interval:
        """A stated mass as an interval in mg (``mg_per_unit`` replaces the unit's exact factor: 2.2 lb a kg)."""
        factor = mg_per_unit if mg_per_unit is not None else unit_factor(figure.amount.unit, "milligram")
        return self.once("mg", (figure, factor), lambda: self.read(figure) * factor)

    @property
    def lethal(self) -> Fraction:
        """The lethal dose in mg."""
        return self.chosen.require("lethal_dose")

    @property
    def purity(self) -> Fraction | None:
        """The powder purity of the set (or the override)."""
        return self.chosen.powder_purity.value

    @property
    def has_inputs(self) -> bool:
        return self.pills is not None or self.powder is not None

    @property
    def rule_counts_pure(self) -> bool:
        """Whether the chosen rule itself counts seized powder as pure fentanyl (the pure set, a 100 % purity)."""
        return self.chosen.name == "pure" or (self.powder is not None and self.purity == 1)


def per_pill(chosen: AssumptionSet, model: str) -> Fraction | None:
    """Doses per pill under ``model``, or None when the set does not publish what the model needs."""
    try:
        return pill_factor(chosen, model)
    except MissingValueError:
        return None


#: Qualifiers that bound a claim on one side within a step ("nearly 3 billion", "more than 3 billion").
_ONE_SIDED = frozenset({"nearly", "more_than", "at_least"})


def claim_interval(claim: StatedFigure, reading: Reading) -> Interval:
    """A claimed total as an interval: read to at least two significant digits (the writer computed it and chose
    how far to round), except that a one-sided qualifier is read at the claim's own written step: a writer who
    chose "more than 3 billion" promised no more than the first digit.

    >>> from doseconv.reading.stated import parse_stated
    >>> str(claim_interval(parse_stated("more than 3 billion doses"), "lenient"))
    '(3000000000, 4000000000]'
    """
    role: Role = "input" if claim.qualifier in _ONE_SIDED else "claim"
    phrase = getattr(claim, "claim", None)  # a population phrase: a count of people reads like a count of doses
    if phrase is not None and not phrase.floor and phrase.stated is not None and phrase.multiple.low == 1:
        return phrase.stated.interval(reading, role="input" if phrase.stated.qualifier in _ONE_SIDED else "claim")
    return claim.interval(reading, role=role)


def _options(reading: str, scale: str, pill_model: str | None) -> str:
    if reading not in READINGS:
        raise InputError(f"unknown reading {reading!r}; choose lenient or strict")
    if scale not in SCALES:
        raise InputError(f"unknown scale {scale!r}; choose {' or '.join(SCALES)}")
    model = pill_model or DEFAULT_PILL_MODEL
    if model not in PILL_MODELS:
        raise InputError(f"unknown pill model {model!r}; choose one of: {', '.join(PILL_MODELS)}")
    return model


def _figures(
    pills: FigureInput,
    powder: FigureInput,
    claim: FigureInput,
    units: tuple[str | None, str | None],
    exact: bool,
    decimal_comma: bool = False,
) -> tuple[StatedFigure | None, ...]:
    pills_f = read_figure(pills, "pills", unit=units[0], exact=exact, decimal_comma=decimal_comma)
    powder_f = read_figure(powder, "powder", unit=units[1], exact=exact, decimal_comma=decimal_comma)
    claim_f = read_figure(claim, "claim", exact=exact, decimal_comma=decimal_comma)
    if claim_f is None:
        raise InputError("no claim given; write the published total, such as 'nearly 193 million doses'")
    if claim_f.kind != "doses":
        raise InputError(f"the claim {claim_f.text!r} must be a number of doses, such as '193 million doses'")
    if pills_f is not None and pills_f.kind == "doses":
        raise InputError(f"pills {pills_f.text!r} must be a count of pills or a mass of pills, not doses")
    if powder_f is not None and powder_f.kind != "mass":
        raise InputError(f"powder {powder_f.text!r} must be a mass, such as '6,500 lb'")
    return pills_f, powder_f, claim_f


def build_context(
    pills: FigureInput,
    powder: FigureInput,
    claim: FigureInput,
    *,
    assumptions: SetChoice,
    overrides: Overrides,
    pill_model: str | None,
    reading: str,
    scale: str,
    units: tuple[str | None, str | None] = (None, None),
    exact: bool = False,
    decimal_comma: bool = False,
) -> ClaimContext:
    """Read and check a claim's figures and options into one :class:`ClaimContext`.

    ``units`` are the units of pills and powder given as plain numbers; ``exact`` reads plain
    numbers and text as exact values (see :func:`doseconv.reading.inputs.read_figure`); ``decimal_comma``
    reads text written European style ("1,5 kg").
    """
    model = _options(reading, scale, pill_model)
    pills_f, powder_f, claim_f = _figures(pills, powder, claim, units, exact, decimal_comma)
    assert claim_f is not None
    chosen = resolve_assumptions(assumptions, overrides)
    pill_mass = overrides.pill_mass if overrides.pill_mass is not None else chosen.pill_mass.value
    claimed = claim_interval(claim_f, cast(Reading, reading))
    return ClaimContext(
        chosen, model, scale, cast(Reading, reading), pills_f, powder_f, claim_f, claimed, pill_mass,
        per_pill(chosen, model),
    )  # fmt: skip
