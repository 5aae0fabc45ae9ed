"""Named hypothesis strategies for tables of claims: rows of pills, powder and a claim, numeric or as text."""

from __future__ import annotations

from hypothesis import strategies as st

#: A claim's size relative to what the set's recipe gives: right, a little off, far off, slips.
CLAIM_FACTORS = st.sampled_from([1.0, 1.0, 1.02, 0.97, 1.3, 0.6, 2.0, 5.0, 10.0, 0.1, 1000.0, 0.001, 1e-7])
QUALIFIERS = st.sampled_from(["", "", "nearly ", "more than ", "about ", "over ", "up to ", "at least "])

#: Pill counts as a table holds them: ints, round or not, sometimes missing.
pill_counts = st.one_of(
    st.none(),
    st.integers(min_value=1, max_value=10**8),
    st.integers(min_value=1, max_value=999).map(lambda n: n * 10 ** (n % 7)),
)
#: Masses in kg or lb as floats: whole, with decimals, tiny, sometimes missing.
masses = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=10**5).map(float),
    st.decimals(min_value=0, max_value=10**4, places=3, allow_nan=False).map(float),
    st.floats(min_value=1e-4, max_value=1e6, allow_nan=False, allow_infinity=False),
)


def _round(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


@st.composite
def rows(draw: st.DrawFn, purity: float = 0.1) -> dict:
    """One row: pills (int), powder (float, in kg), and a claim made from them (a number or a qualified text)."""
    pills = draw(pill_counts)
    powder = draw(masses)
    made = (pills or 0) + (powder or 0) * 1e6 * purity / 2
    claim_value = _round(max(made, 1.0) * draw(CLAIM_FACTORS), draw(st.integers(min_value=1, max_value=4)))
    claim: float | str = claim_value
    if draw(st.booleans()):
        claim = f"{draw(QUALIFIERS)}{claim_value:,.0f}" if claim_value >= 1 else f"{claim_value}"
    return {"pills": pills, "powder": powder, "claim": claim}


#: How far from an edge a claim is drawn, relative: on it, inside the float bound, just outside it, and further.
EDGE_OFFSETS = st.sampled_from([0, 0, 1e-16, -1e-16, 1e-14, -1e-14, 3e-13, -3e-13, 1e-11, -1e-11, 1e-7, -1e-7, 1e-3])


def edges(options: dict, unit: str) -> list:
    """Every edge of the check under ``options``, as a function of (pills, powder in ``unit``) giving the exact
    total (in doses) at which a verdict, a diagnosis or a match changes: each way of counting the diagnosis
    tries, the purity bands' ends, the highest yearly mean, all of the mass as pure, the pill band's ends."""
    from fractions import Fraction

    from doseconv.batch.candidates import candidates
    from doseconv.checker.bands import band_for, highest_mean
    from doseconv.checker.context import build_context
    from doseconv.overrides import Overrides
    from doseconv.registry import unit_factor

    given = {"assumptions": "dea-2022", "pill_model": None, "reading": "lenient", "scale": "aggregate", **options}
    ctx = build_context(None, None, "1 dose", overrides=Overrides(), **given)
    mg = unit_factor({"kg": "kilogram", "lb": "pound"}[unit], "milligram")
    per_pill = ctx.per_pill or Fraction(0)
    out = [(lambda p, w, c=c: c.a * p + c.b * w * mg) for c in candidates(ctx) if c.a is not None and c.b is not None]
    shares = [Fraction(1), highest_mean("powder_purity", ctx.chosen)]
    band = band_for("powder_purity", ctx.chosen, ctx.scale)
    shares += list(band.reach) if band is not None else []
    out += [(lambda p, w, s=s: s * w * mg / ctx.lethal + p * per_pill) for s in shares if s is not None]
    per = [highest_mean("doses_per_pill", ctx.chosen)]
    band = band_for("doses_per_pill", ctx.chosen, ctx.scale)
    per += list(band.reach) if band is not None else []
    if ctx.pill_mass is not None:
        per.append(ctx.pill_mass / ctx.lethal)
    out += [(lambda p, w, s=s: s * p) for s in per if s is not None]
    return out


@st.composite
def edge_rows(draw: st.DrawFn, options: dict, unit: str) -> dict:
    """A row whose claim lies on, or a hair from, one of the check's edges (:func:`edges`), written out in full."""
    from decimal import Decimal
    from fractions import Fraction

    pills = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=5_000_000)))
    powder = draw(st.one_of(st.none(), st.decimals(min_value="0.001", max_value=20_000, places=3)))
    if pills is None and powder is None:
        pills = draw(st.integers(min_value=1, max_value=5_000_000))
    edge = draw(st.sampled_from(edges(options, unit)))
    total = edge(pills or 0, Fraction(powder or 0)) * Fraction(1 + draw(EDGE_OFFSETS))
    if total <= 0:
        total = Fraction(1)
    digits = draw(st.sampled_from([3, 6, 12, 20, 25]))
    claim = Decimal(total.numerator) / Decimal(total.denominator)
    written = f"{claim:.{digits}g}" if claim < 10**digits else f"{claim:.0f}"
    written = f"{Decimal(written):,f}"  # grouped, no exponent
    if "." in written and len(written.split(".")[1]) == 3:  # "1.234" could be European thousands: not what we mean
        written += "0"
    return {"pills": pills, "powder": None if powder is None else float(powder), "claim": written,
            "qualifier": draw(st.sampled_from(["", "", "nearly ", "more than ", "about ", "up to "]))}  # fmt: skip
