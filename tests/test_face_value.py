"""Face-value reading: a figure is read to half a unit of its last significant digit (docs/methodology.md)."""

from __future__ import annotations

import re
import tomllib
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from doseconv.errors import InputError
from doseconv.intervals import Interval
from doseconv.reading.numbers import format_grouped
from doseconv.reading.stated import StatedFigure, parse_stated, qualifier_rules
from doseconv.registry import unit_factor

from .strategies import european_shaped, mass_units, readings, roles, single_qualifier_keys, written_figures

ROOT = Path(__file__).resolve().parents[1]
METHODOLOGY = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
F = Fraction


def _rows(heading: str) -> list[list[str]]:
    """The rows of the first markdown table after ``heading`` in docs/methodology.md."""
    rest = METHODOLOGY[METHODOLOGY.index(heading) :]
    table = re.search(r"\n(\|.*\|\n)+", rest)
    assert table is not None
    lines = table[0].strip().splitlines()[2:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


def _shown(interval: Interval) -> str:
    ends = (format_grouped(interval.low, 6), format_grouped(interval.high, 6))
    return f"{'(' if interval.low_open else '['}{ends[0]}, {ends[1]}{')' if interval.high_open else ']'}"


@pytest.mark.parametrize("row", _rows("Some figures and their intervals"), ids=lambda row: row[0])
def test_each_documented_example_reads_as_the_docs_say(row: list[str]) -> None:
    stated, role, rule, step, lenient, strict = row
    text = stated.split('"')[1]
    figure = parse_stated(text, exact="known to be exact" in stated)
    assert f"`{figure.qualifier}`" == rule
    assert format_grouped(figure.step_for(role), 6) == step  # type: ignore[arg-type]
    assert _shown(figure.interval("lenient", role=role)) == lenient  # type: ignore[arg-type]
    assert _shown(figure.interval("strict", role=role)) == strict  # type: ignore[arg-type]


def test_the_documented_qualifier_table_is_the_data_file() -> None:
    data = tomllib.loads((ROOT / "doseconv" / "data" / "qualifiers.toml").read_text(encoding="utf-8"))
    documented = {row[0].strip("`"): (row[2], row[3], row[4]) for row in _rows("### The qualifier table")}
    assert documented == {
        key: (f"`{row['lenient']}`", f"`{row['strict']}`", row["meaning"]) for key, row in data.items()
    }


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("10 kilos", "input", "[9.5, 10.5)"),
        ("6,500 pounds", "input", "[6450, 6550)"),
        ("5 kilograms", "input", "[4.5, 5.5)"),
        ("193 million doses", "claim", "[192500000, 193500000)"),
        ("a million doses", "claim", "[950000, 1050000)"),
        ("1,000,000 doses", "claim", "[950000, 1050000)"),
        ("three million doses", "claim", "[2950000, 3050000)"),
        ("nearly 193 million doses", "claim", "[192000000, 193000000)"),
        ("over three million doses", "claim", "(3000000, 3100000]"),
        ("more than 6,500 pounds", "input", "(6500, 6600]"),
        ("ten pounds", "input", "[9.5, 10.5)"),
        ("twenty thousand pills", "input", "[19500, 20500)"),
        ("a hundred pills", "input", "[50, 150)"),
        ("3 million pills", "input", "[2500000, 3500000)"),
        ("3,000,000 pills", "input", "[2950000, 3050000)"),
    ],
)
def test_face_value_examples_of_the_specification(text: str, role: str, expected: str) -> None:
    assert str(parse_stated(text).interval(role=role)) == expected  # type: ignore[arg-type]


def test_an_unknown_role_is_refused() -> None:
    with pytest.raises(InputError, match="unknown role 'total'; a figure is an input or a claim"):
        parse_stated("10 kilos").interval(role="total")  # type: ignore[arg-type]


def test_strict_halves_the_qualifier_tolerance_and_leaves_bare_figures_alone() -> None:
    assert str(parse_stated("nearly 193 million doses").interval("strict", role="claim")) == "[192500000, 193000000)"
    assert str(parse_stated("more than 6,500 pounds").interval("strict")) == "(6500, 6550]"
    for text in ("10 kilos", "6,500 pounds", "193 million doses"):
        assert parse_stated(text).interval("strict") == parse_stated(text).interval("lenient")


@settings(max_examples=200)
@given(written_figures, readings, roles)
def test_a_bare_figure_contains_itself(text, reading, role) -> None:
    """The interval of a bare figure contains the figure, whatever the reading and role."""
    figure = parse_stated(f"{text} kg")
    assert figure.amount.value in figure.interval(reading, role=role)


@settings(max_examples=200)
@given(written_figures, single_qualifier_keys, readings, roles)
def test_a_trailing_significant_digit_never_widens_the_interval(text, key, reading, role) -> None:
    """Metamorphic: "10.0" allows no value that "10" does not (for every qualifier, reading and role)."""
    phrase = qualifier_rules()[key].phrases[0] if qualifier_rules()[key].phrases else ""
    longer = f"{text}0" if "." in text else f"{text}.0"
    assume(not european_shaped(longer))  # "1.480 kg" is refused as ambiguous (1,480 European style)
    wide = parse_stated(f"{phrase} {text} kg".strip()).interval(reading, role=role)
    narrow = parse_stated(f"{phrase} {longer} kg".strip()).interval(reading, role=role)
    assert wide.hull(narrow) == wide


@settings(max_examples=100)
@given(written_figures, single_qualifier_keys, readings, mass_units, mass_units)
def test_a_figure_in_another_unit_is_the_same_set_of_masses(text, key, reading, unit, other) -> None:
    """Metamorphic: a stated mass converted to another unit allows the same masses in mg."""
    phrase = qualifier_rules()[key].phrases[0] if qualifier_rules()[key].phrases else ""
    figure = parse_stated(f"{phrase} {text} {unit}".strip())
    moved = StatedFigure(figure.text, figure.qualifier, figure.phrase, figure.amount.to(other))
    assert moved.interval(reading) * unit_factor(moved.amount.unit, "milligram") == figure.interval(
        reading
    ) * unit_factor(figure.amount.unit, "milligram")


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=0, max_value=6))
def test_a_claimed_total_is_read_to_two_significant_digits_at_least(digit, zeros) -> None:
    """A claimed total written with one significant digit allows half a unit of a second digit either side."""
    figure = parse_stated(f"{digit * 10**zeros:,} doses")
    value, half = F(digit * 10**zeros), F(10**zeros, 20)
    assert figure.interval(role="claim") == Interval(value - half, value + half, high_open=True)


def _methodology_blocks() -> list[str]:
    return re.findall(r"```pycon\n(.*?)```", METHODOLOGY, re.S)


def test_methodology_has_a_worked_example_of_each_verdict() -> None:
    shown = "\n".join(_methodology_blocks())
    for verdict in ("consistent", "plausible", "implausible", "upper-bound", "impossible", "unverifiable"):
        assert f"('{verdict}', [" in shown or f"\n'{verdict}'\n" in shown


@pytest.mark.parametrize("index", range(len(_methodology_blocks())))
def test_methodology_examples_run(index: int) -> None:
    """Every pycon example of docs/methodology.md prints what the page shows (blocks share names in order)."""
    import doctest

    globs: dict[str, object] = {}
    for number, block in enumerate(_methodology_blocks()[: index + 1]):
        test = doctest.DocTestParser().get_doctest(block, globs, f"methodology.md[{number}]", "methodology.md", 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test, clear_globs=False)
        assert runner.summarize(verbose=False).failed == 0, f"block {number}"
        globs = test.globs
