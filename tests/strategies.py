"""Named hypothesis strategies shared by the property tests."""

from __future__ import annotations

import re
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


# ---------------------------------------------------------------------------------------------
# Intervals, stated figures and claims (test_intervals, test_stated, test_claims)


def _interval_with_point(bounds: tuple[Fraction, Fraction, bool, bool, Fraction]) -> tuple[object, Fraction]:
    """An interval with a point inside it: ``t`` places the point between the ends, open ends avoided."""
    from doseconv.intervals import Interval

    low, width, low_open, high_open, t = bounds
    if width == 0:
        low_open = high_open = False  # a point interval is closed, or it would be empty
    if (t == 0 and low_open) or (t == 1 and high_open):
        t = Fraction(1, 2)
    return Interval(low, low + width, low_open, high_open), low + width * t


#: Interval ends: non-negative rationals, with zero and whole numbers frequent (the edge cases).
interval_ends = st.one_of(
    st.just(Fraction(0)),
    st.integers(min_value=0, max_value=1000).map(Fraction),
    st.builds(Fraction, st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=1000)),
)

#: Where a point sits between an interval's ends, as a share of its width (0 and 1 frequent).
unit_shares = st.one_of(
    st.sampled_from([Fraction(0), Fraction(1)]),
    st.builds(Fraction, st.integers(min_value=0, max_value=1000), st.just(1000)),
)

#: A non-negative interval (either end open or closed) and one point that lies in it.
intervals_with_points = st.tuples(
    interval_ends, st.one_of(st.just(Fraction(0)), interval_ends), st.booleans(), st.booleans(), unit_shares
).map(_interval_with_point)

#: A positive interval (low above zero), as a divisor, and one point in it.
positive_intervals_with_points = st.tuples(
    interval_ends.map(lambda v: v + Fraction(1, 7)), st.one_of(st.just(Fraction(0)), interval_ends),
    st.booleans(), st.booleans(), unit_shares,
).map(_interval_with_point)  # fmt: skip


def _stated_number(parts: tuple[int, int]) -> tuple[Fraction, Fraction, str]:
    from doseconv.reading.numbers import format_grouped

    digits, exponent = parts
    if exponent == -3 and 1000 <= digits < 10**6:
        # "2.106" is refused as a pill count (European thousands or decimals?); print one digit more.
        digits, exponent = digits * 10 + 1, -4
    value = Decimal(digits).scaleb(exponent)
    return Fraction(value), Fraction(Decimal(1).scaleb(exponent)), format_grouped(value)


#: A figure as printed and its step: (X, step, text) where the text's last stated digit is the step
#: ("6,500" -> step 100, "738.5 million" written out -> step 100,000, "0.25" -> step 0.01); never "2.106",
#: which a pill count refuses as ambiguous.
stated_numbers = st.tuples(
    st.builds(lambda head, last: head * 10 + last, st.integers(min_value=0, max_value=9999), st.integers(1, 9)),
    st.integers(min_value=-3, max_value=9),
).map(_stated_number)

#: Printed figures small enough to carry a scale word ("X million" stays under 10^18): (X, step, text).
small_stated_numbers = st.tuples(
    st.builds(lambda head, last: head * 10 + last, st.integers(min_value=0, max_value=9999), st.integers(1, 9)),
    st.integers(min_value=-3, max_value=3),
).map(_stated_number)

#: Powers of ten used as the step of a stated figure, 10^-3 to 10^9.
figure_steps = st.integers(min_value=-3, max_value=9).map(lambda e: Fraction(10) ** e)

#: A stated figure X (a whole number of steps, at least one) with its step: (X, step).
figures_and_steps = st.tuples(st.integers(min_value=1, max_value=10**6), figure_steps).map(
    lambda pair: (pair[0] * pair[1], pair[1])
)


def _qualifier_keys() -> list[str]:
    from doseconv.reading.stated import qualifier_rules

    return sorted(qualifier_rules())


#: Keys of the qualifier table (none, nearly, more_than, ...).
qualifier_keys = st.sampled_from(_qualifier_keys())

#: Keys of the rules that apply to a single figure (every rule but the range "between").
single_qualifier_keys = st.sampled_from([key for key in _qualifier_keys() if key != "between"])

#: The two readings of a qualifier.
readings = st.sampled_from(["lenient", "strict"])

#: Styles of ``describe``.
describe_styles = st.sampled_from(["nearly", "more-than", "about"])

#: Significant digits kept by ``describe``.
describe_digits = st.integers(min_value=1, max_value=6)

#: A round figure: up to ``6`` significant digits times a power of ten from 10^-6 to 10^9.
round_figures = st.tuples(st.integers(min_value=1, max_value=999999), st.integers(min_value=-6, max_value=9)).map(
    lambda pair: (Fraction(pair[0]) * Fraction(10) ** pair[1], len(str(pair[0])))
)

#: Exact masses as written in a newsroom, with the mass unit: Decimal magnitude up to 10^6 with up to 3 places.
exact_masses = st.builds(
    lambda units, places: Decimal(units).scaleb(-places),
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=0, max_value=3),
)

#: Whole pill counts, up to 10^9.
pill_counts = st.integers(min_value=0, max_value=10**9)

#: Whole dose counts as claimed, 1 to 10^10.
dose_counts = st.integers(min_value=1, max_value=10**10)

#: Purity overrides as percent text with up to two places ("19.2%", "0.05%").
purity_texts = st.integers(min_value=0, max_value=10000).map(lambda n: f"{Decimal(n).scaleb(-2)}%")


def _pill_model_pairs() -> list[tuple[str, str]]:
    from doseconv.assumptions import PILL_MODELS, load_set, pill_factor, set_names
    from doseconv.errors import MissingValueError

    pairs = []
    for name in set_names():
        for model in PILL_MODELS:
            try:
                pill_factor(load_set(name), model)
            except MissingValueError:
                continue
            pairs.append((name, model))
    return pairs


#: (assumption set, pill model) pairs for which the set publishes what the model needs.
set_and_pill_models = st.sampled_from(_pill_model_pairs())


def _sets_with_purity() -> list[str]:
    from doseconv.assumptions import load_set, set_names

    return [name for name in set_names() if load_set(name).powder_purity.value is not None]


#: Assumption sets that publish a powder purity.
sets_with_purity = st.sampled_from(_sets_with_purity())


def _published_edges(parameter: str, scale_to_doses: bool) -> list[Fraction]:
    """Every published value and range end of ``parameter``, and its neighbours a hair either side."""
    from doseconv.assumptions import load_set, set_names

    edges: set[Fraction] = set()
    for name in set_names():
        chosen = load_set(name)
        value = chosen.parameter(parameter)
        lethal = chosen.lethal_dose.value
        for v in (value.value, *(value.range or ())):
            if v is not None:
                v = v / lethal if scale_to_doses else v
                edges.update({v, v + Fraction(1, 10000), max(v - Fraction(1, 10000), Fraction(0))})
    return sorted(edges)


#: Powder purities from 0 to 200 %, in basis points, with the published means and range ends (the
#: ends of every verdict band) and their neighbours drawn often.
purities_near_published = st.one_of(
    st.integers(min_value=0, max_value=20000).map(lambda bp: Fraction(bp, 10000)),
    st.sampled_from(_published_edges("powder_purity", False) + [Fraction(1), Fraction(10001, 10000)]),
)

#: Doses per pill from 0 to 10, in ten-thousandths, with the published mean contents (as doses) and
#: their neighbours drawn often.
doses_per_pill_near_published = st.one_of(
    st.integers(min_value=0, max_value=100000).map(lambda n: Fraction(n, 10000)),
    st.sampled_from(_published_edges("pill_content", True) + [Fraction(1), Fraction(3, 5), Fraction(7, 10)]),
)


#: A figure as a reporter writes it, digits only: whole numbers with or without grouping commas and trailing
#: zeros ("10", "6,500", "1000000"), and decimals ("2.5", "10.0").
def european_shaped(number: str) -> bool:
    """Whether a mass's number is one European style would read as thousands ("6.500"): refused as ambiguous."""
    return re.fullmatch(r"[1-9][0-9]{0,2}\.[0-9]{2}0", number) is not None


written_figures = st.one_of(
    st.tuples(st.integers(min_value=1, max_value=10**7), st.booleans()).map(
        lambda pair: f"{pair[0]:,}" if pair[1] else str(pair[0])
    ),
    st.tuples(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=3))
    .map(lambda pair: f"{Decimal(pair[0] + 1).scaleb(-pair[1])}")
    .filter(lambda text: not european_shaped(text)),
)

#: The role of a stated figure: an input (pills, powder) or the claimed total.
roles = st.sampled_from(["input", "claim"])


# ---------------------------------------------------------------------------------------------
# Wording and normalisation (test_numbers, test_normalize)

#: Every character accepted as a thousands separator besides the comma.
THOUSANDS_SEPARATORS = (" ", "\u00a0", "\u202f", "\u2009", "\u2007", "'", "\u2019")
thousands_separators = st.sampled_from(THOUSANDS_SEPARATORS)

#: Whole counts of four digits or more, which print with at least one thousands separator.
grouped_counts = st.integers(min_value=1000, max_value=10**15)

#: Vulgar fractions with their value: ("½", Fraction(1, 2)) ...
VULGAR_FRACTIONS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3),
                    "⅛": Fraction(1, 8), "⅜": Fraction(3, 8), "⅕": Fraction(1, 5)}  # fmt: skip
vulgar_fractions = st.sampled_from(sorted(VULGAR_FRACTIONS))

#: Proper fractions as written in digits: (numerator, denominator) with 0 < n < d <= 64.
proper_fractions = st.integers(min_value=2, max_value=64).flatmap(
    lambda d: st.tuples(st.integers(min_value=1, max_value=d - 1), st.just(d))
)

#: Text copied from web pages: digits, letters, spaces of every kind, invisible characters,
#: separators, vulgar fractions and superscripts, in any order.
messy_texts = st.text(
    alphabet=st.sampled_from(
        list("0123456789 ,./-'abk")
        + ["\u00a0", "\u202f", "\u2009", "\u2007", "\u2002", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad"]
        + ["\ufeff", "\u2019", "\u2044", "½", "¾", "⅓", "⁶", "¹", "⁻", "\n"]
    ),
    max_size=40,
)

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(number: int) -> str:
    """A whole number below 10^15 in words, as a careful writer spells it ("one hundred twenty-five thousand")."""

    def below_thousand(n: int) -> list[str]:
        words = [_ONES[n // 100], "hundred"] if n >= 100 else []
        rest = n % 100
        if rest >= 20:
            words.append(_TENS_WORDS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
        elif rest or not words:
            words.append(_ONES[rest])
        return words

    if number == 0:
        return "zero"
    words: list[str] = []
    for name, power in (("trillion", 12), ("billion", 9), ("million", 6), ("thousand", 3), ("", 0)):
        group = number // 10**power % 1000
        if group:
            words += below_thousand(group) + ([name] if name else [])
    return " ".join(words)


#: Whole numbers to be spelled in words.
spelled_counts = st.one_of(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=10**15 - 1))

#: Number words that cannot follow a complete number ("one one", "dozen dozen").
number_words = st.sampled_from(["one", "two", "ten", "twelve", "twenty", "hundred", "dozen", "thousand", "million"])

#: Figures assembled from the pieces people type, in any order: number words, digits, fractions,
#: suffixes, separators and units ("half a 1/2 dozen kg", "1,5k and a half").
hostile_figures = st.lists(
    st.sampled_from(
        ["one", "a", "an", "dozen", "half", "quarters", "three", "twenty", "hundred", "million", "and", "of", "k",
         "M", "mil", "kg", "pills", "doses", "1", "10", "999", "½", "1/2", "-", " ", "\u00a0", "e", "e5", "^", "×",
         ",", ".", "000", "\u200b", "'", "%", "$"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


#: Figures a caller may give as plain numbers: whole counts (up to 10^15) and decimals with up to 3 places.
plain_figures = st.one_of(
    st.integers(min_value=0, max_value=10**15),
    st.builds(
        lambda units, places: Decimal(units).scaleb(-places),
        st.integers(min_value=0, max_value=10**12),
        st.integers(min_value=1, max_value=3),
    ),
)
