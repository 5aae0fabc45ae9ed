"""Fuzz: every command of the command line, given hostile input, exits 0, 1 or 2, never prints a traceback,
prints one error line when it refuses, and prints parseable JSON with --json when it answers."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given
from hypothesis import strategies as st

from doseconv.cli import main

from .fuzz_strategies import arguments, claims_texts, fuzz_settings, hostile_texts, stories


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def assert_well_behaved(args: tuple[str, ...], as_json: bool = False) -> None:
    """The invariant every command keeps, whatever it is given."""
    code, out, err = run(*args)
    assert code in (0, 1, 2), (code, args, err)
    assert "Traceback" not in out + err and "internal error" not in err, (args, err)
    if code == 2:
        assert err.startswith("Error: ") and err.count("\n") == 1, (args, err)
    elif as_json:
        json.loads(out)


@fuzz_settings(300)
@given(
    arguments, st.one_of(st.none(), st.sampled_from(["kg", "doses", "pills", "lb", "ton"]), arguments), st.booleans()
)
def test_convert(quantity: str, target: str | None, as_json: bool) -> None:
    """convert QUANTITY [TARGET] [--json] with hostile figures and targets."""
    args = ["convert", quantity, *([target] if target is not None else []), *(["--json"] if as_json else [])]
    assert_well_behaved(tuple(args), as_json)


@fuzz_settings(300)
@given(arguments, st.one_of(st.none(), arguments), st.one_of(st.none(), arguments), st.booleans())
def test_check(claim: str, pills: str | None, powder: str | None, as_json: bool) -> None:
    """check --claim … [--pills …] [--powder …] [--json] with hostile figures in every role."""
    args = ["check", "--claim", claim]
    for flag, value in (("--pills", pills), ("--powder", powder)):
        if value is not None:
            args += [flag, value]
    assert_well_behaved(tuple(args + (["--json"] if as_json else [])), as_json)


@fuzz_settings(200)
@given(arguments, st.sampled_from(["--purity", "--lethal-dose", "--pill-share", "--mg-per-pill"]))
def test_check_overrides(value: str, flag: str) -> None:
    """Every override option with hostile values."""
    args = ("check", "--pills", "nearly 44 million pills", "--claim", "nearly 193 million doses", flag, value, "--json")
    assert_well_behaved(args, as_json=True)


@fuzz_settings(300)
@given(arguments, st.one_of(st.none(), st.sampled_from(["nearly", "more-than", "about", "x"])))
def test_describe(number: str, style: str | None) -> None:
    """describe NUMBER [--style …]."""
    assert_well_behaved(("describe", number, *(["--style", style] if style else [])))


@fuzz_settings(100)
@given(st.one_of(st.none(), arguments), st.booleans())
def test_assumptions(name: str | None, as_json: bool) -> None:
    """assumptions [NAME] [--json] with hostile names (that are not paths of this machine)."""
    args = ["assumptions", *([name] if name else []), *(["--json"] if as_json else [])]
    assert_well_behaved(tuple(args), as_json)


@fuzz_settings(150)
@given(stories, st.sampled_from(["text", "json", "markdown"]), st.sampled_from([".txt", ".md", ".html"]))
def test_scan(story: str, output: str, suffix: str) -> None:
    """scan FILE --format … on hostile stories."""
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"story{suffix}"
        path.write_text(story, encoding="utf-8", errors="surrogatepass")
        assert_well_behaved(("scan", str(path), "--format", output), as_json=output == "json")


@fuzz_settings(200)
@given(claims_texts, st.sampled_from(["text", "json", "markdown"]))
def test_verify(text: str, output: str) -> None:
    """verify FILE --format … on claims files of every wrong shape."""
    with TemporaryDirectory() as folder:
        path = Path(folder) / "claims.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        assert_well_behaved(("verify", str(path), "--format", output), as_json=output == "json")


@fuzz_settings(50)
@given(hostile_texts.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_verify_bytes(data: bytes) -> None:
    """verify on files that need not be UTF-8 at all."""
    with TemporaryDirectory() as folder:
        path = Path(folder) / "claims.toml"
        path.write_bytes(data[:2] + b"\xff" + data[2:])
        assert_well_behaved(("verify", str(path)))
