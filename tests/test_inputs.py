"""Inputs as people give them: plain numbers in the library, bare counts, claims in people, shares in words."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings

import doseconv
from doseconv.errors import InputError, UnitError
from doseconv.reading.inputs import parse_claim, plain_text, read_figure

from .cli import run
from .strategies import european_shaped, plain_figures

POPULATION_ERROR = (
    "'enough to kill every American' is a population claim (doses stated as a population), not a number of doses: "
    "check it as the claim itself, read for the claim's year, or record it as a figure of kind 'population'"
)


def _inputs(capsys, *args: str) -> tuple[int, dict]:
    result = run(capsys, "check", *args, "--json")
    return result.code, json.loads(result.out)["inputs"]


# --- bare counts ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [("50.6 million", "50600000"), ("44,000,000", "44000000")])
def test_a_bare_count_in_pills_is_pills(capsys, text: str, value: str) -> None:
    code, inputs = _inputs(capsys, "--pills", text, "--claim", f"{text} doses")
    assert code == 0
    assert inputs["pills"] == {
        "text": text, "qualifier": "none", "value": value, "unit": "pill", "kind": "pills",
        "step": inputs["pills"]["step"],
    }  # fmt: skip


def test_a_bare_count_is_pills_in_the_library_too() -> None:
    assert doseconv.check(pills="50.6 million", claim="50.6 million doses").verdict == "consistent"
    assert doseconv.to_doses("50.6 million") == 50_600_000


def test_bare_powder_is_refused_naming_what_to_write(capsys) -> None:
    result = run(capsys, "check", "--powder", "12", "--claim", "5 million doses")
    assert (result.code, result.out) == (2, "")
    assert result.err == "Error: powder '12' has no unit; give a mass such as '12 kg' or '6,500 lb'\n"


# --- claims in people -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("4.7 million people", "4.7 million doses"),
        ("enough to kill 1.5 million adults", "1.5 million doses"),
        ("enough fentanyl to kill nearly 2 million Americans", "nearly 2 million doses"),
        ("could have taken 500,000 lives", "500,000 doses"),
        ("could have killed more than 3 million people", "more than 3 million doses"),
        ("lethal to 1.2 million", "1.2 million doses"),
        ("potentially deadly to about 800,000 people", "about 800,000 doses"),
        ("4 million potentially fatal doses", "4 million doses"),
        ("193 million", "193 million doses"),
    ],
)
def test_a_claim_in_people_reads_like_the_same_claim_in_doses(text: str, same_as: str) -> None:
    """One dose per person, read like any claimed total (not as a floor)."""
    people, doses = parse_claim(text), parse_claim(same_as)
    assert people.text == text and people.kind == "doses"
    for reading in ("lenient", "strict"):
        assert people.interval(reading) == doses.interval(reading)  # type: ignore[arg-type]
    checked = doseconv.check(pills="5 million pills", claim=text)
    assert checked.claimed == doseconv.check(pills="5 million pills", claim=same_as).claimed


def test_a_claim_in_people_naming_another_drug_is_refused(capsys) -> None:
    result = run(capsys, "check", "--powder", "10 kg", "--claim", "enough meth to kill 2 million people")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "Error: 'enough meth to kill 2 million people' names methamphetamine, not fentanyl; "
        "doseconv counts fentanyl doses only\n"
    )
    assert parse_claim("enough fentanyl powder to kill 2 million people").amount.value == 2_000_000


def test_check_reads_a_claim_in_people_on_the_command_line(capsys) -> None:
    code, inputs = _inputs(capsys, "--pills", "5 million pills", "--claim", "enough to kill 4.7 million people")
    assert code == 0
    assert inputs["claim"] == {
        "text": "enough to kill 4.7 million people", "qualifier": "none", "value": "4700000",
        "unit": "lethal_dose", "kind": "doses", "step": "100000",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "place"),
    [("enough to kill every American", "United States"), ("enough to kill everyone in Texas twice over", "Texas")],
)
def test_a_population_phrase_is_checked_as_a_population(capsys, claim: str, place: str) -> None:
    result = run(capsys, "check", "--powder", "10 kg", "--claim", claim, "--json")
    assert json.loads(result.out)["population"]["place"] == place


def test_a_population_phrase_is_not_a_number_of_doses() -> None:
    with pytest.raises(InputError) as raised:
        parse_claim("enough to kill every American")
    assert str(raised.value) == POPULATION_ERROR


def test_pills_given_in_people_are_refused(capsys) -> None:
    result = run(capsys, "check", "--pills", "4.7 million people", "--claim", "5 million doses")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("Error: unknown unit 'people' in '4.7 million people'")


def test_a_claims_file_reads_a_total_in_people(tmp_path: Path, capsys) -> None:
    path = tmp_path / "people.toml"
    path.write_text(
        'schema = 1\n[source]\npublisher = "a county sheriff"\ntitle = "Seizure release"\ndate = "2024-03"\n'
        '[[figures]]\nid = "pills"\ntext = "5 million fentanyl pills"\nkind = "pills"\n'
        '[[figures]]\nid = "total"\ntext = "enough to kill 4.7 million people"\nkind = "doses"\n'
        '[[claims]]\nid = "people"\ntotal = "total"\npills = "pills"\nexpect = "consistent"\n'
    )
    result = run(capsys, "verify", str(path))
    assert result.code == 0, result.out + result.err
    assert result.out.splitlines()[-1] == "1 of 1 claims as expected."


# --- small values -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "first_line", "value"),
    [
        (("2 mg", "doses", "--assumptions", "pure"), "1 dose", "1"),
        (("1 mg", "doses", "--assumptions", "pure"), "0.5 doses", "0.5"),
        (("2 mg", "doses"), "0.192 doses", "0.192"),
        (("1 mg", "doses", "--purity", "10%"), "0.05 doses", "0.05"),
        (("3 mg", "doses", "--assumptions", "pure", "--lethal-dose", "9 mg"), "0.333 doses", "1/3"),
        (("150 mg", "doses"), "14.4 doses", "14.4"),
        (("1 mcg", "kg"), "0.000000001 kg", "0.000000001"),
    ],
)
def test_small_values_never_show_as_zero(capsys, args: tuple[str, ...], first_line: str, value: str) -> None:
    """The display keeps three significant digits below 100; JSON keeps the exact value."""
    result = run(capsys, "convert", *args)
    assert (result.code, result.out.splitlines()[0], result.err) == (0, first_line, "")
    as_json = run(capsys, "convert", *args, "--json")
    assert json.loads(as_json.out)["value"] == value


def test_convert_2_mg_prints_its_steps(capsys) -> None:
    result = run(capsys, "convert", "2 mg", "doses")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "0.192 doses\n  = 2 mg x 19.2% purity / 2 mg per dose; assumption set dea-2022\n"
        "1 dose with the powder counted as pure fentanyl (the most 2 mg can hold)\n"
        "  = 2 mg x 100% purity / 2 mg per dose\n"
    )


# --- stated rules ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("6 in 10", Fraction(3, 5)),
        ("six out of ten", Fraction(3, 5)),
        ("42%", Fraction(21, 50)),
        ("two out of five", Fraction(2, 5)),
        ("seven out of every ten", Fraction(7, 10)),
        ("0.6", Fraction(3, 5)),
    ],
)
def test_pill_share_as_dea_words_it(capsys, text: str, share: Fraction) -> None:
    assert doseconv.Overrides(pill_share=text).pill_share == share
    claim = f"{int(44_000_000 * share):,} doses"
    result = run(capsys, "check", "--pills", "44 million", "--claim", claim, "--pill-model", "lab-share",
                 "--pill-share", text)  # fmt: skip
    assert (result.code, result.out.splitlines()[0]) == (0, "verdict:  consistent")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("11 in 10", "Error: --pill-share '11 in 10' is not a share; the first figure must be at most the second\n"),
        (
            "six out of zero",
            "Error: --pill-share 'six out of zero' is not a share; the first figure must be at most the second\n",
        ),
    ],
)
def test_a_share_that_is_not_one_is_refused(capsys, text: str, message: str) -> None:
    result = run(capsys, "convert", "44 million pills", "doses", "--pill-model", "lab-share", "--pill-share", text)
    assert (result.code, result.out) == (2, "")
    assert result.err.replace("pill share", "--pill-share") == message


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (("3 mg", "doses", "--assumptions", "pure", "--lethal-dose", "3 mg"), "1 dose"),
        (("6 mg", "doses", "--purity", "50%"), "1.5 doses"),
        (("1 pills", "doses", "--pill-model", "mean-content", "--mg-per-pill", "6 mg"), "3 doses"),
        (("10 pills", "doses", "--pill-model", "lab-share", "--pill-share", "two out of five"), "4 doses"),
    ],
)
def test_stated_rules_on_the_command_line(capsys, args: tuple[str, ...], first_line: str) -> None:
    result = run(capsys, "convert", *args)
    assert (result.code, result.out.splitlines()[0], result.err) == (0, first_line, "")


# --- plain values in the library -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pills", [250_000, 250_000.0, Decimal("250000"), Fraction(250_000), "250,000", "250,000 pills", "250000"]
)
def test_each_plain_type_reads_like_the_figure_written_out(pills: object) -> None:
    reference = doseconv.check(pills="250,000 pills", powder="12 kg", claim="5,700,000 doses")
    result = doseconv.check(pills=pills, powder=12, powder_unit="kg", claim=5_700_000)  # type: ignore[arg-type]
    assert (result.verdict, result.claimed, result.computed) == (
        reference.verdict, reference.claimed, reference.computed,
    )  # fmt: skip


def test_a_decimal_keeps_its_written_digits() -> None:
    """Decimal("12.0") is "12.0 kg", stated to the tenth; the float 12.0 is "12 kg"."""
    assert read_figure(Decimal("12.0"), "powder", unit="kg").step == Fraction(1, 10)
    assert read_figure(12.0, "powder", unit="kg").step == 1
    assert plain_text(Decimal("1.93E+8"), "claim") == "193,000,000"


def test_numpy_scalars_read_like_python_numbers() -> None:
    np = pytest.importorskip("numpy")
    with pytest.raises(InputError, match=r"^pills must be a number or a figure as text, not a value of type ndarray$"):
        doseconv.check(pills=np.zeros((3, 30)), claim=5)
    assert read_figure(np.int64(250_000), "pills") == read_figure(250_000, "pills")
    assert read_figure(np.float64(12.5), "powder", unit="kg") == read_figure(12.5, "powder", unit="kg")


def test_exact_reads_plain_numbers_with_no_rounding() -> None:
    result = doseconv.check(pills=250_000, powder=12, powder_unit="kg", claim=5_700_000, exact=True)
    assert (result.claimed.low, result.claimed.high) == (5_700_000, 5_700_000)
    assert result.computed is not None and result.computed.low == result.computed.high == 250_000 + 12 * 96_000
    third = read_figure(Fraction(1, 3), "powder", unit="kg", exact=True)
    assert third is not None and third.interval().low == third.interval().high == Fraction(1, 3)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (True, InputError, "pills must be a number or a figure as text, not True"),
        (1 + 2j, InputError, "pills must be a number or a figure as text, not (1+2j)"),
        ([5], InputError, "pills must be a number or a figure as text, not [5]"),
        (float("nan"), InputError, "pills nan is not a finite number; give a figure such as 6500 or '44 million'"),
        (float("inf"), InputError, "pills inf is not a finite number; give a figure such as 6500 or '44 million'"),
        (Decimal("NaN"), InputError, "pills NaN is not a finite number; give a figure such as 6500 or '44 million'"),
        (-5, InputError, "pills -5 is negative; figures must be zero or more"),
        (Fraction(-1, 2), InputError, "pills -1/2 is negative; figures must be zero or more"),
        (10**19, InputError, "pills is out of range; doseconv accepts figures up to 10^18"),
        pytest.param(
            10**5000,
            InputError,
            "pills has more than 4,300 digits; doseconv reads numbers of up to 4,300 digits",
            id="a 5001-digit int",
        ),
        (
            Fraction(1, 3),
            InputError,
            "pills 1/3 has no finite decimal form; give a decimal, or read it with exact=True",
        ),
    ],
)
def test_anything_else_is_a_clear_error(value: object, error: type, message: str) -> None:
    with pytest.raises(error) as caught:
        doseconv.check(pills=value, claim=5_000_000)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert isinstance(caught.value, doseconv.DoseconvError)


def test_a_missing_claim_and_a_unitless_powder_are_refused() -> None:
    with pytest.raises(InputError, match="no claim given"):
        doseconv.check(pills=250_000, claim=None)
    with pytest.raises(UnitError, match="powder 12 has no unit"):
        doseconv.check(powder=12, claim=5_000_000)


@settings(max_examples=60)
@given(plain_figures)
def test_a_number_reads_the_same_interval_however_it_is_given(number: int | Decimal) -> None:
    """An int, a Decimal and the same figure as text (plain or grouped) give one interval, in every role.

    (Pills are whole counts here: a count written with decimals, "1.000 pills", is refused as text, and so is
    a mass whose text a European reader would take for thousands, "1.000" kg; the number itself is read.)
    """
    as_decimal = Decimal(number)
    texts = [str(number), f"{as_decimal:,f}"]
    whole = isinstance(number, int)
    for role, unit in (("pills", None), ("claim", None), ("powder", "kg"))[0 if whole else 1 :]:
        reference = read_figure(as_decimal, role, unit=unit)  # type: ignore[arg-type]
        assert reference is not None
        for given_as in (number, *texts):
            if isinstance(given_as, str) and role != "pills" and european_shaped(given_as):
                with pytest.raises(InputError, match="European style"):  # "1.000" kg or doses as text: 1,000 in Europe
                    read_figure(given_as, role, unit=unit)
                continue
            figure = read_figure(given_as, role, unit=unit)  # type: ignore[arg-type]
            assert figure is not None and figure.interval() == reference.interval()
            assert figure.interval("strict") == reference.interval("strict")


def test_amounts_and_parsed_figures_are_taken_as_given() -> None:
    pills = doseconv.parse_amount("44 million pills")
    claim = doseconv.parse_stated("nearly 193 million doses")
    result = doseconv.check(pills=pills, powder="more than 6,500 pounds", claim=claim)
    assert result.inputs["claim"] is claim
    assert result.claimed == doseconv.check(pills="44 million pills", powder="more than 6,500 pounds",
                                            claim="nearly 193 million doses").claimed  # fmt: skip
