"""Figures as people type them ("5k pills", "half a kilo", "1½ pounds"), and the refusals, exactly."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings

from doseconv.errors import InputError
from doseconv.reading.numbers import parse_number, read_number
from doseconv.reading.quantity import parse_amount
from doseconv.reading.stated import parse_stated

from .strategies import grouped_counts, number_words, proper_fractions, spell, spelled_counts


@pytest.mark.parametrize(
    ("text", "value", "unit", "step"),
    [
        ("5k pills", Fraction(5000), "pill", Fraction(1000)),
        ("1.3M pills", Fraction(1_300_000), "pill", Fraction(100_000)),
        ("2.5 mil pills", Fraction(2_500_000), "pill", Fraction(100_000)),
        ("1.2bn doses", Fraction(1_200_000_000), "lethal_dose", Fraction(100_000_000)),
        ("half a kilo", Fraction(1, 2), "kilogram", Fraction(1, 2)),
        ("a quarter pound", Fraction(1, 4), "pound", Fraction(1, 4)),
        ("1½ pounds", Fraction(3, 2), "pound", Fraction(1, 2)),
        ("1 1/2 pounds", Fraction(3, 2), "pound", Fraction(1, 2)),
        ("2-1/2 pounds", Fraction(5, 2), "pound", Fraction(1, 2)),
        ("three-quarters of a kilogram", Fraction(3, 4), "kilogram", Fraction(1, 4)),
        ("a dozen pills", Fraction(12), "pill", Fraction(1)),
        ("two dozen pills", Fraction(24), "pill", Fraction(1)),
        ("4,500kg", Fraction(4500), "kilogram", Fraction(100)),
        ("12lbs", Fraction(12), "pound", Fraction(1)),
        ("1.5-kilogram", Fraction(3, 2), "kilogram", Fraction(1, 10)),
        ("two-and-a-half pounds", Fraction(5, 2), "pound", Fraction(1, 2)),
        ("a pound and a half", Fraction(3, 2), "pound", Fraction(1, 2)),
        ("2 and a half kilos", Fraction(5, 2), "kilogram", Fraction(1, 2)),
        ("5 kilo", Fraction(5), "kilogram", Fraction(1)),
        ("half a million pills", Fraction(500_000), "pill", Fraction(100_000)),
        ("one and a half million doses", Fraction(1_500_000), "lethal_dose", Fraction(100_000)),
        ("one hundred twenty-five thousand pills", Fraction(125_000), "pill", Fraction(1000)),
        ("two thousand and five pills", Fraction(2005), "pill", Fraction(1)),
        ("1⅓ pounds", Fraction(4, 3), "pound", Fraction(1, 3)),
        ("10⁶ doses", Fraction(10**6), "lethal_dose", Fraction(10**6)),
        ("1.3 × 10^6 doses", Fraction(1_300_000), "lethal_dose", Fraction(100_000)),
        ("6 500 pounds", Fraction(6500), "pound", Fraction(100)),
        ("6\u00a0500 pounds", Fraction(6500), "pound", Fraction(100)),
        ("6\u202f500 pounds", Fraction(6500), "pound", Fraction(100)),
        ("6'500 pounds", Fraction(6500), "pound", Fraction(100)),
        ("193\u200b million doses", Fraction(193_000_000), "lethal_dose", Fraction(1_000_000)),
        ("1\u00ad93 million doses", Fraction(193_000_000), "lethal_dose", Fraction(1_000_000)),
        ("\ufeff44 million pills", Fraction(44_000_000), "pill", Fraction(1_000_000)),
        ("2.268 kg", Fraction(2268, 1000), "kilogram", Fraction(1, 1000)),  # a conversion given to the gram
    ],
)
def test_wording_as_people_type_it(text: str, value: Fraction, unit: str, step: Fraction) -> None:
    amount = parse_amount(text)
    assert (amount.value, amount.unit, amount.step) == (value, unit, step)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "10.000 pills",
            "'10.000 pills' is ambiguous: ten thousand written European style, or 10 with decimals; "
            "write 10,000 or 10, or ask for it to be read European style",
        ),
        (
            "2.106 pills",
            "'2.106 pills' is ambiguous: 2,106 written European style, or 2.106 with decimals; "
            "write 2,106 or 2.106, or ask for it to be read European style",
        ),
        (
            "6.500 lb",
            "'6.500 lb' is ambiguous: 6,500 written European style, or 6.5 with decimals; "
            "write 6,500 or 6.5, or ask for it to be read European style",
        ),
        (
            "1,5 kg",
            "cannot read '1,5' as a number: a comma before other than three digits is a decimal comma "
            "(European style); write 1.5, or ask for it to be read European style",
        ),
        (
            "1,5000 kg",
            "cannot read '1,5000' as a number: a comma before other than three digits is a decimal comma "
            "(European style); write 1.5000, or ask for it to be read European style",
        ),
        (
            "1,500,00 kg",
            "cannot read '1,500,00' as a number: digits grouped wrongly; write e.g. 6500, 6,500, 1.3 million or two",
        ),
        (
            "dozen dozen kg",
            "cannot read the number 'dozen dozen kg': repeated or ill-formed number words; "
            "write e.g. 'one hundred twenty-five thousand', 'two dozen' or 'two and a half'",
        ),
        (
            "one one one kg",
            "cannot read the number 'one one one kg': repeated or ill-formed number words; "
            "write e.g. 'one hundred twenty-five thousand', 'two dozen' or 'two and a half'",
        ),
        (
            "6\u00a050 pounds",
            "'6\\xa050' could be one number or two: a space or apostrophe between digits is a thousands separator "
            "only before groups of three; write the figure with commas (6,500) or separate the numbers",
        ),
        (
            "1 500 20 kg",
            "'1 500 20' could be one number or two: a space or apostrophe between digits is a thousands separator "
            "only before groups of three; write the figure with commas (6,500) or separate the numbers",
        ),
        ("5^6 kg", "cannot read '5^6': only powers of ten are read (10^6); write e.g. 6500, 6,500, 1.3 million or two"),
        ("3/0 kg", "cannot read '3/0': write a fraction as 1 1/2 or 3/4"),
    ],
)
def test_wording_refusals(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_amount(text)
    assert str(caught.value) == message


def test_repeated_number_words_are_refused_after_a_qualifier() -> None:
    with pytest.raises(InputError, match="repeated or ill-formed number words"):
        parse_stated("nearly one one one doses")


def test_word_numbers_no_longer_add_up() -> None:
    """Regression: "a dozen" was 13 and "two dozen" 14 (the article and the count were added to 12)."""
    assert parse_number("a dozen") == 12
    assert parse_number("two dozen") == 24


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,5 kg", Fraction(3, 2)), ("10.000 pills", Fraction(10000)), ("1.500,25 kg", Fraction(600100, 400)),
     ("6 500,5 lb", Fraction(13001, 2)), ("1,500 kg", Fraction(3, 2))],
)  # fmt: skip
def test_decimal_comma_reads_european_style_on_purpose(text: str, value: Fraction) -> None:
    assert parse_amount(text, decimal_comma=True).value == value


def test_decimal_comma_refuses_a_decimal_point() -> None:
    with pytest.raises(InputError) as caught:
        parse_amount("1.5 kg", decimal_comma=True)
    assert str(caught.value) == (
        "cannot read '1.5' with decimal commas: a point separates thousands in groups of three there; "
        "write 1,5 or read it without decimal commas"
    )


@pytest.mark.parametrize(
    "text", ["2-1/2 pounds", "two-and-a-half pounds", "three-quarters of a kilogram", "one and a half million doses"]
)
def test_a_figure_with_a_hyphen_or_and_inside_is_not_a_range(text: str) -> None:
    assert parse_stated(text).upper is None


def test_ranges_still_read_as_ranges() -> None:
    figure = parse_stated("10-15 million pills")
    assert figure.upper is not None
    assert (figure.amount.value, figure.upper.value) == (10_000_000, 15_000_000)


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(grouped_counts)
def test_k_and_m_suffixes_read_as_the_scale_words(count: int) -> None:
    """ "Nk" is N thousand and "NM" is N million, value and step alike."""
    number = Decimal(count % 10**5).scaleb(-1)
    for suffix, word in (("k", "thousand"), ("M", "million"), (" mil", "million")):
        short = read_number(f"{number}{suffix} pills")
        long = read_number(f"{number} {word} pills")
        assert (short.value, short.step) == (long.value, long.step)


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(grouped_counts, proper_fractions)
def test_mixed_numbers_read_exactly(whole: int, fraction: tuple[int, int]) -> None:
    """ "W N/D" and "W-N/D" are W + N/D stated to 1/D; one more whole unit adds exactly one."""
    numerator, denominator = fraction
    for joiner in (" ", "-"):
        reading = read_number(f"{whole}{joiner}{numerator}/{denominator} lb")
        assert (reading.value, reading.step) == (whole + Fraction(numerator, denominator), Fraction(1, denominator))
        assert read_number(f"{whole + 1}{joiner}{numerator}/{denominator}").value == reading.value + 1


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(spelled_counts)
def test_spelled_numbers_read_back(count: int) -> None:
    """A whole number spelled out reads back as itself."""
    assert read_number(spell(count)).value == count


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(spelled_counts, number_words)
def test_a_spelled_number_followed_by_itself_is_refused(count: int, _word: str) -> None:
    """Repeating a complete spelled number ("one one", "five thousand five thousand") is refused, never added."""
    with pytest.raises(InputError, match="repeated or ill-formed number words"):
        read_number(f"{spell(count)} {spell(count)} kg")


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(grouped_counts)
def test_decimal_comma_reading_mirrors_the_default(count: int) -> None:
    """A figure written European style with decimal_comma reads as the same figure written US style without it."""
    value = Decimal(count).scaleb(-2)
    us = f"{value:,}"
    european = us.replace(",", "_").replace(".", ",").replace("_", ".")
    assert read_number(european, decimal_comma=True).value == read_number(us).value


def test_units_doc_python_examples_run() -> None:
    """The ```pycon examples of docs/units.md print what the docs show."""
    import doctest
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "units.md").read_text()
    blocks = re.findall(r"```pycon\n(.*?)```", text, re.S)
    assert blocks
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, "units.md", "docs/units.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_stated_figures_take_decimal_commas_on_purpose() -> None:
    figure = parse_stated("nearly 1,5 kg", decimal_comma=True)
    assert (figure.qualifier, figure.amount.value, figure.step) == ("nearly", Fraction(3, 2), Fraction(1, 10))
    with pytest.raises(InputError, match="decimal comma"):
        parse_stated("nearly 1,5 kg")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("6 500-7 000 pounds", 6500, 7000), ("between 6\u202f500 and 7\u202f000 pounds", 6500, 7000),
     ("near\u00adly 193 million doses", 193_000_000, None)],
)  # fmt: skip
def test_stated_figures_are_normalised_first(text: str, low: int, high: int | None) -> None:
    figure = parse_stated(text)
    assert figure.amount.value == low
    assert (figure.upper.value if figure.upper else None) == high
