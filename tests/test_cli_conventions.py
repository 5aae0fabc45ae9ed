"""The command line's conventions, as git, ripgrep and sqlite-utils users expect them: help with no arguments,
usage lines without typer's marks, -o/--output and --quiet, standard input when piped, singulars, choices in any
case, completion, the override options declared once, and errors that point at the fix.

Run through click's CliRunner (its isolated standard streams, so a piped standard input is real) and
``doseconv.cli.main``, the entry point that turns errors into one line and exit code 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from doseconv.cli import app, main
from doseconv.cli.app import Command
from doseconv.cli.options import FLAGS

NATIONAL = ["--pills", "nearly 44 million pills", "--powder", "more than 6,500 pounds"]
STORY = "Agents seized 10 kilograms of fentanyl powder, enough for 5 million deadly doses.\n"


def invoke(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """``doseconv ARGS`` with ``stdin`` piped in: (exit code, stdout, stderr)."""
    runner = CliRunner()
    with runner.isolation(input=stdin) as (out, err, _):
        code = main(list(args))
        return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


def commands() -> dict[str, object]:
    return dict(get_command(app).commands)  # type: ignore[attr-defined]


def test_doseconv_alone_prints_the_help_and_exits_0() -> None:
    code, out, err = invoke()
    assert (code, err) == (0, "")
    assert out.startswith("Usage: doseconv [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in out and "scan " in out
    assert "Error" not in out


@pytest.mark.parametrize("name", sorted(commands()))
def test_usage_lines_and_metavars_follow_the_conventions(name: str) -> None:
    code, out, _ = invoke(name, "--help")
    assert code == 0
    assert isinstance(commands()[name], Command)
    assert "{" not in out.splitlines()[0] and "<" not in out, out  # no {quantity}, no <str>


def test_convert_usage_names_its_arguments_in_capitals() -> None:
    assert invoke("convert", "--help")[1].splitlines()[0] == "Usage: doseconv convert [OPTIONS] QUANTITY [TARGET]"
    assert invoke("scan", "--help")[1].splitlines()[0] == "Usage: doseconv scan [OPTIONS] [PATH...]"
    assert "  --lethal-dose MASS " in invoke("check", "--help")[1]


def test_scan_reads_piped_standard_input_when_no_path_is_given() -> None:
    code, out, err = invoke("scan", "--format", "json", stdin=STORY)
    assert (code, err) == (1, "")  # flagged: an upper bound
    report = json.loads(out)
    assert report["files"][0]["source"] == "<stdin>"
    assert [c["verdict"] for c in report["files"][0]["claims"]] == ["upper-bound"]


def test_scan_on_a_terminal_with_no_path_says_what_to_give(monkeypatch) -> None:
    runner = CliRunner()
    with runner.isolation() as (_, err, _):
        import sys

        monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
        code = main(["scan"])
        message = err.getvalue().decode()
    assert code == 2
    assert message == ("Error: no story given; name a file or folder (doseconv scan story.txt) or pipe the text in\n")


@pytest.mark.parametrize("command", ["scan", "check"])
def test_output_option_writes_the_file_and_says_so_unless_quiet(tmp_path: Path, command: str) -> None:
    target = tmp_path / "out.txt"
    args = ["scan"] if command == "scan" else ["check", *NATIONAL, "--claim", "nearly 193 million doses"]
    code, out, err = invoke(*args, "-o", str(target), stdin=STORY)
    expected_code, wrote = (
        (1, f"wrote {target}: 1 story, 1 claim, 1 flagged\n")
        if command == "scan"
        else (0, f"wrote {target}: plausible\n")
    )
    assert (code, out, err) == (expected_code, "", wrote)
    shown = invoke(*args, stdin=STORY)[1]
    assert target.read_text(encoding="utf-8") == shown  # the same text as on standard output
    assert invoke(*args, "-o", str(target), "--quiet", stdin=STORY)[1:] == ("", "")
    assert invoke(*args, "-q", "-o", "-", stdin=STORY)[1] == shown  # - is standard output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary file left beside it


def test_output_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    code, _, err = invoke("scan", "-o", str(tmp_path / "none" / "r.md"), stdin=STORY)
    assert (code, err) == (
        2,
        f"Error: cannot write {tmp_path}/none/r.md: no folder {tmp_path}/none; make it first\n",
    )


def test_singular_counts(tmp_path: Path) -> None:
    assert invoke("convert", "1 pill", "doses")[1] == (
        "1 dose\n  = 1 pill x 1 dose per pill (each pill counted as one dose); assumption set dea-2022\n"
    )
    assert invoke("convert", "1 dose", "mg")[1].splitlines()[1] == (
        "  = 1 dose x 2 mg per dose, as pure fentanyl; assumption set dea-2022"
    )
    table = tmp_path / "one.csv"
    table.write_text('pills,claim\n"44 million",nearly 193 million\n', encoding="utf-8")
    assert invoke("table", str(table))[2] == "1 row: 1 checked (1 implausible)\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--pill-model", "Lab-Share", "--assumptions", "DEA-2023"],
        ["--reading", "STRICT", "--scale", "Aggregate"],
    ],
)
def test_choices_and_set_names_in_any_case(args: list[str]) -> None:
    lower = [a.lower() for a in args]
    base = ["check", "--pills", "44 million pills", "--claim", "30.8 million doses", "--json"]
    code, out, err = invoke(*base, *args)
    assert err == ""
    assert (code, json.loads(out)) == (invoke(*base, *lower)[0], json.loads(invoke(*base, *lower)[1]))


def test_an_unknown_choice_is_still_refused_with_the_choices() -> None:
    code, _, err = invoke("check", "--claim", "5 doses", "--pills", "5 pills", "--pill-model", "Lab-Shar")
    assert (code, err) == (
        2,
        "Error: unknown pill model 'Lab-Shar'; choose one of: one-per-pill, lab-share, mean-content\n",
    )


def test_shell_completion_is_offered() -> None:
    code, out, _ = invoke("--help")
    assert code == 0 and "--install-completion" in out and "--show-completion" in out
    runner = CliRunner()
    env = {"_DOSECONV_COMPLETE": "complete_bash", "COMP_WORDS": "doseconv sc", "COMP_CWORD": "1"}
    with runner.isolation(env=env) as (out_stream, _, _):
        with pytest.raises(SystemExit) as done:
            main([])
        offered = out_stream.getvalue().decode().split()
    assert (done.value.code, offered) == (0, ["scan"])


@pytest.mark.parametrize("name", ["check", "chart", "table"])
def test_the_override_options_are_one_group_in_one_order(name: str) -> None:
    options = [opt for param in commands()[name].params for opt in getattr(param, "opts", ())]  # type: ignore[attr-defined]
    shown = [o for o in options if o in FLAGS.values()]
    assert shown == list(FLAGS.values())
    assert options[-len(FLAGS) - 1 : -1] == list(FLAGS.values()) or options[-len(FLAGS) :] == list(FLAGS.values())


def test_every_command_given_an_override_passes_it_on(tmp_path: Path) -> None:
    """The same --purity reaches the check, the table and the chart (which had no --purity before)."""
    code, out, _ = invoke(
        "check", "--powder", "6,500 pounds", "--claim", "147 million doses", "--purity", "10%", "--json"
    )
    assert code == 0 and json.loads(out)["verdict"] == "consistent"
    table = tmp_path / "t.csv"
    table.write_text('powder,claim\n"6,500 lb",147 million\n', encoding="utf-8")
    assert invoke("table", str(table), "--purity", "10%")[2] == "1 row: 1 checked (1 consistent)\n"
    chart = tmp_path / "c.png"
    assert (
        invoke(
            "chart", "--powder", "6,500 pounds", "--claim", "147 million doses", "--purity", "10%", "-o", str(chart)
        )[0]
        == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--claim", "5 doses", "--powder", "1 kg", "--lethal-dose", "2"],
         "Error: lethal dose '2' has no unit; give the mass with one, such as '2 mg'"),
        (["check", "--claim", "5 doses", "--powder", "1 kg", "--lethal-dose", "nearly 193 million doses"],
         "Error: lethal dose 'nearly 193 million doses' is not a mass; give the mass of one dose with a unit, such as 2 mg"),
        (["check", "--claim", "5 doses", "--pills", "5 pills", "--pill-mass", "100"],
         "Error: pill mass '100' has no unit; give the mass with one, such as '100 mg'"),
        (["check", "--claim", "5 doses", "--powder", "nearly 193 million doses"],
         "Error: powder 'nearly 193 million doses' must be a mass, such as '6,500 lb'"),
        (["convert", "nearly 193 million doses", "kg"],
         "Error: 'nearly 193 million doses' has a rounding word ('nearly'), and an amount is taken as it is; give the "
         "figure alone, such as '193 million doses'"),
        (["convert", "more than 6,500 pounds"],
         "Error: 'more than 6,500 pounds' has a rounding word ('more than'), and an amount is taken as it is; give the "
         "figure alone, such as '6,500 pounds'"),
        (["convert", "kg 5"], "Error: no number at the start of 'kg 5'; write a figure such as '6500 lb' or '44 million pills'"),
    ],
)  # fmt: skip
def test_errors_point_at_the_fix(args: list[str], message: str) -> None:
    assert invoke(*args)[::2] == (2, message + "\n")


def test_a_table_error_names_only_options_table_has(tmp_path: Path) -> None:
    table = tmp_path / "eu.csv"
    table.write_text('powder,claim\n"1,5 kg",193 million\n', encoding="utf-8")
    code, out, err = invoke("table", str(table), "--format", "json")
    assert code == 0 and err == "1 row: 1 unreadable\n"
    assert json.loads(out)[0]["status"] == (
        "unreadable: column 'powder': cannot read '1,5' as a number: a comma before other than three "
        "digits is a decimal comma (European style); write 1.5"
    )
    assert "--decimal-comma" in invoke("convert", "1,5 kg")[2]  # convert has the option, and names it


@pytest.mark.parametrize("name", ["seizures.csv", "seizures"])
def test_a_table_folder_says_it_is_a_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    assert invoke("table", str(folder))[2] == f"Error: cannot read {folder}: it is a folder; give a table file\n"
    assert invoke("table", str(folder), "-o", str(tmp_path / "out.csv"))[2].endswith(
        "it is a folder; give a table file\n"
    )


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("story.docx", b"PK\x03\x04\x14\x00\x06\x00", "a Word file (.docx)"),
        ("story.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word file (.doc)"),
        ("release.pdf", b"%PDF-1.7\n", "a PDF"),
    ],
)
def test_scan_names_a_word_file_or_pdf(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data + b"\xff" * 20)
    assert invoke("scan", str(path))[::2] == (
        2,
        f"Error: {path} is {kind}, not text; save it as plain text (.txt) or a web page (.html), or pipe its text in\n",
    )


def test_scan_refuses_to_write_over_its_story(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, _, err = invoke("scan", str(story), "-o", str(story))
    assert code == 2 and "it is also an input" in err
    assert story.read_text(encoding="utf-8") == STORY  # nothing the user gave is lost
