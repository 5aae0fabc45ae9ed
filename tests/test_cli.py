"""The command line: convert, assumptions, --version, --help and errors, on exact output and exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from doseconv import __version__

from .cli import run


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["convert", "6500 lb", "kg"], "2,948.350405 kg"),
        (["convert", "6500 lb", "doses", "--purity", "10%"], "147,417,520 doses"),
        (["convert", "193 million doses", "kg"], "386 kg of pure fentanyl"),
        (["convert", "44 million pills", "doses", "--pill-model", "lab-share", "--assumptions", "dea-2023"],
         "30.8 million doses"),
        (["convert", "1 kg", "--assumptions", "pure"], "500,000 doses"),
        (["convert", "2 pounds", "oz"], "32 oz"),
        (["convert", "1 short ton", "kg"], "907.18474 kg"),
        (["convert", "10 doses", "--lethal-dose", "3mg"], "30 mg of pure fentanyl"),
        (["convert", "1000 pills", "--pill-model", "mean-content", "--mg-per-pill", "2.4mg"], "1,200 doses"),
    ],
)  # fmt: skip
def test_convert_prints_the_figure(capsys, args, first_line) -> None:
    result = run(capsys, *args)
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[0] == first_line


def test_convert_explains_how_doses_were_made(capsys) -> None:
    result = run(capsys, "convert", "6500 lb", "doses", "--purity", "10%")
    assert result.out.splitlines()[1] == (
        "  = 6,500 lb x 10% purity / 2 mg per dose; assumption set dea-2022 with powder purity given"
    )


def test_convert_json_has_exact_value_display_inputs_and_citations(capsys) -> None:
    result = run(capsys, "convert", "6500 lb", "doses", "--purity", "10%", "--json")
    data = json.loads(result.out)
    assert data["value"] == "147417520.25"
    assert data["display"] == "147,417,520 doses"
    assert data["input"] == {"text": "6500 lb", "value": "6500", "unit": "pound", "kind": "mass"}
    assert data["assumptions"]["name"] == "dea-2022"
    assert data["assumptions"]["overrides"] == ["powder_purity"]
    lethal = data["assumptions"]["parameters"]["lethal_dose"]
    assert lethal["value"] == "2" and lethal["unit"] == "mg" and lethal["sources"][0]["url"].startswith("https://")


def test_mass_to_mass_json_has_no_assumptions(capsys) -> None:
    data = json.loads(run(capsys, "convert", "6500 lb", "kg", "--json").out)
    assert data["value"] == "2948.350405" and data["assumptions"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "6500 tons", "kg"], '"tons" is ambiguous: write "short tons" (2,000 lb = 907.18474 kg, the usual US reading) or "tonnes" (metric, 1,000 kg)'),
        (["convert", "6500", "kg"], "'6500' has no unit; write e.g. '6500 lb', '44 million pills' or '193 million doses'"),
        (["convert", "-5 kg"], "'-5 kg' is negative; seizure figures must be zero or more"),
        (["convert", "nan kg"], "'nan kg' is not a finite number; write a figure such as 6500 or 44 million"),
        (["convert", "1e400 lb"], "'1e400' is out of range; doseconv accepts figures up to 10^18"),
        (["convert", "$100 million"], "'$100 million' is money, not a quantity of drugs; give pills, a mass or doses"),
        (["convert", "__import__('os').system('id')"], "no number at the start of \"__import__('os').system('id')\"; write a figure such as '6500 lb' or '44 million pills'"),
        (["convert", "10 lb", "pills"], "cannot convert a mass to pills: a pill's fentanyl content is not its weight; convert to doses instead"),
        (["convert", "10 lb", "doses", "--purity", "150%"], "purity '150%' is above 100 %; give a value from 0% to 100% (or 0 to 1)"),
        (["convert", "10 lb", "--assumptions", "dea-2030"], "unknown assumption set 'dea-2030'; known sets: pure, dea-2017, dea-2018, dea-2019, dea-2021, dea-2022, dea-2023, dea-2024, dea-fy2025 (or a path to a .toml file)"),
        (["convert", "10 pills", "--pill-model", "mean-content", "--assumptions", "dea-2023"], "set 'dea-2023' publishes no mean fentanyl per pill; choose a set that does (dea-2017, dea-2019, dea-2021, dea-2022, dea-2024), or give --mg-per-pill"),
        (["assumptions", "nope"], "unknown assumption set 'nope'; known sets: pure, dea-2017, dea-2018, dea-2019, dea-2021, dea-2022, dea-2023, dea-2024, dea-fy2025 (or a path to a .toml file)"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(capsys, args, message) -> None:
    result = run(capsys, *args)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"Error: {message}\n"


@pytest.mark.parametrize(
    "args", [["convert"], ["convert", "1 kg", "--bogus"], ["frobnicate"], ["convert", "1 kg", "kg", "extra"]]
)
def test_usage_errors_are_one_line_and_exit_2(capsys, args) -> None:
    result = run(capsys, *args)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1 and result.err.startswith("Error: ")


def test_assumptions_lists_the_sets_and_marks_the_default(capsys) -> None:
    result = run(capsys, "assumptions")
    lines = result.out.splitlines()
    assert result.code == 0 and len(lines) == 9
    assert lines[0].startswith("pure ")
    assert "dea-2022    DEA laboratory figures, 2022 (default)" in lines


def test_assumptions_shows_one_set_with_citations(capsys) -> None:
    result = run(capsys, "assumptions", "dea-2022")
    assert result.code == 0
    assert result.out.startswith("dea-2022: DEA laboratory figures, 2022\n")
    assert "mean purity of fentanyl powder: 19.2% (range 0% to 81.5%)" in result.out
    assert "mean fentanyl per pill: 2.4 mg (range 0.03 mg to 9 mg)" in result.out
    assert "gross mass of one pill: not published" in result.out
    assert "  source: U.S. Drug Enforcement Administration, " in result.out
    assert result.out.rstrip().endswith("sha256: fa3efd2228b558be7fb71eaef9b931222b27442b229235d8d4c6aeb338f51176")


def test_assumptions_json(capsys) -> None:
    data = json.loads(run(capsys, "assumptions", "--json").out)
    assert data["default"] == "dea-2022"
    assert [s["name"] for s in data["sets"]][:2] == ["pure", "dea-2017"]


def test_version(capsys) -> None:
    result = run(capsys, "--version")
    assert (result.code, result.out) == (0, f"doseconv {__version__}\n")


def test_every_command_has_help_with_an_example(capsys) -> None:
    from typer.main import get_command

    from doseconv.cli import app

    commands = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert {"convert", "assumptions", "check", "verify", "describe"} <= set(commands)
    for name in commands:
        result = run(capsys, name, "--help")
        assert result.code == 0, name
        assert "Example" in result.out, name


def test_every_command_is_in_the_cli_reference() -> None:
    from pathlib import Path

    from typer.main import get_command

    from doseconv.cli import app

    reference = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text()
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert f"## doseconv {name}" in reference, name


def test_console_script_runs_without_traceback() -> None:
    """The installed entry point (a real process) prints one error line and exits 2."""
    result = subprocess.run(
        [sys.executable, "-m", "doseconv", "convert", "6500 tons", "kg"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_cli_does_not_import_numpy_or_pandas() -> None:
    """Start-up stays lean: a conversion loads neither numpy nor pandas."""
    code = (
        "import sys; from doseconv.cli import main; main(['convert', '6500 lb', 'kg']); "
        "print(sorted(m for m in ('numpy', 'pandas', 'matplotlib', 'rich') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.splitlines()[-1] == "[]"


def test_convert_shows_powder_under_the_sets_purity_and_counted_as_pure(capsys) -> None:
    result = run(capsys, "convert", "10 kg", "doses", "--assumptions", "dea-fy2025")
    assert result.code == 0
    assert result.out.splitlines() == [
        "515,000 doses",
        "  = 10 kg x 10.3% purity / 2 mg per dose; assumption set dea-fy2025",
        "5 million doses with the powder counted as pure fentanyl (the most 10 kg can hold)",
        "  = 10 kg x 100% purity / 2 mg per dose",
    ]
    data = json.loads(run(capsys, "convert", "10 kg", "doses", "--assumptions", "dea-fy2025", "--json").out)
    assert (data["value"], data["display"], data["purity"]) == ("515000", "515,000 doses", "0.103")
    assert data["pure"]["value"] == "5000000" and data["pure"]["display"] == "5 million doses"
    assert data["pure"]["method"] == ["10 kg x 100% purity / 2 mg per dose"]


def test_convert_of_pills_or_under_the_pure_set_shows_one_figure(capsys) -> None:
    assert len(run(capsys, "convert", "1 kg", "--assumptions", "pure").out.splitlines()) == 2
    data = json.loads(run(capsys, "convert", "44 million pills", "--json").out)
    assert "pure" not in data and "purity" not in data
