"""`--decimal-comma` on convert and check: European figures read on purpose, refused (exit 2) without it."""

from __future__ import annotations

from fractions import Fraction

import pytest

from doseconv import check, convert

from .cli import run


def test_convert_reads_european_figures_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    refused = run(capsys, "convert", "1,5 kg", "g")
    assert refused.code == 2 and refused.out == ""
    assert refused.err == (
        "Error: cannot read '1,5' as a number: a comma before other than three digits is a decimal comma "
        "(European style); write 1.5, or read it European style with --decimal-comma\n"
    )
    read = run(capsys, "convert", "1,5 kg", "g", "--decimal-comma")
    assert (read.code, read.out) == (0, "1,500 g\n")
    assert run(capsys, "convert", "6.500 lb", "kg", "--decimal-comma").out == "2,948.350405 kg\n"


def test_check_reads_european_figures_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("check", "--powder", "1,5 kg", "--claim", "750.000 doses", "--assumptions", "pure")
    refused = run(capsys, *args)
    assert refused.code == 2 and refused.err.count("\n") == 1 and "--decimal-comma" in refused.err
    read = run(capsys, *args, "--decimal-comma")
    assert read.code == 0
    assert read.out.splitlines()[:2] == [
        "verdict:  consistent",
        "claimed:  [745,000, 755,000) doses  ('750.000 doses', lenient reading)",
    ]


def test_an_ambiguous_pill_count_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "check", "--pills", "10.000 pills", "--claim", "10,000 doses")
    assert done.code == 2
    assert done.err == (
        "Error: '10.000 pills' is ambiguous: ten thousand written European style, or 10 with decimals; "
        "write 10,000 or 10, or read it European style with --decimal-comma\n"
    )


def test_the_library_takes_the_same_switch_and_names_its_keyword() -> None:
    assert convert("1,5 kg", "g", decimal_comma=True).value == Fraction(1500)
    assert check(None, "1,5 kg", "750.000 doses", assumptions="pure", decimal_comma=True).verdict == "consistent"
    with pytest.raises(ValueError, match=r"write 1.5, or ask for it to be read European style$") as caught:
        convert("1,5 kg", "g")
    assert caught.value.advises("decimal_comma") and "decimal_comma" not in str(caught.value)
