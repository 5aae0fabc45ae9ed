"""What a check finds, and its JSON: :class:`CheckResult` with its :class:`Implied` value and :class:`Diagnosis` rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from ..assumptions import AssumptionSet
from ..intervals import Interval
from ..reading.numbers import exact_text, format_grouped, format_words, round_to
from ..reading.stated import StatedFigure

if TYPE_CHECKING:  # pragma: no cover
    from ..population import Population
    from .distance import Distance
    from .rows import Method, Slip

__all__ = ["FLAGGED", "VERDICTS", "Band", "CheckResult", "Details", "Diagnosis", "Implied", "Verdict"]

Verdict = Literal["consistent", "plausible", "implausible", "upper-bound", "impossible", "unverifiable"]
VERDICTS: tuple[str, ...] = ("consistent", "plausible", "implausible", "upper-bound", "impossible", "unverifiable")
#: Verdicts that flag a claim: check, verify and scan exit 1 on them, and each carries a correction.
FLAGGED: frozenset[str] = frozenset({"implausible", "upper-bound", "impossible"})

_PARAMETER_TEXT = {
    "powder_purity": "powder purity",
    "doses_per_pill": "doses per pill",
    "pill_purity": "fentanyl share of the pills' weight",
}


def percent_text(value: Fraction, places: int = 2) -> str:
    """A share as a percentage: ``percent_text(Fraction(1, 10))`` is ``'10%'``."""
    return f"{format_grouped(value * 100, places)}%"


def _exact_or_none(value: Fraction | None) -> str | None:
    return None if value is None else exact_text(value)


@dataclass(frozen=True)
class Band:
    """The range of a parameter a verdict accepts, and why.

    ``low`` and ``high`` are the values as DEA published them; ``slack`` is half a unit of each one's last
    published digit (19.5 % is 19.45 % to 19.55 %), so the band is read at the precision it was published to
    (:attr:`reach`). ``kind`` is "means" (yearly means) or "range" (a tested range of single samples).
    """

    low: Fraction
    high: Fraction
    basis: str
    slack: tuple[Fraction, Fraction] = (Fraction(0), Fraction(0))
    kind: str = "means"

    @property
    def reach(self) -> tuple[Fraction, Fraction]:
        """The band's ends read at the precision they were published to."""
        return max(self.low - self.slack[0], Fraction(0)), self.high + self.slack[1]

    def to_dict(self) -> dict[str, str]:
        low, high = self.reach
        return {
            "low": exact_text(self.low),
            "high": exact_text(self.high),
            "reach_low": exact_text(low),
            "reach_high": exact_text(high),
            "basis": self.basis,
        }


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
        """A value of the parameter as text: "10.18%", or "1.2 (2.4 mg per pill)"."""
        if self.parameter in ("powder_purity", "pill_purity"):
            return percent_text(value, places)
        return f"{format_grouped(value, places)} ({format_grouped(value * self.lethal_dose_mg, places)} mg per pill)"

    def _rounded(self, value: Fraction, places: int) -> tuple[Decimal, ...]:
        """The figures :meth:`show` writes for ``value``, as numbers (equal exactly when the texts are)."""
        step = Decimal(1).scaleb(-places)
        if self.parameter in ("powder_purity", "pill_purity"):
            return (round_to(value * 100, step),)
        return round_to(value, step), round_to(value * self.lethal_dose_mg, step)

    @cached_property
    def distance(self) -> Distance | None:
        """How far the needed value lies from the band (None when it meets it): :mod:`.distance`."""
        from .distance import distance

        return distance(self)

    def describe(self) -> str:
        """The implied values as a phrase: "powder purity from 9.89% to 10.18%"."""
        return self._description

    @cached_property
    def _description(self) -> str:
        name = _PARAMETER_TEXT[self.parameter]
        if self.interval is None:
            return f"a negative {name}, which cannot be"
        if self.unbounded:
            return f"{name} of {self.show(self.interval.low)} or more"
        places = 2
        while (
            places < 8
            and self.interval.low != self.interval.high
            and self._rounded(self.interval.low, places) == self._rounded(self.interval.high, places)
        ):
            places += 2  # show enough digits to tell the ends apart
        span = f"{name} from {self.show(self.interval.low, places)} to {self.show(self.interval.high, places)}"
        if self.parameter in ("powder_purity", "pill_purity") and self.interval.high > 1:
            return span + (" (more than 100%: it cannot be)" if self.interval.low > 1 else " (above 100% it cannot be)")
        return span

    def to_dict(self) -> dict[str, Any]:
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
        out["set_value"] = _exact_or_none(self.published)
        out["band"] = self.band.to_dict() if self.band else None
        far = self.distance
        out["distance"] = far.to_dict() if far is not None else None
        out["display"] = self.describe()
        return out


@dataclass(frozen=True)
class Diagnosis:
    """One way of making the total (a row of the method table, or a combination of rows), with the figure it
    gives and whether it reproduces the claim."""

    rows: tuple[Method, ...]
    value: Fraction | None
    matches: bool
    note: str = ""
    interval: Interval | None = None
    counts_pure: bool = False  # the method counts seized mass as pure fentanyl (at or below the 2 mg ceiling)
    slip: Slip | None = None  # the slip of scale a scale-slip row found
    #: The second tier (:mod:`.near`): how the row's figure gives the claim once rounded or truncated to its step.
    near: str = ""

    @property
    def reproduces(self) -> bool:
        """Whether the row reproduces the claim, within its interval or (the second tier) to its written step."""
        return self.matches or bool(self.near)

    @property
    def method(self) -> str:
        """The method's name: its rows' names joined by "+" ("powder-pure+dose-3mg")."""
        return "+".join(row.name for row in self.rows)

    @property
    def words(self) -> tuple[str, ...]:
        """What each of its rows did, in plain words (a slip of scale says which slip it was)."""
        from .rows import plain_words

        return plain_words(self.rows, self.slip)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"method": self.method, "value": _exact_or_none(self.value), "matches": self.matches}
        if self.value is not None:
            out["display"] = format_words(self.value, 1)
        dose = next((row.dose_mg for row in self.rows if row.dose_mg is not None), None)
        if dose is not None:  # a row that takes another lethal dose says which, as its plain words do
            out["lethal_dose_mg"] = exact_text(dose)
        if self.near:
            out["near"] = self.near
        if self.note:
            out["note"] = self.note
        return out


class Details:
    """The parts of a result made for reading, each made when first asked for: the full diagnosis, then
    (from it) the explanation, and the correction with the plain text. Verify's text output of a sound
    claim needs the diagnosis alone; the JSON needs them all."""

    def __init__(
        self,
        diagnose: Callable[[], list[Diagnosis]] = list,
        explain: Callable[[tuple[Diagnosis, ...]], str] = lambda _: "",
        correct: Callable[[tuple[Diagnosis, ...]], tuple[Any, str]] = lambda _: (None, ""),
    ) -> None:
        self._diagnose, self._explain, self._correct = diagnose, explain, correct

    @cached_property
    def diagnosis(self) -> tuple[Diagnosis, ...]:
        return tuple(self._diagnose())

    @cached_property
    def explanation(self) -> str:
        return self._explain(self.diagnosis)

    @cached_property
    def corrected(self) -> tuple[Any, str]:
        """The correction (a :class:`~doseconv.checker.correction.Correction`, or None) and the plain text."""
        return self._correct(self.diagnosis)


@dataclass(frozen=True)
class CheckResult:
    """Everything :func:`doseconv.check` found; :meth:`to_dict` is the documented JSON contract (docs/json.md).

    The verdict and the figures are decided by the check; the full diagnosis, the explanation, the
    correction and the plain text are made when first read (``details`` makes them), so a check whose
    verdict alone is needed costs less.
    """

    verdict: Verdict
    claimed: Interval
    computed: Interval | None
    implied: Implied | None
    assumptions: AssumptionSet
    pill_model: str
    reading: str
    scale: str
    inputs: dict[str, StatedFigure | None]
    notes: tuple[str, ...] = field(default=())
    population: Population | None = None  # the population a population claim was read with
    details: Callable[[], Details] = field(default=Details, compare=False, repr=False)

    @cached_property
    def _made(self) -> Details:
        return self.details()

    @property
    def diagnosis(self) -> tuple[Diagnosis, ...]:
        """Every way of making the total that was tried, the best reproduction first."""
        return self._made.diagnosis

    @property
    def explanation(self) -> str:
        """What was claimed from what, what the inputs give, what it needs, the verdict, the methods."""
        return self._made.explanation

    @property
    def correction(self) -> Any:
        """The :class:`~doseconv.checker.correction.Correction` of a flagged claim, else None."""
        if self.verdict not in FLAGGED:
            return None  # only a flagged claim is corrected
        return self._made.corrected[0]

    @property
    def plain(self) -> str:
        """One or two sentences on the verdict a reporter can paste."""
        return self._made.corrected[1]

    @property
    def flagged(self) -> bool:
        """Whether the verdict flags the claim (implausible, upper-bound, impossible)."""
        return self.verdict in FLAGGED

    @property
    def matching_methods(self) -> list[str]:
        """The methods that reproduce the claim (within its interval or, the second tier, to its step), best first."""
        return [d.method for d in self.diagnosis if d.reproduces]

    def _citations(self) -> list[dict[str, str]]:
        citations = []
        seen = set()
        for name in ("lethal_dose", "pill_share", "pill_content", "powder_purity", "pill_mass"):
            for source in self.assumptions.parameter(name).sources:
                if source.id not in seen:
                    seen.add(source.id)
                    citations.append(source.to_dict())
        return citations

    def to_dict(self) -> dict[str, Any]:
        chosen = self.assumptions
        out = {
            "verdict": self.verdict,
            "plain": self.plain,
            "correction": self.correction.to_dict() if self.correction is not None else None,
            "explanation": self.explanation,
            "computed": self.computed.to_dict() if self.computed else None,
            "claimed": self.claimed.to_dict(),
            "implied": self.implied.to_dict() if self.implied else None,
            "assumptions": {
                "name": chosen.name,
                "overrides": chosen.overridden,
                "lethal_dose_mg": _exact_or_none(chosen.lethal_dose.value),
                "powder_purity": _exact_or_none(chosen.powder_purity.value),
                "pill_share": _exact_or_none(chosen.pill_share.value),
                "pill_content_mg": _exact_or_none(chosen.pill_content.value),
                "citations": self._citations(),
            },
            "pill_model": self.pill_model,
            "reading": self.reading,
            "scale": self.scale,
            "inputs": {
                k: (v.to_dict("claim" if k == "claim" else "input") if v else None) for k, v in self.inputs.items()
            },
            "diagnosis": [d.to_dict() for d in self.diagnosis],
            "notes": list(self.notes),
        }
        if self.population is not None:  # a claim phrased as a population ("enough to kill every American")
            out["population"] = {
                **self.population.to_dict(),
                "citation": self.population.citation(),
                "counts": self.population.counts,
                "note": self.population.note,
                "plain": self.plain,
            }
        return out
