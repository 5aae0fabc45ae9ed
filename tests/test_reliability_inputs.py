"""Figures whose reading is empty or absurd are refused where they are read, with one line and exit code 2."""

from __future__ import annotations

import pytest

from doseconv.errors import InputError
from doseconv.reading.stated import parse_stated

from .cli import run


@pytest.mark.parametrize(
    "text", ["less than 0 doses", "almost 0 doses", "nearly 0 kg", "under 0 pills", "just under 0 lb"]
)
def test_a_figure_that_allows_no_value_is_refused(text: str) -> None:
    with pytest.raises(InputError, match=rf"^'{text}' allows no value at all \(read as \[0, 0\)\);"):
        parse_stated(text)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("nearly 1e18 pills", "[900000000000000000, 1000000000000000000)"),
        ("about 1E+6 doses", "[900000, 1100000]"),
        ("nearly 1e3 kg", "[900, 1000)"),
        ("around 1e-3 kg", "[0.0009, 0.0011]"),
        ("nearly 1 million pills", "[900000, 1000000)"),
        ("about a million doses", "[900000, 1100000]"),
    ],
)
def test_a_word_that_puts_the_value_near_x_never_reaches_down_to_zero(text: str, interval: str) -> None:
    """ "nearly 1 million" is just under a million: a one-digit 1 under "nearly" or "about" reads to two digits."""
    assert str(parse_stated(text).interval()) == interval


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("nearly 1.0e18 pills", "[900000000000000000, 1000000000000000000)"),
        ("up to 1e18 pills", "[0, 1000000000000000000]"),  # "up to" says nothing about a lower bound
        ("up to 0 doses", "[0, 0]"),  # exactly none
        ("about 0 kg", "[0, 1]"),
        ("less than 1 kg", "[0, 1)"),
    ],
)
def test_figures_that_leave_some_value_are_still_read(text: str, interval: str) -> None:
    assert str(parse_stated(text).interval()) == interval


@pytest.mark.parametrize("text", ["5e6 pills", "nearly 5e6 pills", "1e6 doses", "about 2E3 kg"])
def test_a_power_of_ten_that_does_not_reach_zero_is_read(text: str) -> None:
    assert parse_stated(text).interval().low > 0


@pytest.mark.parametrize(
    "args",
    [
        ["--pills", "less than 0 pills", "--claim", "1 million doses"],
        ["--pills", "44 million pills", "--claim", "almost 0 doses"],
        ["--powder", "nearly 0 kg", "--claim", "1 million doses"],
        ["--pills", "under 0 pills", "--claim", "nearly 193 million doses"],
    ],
)
def test_the_command_line_refuses_them_with_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    for extra in ([], ["--json"]):
        done = run(capsys, "check", *args, *extra)
        assert (done.code, done.out) == (2, "")
        assert done.err.startswith("Error: '") and done.err.count("\n") == 1
