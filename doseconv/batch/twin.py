"""The vectorized twin of the claim checker's verdict (:func:`doseconv.checker.verdict.decide`), in floats.

It follows the same order of rules with the same set values and bands, which it takes from a
:class:`~doseconv.checker.context.ClaimContext` and :func:`~doseconv.checker.bands.band_for`.
It decides only rows that are clear-cut: any comparison within a relative ``EDGE`` of its edge,
a mass in pounds near the physical limit (where rounded pound factors change the verdict), pills
given by weight, a zero or open-ended figure, or a verdict the twin does not make is left
undecided (code -1), and the exact check decides it. The equality with the exact check is a
property test (tests/test_batch.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from ..checker.bands import band_for
from ..checker.context import ClaimContext
from ..checker.results import Band

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .columns import FigureColumn

__all__ = ["EDGE", "TWIN_VERDICTS", "Twin", "constants", "decide_rows"]

#: Relative distance from an edge below which a comparison counts as too close to call in floats.
EDGE = 1e-9
#: A rounded pound factor moves a mass by at most this much (1 kg = 2.2 lb is 0.21 % off).
POUND_REACH = 0.01
#: The verdicts the twin can give, by code; -1 means "left to the exact check".
TWIN_VERDICTS = ("consistent", "plausible", "implausible", "impossible", "unverifiable")
CONSISTENT, PLAUSIBLE, IMPLAUSIBLE, IMPOSSIBLE, UNVERIFIABLE = range(5)
POWDER_PURITY, DOSES_PER_PILL = "powder_purity", "doses_per_pill"


@dataclass(frozen=True)
class Twin:
    """The set's values the verdict uses, as floats (None: not published)."""

    per_pill: float | None
    purity: float | None
    lethal: float
    physical_per_pill: float | None  # doses a whole pill would hold as pure fentanyl
    powder_band: tuple[float, float] | None
    pill_band: tuple[float, float] | None
    #: The highest yearly means (aggregate bands' tops): a claim needing more may be an upper bound (mass counted
    #: as pure), which the exact check decides.
    powder_mean_top: float | None = None
    pill_mean_top: float | None = None


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _band(band: Band | None) -> tuple[float, float] | None:
    return None if band is None else (float(band.reach[0]), float(band.reach[1]))


def constants(ctx: ClaimContext) -> Twin:
    """The twin's constants from the context the exact check builds for the same options."""
    return Twin(
        _float(ctx.per_pill),
        _float(ctx.purity),
        float(ctx.lethal),
        None if ctx.pill_mass is None else float(ctx.pill_mass / ctx.lethal),
        _band(band_for(POWDER_PURITY, ctx.chosen, ctx.scale)),
        _band(band_for(DOSES_PER_PILL, ctx.chosen, ctx.scale)),
        _top(band_for(POWDER_PURITY, ctx.chosen, "aggregate")),
        _top(band_for(DOSES_PER_PILL, ctx.chosen, "aggregate")),
    )


def _top(band: Band | None) -> float | None:
    return None if band is None else float(band.reach[1])


def _near(a: np.ndarray, b: np.ndarray | float) -> np.ndarray:
    import numpy as np

    return np.abs(a - b) <= EDGE * np.maximum(np.abs(a), np.abs(b))


@dataclass
class Rows:
    """What the twin found for every row (floats; NaN where there is nothing)."""

    verdict: np.ndarray  # codes into TWIN_VERDICTS, -1 undecided
    computed_low: np.ndarray
    computed_high: np.ndarray
    parameter: np.ndarray  # object: POWDER_PURITY, DOSES_PER_PILL or None
    implied_low: np.ndarray
    implied_high: np.ndarray


def decide_rows(t: Twin, pills: FigureColumn | None, powder: FigureColumn, claim: FigureColumn) -> Rows:
    """The verdict of every clear-cut row, in the order of :func:`doseconv.checker.verdict.decide`."""
    import numpy as np

    n = len(claim.low)
    nan = np.full(n, np.nan)
    has_p = pills.present if pills is not None else np.zeros(n, dtype=bool)
    has_w = powder.present
    zero = np.zeros(n)
    pl = np.where(has_p, pills.low, 0.0) if pills is not None else zero
    ph = np.where(has_p, pills.high, 0.0) if pills is not None else zero
    wl, wh = np.where(has_w, powder.low, 0.0), np.where(has_w, powder.high, 0.0)
    cl, ch = claim.low, claim.high
    verdict = np.full(n, -1)
    undecided = (
        ~claim.clear | (has_p & ~pills.clear) | (has_w & ~powder.clear)
        if pills is not None
        else (~claim.clear | (has_w & ~powder.clear))
    )
    if pills is not None:
        undecided |= has_p & pills.by_mass
    # 1. nothing to compute from
    verdict[~has_p & ~has_w] = UNVERIFIABLE
    inputs = has_p | has_w
    # 2. the set's recipe gives the claim
    can_compute = inputs & (~has_p | (t.per_pill is not None)) & (~has_w | (t.purity is not None))
    per_pill = t.per_pill or 0.0
    per_mg = (t.purity or 0.0) / t.lethal
    comp_low = np.where(can_compute, pl * per_pill + wl * per_mg, np.nan)
    comp_high = np.where(can_compute, ph * per_pill + wh * per_mg, np.nan)
    consistent = can_compute & (comp_high >= cl) & (ch >= comp_low)
    undecided |= can_compute & (_near(comp_high, cl) | _near(ch, comp_low))
    parameter = np.full(n, None, dtype=object)
    imp_low, imp_high = nan.copy(), nan.copy()
    # 3 to 8, for every row with inputs (the implied value is reported for consistent rows too)
    _powder_rows(t, inputs & has_w, has_p, pl, ph, wl, wh, cl, ch, powder.pound, comp_low, verdict, undecided,
                 parameter, imp_low, imp_high)  # fmt: skip
    _pill_rows(t, inputs & ~has_w & has_p, pl, ph, cl, ch, comp_low, verdict, undecided, parameter, imp_low, imp_high)
    verdict[inputs & consistent] = CONSISTENT
    verdict[undecided] = -1
    return Rows(verdict, comp_low, comp_high, parameter, imp_low, imp_high)


def _band_verdicts(
    t_band: tuple[float, float] | None, rows: np.ndarray, low: np.ndarray, high: np.ndarray,
    computed: np.ndarray, verdict: np.ndarray, undecided: np.ndarray, mean_top: float | None = None,
) -> None:  # fmt: skip
    """Rules 6 to 8: within the band plausible, else implausible; no band: unverifiable or implausible.

    A value needed above every yearly mean may make the claim an upper bound: left to the exact check.
    """
    import numpy as np

    undecided |= rows & (low >= (mean_top if mean_top is not None else np.inf) * (1 - EDGE))

    if t_band is None:
        verdict[rows] = np.where(np.isnan(computed[rows]), UNVERIFIABLE, IMPLAUSIBLE)
        return
    b_low, b_high = t_band
    inside = (high >= b_low) & (low <= b_high)
    verdict[rows] = np.where(inside[rows], PLAUSIBLE, IMPLAUSIBLE)
    undecided |= rows & (_near(high, b_low) | _near(low, b_high))


def _powder_rows(t, rows, has_p, pl, ph, wl, wh, cl, ch, pound, computed, verdict, undecided, parameter, lo, hi):
    """Powder stated: the purity it needs, with the pills at the set's doses per pill."""
    import numpy as np

    if t.per_pill is None:  # pills stated but no doses per pill: no implied value
        verdict[rows & has_p] = UNVERIFIABLE
        rows = rows & ~has_p
    per_pill = t.per_pill or 0.0
    fixed_low, fixed_high = pl * per_pill, ph * per_pill
    top = ch - fixed_low
    negative = rows & (top < 0)
    verdict[negative] = IMPLAUSIBLE  # 4. the pills alone give more
    undecided |= rows & _near(ch, fixed_low)
    rows = rows & ~negative
    parameter[rows | negative] = POWDER_PURITY
    undecided |= rows & ((wl <= 0) | (wh <= 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.maximum(cl - fixed_high, 0.0) * t.lethal / wh
        high = top * t.lethal / wl
    undecided |= rows & _near(cl, fixed_high)
    lo[rows], hi[rows] = low[rows], high[rows]
    # 5. more than the mass holds (pounds near the limit: a rounded factor may decide)
    over = rows & (low > 1.0)
    verdict[over] = IMPOSSIBLE
    undecided |= rows & (_near(low, 1.0) | (pound & (low > 1.0) & (low <= 1.0 + 2 * POUND_REACH)))
    _band_verdicts(t.powder_band, rows & ~over, low, high, computed, verdict, undecided, t.powder_mean_top)


def _pill_rows(t, rows, pl, ph, cl, ch, computed, verdict, undecided, parameter, lo, hi):
    """Pills counted, no powder: the doses per pill it needs."""
    import numpy as np

    parameter[rows] = DOSES_PER_PILL
    undecided |= rows & ((pl <= 0) | (ph <= 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        low, high = cl / ph, ch / pl
    lo[rows], hi[rows] = low[rows], high[rows]
    over = np.zeros(len(rows), dtype=bool)
    if t.physical_per_pill is not None:
        over = rows & (low > t.physical_per_pill)
        verdict[over] = IMPOSSIBLE
        undecided |= rows & _near(low, t.physical_per_pill)
    _band_verdicts(t.pill_band, rows & ~over, low, high, computed, verdict, undecided, t.pill_mean_top)
