"""Advice to give a value (a remedy): the library says it in words, each front end by its own name for the value.

The library never names a command-line flag nor one of its own parameter names in a message; the command line names
its option only where the command has it and the option would read the value (an override is read as written, so
``--decimal-comma`` is no advice for ``--lethal-dose "1,5 mg"``); the page leaves advice out it cannot follow; the
API names its request's field.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from doseconv import check, convert
from doseconv.cli.options import OPTION_NAMES
from doseconv.errors import DoseconvError
from doseconv.scan import scan_text

from .cli import run

PACKAGE = Path(__file__).resolve().parents[1] / "doseconv"
#: The library's names that are no English word: none of them may reach a message.
LIBRARY_NAMES = sorted(name for name in OPTION_NAMES if "_" in name)


def _library_messages() -> list[tuple[str, int, str]]:
    """Every string literal a library module passes as an error's message (the first argument of ``…Error(…)``)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name in ("cli", "web"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")).endswith(
                "Error"
            ):
                for arg in node.args[:1]:
                    parts = [n.value for n in ast.walk(arg) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
                    found.append((str(path.relative_to(PACKAGE)), node.lineno, "".join(parts)))
    return found


def test_no_library_message_names_a_parameter_or_a_flag() -> None:
    messages = _library_messages()
    assert len(messages) > 100  # the walk finds the messages
    offending = [
        (where, line, text)
        for where, line, text in messages
        if " --" in text or any(f" {name}" in text for name in LIBRARY_NAMES)
    ]
    assert offending == []


@pytest.mark.parametrize(
    ("call", "remedy", "plain"),
    [
        (lambda: convert("1,5 kg", "g"), "decimal_comma", "write 1.5, or ask for it to be read European style"),
        (
            lambda: convert("6.500 lb", "kg"),
            "decimal_comma",
            "write 6,500 or 6.5, or ask for it to be read European style",
        ),
        (lambda: check(None, "2 kg", "10.000 pills"), "decimal_comma", "or ask for it to be read European style"),
        (
            lambda: convert("10 pills", pill_model="mean-content", assumptions="dea-2023"),
            "mg_per_pill",
            "(dea-2017, dea-2019, dea-2021, dea-2022, dea-2024), or give one of your own",
        ),
    ],
)
def test_the_library_says_the_remedy_in_words(call, remedy: str, plain: str) -> None:
    with pytest.raises(DoseconvError) as caught:
        call()
    assert caught.value.advises(remedy) and str(caught.value).endswith(plain)
    assert not any(name in str(caught.value) for name in LIBRARY_NAMES) and "--" not in str(caught.value)


@pytest.mark.parametrize("flag", ["--lethal-dose", "--mg-per-pill", "--pill-mass", "--purity", "--pill-share"])
@pytest.mark.parametrize("command", ["check", "convert", "chart"])
def test_an_override_written_european_style_is_told_how_to_write_it(
    capsys, tmp_path: Path, command: str, flag: str
) -> None:
    value = "1,5 mg" if flag in ("--lethal-dose", "--mg-per-pill", "--pill-mass") else "1,5%"
    figures = {
        "check": ["--powder", "2 kg", "--claim", "1 million doses"],
        "convert": ["2 kg"],
        "chart": ["--powder", "2 kg", "--claim", "1 million doses", "-o", str(tmp_path / "c.png")],
    }[command]
    done = run(capsys, command, *figures, flag, value)
    if done.code == 2 and "No such option" in done.err:
        pytest.skip(f"{command} has no {flag}")
    assert (done.code, done.out, done.err.count("\n")) == (2, "", 1)
    assert not (tmp_path / "c.png").exists()
    assert "1,5" in done.err and "decimal-comma" not in done.err and "_" not in done.err, done.err


def test_the_decimal_comma_is_named_where_it_reads_the_figure(capsys) -> None:
    done = run(capsys, "check", "--powder", "2,5 kg", "--claim", "1 million doses")
    assert done.err == (
        "Error: cannot read '2,5' as a number: a comma before other than three digits is a decimal comma "
        "(European style); write 2.5, or read it European style with --decimal-comma\n"
    )
    assert run(capsys, "check", "--powder", "2,5 kg", "--claim", "1 million doses", "--decimal-comma").code in (0, 1)
    done = run(capsys, "check", "--powder", "2 kg", "--claim", "1 million doses", "--lethal-dose", "1,5 mg")
    assert done.err.endswith("write 1.5\n") and run(
        capsys, "check", "--powder", "2 kg", "--claim", "1 million doses", "--lethal-dose", "1.5 mg"
    ).code in (0, 1)


def test_a_scan_note_gives_no_advice_a_scan_cannot_follow() -> None:
    report = scan_text("Police seized 6.500 lb of fentanyl, enough for 1 billion deadly doses.")
    notes = " ".join(note for figure in report.figures for note in getattr(figure, "notes", ()))
    text = " ".join(str(v) for v in report.to_dict().values())
    assert "6.500 lb" in text and "European style" in text
    assert "decimal_comma" not in text and "ask for it" not in text and "--" not in notes


def test_the_page_and_the_api_name_what_they_have() -> None:
    from .web_clients import page_client

    client = page_client()
    page = client.get("/check", params={"claim": "1 million doses", "powder": "2,5 kg"})
    assert page.status_code == 400 and "write 2.5<" in page.text and "European style with" not in page.text
    assert "decimal_comma" not in page.text and "ask for it" not in page.text
    answer = client.post("/api/check", json={"claim": "1 million doses", "powder": "2 kg", "lethal_dose": "1,5 mg"})
    assert answer.status_code == 400 and answer.json()["error"].endswith("write 1.5")
    answer = client.post(
        "/api/convert", json={"quantity": "10 pills", "pill_model": "mean-content", "assumptions": "dea-2023"}
    )
    assert answer.status_code == 400 and answer.json()["error"].endswith(", or give 'mg_per_pill'")
