"""The diagnosis of many rows at once: every way of making a total the checker tries, tried on every row in numpy.

Each way of counting is a :class:`~.candidates.Candidate`, two coefficients (doses per pill, doses per mg),
so its total for every row is two products and a sum, its central figure too, and each rule of the
checker's diagnosis (:mod:`doseconv.checker.methods` and :mod:`~doseconv.checker.combine`) is an array
operation: the exact and the rounded pound factors, the second tier (:mod:`doseconv.checker.near`), the rows
the checker leaves out as the set's own total again, the combinations kept only when they reproduce the
claim, the ranking and its ties. Every comparison is trusted only outside the float error bound
(:mod:`.bound`); a row where one is not is marked unsure, and the exact check decides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from ..checker.arithmetic import ROUNDED_POUND_MG
from ..registry import unit_factor
from .bound import close, greater, near_whole
from .candidates import DOSE, LEFT_OUT, SINGLE, SLIP_ROW, SLIPPED, Candidate

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["Found", "Methods", "Rows", "diagnose_rows"]

#: The exact pound over the rounded ones (1 kg = 2.2 lb, 2.2046 lb): how much each rounded factor scales a mass.
_LB_MG = unit_factor("pound", "milligram")
POUND_RATIOS = tuple(float(factor / _LB_MG) for factor in ROUNDED_POUND_MG.values())
#: Codes of the second tier's notes (:mod:`doseconv.checker.near`), 0 for none.
NO_NEAR, ROUNDED, TRUNCATED, INPUTS = range(4)
#: Codes of a claim's qualifier as the second tier reads it: rounded either way, up, down, or not at all.
EITHER, UP, DOWN, NO_TIER = range(4)


@dataclass
class Methods:
    """The candidates of one set as arrays (one entry per candidate, in the checker's order)."""

    items: tuple[Candidate, ...]
    a: np.ndarray  # doses per pill (NaN: the set lacks a value)
    b: np.ndarray  # doses per mg of powder
    kind: np.ndarray  # object: SINGLE, SLIP_ROW, DOSE, LEFT_OUT, SLIPPED
    needs_pills: np.ndarray
    needs_powder: np.ndarray
    counts_pure: np.ndarray
    by_chance: np.ndarray  # a dose size or a slip of scale
    has_near: np.ndarray  # a single row tried at the second tier
    dropped_if_own: np.ndarray  # a single row left out when it gives the set's own total
    same_a: np.ndarray  # (K, K): equal doses per pill, exactly
    same_b: np.ndarray
    own_a: np.ndarray  # each candidate's doses per pill equal to the set's own, exactly
    own_b: np.ndarray
    steps: np.ndarray
    base: np.ndarray  # the single row a combination is made on (-1)
    slips: tuple[Fraction, ...]  # the slip row's multipliers, in order


def methods_of(items: tuple[Candidate, ...], own: tuple[Fraction | None, Fraction | None]) -> Methods:
    """The arrays of :class:`Methods` for candidates ``items`` under a set whose own coefficients are ``own``."""
    import numpy as np

    from ..checker.rows import SLIPS

    def floats(values: list[Fraction | None]) -> np.ndarray:
        return np.array([np.nan if v is None else float(v) for v in values])

    def flags(test: list[bool]) -> np.ndarray:
        return np.array(test, dtype=bool)

    a_exact, b_exact = [c.a for c in items], [c.b for c in items]
    kinds = np.array([c.kind for c in items], dtype=object)
    single = [c.kind == SINGLE for c in items]
    return Methods(
        items, floats(a_exact), floats(b_exact), kinds,
        flags([c.needs == "pills" or c.kind == LEFT_OUT for c in items]),
        flags([c.needs == "powder" or c.kind == LEFT_OUT for c in items]),
        flags([c.counts_pure for c in items]),
        flags([any(r.dose_mg is not None or r.slips for r in c.rows) for c in items]),
        flags([s and c.rows[0].dose_mg is None for s, c in zip(single, items, strict=True)]),
        flags([s and not c.kept and not c.counts_pure for s, c in zip(single, items, strict=True)]),
        np.array([[x is not None and x == y for y in a_exact] for x in a_exact], dtype=bool),
        np.array([[x is not None and x == y for y in b_exact] for x in b_exact], dtype=bool),
        flags([x is not None and x == own[0] for x in a_exact]),
        flags([x is not None and x == own[1] for x in b_exact]),
        np.array([c.steps for c in items]),
        np.array([c.base for c in items]),
        tuple(slip.multiplier for slip in SLIPS),
    )  # fmt: skip


@dataclass
class Rows:
    """What the diagnosis reads of each row (floats in base units, absent figures as 0; a chunk of the table)."""

    pills: np.ndarray  # a count of pills is stated
    powder: np.ndarray
    pl: np.ndarray
    ph: np.ndarray
    pv: np.ndarray
    wl: np.ndarray
    wh: np.ndarray
    wv: np.ndarray
    pound: np.ndarray
    cl: np.ndarray
    ch: np.ndarray
    cv: np.ndarray
    qualifier: np.ndarray  # EITHER, UP, DOWN or NO_TIER
    claim_exp: np.ndarray  # the claim's step as a power of ten (NaN: not one)
    digits: np.ndarray  # the fewest significant digits of the stated inputs
    pinned: np.ndarray  # pills alone that cannot carry the total (the implied doses per pill above the band)
    own_made: np.ndarray  # the set's own total can be made
    own_lo: np.ndarray
    own_hi: np.ndarray
    own_v: np.ndarray
    unsure: np.ndarray  # rows already too close to call (the pinned test)


@dataclass
class Found:
    """The diagnosis of each row: the best reproduction, the first that counts the mass as pure, how they match."""

    best: np.ndarray  # candidate index, -1: nothing reproduces the claim
    pure: np.ndarray  # the first reproduction that counts the mass as pure, -1: none
    verdict_pure: np.ndarray  # a pure count (or a dose size at or above the set's) reproduces it: rule 3
    matches: np.ndarray  # (K, rows): within the claim's interval (else: the second tier)
    factor: np.ndarray  # (K, rows): the pound factor that matched: 0 exact, 1 and 2 the rounded ones, -1 none
    near: np.ndarray  # (K, rows): the second tier's note code
    slip: np.ndarray  # the slip row's slip (index into the slips), per row
    value: np.ndarray  # (K, rows): each candidate's central figure (the slip row's times its slip)
    unsure: np.ndarray  # the best or the pure one may differ exactly: the exact check decides
    unsure_pure: np.ndarray  # rule 3 may differ exactly


def _overlap(lo, hi, cl, ch, unsure, where):  # type: ignore[no-untyped-def]
    """Whether [lo, hi] meets the claim [cl, ch], marking rows of ``where`` too close to say."""
    below = greater(cl, hi, unsure, where)
    above = greater(lo, ch, unsure, where)
    return ~below & ~above


def diagnose_rows(t: Methods, r: Rows) -> Found:
    """The diagnosis of every row of ``r`` (see the module's description)."""
    import numpy as np

    k, n = len(t.items), len(r.cl)
    unsure = np.zeros((k, n), dtype=bool)
    col = lambda x: x[:, None]  # noqa: E731
    pills, powder = r.pills[None, :], r.powder[None, :]
    applies = (~col(t.needs_pills) | pills) & (~col(t.needs_powder) | powder)
    made = applies & (~pills | ~col(np.isnan(t.a))) & (~powder | ~col(np.isnan(t.b)))
    a, b = col(np.nan_to_num(t.a)), col(np.nan_to_num(t.b))
    lo, hi, value = a * r.pl + b * r.wl, a * r.ph + b * r.wh, a * r.pv + b * r.wv
    kind = t.kind
    matches = _overlap(lo, hi, r.cl, r.ch, unsure, made) & made
    factor = np.where(matches, 0, -1)
    _rounded_factors(t, r, a, b, lo, hi, made, matches, factor, unsure)
    single = col(kind == SINGLE)
    pinned = single & col(np.array([c.pinned for c in t.items])) & r.pinned[None, :] & made
    unsure |= single & col(np.array([c.pinned for c in t.items])) & r.unsure[None, :]
    near = np.zeros((k, n), dtype=np.int8)
    tier2 = col(t.has_near) & made & ~matches
    if tier2.any():
        near = _near_codes(value, r, tier2, unsure)
    matches |= pinned
    own_eq = (col(t.own_a) | ~pills) & (col(t.own_b) | ~powder) & r.own_made[None, :]
    unsure |= single & made & ~own_eq & r.own_made[None, :] & close(lo, r.own_lo) & close(hi, r.own_hi)
    kept = made & ~(col(t.dropped_if_own) & own_eq & ~pinned)
    slip = _slip_row(t, r, made, kept, matches, value, unsure)
    rows_in = np.where(single | col(kind == SLIP_ROW), kept, False)
    base = np.maximum(t.base, 0)
    combined = (col(kind == DOSE) & kept[base] | col(kind == LEFT_OUT)) & made & matches
    slippable = kept[base] & ~own_eq[base] & ~matches[base] & (lo[base] > 0)
    combined |= col(kind == SLIPPED) & made & matches & slippable
    rows_in |= combined
    reproduces = rows_in & (matches | (near > 0))
    found = _ranked(t, r, reproduces, matches, value, unsure)
    verdict_rows = col(np.isin(kind, [SINGLE, DOSE]) & t.counts_pure)
    verdict_pure = (reproduces & verdict_rows).any(axis=0)
    unsure_pure = (unsure & verdict_rows).any(axis=0)
    best, first_pure, ranked_unsure = found
    return Found(best, first_pure, verdict_pure, matches, factor, near, slip, value, ranked_unsure, unsure_pure)


def _rounded_factors(t, r, a, b, lo, hi, made, matches, factor, unsure) -> None:  # type: ignore[no-untyped-def]
    """A single row in pounds that misses the claim by at most 1 % with the exact pound: the rounded factors."""
    tries = (t.kind == SINGLE)[:, None] & made & ~matches & (r.pound & r.powder)[None, :]
    if not tries.any():
        return
    far = greater(lo, 1.01 * r.ch, unsure, tries) | greater(r.cl, hi + 0.01 * r.ch, unsure, tries)
    tries &= ~far
    for code, ratio in enumerate(POUND_RATIOS, start=1):
        met = _overlap(a * r.pl + b * ratio * r.wl, a * r.ph + b * ratio * r.wh, r.cl, r.ch, unsure, tries) & tries
        factor[met] = code
        matches |= met
        tries &= ~met


def _slip_row(t, r, made, kept, matches, value, unsure):  # type: ignore[no-untyped-def]
    """The slip row: the set's own figure under each slip of scale; the one that matches, nearest, is kept."""
    import numpy as np

    n = len(r.cl)
    index = int(np.flatnonzero(t.kind == SLIP_ROW)[0])
    own = r.own_made
    best = np.full(n, -1)
    best_match = np.zeros(n, dtype=bool)
    best_off = np.full(n, np.inf)
    done = ~own.copy()
    row_unsure = np.zeros(n, dtype=bool)
    for s, multiplier in enumerate(t.slips):
        m = float(multiplier)
        met = _overlap(r.own_lo * m, r.own_hi * m, r.cl, r.ch, row_unsure, own & ~done)
        shown = r.own_v * m
        below, above = greater(r.cl, shown, row_unsure, own & ~done), greater(shown, r.ch, row_unsure, own & ~done)
        off = np.where(below, r.cl - shown, np.where(above, shown - r.ch, 0.0))
        row_unsure |= own & ~done & (met == best_match) & np.isfinite(best_off) & close(off, best_off) & (off > 0)
        take = ~done & ((met & ~best_match) | ((met == best_match) & (off < best_off)))
        best = np.where(take, s, best)
        best_match = np.where(take, met, best_match)
        best_off = np.where(take, off, best_off)
        done |= met & (off == 0)
    slips = np.array([float(m) for m in t.slips])
    chosen = np.maximum(best, 0)
    made[index] = own
    kept[index] = own
    matches[index] = own & best_match
    value[index] = r.own_v * slips[chosen]
    unsure[index] = row_unsure
    return best


def _ranked(t, r, reproduces, matches, value, unsure):  # type: ignore[no-untyped-def]
    """The best reproduction and the first that counts the mass as pure, in the checker's order."""
    import numpy as np

    plain_pure = (t.counts_pure & ~t.by_chance)[:, None]
    pure_near = (reproduces & plain_pure).any(axis=0)[None, :]
    chance = t.by_chance[:, None]
    tier = np.where(
        matches,
        np.where(pure_near & chance, 2, 0),
        np.where(plain_pure, 1, 3),
    )
    mid = (r.cl + r.ch) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        off = np.where(mid > 0, np.abs(value - mid) / mid, 0.0)
    steps = t.steps[:, None]
    key = np.where(steps > 0, off * (1 + steps) + steps / 1000, off)
    # a row's unsure comparisons matter for the ranking only where they could reproduce the claim
    row_unsure = unsure.any(axis=0)
    best, tie = _first(t, r, reproduces, tier, key)
    pure, pure_tie = _first(t, r, reproduces & t.counts_pure[:, None], tier, key)
    return best, pure, row_unsure | tie | pure_tie


def _first(t, r, chosen, tier, key):  # type: ignore[no-untyped-def]
    """The first candidate of least (tier, key) among ``chosen`` per row (-1: none), and whether a tie with
    another way of counting is too close to call."""
    import numpy as np

    n = chosen.shape[1]
    tiers = np.where(chosen, tier, 99)
    least = tiers.min(axis=0)
    level = chosen & (tiers == least)
    keys = np.where(level, key, np.inf)
    low = keys.min(axis=0)
    tol = 1e-11 * (2 + np.where(np.isfinite(low), low, 0))
    first = np.argmax(level & (keys <= low), axis=0)
    found = level.any(axis=0)
    columns = np.arange(n)
    same = (t.same_a[first].T | ~r.pills[None, :]) & (t.same_b[first].T | ~r.powder[None, :])
    same &= (t.steps[:, None] == t.steps[first][None, :]) & (t.kind[:, None] != SLIP_ROW)
    same &= (t.kind[first] != SLIP_ROW)[None, :]  # the slip row's figure is its slip's, not its coefficients
    with np.errstate(invalid="ignore"):
        rivals = level & (np.abs(keys - low) <= tol) & ~same
    rivals[first, columns] = False
    return np.where(found, first, -1), (rivals.any(axis=0) & found)


def _near_codes(value, r, tier2, unsure):  # type: ignore[no-untyped-def]
    """The second tier's note of each candidate figure (:func:`doseconv.checker.near.near_note`), in floats."""
    import numpy as np

    v = np.where(tier2, value, 1.0)
    positive = greater(v, 0.0, unsure, tier2)
    with np.errstate(divide="ignore", invalid="ignore"):
        e = np.floor(np.log10(np.where(positive, v, 1.0)))
    e = np.where(10.0**e > v, e - 1, np.where(10.0 ** (e + 1) <= v, e + 1, e))
    unsure |= tier2 & (close(v, 10.0**e) | close(v, 10.0 ** (e + 1)))
    claim_e = r.claim_exp[None, :]
    step_e = np.maximum(claim_e, e - (r.digits[None, :] - 1))
    coarse = step_e > claim_e
    step = 10.0**step_e
    qualifier = r.qualifier[None, :]
    live = tier2 & positive & (qualifier != NO_TIER)
    unsure |= live & np.isnan(claim_e)
    cv = r.cv[None, :]
    exact_claim = (cv == np.floor(cv)) & (cv < 2.0**53) & (step_e >= 0)
    with np.errstate(invalid="ignore"):
        s = cv / step
        shown = np.where(coarse, np.where(qualifier == UP, np.ceil(s), np.floor(s)), np.round(s))
        unsure |= live & coarse & ~exact_claim & near_whole(s)
        q = v / step
        down, up, nearest = np.floor(q), np.ceil(q), np.floor(q + 0.5)
    whole, half = near_whole(q), near_whole(q, half=True)
    r0 = np.round(q)
    unsure |= live & whole & (np.abs(shown - r0) <= 1)
    either = qualifier == EITHER
    unsure |= live & either & half & (np.abs(shown - np.round(q + 0.5)) <= 1)
    at_least = greater(v, cv, unsure, live & (qualifier == DOWN))  # v > cv; v == cv is within the margin
    at_most = ~greater(v, cv, unsure, live & (qualifier == UP))
    rounded = np.where(coarse, INPUTS, ROUNDED)
    truncated = np.where(coarse, INPUTS, TRUNCATED)
    code = np.where(
        qualifier == DOWN,
        np.where((down == shown) & at_least, truncated, NO_NEAR),
        np.where(
            qualifier == UP,
            np.where((up == shown) & at_most, rounded, NO_NEAR),
            np.where(nearest == shown, rounded, np.where(down == shown, truncated, NO_NEAR)),
        ),
    )
    return np.where(live, code, NO_NEAR).astype(np.int8)
