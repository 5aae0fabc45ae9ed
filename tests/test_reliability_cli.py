"""Exit codes of the command line: 0, 1 (a claim not as expected) and 2 (bad input) for what a user can type;
70 only for a bug, whatever DOSECONV_DEBUG says (it adds the traceback, never changes the code)."""

from __future__ import annotations

import pytest

import doseconv.checker

from .cli import run

LAST_MILE = ["check", "--pills", "nearly 44 million pills", "--claim", "nearly 193 million doses"]


@pytest.mark.parametrize("debug", [None, "1"])
@pytest.mark.parametrize(
    "crash", [ValueError("boom"), RecursionError("maximum recursion depth exceeded"), KeyError("k")]
)
def test_a_crash_exits_70_with_one_line_and_debug_only_adds_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, debug: str | None, crash: Exception
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise crash

    monkeypatch.setattr(doseconv.checker, "check", broken)
    if debug is None:
        monkeypatch.delenv("DOSECONV_DEBUG", raising=False)
    else:
        monkeypatch.setenv("DOSECONV_DEBUG", debug)
    done = run(capsys, *LAST_MILE)
    assert (done.code, done.out) == (70, "")
    last = done.err.splitlines()[-1]
    assert last == f"Error: internal error ({type(crash).__name__}: {crash}); set DOSECONV_DEBUG=1 for a traceback"
    if debug:
        assert done.err.startswith("Traceback (most recent call last):") and "in broken" in done.err
    else:
        assert done.err == last + "\n"


def test_an_internal_error_message_stays_on_one_short_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("first line\nsecond line " + "x" * 500)

    monkeypatch.setattr(doseconv.checker, "check", broken)
    monkeypatch.delenv("DOSECONV_DEBUG", raising=False)
    done = run(capsys, *LAST_MILE)
    assert done.code == 70 and done.err.count("\n") == 1 and len(done.err) < 300
    assert done.err.startswith("Error: internal error (ValueError: first line second line xxx")


def test_click_errors_never_exit_1(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    """Exit 1 means a claim did not come out as expected; a usage error is 2 whatever code click gives it."""
    for args in (["check"], ["verify"], ["nope"], ["check", "--claim"], ["describe", "1", "--digits", "x"]):
        done = run(capsys, *args)
        assert done.code == 2 and done.out == "" and done.err.startswith("Error: ") and done.err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--json", "--pills", "44 million pills", "--claim", "1e" + "1" * 5000 + " doses"],
        ["check", "--json", "--pills", "1" * 5000 + " pills", "--claim", "193 million doses"],
        ["check", "--json", *LAST_MILE[1:], "--purity", "0." + "1" * 5000],
        ["convert", "1/" + "3" * 5000 + " kg", "g", "--json"],
        ["describe", "1" * 5000],
    ],
    ids=["claim exponent", "pills digits", "purity digits", "fraction", "describe"],
)
def test_numbers_beyond_4300_digits_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    done = run(capsys, *args)
    assert (done.code, done.out) == (2, "")
    assert done.err.startswith("Error: ") and "4,300 digits" in done.err and done.err.count("\n") == 1


def test_a_path_the_system_refuses_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    """A name too long for the file system is the user's input, not a bug: exit 2."""
    for args in (["assumptions", "x" * 300], ["check", *LAST_MILE[1:], "--assumptions", "x" * 300 + ".toml"]):
        done = run(capsys, *args)
        assert done.code == 2 and done.err.startswith("Error: ") and done.err.count("\n") == 1
