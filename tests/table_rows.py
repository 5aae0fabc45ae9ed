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
