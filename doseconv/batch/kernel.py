"""The check of many rows in numpy: the checker's verdict, computed total, implied value, band and diagnosis.

It follows :func:`doseconv.checker.verdict.decide` rule by rule, with the same set values and bands (taken
from a :class:`~doseconv.checker.context.ClaimContext` and the checker's own functions) and the same
diagnosis (:mod:`.diagnosis`, for the rows a verdict may flag and the rows that may be upper bounds). Every
comparison is made as two sums of non-negative products and trusted only outside the float error bound
(:mod:`.bound`); a row with any comparison inside it, a population claim, pills given by weight, or a figure
that may be zero is left to the exact check (verdict code -1), which the benchmarks count. The equality with
the exact check, row for row, is a property test (tests/test_batch.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..checker.bands import band_for, highest_mean
from ..checker.context import ClaimContext
from .bound import greater
from .candidates import candidates
from .diagnosis import POUND_RATIOS, Found, Methods, Rows, diagnose_rows, methods_of

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .columns import FigureColumn

__all__ = ["FLAGGED_CODES", "VERDICTS", "Decided", "Twin", "constants", "decide_rows"]

#: The verdicts by code; -1 means "left to the exact check".
VERDICTS = ("consistent", "plausible", "implausible", "upper-bound", "impossible", "unverifiable")
CONSISTENT, PLAUSIBLE, IMPLAUSIBLE, UPPER, IMPOSSIBLE, UNVERIFIABLE = range(6)
FLAGGED_CODES = (IMPLAUSIBLE, UPPER, IMPOSSIBLE)
POWDER_PURITY, DOSES_PER_PILL = "powder_purity", "doses_per_pill"
#: Rows diagnosed at once (the candidates times the rows stay a few megabytes).
CHUNK = 8192


@dataclass(frozen=True)
class Twin:
    """The set's values the check uses, as floats (None: not published), and its ways of counting."""

    lethal: float
    per_pill: float | None
    per_mg: float | None  # the set's purity over the lethal dose
    physical_per_pill: float | None  # doses a whole pill would hold as pure fentanyl
    powder_band: tuple[float, float] | None  # the bands' reach at the chosen scale
    pill_band: tuple[float, float] | None
    powder_ceiling: float | None  # the highest yearly means, read at their published precision
    pill_ceiling: float | None
    set_pure: bool  # the set counts seized powder as pure
    purity_one: bool
    methods: Methods


def constants(ctx: ClaimContext) -> Twin:
    """The constants of the check under ``ctx``'s set and options (its figures are not read)."""
    chosen = ctx.chosen
    per_mg = None if ctx.purity is None else ctx.purity / ctx.lethal

    def reach(parameter: str) -> tuple[float, float] | None:
        band = band_for(parameter, chosen, ctx.scale)
        return None if band is None else (float(band.reach[0]), float(band.reach[1]))

    def ceiling(parameter: str) -> float | None:
        top = highest_mean(parameter, chosen)
        return None if top is None else float(top)

    return Twin(
        float(ctx.lethal), None if ctx.per_pill is None else float(ctx.per_pill),
        None if per_mg is None else float(per_mg),
        None if ctx.pill_mass is None else float(ctx.pill_mass / ctx.lethal),
        reach(POWDER_PURITY), reach(DOSES_PER_PILL), ceiling(POWDER_PURITY), ceiling(DOSES_PER_PILL),
        chosen.name == "pure", ctx.purity == 1, methods_of(candidates(ctx), (ctx.per_pill, per_mg)),
    )  # fmt: skip


@dataclass
class Decided:
    """What the check found for every row (floats; NaN where there is nothing), and its diagnosis."""

    verdict: np.ndarray  # codes into VERDICTS, -1: left to the exact check
    computed_low: np.ndarray
    computed_high: np.ndarray
    parameter: np.ndarray  # object: POWDER_PURITY, DOSES_PER_PILL or None
    implied_low: np.ndarray
    implied_high: np.ndarray
    corrected: np.ndarray  # the set's own central total (a flagged row's corrected figure)
    best: np.ndarray  # the best reproduction's candidate, -1: none
    pure: np.ndarray  # the first reproduction that counts the mass as pure, -1: none


def _present(column: FigureColumn | None, n: int) -> tuple[np.ndarray, ...]:
    import numpy as np

    if column is None:
        zero = np.zeros(n)
        return np.zeros(n, dtype=bool), zero, zero, zero
    has = column.present
    return has, np.where(has, column.low, 0.0), np.where(has, column.high, 0.0), np.where(has, column.value, 0.0)


def decide_rows(t: Twin, pills: FigureColumn | None, powder: FigureColumn, claim: FigureColumn) -> Decided:
    """The verdict and findings of every row that is clear of every edge, in the order of the checker."""
    import numpy as np

    n = len(claim.low)
    has_p, pl, ph, pv = _present(pills, n)
    by_mass = pills.by_mass & has_p if pills is not None else np.zeros(n, dtype=bool)
    w, wl, wh, wv = _present(powder, n)
    unsure = ~claim.clear | claim.population | (w & ~powder.clear) | by_mass
    if pills is not None:
        unsure |= has_p & ~pills.clear
    p = has_p & ~by_mass
    pl, ph, pv = np.where(p, pl, 0.0), np.where(p, ph, 0.0), np.where(p, pv, 0.0)
    present = claim.present
    cl, ch, cv = (np.where(present, x, 0.0) for x in (claim.low, claim.high, claim.value))
    inputs = has_p | w
    a0, b0 = t.per_pill or 0.0, t.per_mg or 0.0
    can = inputs & (~p | (t.per_pill is not None)) & (~w | (t.per_mg is not None))
    own_lo, own_hi, own_v = a0 * pl + b0 * wl, a0 * ph + b0 * wh, a0 * pv + b0 * wv
    gives = can & ~greater(cl, own_hi, unsure, can) & ~greater(own_lo, ch, unsure, can)
    verdict = np.full(n, UNVERIFIABLE)
    zone = np.zeros(n, dtype=bool)  # may be an upper bound: rule 3 needs the diagnosis
    out = Decided(
        verdict, np.where(can, own_lo, np.nan), np.where(can, own_hi, np.nan), np.full(n, None, dtype=object),
        np.full(n, np.nan), np.full(n, np.nan), np.where(can, own_v, np.nan), np.full(n, -1), np.full(n, -1),
    )  # fmt: skip
    _powder_rows(t, w, p, pl, ph, wl, wh, cl, ch, gives, can, powder.pound, zone, unsure, out)
    _pill_rows(t, p & ~w, pl, ph, cl, ch, gives, can, zone, unsure, out)
    own = (can, own_lo, own_hi, own_v)
    figures = (p, w, pl, ph, pv, wl, wh, wv, powder.pound & w, cl, ch, cv)
    near_info = _near_info(pills, powder, claim, p, w)
    flagged = np.isin(verdict, FLAGGED_CODES) | zone
    wanted = np.flatnonzero(flagged & inputs & present & ~unsure)
    _diagnose(t, wanted, figures, near_info, own, zone, unsure, out)
    out.verdict[unsure | ~present] = -1
    return out


def _powder_rows(t, w, p, pl, ph, wl, wh, cl, ch, gives, can, pound, zone, unsure, out) -> None:  # type: ignore[no-untyped-def]
    """Powder stated: the purity it needs, with the pills at the set's doses per pill (rules 2 to 9)."""
    import numpy as np

    lethal = t.lethal
    no_implied = w & p & (t.per_pill is None)  # pills stated, no doses per pill: nothing to back-solve
    out.verdict[no_implied] = np.where(gives[no_implied], CONSISTENT, UNVERIFIABLE)
    rows = w & ~no_implied
    per_pill = t.per_pill or 0.0
    fixed_lo, fixed_hi = pl * per_pill, ph * per_pill
    negative = rows & greater(fixed_lo, ch, unsure, rows)  # the pills alone give more than claimed
    solved = rows & ~negative
    out.parameter[rows] = POWDER_PURITY
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.maximum(cl - fixed_hi, 0.0) * lethal / wh
        high = (ch - fixed_lo) * lethal / wl
    out.implied_low[solved], out.implied_high[solved] = low[solved], high[solved]
    need = cl * lethal  # the claim's low end, in mg of fentanyl, against what the mass and the pills give
    beyond = solved & greater(need, wh + fixed_hi * lethal, unsure, solved)
    tolerant = greater(need, wh * max(1.0, *POUND_RATIOS) + fixed_hi * lethal, unsure, beyond & pound)
    impossible = beyond & (~pound | tolerant)
    counts_pure = t.set_pure or t.purity_one
    if t.powder_ceiling is not None and not counts_pure:
        zone |= solved & ~impossible & greater(need, t.powder_ceiling * wh + fixed_hi * lethal, unsure, solved)
    verdict = np.full(len(w), IMPLAUSIBLE)
    band = t.powder_band
    if band is None:
        verdict = np.where(can, IMPLAUSIBLE, UNVERIFIABLE)
    else:
        below = greater(band[0] * wl + fixed_lo * lethal, ch * lethal, unsure, solved)
        above = greater(need, band[1] * wh + fixed_hi * lethal, unsure, solved)
        verdict = np.where(~below & ~above, PLAUSIBLE, IMPLAUSIBLE)
    verdict = np.where(gives, CONSISTENT, verdict)
    verdict = np.where(beyond, IMPLAUSIBLE, verdict)
    verdict = np.where(impossible, IMPOSSIBLE, verdict)
    out.verdict[solved] = verdict[solved]
    out.verdict[negative] = IMPLAUSIBLE


def _pill_rows(t, rows, pl, ph, cl, ch, gives, can, zone, unsure, out) -> None:  # type: ignore[no-untyped-def]
    """Pills counted, no powder: the doses per pill it needs."""
    import numpy as np

    out.parameter[rows] = DOSES_PER_PILL
    with np.errstate(divide="ignore", invalid="ignore"):
        low, high = cl / ph, ch / pl
    out.implied_low[rows], out.implied_high[rows] = low[rows], high[rows]
    impossible = np.zeros(len(rows), dtype=bool)
    if t.physical_per_pill is not None:
        impossible = rows & greater(cl, t.physical_per_pill * ph, unsure, rows)
    if t.pill_ceiling is not None and not t.set_pure:
        zone |= rows & ~impossible & greater(cl, t.pill_ceiling * ph, unsure, rows)
    band = t.pill_band
    if band is None:
        verdict = np.where(can, IMPLAUSIBLE, UNVERIFIABLE)
    else:
        below = greater(band[0] * pl, ch, unsure, rows)
        above = greater(cl, band[1] * ph, unsure, rows)
        verdict = np.where(~below & ~above, PLAUSIBLE, IMPLAUSIBLE)
    verdict = np.where(gives, CONSISTENT, verdict)
    verdict = np.where(impossible, IMPOSSIBLE, verdict)
    out.verdict[rows] = verdict[rows]


def _near_info(pills, powder, claim, p, w):  # type: ignore[no-untyped-def]
    """What the second tier reads of each row: the claim's qualifier and step, the inputs' fewest digits."""
    import numpy as np

    digits = np.full(len(p), 10**6)
    for column, has in ((pills, p), (powder, w)):
        if column is not None:
            digits = np.where(has, np.minimum(digits, column.digits), digits)
    return claim.qualifier, claim.step_exp, digits


def _diagnose(t, wanted, figures, near_info, own, zone, unsure, out) -> None:  # type: ignore[no-untyped-def]
    """The diagnosis of the ``wanted`` rows, chunk by chunk: rule 3 decided, the best reproduction kept."""
    import numpy as np

    can, own_lo, own_hi, own_v = own
    p, w, pl, ph, pv, wl, wh, wv, pound, cl, ch, cv = figures
    qualifier, step_exp, digits = near_info
    band = t.pill_band
    for start in range(0, len(wanted), CHUNK):
        rows = wanted[start : start + CHUNK]
        pinned_unsure = np.zeros(len(rows), dtype=bool)
        pinned = np.zeros(len(rows), dtype=bool)
        if band is not None:  # pills alone that would need more per pill than the band: rule of the pills-only row
            alone = p[rows] & ~w[rows]
            pinned = alone & greater(cl[rows], band[1] * ph[rows], pinned_unsure, alone)
        r = Rows(
            p[rows], w[rows], pl[rows], ph[rows], pv[rows], wl[rows], wh[rows], wv[rows], pound[rows], cl[rows],
            ch[rows], cv[rows], qualifier[rows], step_exp[rows], digits[rows], pinned, can[rows], own_lo[rows],
            own_hi[rows], own_v[rows], pinned_unsure,
        )  # fmt: skip
        _settle(rows, diagnose_rows(t.methods, r), zone, unsure, out)


def _settle(rows, found: Found, zone, unsure, out) -> None:  # type: ignore[no-untyped-def]
    """Rule 3 for the rows that may be upper bounds, and the diagnosis of each flagged row."""
    import numpy as np

    in_zone = zone[rows]
    upper = in_zone & found.verdict_pure
    unsure[rows] |= in_zone & found.unsure_pure
    verdict = out.verdict
    verdict[rows[upper]] = UPPER
    flagged = np.isin(verdict[rows], FLAGGED_CODES)
    unsure[rows] |= flagged & found.unsure
    out.best[rows] = np.where(flagged, found.best, -1)
    out.pure[rows] = np.where(flagged, found.pure, -1)
