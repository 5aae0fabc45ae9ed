"""The qualifier table, stated figures as intervals, and ``describe``."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.errors import InputError
from doseconv.intervals import Interval
from doseconv.reading.numbers import parse_number
from doseconv.reading.stated import (
    DESCRIBE_STYLES,
    QualifierRule,
    StatedFigure,
    describe,
    parse_stated,
    qualifier_rules,
)
from doseconv.registry import unit_factor

from .strategies import (
    MASS_UNITS_MG,
    describe_digits,
    describe_styles,
    figures_and_steps,
    fractions,
    mass_units,
    qualifier_keys,
    readings,
    round_figures,
    small_stated_numbers,
    stated_numbers,
    unit_shares,
)

F = Fraction
Bound = Callable[[Fraction, Fraction, Fraction], Fraction]

# The qualifier table as specified (docs/methodology.md, data/qualifiers.toml), written out
# independently of the template syntax: rule -> reading -> (low, high, low open, high open).
# Bounds are functions of X, the step s and, for ranges, Y. Lower bounds below 0 become 0.
SPEC: dict[str, dict[str, tuple[Bound, Bound, bool, bool]]] = {
    "none": {
        "lenient": (lambda x, s, y: x - s / 2, lambda x, s, y: x + s / 2, False, True),
        "strict": (lambda x, s, y: x - s / 2, lambda x, s, y: x + s / 2, False, True),
    },
    "nearly": {
        "lenient": (lambda x, s, y: x - s, lambda x, s, y: x, False, True),
        "strict": (lambda x, s, y: x - s / 2, lambda x, s, y: x, False, True),
    },
    "more_than": {
        "lenient": (lambda x, s, y: x, lambda x, s, y: x + s, True, False),
        "strict": (lambda x, s, y: x, lambda x, s, y: x + s / 2, True, False),
    },
    "at_least": {
        "lenient": (lambda x, s, y: x, lambda x, s, y: x + s, False, False),
        "strict": (lambda x, s, y: x, lambda x, s, y: x + s / 2, False, False),
    },
    "about": {
        "lenient": (lambda x, s, y: x - s, lambda x, s, y: x + s, False, False),
        "strict": (lambda x, s, y: x - s / 2, lambda x, s, y: x + s / 2, False, False),
    },
    "up_to": {
        "lenient": (lambda x, s, y: F(0), lambda x, s, y: x, False, False),
        "strict": (lambda x, s, y: x - s, lambda x, s, y: x, False, False),
    },
    "less_than": {
        "lenient": (lambda x, s, y: F(0), lambda x, s, y: x, False, True),
        "strict": (lambda x, s, y: x - s, lambda x, s, y: x, False, True),
    },
    "between": {
        "lenient": (lambda x, s, y: x - s / 2, lambda x, s, y: y + s / 2, False, False),
        "strict": (lambda x, s, y: x, lambda x, s, y: y, False, False),
    },
    "exact": {
        "lenient": (lambda x, s, y: x, lambda x, s, y: x, False, False),
        "strict": (lambda x, s, y: x, lambda x, s, y: x, False, False),
    },
}

#: Whether X itself satisfies the words, per rule (the same under both readings).
X_IS_ALLOWED = {
    "none": True, "nearly": False, "more_than": False, "at_least": True, "about": True,
    "up_to": True, "less_than": False, "between": True, "exact": True,
}  # fmt: skip


def _spec_interval(key: str, reading: str, x: Fraction, s: Fraction, y: Fraction) -> Interval:
    low, high, low_open, high_open = SPEC[key][reading]
    return Interval(max(low(x, s, y), F(0)), high(x, s, y), low_open, high_open)


def test_table_has_exactly_the_specified_rules() -> None:
    assert set(qualifier_rules()) == set(SPEC)


@settings(max_examples=300)
@given(qualifier_keys, readings, figures_and_steps, st.integers(min_value=0, max_value=50))
def test_each_rule_gives_the_interval_the_table_specifies(key, reading, x_and_step, y_steps) -> None:
    """For every rule and reading, the interval of X stated to step s is the one the table specifies."""
    x, step = x_and_step
    y = x + y_steps * step
    rule = qualifier_rules()[key]
    assert rule.interval(x, step, reading, y=y, y_step=step) == _spec_interval(key, reading, x, step, y)


@settings(max_examples=300)
@given(qualifier_keys, figures_and_steps, st.integers(min_value=0, max_value=50))
def test_strict_reading_lies_within_lenient(key, x_and_step, y_steps) -> None:
    """Every value the strict reading allows, the lenient one allows too (strict is a subset of lenient)."""
    x, step = x_and_step
    y = x + y_steps * step
    rule = qualifier_rules()[key]
    strict = rule.interval(x, step, "strict", y=y, y_step=step)
    lenient = rule.interval(x, step, "lenient", y=y, y_step=step)
    assert lenient.hull(strict) == lenient
    assert strict.low in lenient or strict.low_open
    assert strict.high in lenient or strict.high_open


@given(qualifier_keys, readings, figures_and_steps)
def test_x_itself_is_allowed_only_by_the_inclusive_rules(key, reading, x_and_step) -> None:
    """X lies in the interval for none/about/at least/up to/between/exact, and not for nearly/more than/less than."""
    x, step = x_and_step
    assert (x in qualifier_rules()[key].interval(x, step, reading)) is X_IS_ALLOWED[key]


@given(figures_and_steps)
def test_nearly_and_more_than_bound_one_side(x_and_step) -> None:
    """nearly X: X - s/2 in both readings, X - s in lenient only; more than X: X + s/2 in both, X + s lenient only."""
    x, step = x_and_step
    rules = qualifier_rules()
    nearly = {r: rules["nearly"].interval(x, step, r) for r in ("lenient", "strict")}
    more = {r: rules["more_than"].interval(x, step, r) for r in ("lenient", "strict")}
    assert x - step / 2 in nearly["strict"] and x - step / 2 in nearly["lenient"]
    assert x - step in nearly["lenient"]
    assert x - step not in nearly["strict"]
    assert x + step / 2 in more["strict"] and x + step / 2 in more["lenient"]
    assert x + step in more["lenient"] and x + step not in more["strict"]
    assert x + step + step / 1000 not in more["lenient"]
    assert x not in nearly["lenient"] and x not in more["lenient"]


@settings(max_examples=200)
@given(readings, figures_and_steps, unit_shares, unit_shares)
def test_more_than_stays_true_as_the_value_rises_within_the_step(reading, x_and_step, t1, t2) -> None:
    """Metamorphic: if "more than X" is true of v, it stays true of any v' with v <= v' <= X + s/2."""
    x, step = x_and_step
    rule = qualifier_rules()["more_than"]
    interval = rule.interval(x, step, reading)
    v, v_prime = sorted((x + t1 * step / 2, x + t2 * step / 2))
    if v in interval:
        assert v_prime in interval
    assert (v in interval) is (v > x)


@settings(max_examples=200)
@given(readings, figures_and_steps, unit_shares, unit_shares)
def test_nearly_stays_true_as_the_value_falls_within_half_a_step(reading, x_and_step, t1, t2) -> None:
    """Metamorphic: if "nearly X" is true of v, it stays true of any v' with X - s/2 <= v' <= v."""
    x, step = x_and_step
    interval = qualifier_rules()["nearly"].interval(x, step, reading)
    v_prime, v = sorted((x - t1 * step / 2, x - t2 * step / 2))
    if v in interval:
        assert v_prime in interval
    assert (v in interval) is (v < x)


@settings(max_examples=200)
@given(qualifier_keys.map(lambda key: (key, qualifier_rules()[key].phrases)), readings, stated_numbers, st.data())
def test_every_phrase_of_a_rule_reads_as_that_rule(key_and_phrases, reading, number, data) -> None:
    """Each phrase of a rule, before a printed figure, gives that rule's interval for the figure's value and step."""
    key, phrases = key_and_phrases
    x, step, text = number
    if not phrases:
        phrases = ("",)
    phrase = data.draw(st.sampled_from(phrases))
    if key == "between":
        figure = parse_stated(f"between {text} and {text} doses")
    else:
        figure = parse_stated(f"{phrase} {text} doses".strip())
    assert figure.qualifier == key
    assert (figure.amount.value, figure.amount.step) == (x, step)
    step = figure.step
    if key in ("nearly", "about") and step >= x:  # "nearly 1 million": near X, never down to 0 (two digits)
        step = figure.step_for("claim")
    assert figure.interval(reading) == _spec_interval(key, reading, x, step, x)


#: The first phrase of each rule ("" for a bare figure).
first_phrases = qualifier_keys.map(lambda key: (qualifier_rules()[key].phrases or ("",))[0])


@settings(max_examples=200)
@given(first_phrases, readings, stated_numbers, mass_units, mass_units)
def test_a_figure_converted_to_another_unit_allows_the_same_masses(phrase, reading, number, unit, other) -> None:
    """Metamorphic: converting a stated mass (value and step) to another unit leaves its interval in mg unchanged."""
    _, _, text = number
    if phrase == "between":
        figure = parse_stated(f"between {text} and {text} {unit}")
    else:
        figure = parse_stated(f"{phrase} {text} {unit}".strip())
    converted = figure.amount.to(other)
    upper = figure.upper.to(other) if figure.upper else None
    moved = StatedFigure(figure.text, figure.qualifier, figure.phrase, converted, upper)
    in_mg = figure.interval(reading) * MASS_UNITS_MG[unit]
    assert moved.interval(reading) * unit_factor(converted.unit, "milligram") == in_mg


def test_tonnes_is_not_read_as_a_range() -> None:
    assert str(parse_stated("5 tonnes").interval()) == "[4.5, 5.5)"


def test_metric_tonnes_and_about_tonnes_spelt_out_parse() -> None:
    assert str(parse_stated("5 metric tonnes").interval()) == "[4.5, 5.5)"
    assert str(parse_stated("more than 5 tonnes").interval()) == "(5, 6]"


@given(small_stated_numbers, readings)
def test_scale_words_and_digits_state_the_same_figure(number, reading) -> None:
    """Metamorphic: a claimed "X million" and X million written out in digits have the same value and interval.

    (A claimed total is read to at least two significant digits, so the zeros a scale word
    stands for and the zeros written out end at the same step.)"""
    x, step, text = number
    words = parse_stated(f"nearly {text} million doses")
    digits = parse_stated(f"nearly {Decimal(text.replace(',', '')).scaleb(6):,f} doses")
    assert (words.amount.value, words.amount.step) == (x * 10**6, step * 10**6)
    assert words.interval(reading, role="claim") == digits.interval(reading, role="claim")


# --- examples ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reading", "expected"),
    [
        ("nearly 193 million doses", "lenient", "[192000000, 193000000)"),
        ("nearly 193 million doses", "strict", "[192500000, 193000000)"),
        ("almost 193 million deadly doses", "lenient", "[192000000, 193000000)"),
        ("just under 44 million fentanyl pills", "lenient", "[43000000, 44000000)"),
        ("more than 6,500 pounds", "lenient", "(6500, 6600]"),
        ("more than 6,500 pounds", "strict", "(6500, 6550]"),
        ("More than 27,000 pounds of illicit fentanyl", "lenient", "(27000, 28000]"),
        ("738.5 million doses", "lenient", "[738450000, 738550000)"),
        ("738.5 million doses", "strict", "[738450000, 738550000)"),
        ("at least 1.3 million pills", "strict", "[1300000, 1350000]"),
        ("about 100 pounds", "lenient", "[90, 110]"),
        ("up to 10 kg", "lenient", "[0, 10]"),
        ("up to 10 kg", "strict", "[9, 10]"),
        ("under 5,000 pills", "strict", "[4900, 5000)"),
        ("less than 5,000 pills", "lenient", "[0, 5000)"),
        ("between 400,000 and 500,000 doses", "lenient", "[395000, 505000]"),
        ("between 400,000 and 500,000 doses", "strict", "[400000, 500000]"),
        ("10-15 million pills", "lenient", "[9500000, 15500000]"),
        ("10 to 15 million pills", "strict", "[10000000, 15000000]"),
        ("exactly 6,500 pounds", "lenient", "[6500, 6500]"),
        ("nearly 1 million pills", "lenient", "[900000, 1000000)"),  # never down to 0: read to two digits
    ],
)
def test_stated_intervals(text: str, reading: str, expected: str) -> None:
    assert str(parse_stated(text).interval(reading)) == expected  # type: ignore[arg-type]


def test_exact_figures_have_no_rounding() -> None:
    figure = parse_stated("6,500 pounds", exact=True)
    assert (figure.qualifier, figure.step) == ("exact", 1)
    assert str(figure.interval()) == "[6500, 6500]"
    assert str(parse_stated("more than 6,500 pounds", exact=True).interval()) == "(6500, 6501]"
    assert str(parse_stated("2,948.350405 kg", exact=True).interval("strict")) == "[2948.350405, 2948.350405]"


def test_longest_phrase_wins() -> None:
    assert parse_stated("just under 44 million pills").qualifier == "nearly"
    assert parse_stated("under 44 million pills").qualifier == "less_than"
    assert parse_stated("just over 6,500 lb").qualifier == "more_than"
    assert parse_stated("an estimated 6,500 lb").qualifier == "about"


def test_to_dict_of_a_stated_figure() -> None:
    assert parse_stated("more than 6,500 pounds of fentanyl powder").to_dict() == {
        "text": "more than 6,500 pounds of fentanyl powder",
        "qualifier": "more_than",
        "value": "6500",
        "unit": "pound",
        "kind": "mass",
        "step": "100",
    }
    assert parse_stated("10-15 million pills").to_dict()["upper"] == "15000000"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("between 5 doses", "needs two figures"),
        ("15-10 million pills", "runs backwards"),
        ("nearly doses", "no number"),
        ("nearly 193 million", "no unit"),
        ("more than $100 million", "money"),
    ],
)
def test_parse_stated_refuses(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_stated(text)


def test_a_rule_refuses_an_unknown_reading_and_a_bad_template() -> None:
    with pytest.raises(InputError, match="unknown reading 'loose'"):
        qualifier_rules()["nearly"].interval(F(193), F(1), "loose")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="cannot read the rule"):
        QualifierRule("bad", ("bad",), "[X-2s, X)", "[X, X]", "a step of two is not a term")


# --- describe ---------------------------------------------------------------------------------


@settings(max_examples=300)
@given(st.one_of(fractions, st.integers(min_value=0, max_value=10**15).map(Fraction)), describe_styles, describe_digits)
def test_describe_then_parse_contains_the_value(value, style, digits) -> None:
    """The lenient interval of parse_stated(describe(n) + " doses") contains n: the phrase stays true."""
    text = describe(value, style, digits)
    assert value in parse_stated(f"{text} doses").interval("lenient")


@settings(max_examples=200)
@given(st.one_of(fractions, st.integers(min_value=0, max_value=10**15).map(Fraction)), describe_digits)
def test_describe_about_is_true_even_strictly(value, digits) -> None:
    """'about' rounds to the nearest, so even the strict reading (half a step either way) contains n."""
    assert value in parse_stated(f"{describe(value, 'about', digits)} doses").interval("strict")


@settings(max_examples=200)
@given(round_figures, describe_styles)
def test_describe_of_a_round_figure_has_no_qualifier(figure, style) -> None:
    """A figure already round to the digits kept is written bare, and reads back as itself."""
    value, digits = figure
    text = describe(value, style, digits)
    assert parse_stated(f"{text} doses").qualifier == "none"
    assert Fraction(parse_number(text)) == value


@settings(max_examples=200)
@given(st.one_of(fractions, st.integers(min_value=0, max_value=10**15).map(Fraction)), describe_styles, describe_digits)
def test_describing_the_rounded_figure_again_adds_no_qualifier(value, style, digits) -> None:
    """Metamorphic (idempotence): describe of the figure describe printed is that figure, bare."""
    text = describe(value, style, digits)
    qualifier = DESCRIBE_STYLES[style]
    bare = text.removeprefix(qualifier + " ")
    rounded = Fraction(parse_number(bare))
    assert describe(rounded, style, digits) == bare
    assert (text == bare) is (rounded == value)


@settings(max_examples=200)
@given(fractions, fractions, describe_styles, describe_digits)
def test_describe_is_monotone(a, b, style, digits) -> None:
    """A larger figure is never phrased around a smaller number, and each style rounds its own way."""
    low, high = sorted((a, b))
    figure = {
        v: Fraction(parse_number(describe(v, style, digits).removeprefix(DESCRIBE_STYLES[style] + " ")))
        for v in (low, high)
    }
    assert figure[low] <= figure[high]
    if style == "nearly":
        assert figure[low] >= low
    elif style == "more-than":
        assert figure[low] <= low


@pytest.mark.parametrize(
    ("value", "style", "digits", "expected"),
    [
        (192638011, "nearly", 3, "nearly 193 million"),
        (192638011, "more-than", 3, "more than 192 million"),
        (192638011, "about", 3, "about 193 million"),
        ("192,638,011", "nearly", 3, "nearly 193 million"),
        (738500000, "nearly", 3, "nearly 739 million"),
        (738500000, "nearly", 4, "738.5 million"),
        (6523, "nearly", 2, "nearly 6,600"),
        (999499, "about", 3, "about 999,000"),
        (999500, "about", 3, "about 1 million"),
        (999499, "nearly", 3, "nearly 1 million"),
        (999950000, "more-than", 3, "more than 999 million"),
        (1000, "nearly", 3, "1,000"),
        (1001, "nearly", 3, "nearly 1,010"),
        (0, "more-than", 3, "0"),
        (Fraction(1, 3), "nearly", 3, "nearly 0.334"),
        (Fraction(2948350405, 2), "about", 3, "about 1.47 billion"),
    ],
)
def test_describe_examples(value, style: str, digits: int, expected: str) -> None:
    assert describe(value, style, digits) == expected


@pytest.mark.parametrize(
    ("value", "style", "digits", "fragment"),
    [
        (100, "roughly", 3, "unknown style 'roughly'"),
        (100, "nearly", 0, "digits must be a whole number from 1 to 15"),
        (100, "nearly", 16, "digits must be a whole number from 1 to 15"),
        (100, "nearly", True, "digits must be a whole number from 1 to 15"),
        (-5, "nearly", 3, "negative"),
        ("-5", "nearly", 3, "negative"),
    ],
)
def test_describe_refuses(value, style: str, digits, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        describe(value, style, digits)


def test_describe_phrases_figures_beyond_what_a_reader_accepts() -> None:
    """A figure of 10^18 or more (a correction of billions of tons) is still rounded to its digits: describe
    never reads its own words back, so it does not trip on the bound of figures doseconv reads."""
    assert describe(Fraction(3_628_738_960_000_000_000), "about") == "about 3,630,000 trillion"
    with pytest.raises(InputError, match="out of range"):
        parse_number("3,630,000 trillion")
