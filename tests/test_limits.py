"""Bounds on numbers (digits, exponents, huge ints) and exact Decimal work beyond 28 digits."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from doseconv.errors import InputError
from doseconv.reading.numbers import (
    exact_text,
    format_count,
    format_grouped,
    format_words,
    parse_number,
    round_to,
    to_decimal,
)
from doseconv.reading.quantity import Amount, parse_amount

DIGITS_MESSAGE = "doseconv reads numbers of up to 4,300 digits"
HUGE = 10**5000


@pytest.mark.parametrize(
    "text",
    ["1e" + "9" * 5000 + " kg", "1" * 5000 + " kg", "0." + "1" * 5000 + " kg", "1 1/" + "3" * 5000 + " kg"],
)
def test_numbers_of_more_than_4300_digits_are_refused(text: str) -> None:
    with pytest.raises(InputError, match=DIGITS_MESSAGE):
        parse_amount(text)


@pytest.mark.parametrize("text", ["1e19", "1e-19", "1e+0019 kg", "1e99 kg"])
def test_exponents_beyond_the_range_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="out of range"):
        parse_amount(text, default_unit="kg")


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_count(HUGE),
        lambda: format_grouped(HUGE),
        lambda: format_words(HUGE),
        lambda: round_to(HUGE, 1),
        lambda: round_to(Fraction(1, HUGE), 1),
        lambda: exact_text(HUGE),
        lambda: to_decimal(HUGE),
        lambda: Amount(Fraction(HUGE), "gram", "mass"),
        lambda: round_to(Decimal(1), Decimal("1E-5000")),
    ],
)
def test_ints_of_more_than_4300_digits_are_refused_by_the_library(call) -> None:
    """Regression: these raised Python's own ValueError (int string conversion limit) or ran unbounded."""
    with pytest.raises(InputError, match=DIGITS_MESSAGE):
        call()


def test_an_int_of_4300_digits_is_still_read() -> None:
    assert exact_text(10**4299) == "1" + "0" * 4299


FORTY = "1234567890123456789012345678901234567890"


def test_round_to_is_exact_at_40_digits() -> None:
    """Regression: round_to multiplied under the default 28-digit context and dropped digits."""
    assert round_to(Decimal(FORTY + ".4"), 1) == Decimal(FORTY)
    assert str(round_to(Decimal(FORTY + ".4"), 1)) == FORTY
    assert round_to(Fraction(int(FORTY) * 1000 + 1, 1000), Decimal("0.001")) == Fraction(int(FORTY) * 1000 + 1, 1000)
    assert round_to(Decimal(FORTY), 25) == 25 * round(Fraction(int(FORTY), 25))


def test_format_count_is_exact_at_40_digits() -> None:
    assert format_count(Decimal(FORTY)) == f"{int(FORTY):,}"
    assert format_count(Fraction(int(FORTY) * 2 + 1, 2)) == f"{int(FORTY) + 1:,}"
    assert format_count(int(FORTY[:4]) * 10**6) == "1.234 billion"


def test_parse_number_is_exact_at_40_digits() -> None:
    written = FORTY[:18] + "." + FORTY[18:]
    assert parse_number(written) == Decimal(written)
    assert str(parse_number(written)) == written


# Long inputs: each of these returns (with the bound error) in one linear pass; benchmarks/numbers_scaling.py
# times the growth.
LONG = 200_000


@pytest.mark.parametrize(
    "text",
    [
        "1" * LONG,
        "1," + "000," * (LONG // 4) + "000",
        "1e" + "1" * LONG,
        "one " * (LONG // 4),
        "twenty " * (LONG // 7),
        "dozen " * (LONG // 6),
        "1 " * (LONG // 2),
        "1\u00a0" * (LONG // 2),
        "5 " + "kg" * LONG,
        "5 x" + " " * LONG + "y",
    ],
)
def test_long_inputs_return_quickly_with_an_error(text: str) -> None:
    with pytest.raises(InputError):
        parse_amount(text)


def test_a_long_run_of_invisible_characters_is_removed() -> None:
    assert parse_amount("\u200b" * LONG + "5 kg").value == 5
    assert parse_amount("5 kg" + " " * LONG + "and a half").value == Fraction(11, 2)


def test_describe_refuses_an_int_of_more_than_4300_digits() -> None:
    from doseconv.reading.stated import describe

    with pytest.raises(InputError, match=DIGITS_MESSAGE):
        describe(HUGE)


@pytest.mark.parametrize("text", ["1" * 5000 + "%", "1e" + "9" * 5000 + "%"])
def test_shares_of_more_than_4300_digits_are_refused(text: str) -> None:
    from doseconv.reading.shares import parse_share

    with pytest.raises(InputError):
        parse_share(text)


def test_reading_every_figure_of_a_long_text_in_place() -> None:
    """A scanner reads each figure where it stands: 5,000 figures of a 45 KB text, without copying the text."""
    from doseconv.reading.numbers import read_number_at
    from doseconv.reading.textnorm import normalize

    text = normalize("5 pills, " * 5_000).text
    total = sum(read_number_at(text, start).value for start in range(0, len(text), 9))
    assert total == 25_000


def test_a_refused_word_number_reads_only_the_words_it_needs() -> None:
    from doseconv.reading.numbers import read_number_at

    text = "one " * (LONG // 4)
    with pytest.raises(InputError, match="repeated or ill-formed number words"):
        read_number_at(text, 0)
