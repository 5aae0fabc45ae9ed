"""Reading and writing newsroom numbers; the rounding policy."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doseconv.errors import InputError
from doseconv.reading.numbers import (
    DEFAULT_ROUNDING,
    exact_text,
    format_count,
    format_grouped,
    format_words,
    parse_number,
    round_to,
    step_of,
)
from doseconv.reading.numformat import format_words_exactly
from doseconv.reading.shares import parse_share

from .strategies import counts, decimals, fractions, rounding_modes, steps


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("44 million", "44000000"),
        ("6,500", "6500"),
        ("1.3 million", "1300000"),
        ("738.5 million", "738500000"),
        ("1.47 billion", "1470000000"),
        ("two", "2"),
        ("ten", "10"),
        ("twenty-five thousand", "25000"),
        ("a million", "1000000"),
        ("two hundred", "200"),
        ("4,535.9237", "4535.9237"),
        ("0.1", "0.1"),
        (".5", "0.5"),
        ("1e6", "1000000"),
        ("  44   Million ", "44000000"),
    ],
)
def test_parse_number_reads_newsroom_figures(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("$100 million", "money"),
        ("100 dollars", "money"),
        ("nan", "not a finite number"),
        ("inf", "not a finite number"),
        ("-5", "negative"),
        ("1e400", "out of range"),
        ("6,50", "cannot read"),
        ("", "empty"),
        ("forty-four millions", "cannot read"),
        ("__import__('os')", "no number"),
    ],
)
def test_parse_number_refuses_bad_text(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "step"),
    [("193 million", "1E+6"), ("738.5 million", "1E+5"), ("6,500", "100"), ("44 million", "1E+6"),
     ("1.3 million", "1E+5"), ("1.30 million", "1E+4"), ("4,535.9237", "0.0001"), ("27,000", "1000"), ("7", "1"), ("20 million", "1E+7"), ("ten", "10")],
)  # fmt: skip
def test_step_is_the_last_stated_digit(text: str, step: str) -> None:
    assert step_of(parse_number(text)) == Decimal(step)


def test_exact_figure_keeps_its_units_digit() -> None:
    assert step_of(parse_number("6,500"), exact=True) == 1


@pytest.mark.parametrize(
    ("text", "share"),
    [("10%", Fraction(1, 10)), ("10 %", Fraction(1, 10)), ("0.1", Fraction(1, 10)), ("15.18%", Fraction(759, 5000)),
     ("100%", Fraction(1)), ("0%", Fraction(0)), ("19.2 percent", Fraction(24, 125)), ("1", Fraction(1))],
)  # fmt: skip
def test_parse_share(text: str, share: Fraction) -> None:
    assert parse_share(text) == share


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("150%", "above 100 %"), ("10", "no % sign"), ("-5%", "negative"), ("ten percent", "cannot read"), ("nan%", "not a finite number")],
)  # fmt: skip
def test_parse_share_refuses(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_share(text)


@pytest.mark.parametrize(
    ("value", "step", "mode", "expected"),
    [
        ("2.5", "1", "half-up", "3"),
        ("2.5", "1", "half-even", "2"),
        ("3.5", "1", "half-even", "4"),
        ("147417520.25", "1", "half-up", "147417520"),
        ("1474175202.5", "1", "half-up", "1474175203"),
        ("1474175202.5", "1", "half-even", "1474175202"),
        ("192638011", "1E+6", "half-up", "193000000"),
        ("192500000", "1E+6", "half-up", "193000000"),
        ("192500000", "1E+6", "half-even", "192000000"),
        ("-2.5", "1", "half-up", "-3"),
    ],
)
def test_round_to_edges(value: str, step: str, mode: str, expected: str) -> None:
    assert round_to(Decimal(value), Decimal(step), mode) == Decimal(expected)  # type: ignore[arg-type]


def test_default_rounding_is_half_up() -> None:
    assert DEFAULT_ROUNDING == "half-up"


def test_round_to_refuses_unknown_mode() -> None:
    with pytest.raises(InputError, match="half-up or half-even"):
        round_to(Decimal(1), 1, "up")  # type: ignore[arg-type]


@given(fractions, steps, rounding_modes)
def test_rounding_is_idempotent(value: Fraction, step: Decimal, mode: str) -> None:
    """Rounding a rounded value changes nothing."""
    once = round_to(value, step, mode)  # type: ignore[arg-type]
    assert round_to(once, step, mode) == once  # type: ignore[arg-type]


@given(fractions, steps, rounding_modes)
def test_rounding_stays_within_half_a_step(value: Fraction, step: Decimal, mode: str) -> None:
    """The rounded value is a multiple of the step no further than half a step away."""
    rounded = round_to(value, step, mode)  # type: ignore[arg-type]
    assert abs(Fraction(rounded) - value) <= Fraction(step) / 2
    assert (Fraction(rounded) / Fraction(step)).denominator == 1


@given(fractions, fractions, steps, rounding_modes)
def test_rounding_is_monotone(a: Fraction, b: Fraction, step: Decimal, mode: str) -> None:
    """A larger value never rounds to a smaller one."""
    low, high = sorted((a, b))
    assert round_to(low, step, mode) <= round_to(high, step, mode)  # type: ignore[arg-type]


@given(decimals)
def test_grouped_format_round_trips(value: Decimal) -> None:
    """format_grouped then parse_number gives the exact value back."""
    assert parse_number(format_grouped(value)) == value


@given(counts)
def test_count_format_round_trips(value: int) -> None:
    """format_count of a whole count reads back as the same count."""
    assert parse_number(format_count(value)) == value


@given(fractions, st.integers(min_value=0, max_value=3))
def test_words_format_round_trips_to_the_rounded_value(value: Fraction, decimals_: int) -> None:
    """Words are a rounding: parsing them gives a value within half a displayed step."""
    text = format_words(value, decimals_)
    back = Fraction(parse_number(text))
    word_power = {"million": 6, "billion": 9, "trillion": 12}.get(text.split()[-1], 0)
    assert abs(back - value) <= Fraction(1, 2) * Fraction(10) ** (word_power - decimals_)
    assert parse_number(format_words(back, decimals_)) == back  # rounding twice is rounding once


@pytest.mark.parametrize(
    ("value", "expected"),
    [("999499", "999,499"), ("999500", "999,500"), ("1000000", "1 million"), ("30800000", "30.8 million"),
     ("147417520.25", "147,417,520"), ("1470000000", "1.47 billion"), ("1470500000", "1,470,500,000"), ("0.4", "0")],
)  # fmt: skip
def test_format_count_uses_words_only_when_exact(value: str, expected: str) -> None:
    assert format_count(Decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "decimals_", "expected"),
    [("147417520.25", 1, "147.4 million"), ("999949999", 1, "999.9 million"), ("999950000", 1, "1 billion"),
     ("192638011", 0, "193 million"), ("6500", 1, "6,500"), ("1474175202.5", 2, "1.47 billion")],
)  # fmt: skip
def test_format_words(value: str, decimals_: int, expected: str) -> None:
    assert format_words(Decimal(value), decimals_) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(1, 3), "1/3"), (Fraction(1, 8), "0.125"), (Fraction(-5, 2), "-2.5"), (Fraction(0), "0"),
     (Fraction(589670081, 4), "147417520.25")],
)  # fmt: skip
def test_exact_text(value: Fraction, expected: str) -> None:
    assert exact_text(value) == expected


def _reference_round(value: Fraction, step: Decimal, mode: str) -> Decimal:
    """Round-half-up or half-even written out with Python's own rounding of Fractions, for comparison."""
    quotient = value / Fraction(step)
    if mode == "half-even":
        n = round(quotient)  # Python rounds ties to even
    else:
        n = int(quotient + Fraction(1, 2)) if quotient >= 0 else -int(-quotient + Fraction(1, 2))
        if quotient < 0 and (-quotient - int(-quotient)) == Fraction(1, 2):
            n = -(int(-quotient) + 1)
    return Decimal(n) * step


signed = st.one_of(fractions, fractions.map(lambda f: -f), decimals, decimals.map(lambda d: -d), counts)


@given(signed, steps, rounding_modes)
def test_round_to_equals_the_written_out_rule(value: Fraction | Decimal | int, step: Decimal, mode: str) -> None:
    rounded = round_to(value, step, mode)  # type: ignore[arg-type]
    assert rounded == _reference_round(Fraction(value), step, mode)


@given(signed)
def test_exact_text_reads_back_to_the_value(value: Fraction | Decimal | int) -> None:
    text = exact_text(value)
    assert Fraction(text) == Fraction(value)
    if "/" not in text:
        assert text != "-0" and text == text.strip()
        assert "." not in text or not text.endswith(("0", "."))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Decimal("-0.00"), "0"), (Decimal("2.50"), "2.5"), (Decimal("1.93E+8"), "193000000"), (Decimal("1E-7"), "0.0000001"),
     (Decimal("-12.0"), "-12"), (Decimal("100"), "100"), (10**30, "1" + "0" * 30)],
)  # fmt: skip
def test_exact_text_of_decimals(value: Decimal | int, expected: str) -> None:
    assert exact_text(value) == expected


def test_equal_steps_of_different_exponents_keep_their_own_form() -> None:
    assert str(round_to(Decimal("1.2345"), Decimal("0.010"))) == "1.230"
    assert str(round_to(Decimal("1.2345"), Decimal("0.01"))) == "1.23"


@given(st.one_of(fractions, decimals, counts), st.integers(min_value=0, max_value=4), rounding_modes)
def test_words_say_exactly_the_value_they_are_said_to_write(
    value: Fraction | Decimal | int, places: int, mode: str
) -> None:
    text, written = format_words_exactly(value, places, mode)  # type: ignore[arg-type]
    assert text == format_words(value, places, mode)  # type: ignore[arg-type]
    assert parse_number(text) == written
