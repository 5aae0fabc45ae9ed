"""Named hypothesis strategies shared by the property tests."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

#: Non-negative exact decimals with up to 6 places, as newsroom figures and masses are written.
decimals = st.builds(
    lambda units, places: Decimal(units).scaleb(-places),
    st.integers(min_value=0, max_value=10**15),
    st.integers(min_value=0, max_value=6),
)

#: Non-negative rationals, including ones with no finite decimal expansion.
fractions = st.builds(
    Fraction,
    st.integers(min_value=0, max_value=10**15),
    st.integers(min_value=1, max_value=10**6),
)

#: Rounding steps: powers of ten from 10^-3 to 10^9, and a few non-decimal steps.
steps = st.one_of(
    st.integers(min_value=-3, max_value=9).map(lambda e: Decimal(1).scaleb(e)),
    st.sampled_from([Decimal("0.5"), Decimal("2"), Decimal("25"), Decimal("250000")]),
)

rounding_modes = st.sampled_from(["half-up", "half-even"])

#: Whole counts as newsrooms print them (pills, doses), up to 10^13.
counts = st.integers(min_value=0, max_value=10**13)

#: Shares (purities) as exact fractions of one, 0 to 1 inclusive.
shares = st.builds(Fraction, st.integers(min_value=0, max_value=10000), st.just(10000))

#: Mass units of the registry with their exact size in milligrams.
MASS_UNITS_MG = {
    "mg": Fraction(1),
    "g": Fraction(1000),
    "kg": Fraction(1000000),
    "lb": Fraction("453592.37"),
    "oz": Fraction("453592.37") / 16,
    "short tons": Fraction("907184740"),
    "tonnes": Fraction(10**9),
}
mass_units = st.sampled_from(sorted(MASS_UNITS_MG))
