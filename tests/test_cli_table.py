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
        "pills,powder_lbs,doses claimed,verdict,computed_low,computed_high,implied_parameter,implied_low,implied_high,"
        "diagnosis,correction"
    )
    assert lines[1].startswith('nearly 44 million,"more than 6,500",nearly 193 million,plausible,')
    assert result.err == "1 row checked: 1 plausible\n"


def test_a_flagged_row_exits_1_with_its_diagnosis(capsys, tmp_path: Path) -> None:
    result = run(capsys, "table", str(_csv(tmp_path, GOOD, FLAGGED)), "--format", "json", "--quiet")
    assert result.code == 1
    rows = json.loads(result.out)
    assert [r["verdict"] for r in rows] == ["plausible", "implausible"]
    assert rows[1]["diagnosis"] == "pills-only"
    assert rows[1]["correction"].startswith(
        "Counting each pill as one lethal dose, nearly 44 million fentanyl pills hold 44 million lethal doses of 2 mg"
    )
    assert rows[0]["diagnosis"] is None and result.err == ""


def test_a_tsv_file_is_checked_and_written_as_tsv(capsys, tmp_path: Path) -> None:
    path = tmp_path / "claims.tsv"
    path.write_text("pills\tdoses\n1000\t1000\n", encoding="utf-8")
    result = run(capsys, "table", str(path), "-q")
    assert result.code == 0
    assert result.out.splitlines()[1].split("\t")[:4] == ["1000", "1000", "consistent", "950.0"]


def test_an_excel_file_with_guessed_headers_is_checked(capsys, tmp_path: Path) -> None:
    path = tmp_path / "claims.xlsx"
    _frame().to_excel(path, index=False)
    result = run(capsys, "table", str(path), "--format", "markdown", "-q")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("| Tablets | Fentanyl (kg) | Doses | verdict |")
    assert lines[2].startswith("| 250000 | 12 | 6.3 million | upper-bound | 1,349,000 | 1,455,000 | powder_purity |")
    assert "| powder-pure | Counting each pill as one lethal dose and at the 19.2% average purity" in lines[2]
    assert lines[3].startswith("| 1000 | 0.5 | 49,000 | consistent |")


def test_a_parquet_file_is_written_back_as_parquet(capsys, tmp_path: Path) -> None:
    source, target = tmp_path / "claims.parquet", tmp_path / "checked.parquet"
    _frame().to_parquet(source, index=False)
    result = run(capsys, "table", str(source), "-o", str(target))
    assert result.code == 1 and result.out == ""
    assert result.err == "2 rows checked: 1 consistent, 1 upper-bound\n"
    checked = pd.read_parquet(target)
    assert list(checked["verdict"]) == ["upper-bound", "consistent"]
    assert checked["computed_low"].dtype == float


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
            HEADER + '"nearly 44 million",lots,"nearly 193 million"\n',
            "row 1, column 'powder_lbs': no number at the start of 'lots'; write a figure such as '6500 lb' or "
            "'44 million pills'",
        ),
        (
            HEADER + GOOD + '"nearly 44 million",12,"193 million pills"\n',
            "row 2, column 'doses claimed': '193 million pills' must be a number of doses",
        ),
        (
            "pills,kg,lbs,doses\n1,2,3,4\n",
            "columns 'kg' and 'lbs' both look like the powder; name one with --powder",
        ),
        ("pills,kg\n1,2\n", "no column of claimed doses found (the table has: 'pills', 'kg'); name it with --claim"),
        (
            "pills,weight,doses\n1,2,3\n",
            "row 1, column 'weight': powder '2' has no unit; give a mass such as",
        ),
        ("pills,doses\n1,2024-01-01\n", "row 1, column 'doses': "),
        ("pills,doses\ntrue,5\n", "row 1, column 'pills': no number at the start of 'true'"),
    ],
)
def test_bad_input_names_file_row_and_column_and_exits_2(capsys, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    result = run(capsys, "table", str(path))
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(f"Error: {path}: {message}")
    assert len(result.err.splitlines()) == 1


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
    assert result.err == "12,000 rows checked: 12,000 consistent\n"


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


def test_no_explain_keeps_the_verdicts_and_leaves_out_the_text(capsys, tmp_path: Path) -> None:
    result = run(capsys, "table", str(_csv(tmp_path, GOOD, FLAGGED)), "--format", "json", "-q", "--no-explain")
    rows = json.loads(result.out)
    assert result.code == 1
    assert [r["verdict"] for r in rows] == ["plausible", "implausible"]
    assert [(r["diagnosis"], r["correction"]) for r in rows] == [(None, None), (None, None)]


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
