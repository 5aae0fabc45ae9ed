"""The known ways published totals are made: one table, one row per method, each row all of its method.

A row says everything about its method once: its label (``name``), what it computes (``description``,
for the explanation and the docs), what it did in plain words (``plain``, for the sentence a reporter
pastes), and its recipe as data: which pill model counts the pills, whether the powder is counted as
pure, which dose size it takes, whether the powder is left out or the pills' weight counted as drug, and
the slips of scale it tries. :meth:`Method.recipe` turns the row into a :class:`~.arithmetic.Recipe` for
a claim. A claim made two ways at once is a tuple of rows (:mod:`.combine`), never a name read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .arithmetic import Recipe
from .context import ClaimContext

__all__ = ["METHOD_BY_NAME", "METHOD_TABLE", "PILLS_ONLY", "SLIPS", "Method", "Slip", "plain_words", "rows_named"]


@dataclass(frozen=True)
class Slip:
    """A slip of scale: the figure times ``multiplier``, labelled (``x10``) and said in plain words."""

    multiplier: Fraction
    label: str
    plain: str


#: Slips of scale tried on top of every method, in the order they are tried.
SLIPS: tuple[Slip, ...] = (
    Slip(Fraction(1000), "x1000", "a slip of a thousand (thousands, millions and billions mixed up)"),
    Slip(Fraction(1, 1000), "/1000", "a slip of a thousand (thousands, millions and billions mixed up)"),
    Slip(Fraction(100), "x100", "a slip of a hundred (two digits misplaced)"),
    Slip(Fraction(1, 100), "/100", "a slip of a hundred (two digits misplaced)"),
    Slip(Fraction(10), "x10", "a slip of ten (a misplaced digit)"),
    Slip(Fraction(1, 10), "/10", "a slip of ten (a misplaced digit)"),
)


@dataclass(frozen=True, eq=False)  # each row is one object: compared and hashed by identity
class Method:
    """One way of making a total, as data (see the module's description).

    ``needs``: the figure that must be stated for the row to apply ("" for any); ``pill_model``: the pill
    model whose doses per pill it counts (None: the chosen one); ``pure``: the powder counted as 100 %
    fentanyl; ``dose_mg``: another lethal dose (None: the set's); ``slips``: multipliers tried in turn, the
    best kept.
    """

    name: str
    description: str
    plain: str
    needs: str = ""
    pill_model: str | None = None
    pure: bool = False
    dose_mg: Fraction | None = None
    include_powder: bool = True
    pill_weight_as_drug: bool = False
    slips: tuple[Slip, ...] = ()

    @property
    def counts_pure(self) -> bool:
        """Whether the row counts seized mass as pure fentanyl (the most it could hold)."""
        return self.pure or self.pill_weight_as_drug

    def recipe(self, ctx: ClaimContext) -> Recipe:
        """The row's recipe for a claim: the set's own values except where the row says otherwise."""
        lethal = ctx.lethal if self.dose_mg is None else self.dose_mg
        model = self.pill_model or ctx.model
        per_pill = ctx.per_pill if self.pill_model is None else ctx.per_pill_under(self.pill_model)
        content = ctx.chosen.pill_content.value
        if self.dose_mg is not None and model == "mean-content" and content is not None:
            per_pill = content / lethal  # under mean-content the doses per pill follow the dose
        purity = Fraction(1) if self.pure else ctx.purity
        return Recipe(per_pill, purity, lethal, self.pill_weight_as_drug, self.include_powder)


#: The table of methods, in the order they are tried (ties in the diagnosis keep this order).
METHOD_TABLE: tuple[Method, ...] = (
    Method(
        "powder-pure",
        "powder counted as 100 % fentanyl, 1 kg = 500,000 doses, pills one dose each",
        "counting the powder as pure fentanyl",
        "powder",
        pill_model="one-per-pill",
        pure=True,
    ),
    Method(
        "powder-set-purity",
        "powder at the set's mean purity, pills by the chosen pill model",
        "counting the powder at its average purity",
        "powder",
    ),
    Method(
        "pills-one-each",
        "each pill one dose, powder at the set's mean purity",
        "counting each pill as one lethal dose",
        "pills",
        pill_model="one-per-pill",
    ),
    Method(
        "pills-lab-share",
        "pills x the DEA lab's share holding 2 mg or more, powder at the set's purity",
        "counting only the share of pills DEA's lab found to hold a lethal dose",
        "pills",
        pill_model="lab-share",
    ),
    Method(
        "pills-mean-content",
        "pills x mean fentanyl per pill / 2 mg, powder at the set's purity",
        "counting the pills by their average fentanyl content",
        "pills",
        pill_model="mean-content",
    ),
    Method(
        "pills-only",
        "the total rests on the pills alone, the powder ignored or unmentioned",
        "counting the pills alone and leaving the powder out",
        "pills",
        include_powder=False,
    ),
    Method(
        "pill-weight-as-drug",
        "the gross weight of the pills counted as pure fentanyl",
        "counting the pills' whole weight as fentanyl",
        "pills",
        pill_weight_as_drug=True,
    ),
    Method(
        "dose-2g",
        "2 g (not 2 mg) taken as the lethal dose",
        "taking 2 grams instead of 2 milligrams as the lethal dose",
        dose_mg=Fraction(2000),
    ),
    Method("dose-3mg", "3 mg taken as the lethal dose", "taking 3 mg as the lethal dose", dose_mg=Fraction(3)),
    Method(
        "dose-0.25mg", "0.25 mg taken as the lethal dose", "taking 0.25 mg as the lethal dose", dose_mg=Fraction(1, 4)
    ),
    Method(
        "scale-slip",
        "a slip of ten, a hundred or a thousand (a misplaced digit, million read as billion)",
        "a slip of scale",
        slips=SLIPS,
    ),
)

#: The row that leaves the powder out.
PILLS_ONLY: Method = next(row for row in METHOD_TABLE if not row.include_powder)

#: Each row by its name (claims files name the methods they expect).
METHOD_BY_NAME: dict[str, Method] = {method.name: method for method in METHOD_TABLE}


def rows_named(name: str) -> tuple[Method, ...] | None:
    """The rows of a method or a combination written as in a claims file ("powder-pure+dose-3mg"); None when a
    part is no method's name."""
    parts = tuple(METHOD_BY_NAME.get(part) for part in name.split("+"))
    return None if None in parts else parts  # type: ignore[return-value]


def plain_words(rows: tuple[Method, ...], slip: Slip | None = None) -> tuple[str, ...]:
    """What each row did, in plain words; the row of slips says which slip it was when one is known."""
    return tuple(slip.plain if row.slips and slip else row.plain for row in rows)
