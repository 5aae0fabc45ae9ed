"""doseconv scan on the command line: output formats, exit codes and one-line errors."""

from __future__ import annotations

import io
import json

import pytest

from .cli import run


@pytest.fixture
def story(tmp_path):
    def write(text: str, name: str = "story.txt") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_cli_no_dose_figures_says_so_and_exits_0(capsys, story) -> None:
    path = story("The police made 12 arrests and seized 3 guns.")
    result = run(capsys, "scan", path)
    assert result.code == 0 and result.err == ""
    assert result.out.splitlines()[:2] == [
        f"== {path} (plain): 2 figures, 0 claims",
        f"No dose figures found in {path}.",
    ]


def test_cli_story_with_no_figures_at_all(capsys, story) -> None:
    path = story("Nothing to count here.")
    assert run(capsys, "scan", path).out == f"No dose figures found in {path}.\n"


def test_cli_flagged_claim_exits_1_and_prints_the_claim(capsys, story) -> None:
    path = story("Nearly 44 million fentanyl pills, equating to almost 193 million deadly doses.")
    result = run(capsys, "scan", path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == f"== {path} (plain): 2 figures, 1 claim: 1 implausible"
    assert lines[3] == "  1. almost 193 million deadly doses  [46-77]  IMPLAUSIBLE"
    assert lines[4] == "     sentence: Nearly 44 million fentanyl pills, equating to almost 193 million deadly doses."
    assert lines[5] == "     corrected: 44 million"
    assert lines[6].startswith(
        "     correction: Counting each pill as one lethal dose, nearly 44 million fentanyl pills"
    )
    assert (
        lines[7]
        == "     rules: dea-2022 (DEA laboratory figures, 2022); no date found, so the default (the latest year with every DEA laboratory figure and its tested range published)"
    )
    assert "     pills:  Nearly 44 million fentanyl pills  (#1, not stated)" in lines
    assert "     diagnosis: reproduced by counting the pills alone and leaving the powder out" in lines


def test_cli_json(capsys, story) -> None:
    path = story("Nationwide, 44 million pills and 6,500 pounds of fentanyl powder equal 193 million doses.")
    result = run(capsys, "scan", path, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert [f["kind"] for f in data["files"][0]["figures"]] == ["pills", "fentanyl-mass", "doses"]
    assert data["summary"] == {
        "files": 1,
        "figures": 3,
        "claims": 1,
        "verdicts": {"plausible": 1},
        "flagged": 0,
        "narrow_misses": 0,
    }
    assert data["files"][0]["claims"][0]["check"]["implied"]["parameter"] == "powder_purity"


def test_cli_markdown(capsys, story) -> None:
    path = story("Nationwide, 44 million pills and 6,500 pounds of fentanyl powder equal 193 million doses.")
    out = run(capsys, "scan", path, "--format", "markdown").out
    assert out.startswith(f"## {path}\n\nplain text, 89 characters: 3 figures, 1 claim: 1 plausible.\n")
    assert "| # | offsets | kind | figure | value | unit | drug | scope | sentence |" in out
    assert "| 1 | 44 million pills (#1)" not in out
    assert (
        "| 1 | 193 million doses (#3) | plausible | — | dea-2022 (DEA laboratory figures, 2022); no date found, so the default (the latest year with every DEA laboratory figure and its tested range published) | national |"
        in out
    )
    assert "| aggregate | 44 million pills (#1) | 6,500 pounds of fentanyl powder (#2) | the same sentence |" in out
    assert "1. > Nationwide, 44 million pills and 6,500 pounds of fentanyl powder equal 193 million doses." in out


def test_cli_folder_gives_one_markdown_report(capsys, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Agents made 12 arrests.", encoding="utf-8")
    (tmp_path / "b.md").write_text("**44 million pills**, equating to 193 million doses.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = run(capsys, "scan", str(tmp_path))
    assert result.code == 1
    assert result.out.startswith("# Dose figures found\n\n2 stories, 3 figures, 1 claims: 1 implausible.\n")
    assert result.out.count("\n## ") == 2
    assert f"No dose figures found in {tmp_path / 'a.txt'}." in result.out


def test_cli_reads_standard_input(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Agents seized 5 kilos of fentanyl.")))
    result = run(capsys, "scan", "-")
    assert (result.code, result.out.splitlines()[1]) == (0, "No dose figures found in <stdin>.")


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (lambda p: None, ["missing.txt"], "Error: cannot read {p}/missing.txt: no such file"),
        (lambda p: (p / "bad.txt").write_bytes(b"caf\xe9"), ["bad.txt"],
         "Error: {p}/bad.txt is not UTF-8 text (bad byte at offset 3); convert it to UTF-8"),
        (lambda p: (p / "empty").mkdir(), ["empty"],
         "Error: no text files (.txt, .text, .md, .markdown, .html, .htm) in the folder {p}/empty"),
        (lambda p: (p / "a.txt").write_text("x"), ["a.txt", "--format", "csv"],
         "Error: unknown format 'csv'; choose text, markdown, json, html, docx, jsonl"),
        (lambda p: (p / "a.txt").write_text("x"), ["a.txt", "--input-format", "pdf"],
         "Error: unknown input format 'pdf'; choose auto, plain, markdown, html"),
    ],
)  # fmt: skip
def test_cli_bad_input_is_one_line_and_exit_2(capsys, tmp_path, setup, args, message) -> None:
    setup(tmp_path)
    paths = [str(tmp_path / a) if not a.startswith("-") and i == 0 else a for i, a in enumerate(args)]
    result = run(capsys, "scan", *paths)
    assert (result.code, result.out) == (2, "")
    assert result.err == message.format(p=tmp_path) + "\n"


def test_several_stories_in_text_start_with_a_summary_per_story(capsys, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Agents made 12 arrests.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Police seized 2 kilos of fentanyl, enough to kill 1 million people.", encoding="utf-8"
    )
    result = run(capsys, "scan", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.code == 1
    assert result.out.splitlines()[:3] == [
        "2 files, 3 figures, 1 claims: 1 upper-bound",
        f"  {tmp_path / 'a.txt'}: 0 claims, 0 flagged",
        f"  {tmp_path / 'b.txt'}: 1 claim, 1 flagged (1 upper-bound)",
    ]
