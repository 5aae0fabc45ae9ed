"""`doseconv table`: files of every supported type in, the checked table out, exact messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from .cli import run

HEADER = "pills,powder_lbs,doses claimed\n"
GOOD = '"nearly 44 million","more than 6,500","nearly 193 million"\n'
FLAGGED = '"nearly 44 million",,"nearly 193 million"\n'


def _csv(tmp_path: Path, *lines: str, name: str = "claims.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"Tablets": [250_000, 1_000], "Fentanyl (kg)": [12.0, 0.5], "Doses": ["6.3 million", "49,000"]})


def test_a_csv_file_is_checked_and_written_as_csv(capsys, tmp_path: Path) -> None:
    result = run(capsys, "table", str(_csv(tmp_path, GOOD)))
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == (
        "pills,powder_lbs,doses claimed,status,verdict,computed_doses_low,computed_doses_high,implied_parameter,"
        "implied_low,implied_high,diagnosis,corrected_doses,plain"
    )
    assert lines[1].startswith('nearly 44 million,"more than 6,500",nearly 193 million,checked,plausible,')
    assert result.err == "1 row: 1 checked (1 plausible)\n"


def test_a_flagged_row_exits_1_with_its_diagnosis(capsys, tmp_path: Path) -> None:
    result = run(capsys, "table", str(_csv(tmp_path, GOOD, FLAGGED)), "--format", "json", "--quiet")
    assert result.code == 1
    rows = json.loads(result.out)
    assert [r["verdict"] for r in rows] == ["plausible", "implausible"]
    assert rows[1]["diagnosis"] == "pills-only" and rows[1]["corrected_doses"] == 44_000_000
    assert rows[1]["plain"].startswith(
        "Counting each pill as one lethal dose, nearly 44 million fentanyl pills hold 44 million lethal doses of 2 mg"
    )
    assert rows[0]["diagnosis"] is None and result.err == ""


def test_a_tsv_file_is_checked_and_written_as_tsv(capsys, tmp_path: Path) -> None:
    path = tmp_path / "claims.tsv"
    path.write_text("pills\tdoses\n1000\t1000\n", encoding="utf-8")
    result = run(capsys, "table", str(path), "-q")
    assert result.code == 0
    assert result.out.splitlines()[1].split("\t")[:6] == ["1000", "1000", "checked", "consistent", "950", "1050"]


def test_an_excel_file_with_guessed_headers_is_checked(capsys, tmp_path: Path) -> None:
    path = tmp_path / "claims.xlsx"
    _frame().to_excel(path, index=False)
    result = run(capsys, "table", str(path), "--format", "markdown", "-q")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("| Tablets | Fentanyl (kg) | Doses | status | verdict |")
    assert lines[2].startswith(
        "| 250000 | 12 | 6.3 million | checked | upper-bound | 1,349,000 | 1,455,000 | powder_purity | 0.9592 | 1.06174 "
        "| powder-pure | 1,402,000 | Counting each pill as one lethal dose and at the 19.2% average purity"
    )
    assert lines[3].startswith("| 1000 | 0.5 | 49,000 | checked | consistent |")


def test_a_parquet_file_is_written_back_as_parquet(capsys, tmp_path: Path) -> None:
    source, target = tmp_path / "claims.parquet", tmp_path / "checked.parquet"
    _frame().to_parquet(source, index=False)
    result = run(capsys, "table", str(source), "-o", str(target))
    assert result.code == 1 and result.out == ""
    assert result.err == "2 rows: 2 checked (1 consistent, 1 upper-bound)\n"
    checked = pd.read_parquet(target)
    assert list(checked["verdict"]) == ["upper-bound", "consistent"]
    assert checked["computed_doses_low"].dtype == float and checked["computed_doses_low"][0] == 1_349_000


def test_excel_out_from_csv_in(capsys, tmp_path: Path) -> None:
    target = tmp_path / "checked.xlsx"
    result = run(capsys, "table", str(_csv(tmp_path, GOOD)), "-o", str(target), "-q")
    assert result.code == 0
    assert list(pd.read_excel(target)["verdict"]) == ["plausible"]


def test_columns_given_by_option_win_over_guesses(capsys, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("a,b,c\n44000000,6500,nearly 193 million\n", encoding="utf-8")
    args = ["table", str(path), "--pills", "a", "--powder", "b", "--powder-unit", "lb", "--claim", "c", "-q"]
    result = run(capsys, *args)
    assert result.code == 0 and ",plausible," in result.out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "pills,kg,lbs,doses\n1,2,3,4\n",
            "columns 'kg' and 'lbs' both look like the powder; name one with --powder",
        ),
        (
            "pills,kg\n1,2\n",
            "no column of claimed doses found (the table has: 'pills', 'kg'); a header with claim, claimed, deadly, "
            "dose, doses or lethal is one, or name it with --claim",
        ),
        (
            "when,doses\n2023,5\n",
            "no column of pills or powder found (the table has: 'when', 'doses'); a header with m30, m30s, pill, "
            "pills, tablet or tablets is pills, one with fentanyl, mass, powder or weight or a mass unit (lb, kg, g) "
            "is powder, or name them with --pills and --powder",
        ),
        (
            "pills,weight,doses\n1,2,3\n",
            "column 'weight' holds plain numbers; give the unit of its masses (such as kg or lb)",
        ),
    ],
)
def test_bad_input_names_file_row_and_column_and_exits_2(capsys, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    result = run(capsys, "table", str(path))
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(f"Error: {path}: {message}")
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize(
    ("line", "status"),
    [
        (
            '"nearly 44 million",lots,"nearly 193 million"',
            "unreadable: column 'powder_lbs': no number at the start of 'lots'; write a figure such as '6500 lb' or "
            "'44 million pills'",
        ),
        (
            '"nearly 44 million",12,"193 million pills"',
            "unreadable: column 'doses claimed': '193 million pills' must be a number of doses",
        ),
        (
            '"nearly 44 million",12,2024-01-01',
            "unreadable: column 'doses claimed': 2024-01-01 is a date or a time, not a figure",
        ),
        ('true,12,"nearly 193 million"', "unreadable: column 'pills': TRUE is a true/false value, not a figure"),
        ('"nearly 44 million",12,', "no claim"),
        ('"nearly 44 million",12,n/a', "no claim"),
        (',,"5 million"', "no inputs"),
    ],
)
def test_a_row_that_cannot_be_checked_is_written_with_its_status(
    capsys, tmp_path: Path, line: str, status: str
) -> None:
    """What goes wrong today: one such row refused the whole file, naming no row. Now the other rows are checked."""
    result = run(capsys, "table", str(_csv(tmp_path, GOOD, line + "\n")), "--format", "json")
    assert result.code == 0
    rows = json.loads(result.out)
    assert [r["status"] for r in rows] == ["checked", status]
    assert rows[0]["verdict"] == "plausible"
    assert all(rows[1][name] is None for name in ("verdict", "computed_doses_low", "diagnosis", "plain"))
    kind = "unreadable" if status.startswith("unreadable") else status
    assert result.err == f"2 rows: 1 checked (1 plausible), 1 {kind}\n"


def test_written_numbers_carry_no_float_residue(capsys, tmp_path: Path) -> None:
    """What goes wrong today: 36050.00000000001 and 44000000.0 in the cells of a checked CSV."""
    path = tmp_path / "seizures.xlsx"
    pd.DataFrame({"kg": [12.3, 22.0, None], "doses": [36050.0, 44_000_000.0, 5.0]}).to_excel(path, index=False)
    result = run(capsys, "table", str(path), "--format", "csv", "-q", "--no-plain")
    lines = result.out.splitlines()
    assert (
        lines[1]
        == "12.3,36050,checked,implausible,1176000,1185600,powder_purity,0.00583724696356,0.00588653061224,,1180800"
    )
    assert lines[2].startswith("22,44000000,checked,impossible,2064000,2160000,")
    assert lines[3] == ",5,no inputs,,,,,,,,"


def test_missing_files_and_unknown_types_are_named(capsys, tmp_path: Path) -> None:
    result = run(capsys, "table", str(tmp_path / "none.csv"))
    assert (result.code, result.err) == (2, f"Error: cannot read {tmp_path / 'none.csv'}: no such file\n")
    other = tmp_path / "claims.json"
    other.write_text("[]")
    result = run(capsys, "table", str(other))
    assert (
        result.err
        == f"Error: cannot read {other}: unknown file type '.json'; give a .csv, .tsv, .xlsx or .parquet file\n"
    )
    result = run(capsys, "table", str(_csv(tmp_path, GOOD)), "--format", "yaml")
    assert result.err == "Error: unknown format 'yaml'; choose csv, tsv, json or markdown\n"


@pytest.mark.parametrize(
    ("suffix", "module", "extra"), [(".xlsx", "openpyxl", "excel"), (".parquet", "pyarrow", "parquet")]
)
def test_a_missing_extra_is_named(capsys, monkeypatch, tmp_path: Path, suffix: str, module: str, extra: str) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    path = tmp_path / f"claims{suffix}"
    path.write_bytes(b"")
    result = run(capsys, "table", str(path))
    assert result.code == 2
    assert result.err == (
        f"Error: reading {suffix} files needs {module}, which is not installed; "
        f"install it with: pip install 'doseconv[{extra}]'\n"
    )


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, tmp_path: Path) -> None:
    rows = "".join(f"{n},{n}\n" for n in range(1, 12_001))
    path = tmp_path / "long.csv"
    path.write_text("pills,doses\n" + rows, encoding="utf-8")
    result = run(capsys, "table", str(path), "--format", "csv")
    assert result.err == "12,000 rows: 12,000 checked (12,000 consistent)\n"


def test_a_progress_bar_on_a_terminal_for_long_files_only(monkeypatch) -> None:
    from doseconv.cli.table import PROGRESS_ROWS, _Bar

    short, long, quiet = _Bar(True), _Bar(True), _Bar(False)
    short.size(PROGRESS_ROWS - 1)
    long.size(PROGRESS_ROWS)
    quiet.size(PROGRESS_ROWS * 10)
    assert short.progress is None and quiet.progress is None
    long.advance(PROGRESS_ROWS)
    assert long.progress.tasks[0].completed == PROGRESS_ROWS
    long.stop()


@pytest.mark.parametrize("flag", ["--no-plain", "--no-explain"])
def test_no_plain_keeps_the_findings_and_leaves_out_the_text(capsys, tmp_path: Path, flag: str) -> None:
    result = run(capsys, "table", str(_csv(tmp_path, GOOD, FLAGGED)), "--format", "json", "-q", flag)
    rows = json.loads(result.out)
    assert result.code == 1
    assert [r["verdict"] for r in rows] == ["plausible", "implausible"]
    assert [r["diagnosis"] for r in rows] == [None, "pills-only"]
    assert all("plain" not in r for r in rows)


def test_explanation_adds_its_column(capsys, tmp_path: Path) -> None:
    result = run(capsys, "table", str(_csv(tmp_path, FLAGGED)), "--format", "json", "-q", "--explanation")
    rows = json.loads(result.out)
    from doseconv import check

    assert rows[0]["explanation"] == check("nearly 44 million", None, "nearly 193 million").explanation


def test_a_date_column_picks_each_rows_assumption_set(capsys, tmp_path: Path) -> None:
    """A data desk's table of several years: `--date` holds each row to its own year's figures."""
    path = tmp_path / "seizures.csv"
    path.write_text(
        "Date seized,pills,powder,claimed\n2019-03-01,,4 kg,390000\n2023-06-14,,4 kg,390000\n,,4 kg,390000\n",
        encoding="utf-8",
    )
    result = run(capsys, "table", str(path), "--date", "Date seized", "--format", "csv")
    assert result.code == 0
    rows = [line.split(",") for line in result.out.splitlines()]
    assert rows[0][-1] == "assumptions" and [r[-1] for r in rows[1:]] == ["dea-2019", "dea-2023", "dea-2022"]
    assert [r[rows[0].index("verdict")] for r in rows[1:]] == ["plausible", "consistent", "consistent"]  # 9.7 %, 19.5 %
    bad = run(capsys, "table", str(path), "--date", "When")
    assert bad.code == 2 and "no column 'When' in the table" in bad.err
