"""Check a published dose total against its stated inputs: verdict, implied assumption, diagnosis.

A claim is "pills + powder = total doses", each figure stated with a qualifier and rounded.
:func:`check` turns every figure into an exact interval (see :mod:`doseconv.stated`),
computes the total the inputs give under an assumption set, back-solves the parameter that
would make the claim true, and tries the known ways such totals are made (docs/methodology.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Any, Literal

from .assumptions import PARAMETERS, AssumptionSet, load_set, set_names
from .convert import DEFAULT_PILL_MODEL, PILL_MODELS, pill_factor, resolve_assumptions
from .errors import InputError, MissingValueError
from .intervals import Interval
from .numbers import format_grouped, format_words
from .registry import unit_factor
from .stated import READINGS, StatedFigure, parse_stated

__all__ = [
    "METHODS",
    "SCALES",
    "VERDICTS",
    "Band",
    "CheckResult",
    "Diagnosis",
    "Implied",
    "check",
]

Verdict = Literal["consistent", "plausible", "implausible", "impossible", "unverifiable"]
VERDICTS: tuple[str, ...] = ("consistent", "plausible", "implausible", "impossible", "unverifiable")
SCALES: dict[str, str] = {
    "aggregate": "a total over many seizures (a year, an operation, a country): the band of DEA's yearly means applies",
    "seizure": "one seizure: anything in the tested range of single exhibits applies",
}

#: The ways published totals are known to be made; each is tried by the diagnosis.
METHODS: dict[str, str] = {
    "powder-pure": "powder counted as 100 % fentanyl, 1 kg = 500,000 doses, pills one dose each",
    "powder-set-purity": "powder at the set's mean purity, pills by the chosen pill model",
    "pills-one-each": "each pill one dose, powder at the set's mean purity",
    "pills-lab-share": "pills x the DEA lab's share holding 2 mg or more, powder at the set's purity",
    "pills-mean-content": "pills x mean fentanyl per pill / 2 mg, powder at the set's purity",
    "pills-only": "the total rests on the pills alone, the powder ignored or unmentioned",
    "pill-weight-as-drug": "the gross weight of the pills counted as pure fentanyl",
    "dose-2g": "2 g (not 2 mg) taken as the lethal dose",
    "dose-3mg": "3 mg taken as the lethal dose",
    "dose-0.25mg": "0.25 mg taken as the lethal dose",
    "scale-slip": "a thousandfold slip (million read as billion, or thousand as million)",
}

#: Rounded pound factors reporters use (1 kg = 2.2 lb, 2.2046 lb), in mg per lb, beside the exact one.
ROUNDED_POUND_MG = {
    "1 kg = 2.2 lb": Fraction(10**6) / Fraction("2.2"),
    "1 kg = 2.2046 lb": Fraction(10**6) / Fraction("2.2046"),
}

#: How far (relative) a rounded pound factor can move a total: 1 kg = 2.2 lb is 0.21 % off; 1 % is ample.
_ROUNDED_FACTOR_REACH = Fraction(1, 100)

_PARAMETER_TEXT = {
    "powder_purity": "powder purity",
    "doses_per_pill": "doses per pill",
    "pill_purity": "fentanyl share of the pills' weight",
}


@dataclass(frozen=True)
class Band:
    """The range of a parameter a verdict accepts, and why."""

    low: Fraction
    high: Fraction
    basis: str

    def to_dict(self) -> dict[str, str]:
        from .numbers import exact_text

        return {"low": exact_text(self.low), "high": exact_text(self.high), "basis": self.basis}


@dataclass(frozen=True)
class Implied:
    """The parameter value(s) that would make the claim true, beside the set's value and the band."""

    parameter: str
    interval: Interval | None  # None when no non-negative value works
    unbounded: bool = False  # no upper limit (a stated mass that may be zero)
    published: Fraction | None = None
    band: Band | None = None
    physical_max: Fraction | None = None
    lethal_dose_mg: Fraction = Fraction(2)
    tolerant_low: Fraction | None = None  # the low end when masses in pounds use a rounded factor (2.2 lb/kg)

    def show(self, value: Fraction, places: int = 2) -> str:
        if self.parameter in ("powder_purity", "pill_purity"):
            return _percent(value, places)
        return f"{format_grouped(value, places)} ({format_grouped(value * self.lethal_dose_mg, places)} mg per pill)"

    def describe(self) -> str:
        """The implied values as a phrase: "powder purity from 9.89% to 10.18%"."""
        name = _PARAMETER_TEXT[self.parameter]
        if self.interval is None:
            return f"a negative {name}, which cannot be"
        if self.unbounded:
            return f"{name} of {self.show(self.interval.low)} or more"
        places = 2
        while (
            places < 8
            and self.interval.low != self.interval.high
            and (self.show(self.interval.low, places) == self.show(self.interval.high, places))
        ):
            places += 2  # show enough digits to tell the ends apart
        return f"{name} from {self.show(self.interval.low, places)} to {self.show(self.interval.high, places)}"

    def to_dict(self) -> dict[str, Any]:
        from .numbers import exact_text

        out: dict[str, Any] = {"parameter": self.parameter}
        if self.interval is None:
            out.update(low=None, high=None)
        else:
            out.update(
                low=exact_text(self.interval.low), high=None if self.unbounded else exact_text(self.interval.high)
            )
            if self.parameter == "doses_per_pill":
                mg = self.lethal_dose_mg
                out["mg_per_pill"] = {
                    "low": exact_text(self.interval.low * mg),
                    "high": None if self.unbounded else exact_text(self.interval.high * mg),
                }
        out["set_value"] = None if self.published is None else exact_text(self.published)
        out["band"] = self.band.to_dict() if self.band else None
        out["display"] = self.describe()
        return out


@dataclass(frozen=True)
class Diagnosis:
    """One way of making the total, with the figure it gives and whether it reproduces the claim."""

    method: str
    value: Fraction | None
    matches: bool
    note: str = ""
    interval: Interval | None = None

    def to_dict(self) -> dict[str, Any]:
        from .numbers import exact_text

        out: dict[str, Any] = {
            "method": self.method,
            "value": None if self.value is None else exact_text(self.value),
            "matches": self.matches,
        }
        if self.value is not None:
            out["display"] = format_words(self.value, 1)
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class CheckResult:
    """Everything :func:`check` found; :meth:`to_dict` is the documented JSON contract."""

    verdict: Verdict
    explanation: str
    claimed: Interval
    computed: Interval | None
    implied: Implied | None
    assumptions: AssumptionSet
    pill_model: str
    reading: str
    scale: str
    diagnosis: tuple[Diagnosis, ...]
    inputs: dict[str, StatedFigure | None]
    notes: tuple[str, ...] = field(default=())

    @property
    def matching_methods(self) -> list[str]:
        return [d.method for d in self.diagnosis if d.matches]

    def to_dict(self) -> dict[str, Any]:
        citations = []
        seen = set()
        for name in ("lethal_dose", "pill_share", "pill_content", "powder_purity", "pill_mass"):
            for source in self.assumptions.parameter(name).sources:
                if source.id not in seen:
                    seen.add(source.id)
                    citations.append(source.to_dict())
        return {
            "verdict": self.verdict,
            "explanation": self.explanation,
            "computed": self.computed.to_dict() if self.computed else None,
            "claimed": self.claimed.to_dict(),
            "implied": self.implied.to_dict() if self.implied else None,
            "assumptions": {
                "name": self.assumptions.name,
                "overrides": self.assumptions.overridden,
                "lethal_dose_mg": _exact(self.assumptions.lethal_dose.value),
                "powder_purity": _exact(self.assumptions.powder_purity.value),
                "pill_share": _exact(self.assumptions.pill_share.value),
                "pill_content_mg": _exact(self.assumptions.pill_content.value),
                "citations": citations,
            },
            "pill_model": self.pill_model,
            "reading": self.reading,
            "scale": self.scale,
            "inputs": {k: (v.to_dict() if v else None) for k, v in self.inputs.items()},
            "diagnosis": [d.to_dict() for d in self.diagnosis],
            "notes": list(self.notes),
        }


def _exact(value: Fraction | None) -> str | None:
    from .numbers import exact_text

    return None if value is None else exact_text(value)


def _percent(value: Fraction, places: int = 2) -> str:
    return f"{format_grouped(value * 100, places)}%"


def _figure(value: str | StatedFigure | None, what: str) -> StatedFigure | None:
    if value is None or isinstance(value, StatedFigure):
        return value
    if not value.strip():
        return None
    return parse_stated(value)


# ---------------------------------------------------------------------------------------------
# Bands


def _dea_sets() -> list[AssumptionSet]:
    return [load_set(name) for name in set_names() if name != "pure"]


def band_for(parameter: str, chosen: AssumptionSet, scale: str) -> Band | None:
    """The range of ``parameter`` a verdict accepts at ``scale`` (see docs/methodology.md)."""
    source = {"powder_purity": "powder_purity", "doses_per_pill": "pill_content", "pill_purity": None}[parameter]
    if source is None:
        return None
    lethal = chosen.lethal_dose.value
    assert lethal is not None
    scale_to = (lambda v: v) if parameter == "powder_purity" else (lambda v: v / lethal)
    own = chosen.parameter(source)
    if scale == "aggregate":
        means = {s.name: s.parameter(source).value for s in _dea_sets() if s.parameter(source).value is not None}
        if own.value is not None and own.origin == "published" and chosen.name != "pure":
            means[chosen.name] = own.value  # a user's own cited set counts; an override or a convention does not
        if not means:
            return None
        low_name = min(means, key=lambda n: means[n])
        high_name = max(means, key=lambda n: means[n])
        basis = (
            f"yearly means published by DEA, {own.show(means[low_name])} ({low_name}) to "
            f"{own.show(means[high_name])} ({high_name})"
        )
        return Band(scale_to(means[low_name]), scale_to(means[high_name]), basis)
    if own.range is not None and own.origin == "published" and chosen.name != "pure":
        low, high = own.range
        return Band(
            scale_to(low), scale_to(high), f"tested range in {chosen.name}, {own.show(low)} to {own.show(high)}"
        )
    ranges = [(s.name, s.parameter(source).range) for s in _dea_sets() if s.parameter(source).range]
    if not ranges:
        return None
    low = min(r[1][0] for r in ranges)
    high = max(r[1][1] for r in ranges)
    names = ", ".join(r[0] for r in ranges)
    return Band(
        scale_to(low),
        scale_to(high),
        f"widest tested range published by DEA ({names}), {own.show(low)} to {own.show(high)}",
    )


# ---------------------------------------------------------------------------------------------
# Arithmetic on stated figures


def _tolerant_mass_mg(figure: StatedFigure, reading: str) -> Interval:
    """The mass interval widened to take in the rounded pound factors reporters use."""
    interval = _mass_mg(figure, reading)
    if figure.amount.unit == "pound":
        for factor in ROUNDED_POUND_MG.values():
            interval = interval.hull(_mass_mg(figure, reading, factor))
    return interval


@lru_cache(maxsize=4096)
def _mass_mg(figure: StatedFigure, reading: str, mg_per_unit: Fraction | None = None) -> Interval:
    factor = mg_per_unit if mg_per_unit is not None else unit_factor(figure.amount.unit, "milligram")
    return figure.interval(reading) * factor  # type: ignore[arg-type]


def _pound_factors(*figures: StatedFigure | None) -> list[tuple[str, Fraction | None]]:
    """The exact factor, plus the rounded ones when a figure is stated in pounds."""
    variants: list[tuple[str, Fraction | None]] = [("", None)]
    if any(f is not None and f.kind == "mass" and f.amount.unit == "pound" for f in figures):
        variants += [(name, value) for name, value in ROUNDED_POUND_MG.items()]
    return variants


@dataclass(frozen=True)
class _Recipe:
    """How to make a total: doses per pill, powder purity, lethal dose, and whether pill weight is drug."""

    per_pill: Fraction | None
    purity: Fraction | None
    lethal: Fraction
    pill_weight_as_drug: bool = False
    include_powder: bool = True
    multiplier: Fraction = Fraction(1)


def _total(
    recipe: _Recipe,
    pills: StatedFigure | None,
    powder: StatedFigure | None,
    reading: str,
    pill_mass: Fraction | None,
    lb_mg: Fraction | None = None,
) -> Interval | None:
    """The total doses a recipe gives for the stated figures, or None when it cannot be made."""
    total = Interval.point(0)
    if pills is not None:
        if pills.kind == "mass":
            mass = _mass_mg(pills, reading, lb_mg if pills.amount.unit == "pound" else None)
            if recipe.pill_weight_as_drug:
                total = total + mass / recipe.lethal
            else:
                if pill_mass is None or recipe.per_pill is None:
                    return None
                total = total + (mass / pill_mass) * recipe.per_pill
        else:
            if recipe.pill_weight_as_drug:
                if pill_mass is None:
                    return None
                total = total + pills.interval(reading) * (pill_mass / recipe.lethal)  # type: ignore[arg-type]
            else:
                if recipe.per_pill is None:
                    return None
                total = total + pills.interval(reading) * recipe.per_pill  # type: ignore[arg-type]
    if powder is not None and recipe.include_powder:
        if recipe.purity is None:
            return None
        mass = _mass_mg(powder, reading, lb_mg if powder.amount.unit == "pound" else None)
        total = total + mass * (recipe.purity / recipe.lethal)
    return total * recipe.multiplier


def _pill_doses_interval(
    pills: StatedFigure | None, per_pill: Fraction | None, reading: str, pill_mass: Fraction | None
) -> Interval | None:
    if pills is None:
        return Interval.point(0)
    if per_pill is None:
        return None
    if pills.kind == "mass":
        if pill_mass is None:
            return None
        return (_mass_mg(pills, reading) / pill_mass) * per_pill
    return pills.interval(reading) * per_pill  # type: ignore[arg-type]


def _solve(claimed: Interval, fixed: Interval, per_unit: Interval) -> tuple[Interval | None, bool]:
    """Values p >= 0 with fixed + per_unit * p overlapping claimed (hull; open ends ignored)."""
    top = claimed.high - fixed.low
    if top < 0:
        return None, False
    bottom = max(claimed.low - fixed.high, Fraction(0))
    if per_unit.high == 0:
        return (Interval(0, 0), True) if claimed.low <= fixed.high else (None, False)
    low = bottom / per_unit.high
    if per_unit.low == 0:
        return Interval(low, low), True
    return Interval(low, top / per_unit.low), False


# ---------------------------------------------------------------------------------------------


def check(
    pills: str | StatedFigure | None = None,
    powder: str | StatedFigure | None = None,
    claim: str | StatedFigure | None = None,
    *,
    assumptions: str | AssumptionSet | None = None,
    pill_model: str | None = None,
    reading: str = "lenient",
    scale: str = "aggregate",
    purity: Any = None,
    lethal_dose: Any = None,
    pill_share: Any = None,
    mg_per_pill: Any = None,
    pill_mass: Any = None,
    notes: tuple[str, ...] | list[str] = (),
) -> CheckResult:
    """Check a claimed total of doses against the stated pills and powder.

    >>> r = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    >>> r.verdict, r.implied.describe()
    ('plausible', 'powder purity from 9.89% to 10.18%')
    >>> check("nearly 44 million pills", None, "almost 193 million doses").verdict
    'implausible'
    """
    if reading not in READINGS:
        raise InputError(f"unknown reading {reading!r}; choose lenient or strict")
    if scale not in SCALES:
        raise InputError(f"unknown scale {scale!r}; choose {' or '.join(SCALES)}")
    model = pill_model or DEFAULT_PILL_MODEL
    if model not in PILL_MODELS:
        raise InputError(f"unknown pill model {model!r}; choose one of: {', '.join(PILL_MODELS)}")
    pills_f = _figure(pills, "pills")
    powder_f = _figure(powder, "powder")
    claim_f = _figure(claim, "claim")
    if claim_f is None:
        raise InputError("no claim given; write the published total, such as 'nearly 193 million doses'")
    if claim_f.kind != "doses":
        raise InputError(f"the claim {claim_f.text!r} must be a number of doses, such as '193 million doses'")
    if pills_f is not None and pills_f.kind == "doses":
        raise InputError(f"pills {pills_f.text!r} must be a count of pills or a mass of pills, not doses")
    if powder_f is not None and powder_f.kind != "mass":
        raise InputError(f"powder {powder_f.text!r} must be a mass, such as '6,500 lb'")
    chosen = resolve_assumptions(
        assumptions, purity=purity, lethal_dose=lethal_dose, pill_share=pill_share, mg_per_pill=mg_per_pill
    )
    pill_mass_mg = _pill_mass(chosen, pill_mass)
    lethal = chosen.require("lethal_dose")
    claimed = claim_f.interval(reading)  # type: ignore[arg-type]
    per_pill = _per_pill(chosen, model)
    purity_value = chosen.powder_purity.value
    notes = list(notes)

    recipe = _Recipe(per_pill, purity_value, lethal)
    computed = None
    if pills_f is not None or powder_f is not None:
        computed = _total(recipe, pills_f, powder_f, reading, pill_mass_mg)
    implied = _implied(chosen, model, scale, pills_f, powder_f, claimed, reading, pill_mass_mg, per_pill)
    diagnosis = _diagnose(chosen, model, pills_f, powder_f, claimed, reading, pill_mass_mg, implied)
    verdict, reason = _verdict(computed, claimed, implied, pills_f, powder_f, chosen, model)
    if pills_f is not None and per_pill is None:
        needed = {"lab-share": "pill_share", "mean-content": "pill_content"}[model]
        notes.append(f"set {chosen.name!r} publishes no {PARAMETERS[needed][1]}, which the {model} pill model needs")
    if powder_f is not None and purity_value is None:
        notes.append(f"set {chosen.name!r} publishes no {PARAMETERS['powder_purity'][1]}; give a purity")
    if pills_f is not None and pills_f.kind == "mass" and pill_mass_mg is None:
        notes.append(
            "pills are given by weight and no set publishes a pill's gross weight; give --pill-mass to count them"
        )
    explanation = _explain(
        verdict, reason, computed, claimed, implied, diagnosis, chosen, model, scale, pills_f, powder_f, claim_f
    )
    return CheckResult(
        verdict=verdict,
        explanation=explanation,
        claimed=claimed,
        computed=computed,
        implied=implied,
        assumptions=chosen,
        pill_model=model,
        reading=reading,
        scale=scale,
        diagnosis=tuple(diagnosis),
        inputs={"pills": pills_f, "powder": powder_f, "claim": claim_f},
        notes=tuple(notes),
    )


def _pill_mass(chosen: AssumptionSet, pill_mass: Any) -> Fraction | None:
    if pill_mass is not None:
        from .convert import _mg

        value = _mg(pill_mass, "pill mass")
        if not value:
            raise InputError("pill mass must be more than zero")
        return value
    return chosen.pill_mass.value


def _per_pill(chosen: AssumptionSet, model: str) -> Fraction | None:
    try:
        return pill_factor(chosen, model)
    except MissingValueError:
        return None


def _implied(chosen, model, scale, pills, powder, claimed, reading, pill_mass, per_pill) -> Implied | None:
    lethal = chosen.lethal_dose.value
    if powder is not None:
        fixed = _pill_doses_interval(pills, per_pill, reading, pill_mass)
        if fixed is None:
            return None
        per_unit = _mass_mg(powder, reading) / lethal
        interval, unbounded = _solve(claimed, fixed, per_unit)
        tolerant, _ = _solve(claimed, fixed, _tolerant_mass_mg(powder, reading) / lethal)
        return Implied(
            "powder_purity", interval, unbounded, chosen.powder_purity.value,
            band_for("powder_purity", chosen, scale), Fraction(1), lethal, tolerant.low if tolerant else None,
        )  # fmt: skip
    if pills is None:
        return None
    if pills.kind == "mass":
        per_unit = _mass_mg(pills, reading) / lethal
        interval, unbounded = _solve(claimed, Interval.point(0), per_unit)
        tolerant, _ = _solve(claimed, Interval.point(0), _tolerant_mass_mg(pills, reading) / lethal)
        return Implied(
            "pill_purity", interval, unbounded, None, None, Fraction(1), lethal, tolerant.low if tolerant else None
        )
    interval, unbounded = _solve(claimed, Interval.point(0), pills.interval(reading))  # type: ignore[arg-type]
    physical = pill_mass / lethal if pill_mass is not None else None
    # Compared with the lab's mean content, whatever the pill model: the physical question is
    # how much fentanyl a pill would have to hold.
    mean = chosen.pill_content.value / lethal if chosen.pill_content.value is not None else None
    return Implied(
        "doses_per_pill", interval, unbounded, mean, band_for("doses_per_pill", chosen, scale), physical, lethal
    )


def _verdict(computed, claimed, implied, pills, powder, chosen, model) -> tuple[Verdict, str]:
    if pills is None and powder is None:
        return "unverifiable", "no pills or powder are stated, so there is nothing to compute the total from"
    if computed is not None and computed.overlaps(claimed):
        return "consistent", "the inputs give the claimed total under the set's central values"
    if implied is None:
        return "unverifiable", "a value the check needs is not published in the set (see notes)"
    if implied.interval is None:
        if pills is not None and powder is not None:
            return "implausible", "the pills alone already give more doses than claimed"
        return "implausible", "the inputs give more doses than claimed for any value of the parameter"
    if implied.physical_max is not None and implied.interval.low > implied.physical_max:
        if implied.tolerant_low is not None and implied.tolerant_low <= implied.physical_max:
            return "implausible", (
                "it needs the whole stated mass to be fentanyl, and even that only with a rounded pound factor"
            )
        return "impossible", "it needs more fentanyl than the stated mass holds"
    band = implied.band
    needed = implied.interval
    if implied.unbounded and band is not None:  # any value from the low end up works
        needed = Interval(needed.low, max(needed.high, band.high))
    if band is not None and needed.overlaps(Interval(band.low, band.high)):
        return "plausible", f"the value it needs lies within the {band.basis}"
    if band is None:
        if computed is None:
            return "unverifiable", "a value the check needs is not published in the set (see notes)"
        return (
            "implausible",
            "the inputs do not give the claimed total and no published range covers the value it needs",
        )
    return "implausible", f"the value it needs lies outside the {band.basis}"


def _diagnose(chosen, model, pills, powder, claimed, reading, pill_mass, implied) -> list[Diagnosis]:
    if pills is None and powder is None:
        return []  # nothing to make a total from
    lethal = chosen.lethal_dose.value
    purity = chosen.powder_purity.value
    base_pill = _per_pill(chosen, model)
    recipes: dict[str, _Recipe | None] = {}
    if powder is not None:
        recipes["powder-pure"] = _Recipe(_per_pill(chosen, "one-per-pill"), Fraction(1), lethal)
        recipes["powder-set-purity"] = _Recipe(base_pill, purity, lethal)
    if pills is not None:
        recipes["pills-one-each"] = _Recipe(Fraction(1), purity, lethal)
        recipes["pills-lab-share"] = _Recipe(_per_pill(chosen, "lab-share"), purity, lethal)
        recipes["pills-mean-content"] = _Recipe(_per_pill(chosen, "mean-content"), purity, lethal)
        recipes["pills-only"] = _Recipe(base_pill, purity, lethal, include_powder=False)
        recipes["pill-weight-as-drug"] = _Recipe(base_pill, purity, lethal, pill_weight_as_drug=True)
    for name, dose in (("dose-2g", Fraction(2000)), ("dose-3mg", Fraction(3)), ("dose-0.25mg", Fraction(1, 4))):
        per_pill = base_pill
        if model == "mean-content" and chosen.pill_content.value is not None:
            per_pill = chosen.pill_content.value / dose  # the content is fixed; the dose it is divided by changes
        recipes[name] = _Recipe(per_pill, purity, dose)
    out: list[Diagnosis] = []
    for method, recipe in recipes.items():
        if recipe is None:
            continue
        out.append(_try(method, recipe, pills, powder, claimed, reading, pill_mass, implied, chosen, model))
    out.append(_scale_slip(_Recipe(base_pill, purity, lethal), pills, powder, claimed, reading, pill_mass))
    return sorted(out, key=lambda d: (not d.matches, d.value is None, _distance(d, claimed)))


def _distance(d: Diagnosis, claimed: Interval) -> Fraction:
    if d.value is None or claimed.high == 0:
        return Fraction(0)
    return claimed.distance(d.value) / claimed.high


def _try(method, recipe, pills, powder, claimed, reading, pill_mass, implied, chosen, model) -> Diagnosis:
    if method == "pill-weight-as-drug" and pills is not None and pills.kind != "mass" and pill_mass is None:
        return Diagnosis(method, None, False, "pills are counted, not weighed, and no pill weight is known")
    matched_factor = None
    value = None
    interval = None
    for name, lb_mg in _pound_factors(pills, powder):
        total = _total(recipe, pills, powder, reading, pill_mass, lb_mg)
        if total is None:
            return Diagnosis(method, None, False, "a value this method needs is not published in the set")
        if not name:
            interval = total
            value = _central(recipe, pills, powder, pill_mass)
        if total.overlaps(claimed):
            matched_factor = name
            break
        if (
            not name
            and claimed.high
            and claimed.distance(total.low if total.low > claimed.high else total.high)
            > (claimed.high * _ROUNDED_FACTOR_REACH)
        ):
            break  # too far off for a rounded pound factor (at most 0.21 % away) to close the gap
    matches = matched_factor is not None
    note = f"with the rounded factor {matched_factor}" if matched_factor else ""
    if method == "pills-only" and powder is None and implied is not None and implied.parameter == "doses_per_pill":
        # No powder is stated: the claim rests on the pills alone. It "matches" this pattern when
        # the pills cannot carry the total: it needs more per pill than the band allows.
        band = implied.band
        needs_more = implied.interval is not None and band is not None and implied.interval.low > band.high
        matches = matches or needs_more
        if needs_more:
            note = (
                f"the total is pinned on the pills alone, which would need {implied.describe()}; "
                "a total of pills and powder attributed to the pills is the likely cause"
            )
    return Diagnosis(method, value, matches, note, interval)


def _central(recipe: _Recipe, pills, powder, pill_mass) -> Fraction | None:
    """The recipe's figure at the stated central values."""
    total = Fraction(0)
    if pills is not None:
        x = pills.amount.value
        if pills.kind == "mass":
            mg = x * unit_factor(pills.amount.unit, "milligram")
            if recipe.pill_weight_as_drug:
                total += mg / recipe.lethal
            elif pill_mass is None or recipe.per_pill is None:
                return None
            else:
                total += mg / pill_mass * recipe.per_pill
        elif recipe.pill_weight_as_drug:
            if pill_mass is None:
                return None
            total += x * pill_mass / recipe.lethal
        elif recipe.per_pill is None:
            return None
        else:
            total += x * recipe.per_pill
    if powder is not None and recipe.include_powder:
        if recipe.purity is None:
            return None
        total += powder.amount.value * unit_factor(powder.amount.unit, "milligram") * recipe.purity / recipe.lethal
    return total * recipe.multiplier


def _scale_slip(base: _Recipe, pills, powder, claimed, reading, pill_mass) -> Diagnosis:
    best: Diagnosis | None = None
    for multiplier, label in ((Fraction(1000), "x1000"), (Fraction(1, 1000), "/1000")):
        recipe = _Recipe(base.per_pill, base.purity, base.lethal, multiplier=multiplier)
        total = _total(recipe, pills, powder, reading, pill_mass)
        if total is None:
            return Diagnosis("scale-slip", None, False, "a value this method needs is not published in the set")
        value = _central(recipe, pills, powder, pill_mass)
        candidate = Diagnosis("scale-slip", value, total.overlaps(claimed), f"the set's figure {label}", total)
        if best is None or (candidate.matches, -_distance(candidate, claimed)) > (
            best.matches,
            -_distance(best, claimed),
        ):
            best = candidate
    assert best is not None
    return best


def _mass_text(mg: Fraction) -> str:
    for unit, size in (("kg", 10**6), ("g", 1000), ("mg", 1)):
        if mg >= size or unit == "mg":
            return f"{format_grouped(mg / size, 3)} {unit}"
    raise AssertionError  # pragma: no cover


def _range_text(interval: Interval) -> str:
    low, high = interval.low, interval.high
    if low == high:
        return format_words(low, 2)
    return f"{format_words(low, 2)} to {format_words(high, 2)}"


def _explain(verdict, reason, computed, claimed, implied, diagnosis, chosen, model, scale, pills, powder, claim) -> str:
    parts = []
    stated = " and ".join(f'"{f.text}"' for f in (pills, powder) if f is not None) or "no inputs"
    setup = [f"{chosen.lethal_dose.show()} per dose"]
    if pills is not None:
        setup.append(PILL_MODELS[model])
    if powder is not None:
        setup.append(f"powder at {chosen.powder_purity.show()} purity")
    parts.append(
        f"Claim {claim.text!r} ({_range_text(claimed)} doses) from {stated}, under {chosen.name} ({'; '.join(setup)})."
    )
    pure_mass = claim.amount.value * chosen.lethal_dose.value
    parts.append(
        f"{format_words(claim.amount.value, 2)} doses are {_mass_text(pure_mass)} of pure fentanyl at {chosen.lethal_dose.show()} per dose."
    )
    if computed is not None:
        parts.append(f"The inputs give {_range_text(computed)} doses.")
    if implied is not None and verdict != "consistent":
        sentence = f"The claim needs {implied.describe()}"
        if implied.parameter == "powder_purity" and pills is not None:
            sentence = f"With {PILL_MODELS[model]}, the claim needs {implied.describe()}"
        if implied.published is not None:
            sentence += f" (the set's mean: {implied.show(implied.published)})"
        parts.append(sentence + ".")
    parts.append(f"{verdict.capitalize()}: {reason}.")
    matching = [d for d in diagnosis if d.matches]
    if matching and verdict != "consistent":
        parts.append("Reproduced by: " + "; ".join(f"{d.method} ({METHODS[d.method]})" for d in matching[:3]) + ".")
    return " ".join(parts)
