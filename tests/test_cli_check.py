"""``doseconv check``, ``verify`` and ``describe`` through the command line: exact output and exit codes."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pytest

from doseconv.assumptions import load_set, set_names
from doseconv.checker import check as check_claim
from doseconv.checker.population import undated_note
from doseconv.cli import main
from doseconv.reading.numbers import format_grouped

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

LAST_MILE = [
    "--pills",
    "nearly 44 million pills",
    "--powder",
    "more than 6,500 pounds",
    "--claim",
    "nearly 193 million doses",
]

CLAIMS_FILE = """\
schema = 1

[source]
publisher = "Test publisher"
title = "Operation test"
date = "2024"

[[figures]]
id = "pills"
text = "nearly 44 million pills"
kind = "pills"

[[figures]]
id = "powder"
text = "more than 6,500 pounds"
kind = "fentanyl-powder"

[[figures]]
id = "doses"
text = "nearly 193 million doses"
kind = "doses"

[[claims]]
id = "total"
total = "doses"
pills = "pills"
powder = "powder"
expect = "plausible"

[[claims]]
id = "pills-alone"
total = "doses"
pills = "pills"
expect = "implausible"
expect_methods = ["pills-only"]
note = "the powder is left out"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    """Run the command line; return the exit code, the lines of stdout and stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def assert_error(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == []
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("Error: ")
    assert message in err, err


def powder_band() -> SimpleNamespace:
    """The aggregate band of powder purity as the report shows it: the lowest to highest DEA yearly mean."""
    means = {}
    for name in set_names():
        value = load_set(name).powder_purity.value
        if name != "pure" and value is not None:
            means[name] = value
    low, high = min(means, key=means.__getitem__), max(means, key=means.__getitem__)
    show = lambda v: f"{format_grouped(v * 100, 2)}%"  # noqa: E731
    basis = f"yearly means published by DEA, {show(means[low])} ({low}) to {show(means[high])} ({high})"
    return SimpleNamespace(low=show(means[low]), high=show(means[high]), basis=basis)


def write(tmp_path: Path, text: str, name: str = "claims.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- check -------------------------------------------------------------------------------------


def test_check_prints_the_report(capsys) -> None:
    band = powder_band()
    code, out, err = run(capsys, "check", *LAST_MILE)
    assert (code, err) == (0, "")
    assert out == [
        "verdict:  plausible",
        "claimed:  [192,000,000, 193,000,000) doses  ('nearly 193 million doses', lenient reading)",
        "computed: (326,041,638.88, 331,396,125.63) doses  (dea-2022, one-per-pill)",
        f"implied:  powder purity from 9.89% to 10.18%  (set mean 19.2%; aggregate band {band.low} to {band.high})",
        "plain:    "
        + check_claim("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses").plain,
        "why:      "
        + check_claim("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses").explanation,
        f"note:     {undated_note()}",
        "diagnosis (best first):",
        "    -    dose-3mg             232.69 million",
        "    -    pills-lab-share      309.44 million",
        "    -    powder-set-purity    327.04 million",
        "    -    pills-one-each       327.04 million",
        "    -    pills-mean-content   335.84 million",
        "    -    dose-2g              44.28 million",
        "    -    pills-only           44 million",
        "    -    scale-slip           32.7 million  (the set's figure /10)",
        "    -    powder-pure          1.52 billion",
        "    -    dose-0.25mg          2.31 billion",
        "    -    pill-weight-as-drug  n/a  (pills are counted, not weighed, and no pill weight is known)",
    ]
    assert out[5].startswith("why:      Claim 'nearly 193 million doses' (192 million to 193 million doses) from ")
    assert out[5].endswith(f"Plausible: the value it needs lies within the {band.basis}.")


def test_check_pills_alone(capsys) -> None:
    code, out, _ = run(capsys, "check", "--pills", "nearly 44 million pills", "--claim", "almost 193 million doses")
    assert code == 1
    assert out[:4] == [
        "verdict:  implausible",
        "claimed:  [192,000,000, 193,000,000) doses  ('almost 193 million doses', lenient reading)",
        "computed: [43,000,000, 44,000,000) doses  (dea-2022, one-per-pill)",
        "implied:  doses per pill from 4.36 (8.73 mg per pill) to 4.49 (8.98 mg per pill)  "
        "(set mean 1.2 (2.4 mg per pill); aggregate band 0.65 (1.3 mg per pill) to 1.2 (2.4 mg per pill))",
    ]
    assert out[4] == (
        "plain:    Counting each pill as one lethal dose, nearly 44 million fentanyl pills hold 44 million lethal doses "
        "of 2 mg, not the almost 193 million claimed; 193 million would need 8.7 to 9 mg of fentanyl in each pill, "
        "which points to a total of pills and powder pinned on the pills alone."
    )
    assert (
        out[5]
        == "correct:  44 million doses  (lethal dose 2 mg (DEA's year-end release of December 2022); doses per pill 1)"
    )
    assert out[7] == f"note:     {undated_note()}"
    assert out[9] == (
        "  match  pills-only           44 million  (the total is pinned on the pills alone, which would need doses "
        "per pill from 4.36 (8.73 mg per pill) to 4.49 (8.98 mg per pill); a total of pills and powder attributed "
        "to the pills is the likely cause)"
    )
    assert sum(line.startswith("  match") for line in out) == 1


def test_check_without_inputs(capsys) -> None:
    code, out, _ = run(capsys, "check", "--claim", "193 million doses")
    assert code == 0
    assert out[0] == "verdict:  unverifiable"
    assert out[2] == "computed: nothing to compute from (no pills or powder given)  (dea-2022)"
    assert out[-1] == "diagnosis: none (no inputs to make a total from)"
    assert not any(line.startswith("implied:") for line in out)


def test_check_pills_by_weight_needs_a_pill_mass(capsys) -> None:
    code, out, _ = run(capsys, "check", "--pills", "10 kg", "--claim", "5 million doses")
    assert code == 1  # the pills' whole weight counted as fentanyl: an upper bound, pill mass or not
    assert out[0] == "verdict:  upper-bound"
    assert out[2] == "computed: cannot be computed (see notes)  (dea-2022, one-per-pill)"
    assert out[3] == "implied:  fentanyl share of the pills' weight from 94.29% to 106.32% (above 100% it cannot be)"
    assert (
        "note:     pills are given by weight and no set publishes a pill's gross weight; give a pill mass to count them"
        in out
    )
    assert "  match  pill-weight-as-drug  5 million" in out


def test_check_with_pill_mass_and_strict_reading(capsys) -> None:
    code, out, _ = run(
        capsys,
        "check",
        "--pills",
        "10 kg",
        "--claim",
        "5 million doses",
        "--pill-mass",
        "100 mg",
        "--reading",
        "strict",
    )
    assert code == 1
    assert out[:4] == [
        "verdict:  upper-bound",
        "claimed:  [4,950,000, 5,050,000) doses  ('5 million doses', strict reading)",
        "computed: [95,000, 105,000) doses  (dea-2022, one-per-pill)",
        "implied:  fentanyl share of the pills' weight from 94.29% to 106.32% (above 100% it cannot be)",
    ]
    assert out[out.index("diagnosis (best first):") + 1] == "  match  pill-weight-as-drug  5 million"


def test_check_with_overrides_and_seizure_scale(capsys) -> None:
    code, out, _ = run(
        capsys, "check", "--powder", "100 kg", "--claim", "6.4 million doses",
        "--lethal-dose", "3 mg", "--purity", "19.2%", "--scale", "seizure",
    )  # fmt: skip
    assert code == 0
    assert out[:4] == [
        "verdict:  consistent",
        "claimed:  [6,350,000, 6,450,000) doses  ('6.4 million doses', lenient reading)",
        "computed: [6,080,000, 6,720,000) doses  (dea-2022)",
        "implied:  powder purity from 18.14% to 20.37%  (set mean 19.2%; seizure band 0% to 98.1%)",
    ]
    assert "under dea-2022 (3 mg per dose; powder at 19.2% purity)" in out[5]


def test_check_under_the_pure_set(capsys) -> None:
    code, out, _ = run(capsys, "check", "--powder", "1 kg", "--claim", "500,000 doses", "--assumptions", "pure")
    assert code == 0
    assert out[0] == "verdict:  consistent"
    assert out[2] == "computed: [250,000, 750,000) doses  (pure)"
    assert out[-7:] == [
        "  match  powder-pure           500,000",
        "  match  powder-set-purity     500,000  (reproduces the claim as well as powder-pure)",
        "  match  dose-3mg              333,333.33",
        "  match  powder-pure+dose-3mg  333,333.33",
        "    -    scale-slip            50,000  (the set's figure /10)",
        "    -    dose-2g               500",
        "    -    dose-0.25mg           4 million",
    ]


def test_check_pill_models(capsys) -> None:
    for model, computed in (("lab-share", "[25,800,000, 26,400,000)"), ("mean-content", "[51,600,000, 52,800,000)")):
        code, out, _ = run(
            capsys, "check", "--pills", "nearly 44 million pills", "--claim", "50 million doses", "--pill-model", model
        )
        assert code == 0
        assert out[2] == f"computed: {computed} doses  (dea-2022, {model})"


def test_check_pill_share_and_content_overrides(capsys) -> None:
    code, out, _ = run(
        capsys, "check", "--pills", "nearly 44 million pills", "--claim", "50 million doses",
        "--pill-model", "lab-share", "--pill-share", "50%",
    )  # fmt: skip
    assert code == 0
    assert out[2] == "computed: [21,500,000, 22,000,000) doses  (dea-2022, lab-share)"
    code, out, _ = run(
        capsys, "check", "--pills", "nearly 44 million pills", "--claim", "50 million doses",
        "--pill-model", "mean-content", "--mg-per-pill", "3 mg",
    )  # fmt: skip
    assert code == 0
    assert out[2] == "computed: [64,500,000, 66,000,000) doses  (dea-2022, mean-content)"


def test_check_notes_a_value_the_set_does_not_publish(capsys) -> None:
    code, out, _ = run(
        capsys, "check", "--pills", "44 million pills", "--claim", "50 million doses",
        "--pill-model", "mean-content", "--assumptions", "dea-2023",
    )  # fmt: skip
    assert code == 0
    assert out[2] == "computed: cannot be computed (see notes)  (dea-2023, mean-content)"
    assert (
        "note:     set 'dea-2023' publishes no mean fentanyl per pill, which counting the pills by their average fentanyl content needs"
        in out
    )


def test_check_json_is_the_library_contract(capsys) -> None:
    code, out, err = run(capsys, "check", *LAST_MILE, "--json")
    assert (code, err) == (0, "")
    data = json.loads("\n".join(out))
    expected = check_claim("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses").to_dict()
    assert data == expected
    assert data["verdict"] == "plausible"
    assert (data["implied"]["low"], data["implied"]["high"]) == ("148000000/1496854821", "60000000/589670081")
    assert Fraction(data["computed"]["low"]) == Fraction("326041638.88")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([*LAST_MILE, "--reading", "loose"], "Error: unknown reading 'loose'; choose lenient or strict"),
        ([*LAST_MILE, "--scale", "country"], "Error: unknown scale 'country'; choose aggregate or seizure"),
        (
            [*LAST_MILE, "--pill-model", "two"],
            "Error: unknown pill model 'two'; choose one of: one-per-pill, lab-share, mean-content",
        ),
        (
            [*LAST_MILE, "--assumptions", "dea-1999"],
            "Error: unknown assumption set 'dea-1999'; known sets: pure, dea-2017",
        ),
        (
            ["--pills", "1 million pills", "--claim", "193 million pills"],
            "Error: the claim '193 million pills' must be a number of doses",
        ),
        (["--powder", "6,500 lb", "--claim", "6,500 lb"], "Error: the claim '6,500 lb' must be a number of doses"),
        (
            ["--powder", "5 pills", "--claim", "1 million doses"],
            "Error: powder '5 pills' must be a mass, such as '6,500 lb'",
        ),
        (
            ["--pills", "5 doses", "--claim", "1 million doses"],
            "Error: pills '5 doses' must be a count of pills or a mass of pills, not doses",
        ),
        (
            ["--powder", "6,500 bananas", "--claim", "1 million doses"],
            "Error: unknown unit 'bananas' in '6,500 bananas'",
        ),
        (["--powder", "1 kg", "--claim", "1 million doses", "--purity", "150%"], "Error: purity '150%' is above 100 %"),
        (
            ["--pills", "10 kg", "--claim", "1 million doses", "--pill-mass", "0 mg"],
            "Error: pill mass must be more than zero",
        ),
        (["--pills", "1 million pills"], "Error: Missing option '--claim'"),
    ],
)
def test_check_refuses_bad_input_with_one_error_line(capsys, argv: list[str], message: str) -> None:
    assert_error(capsys, ["check", *argv], message)


# --- verify ------------------------------------------------------------------------------------


def test_verify_text(capsys, tmp_path: Path) -> None:
    path = write(tmp_path, CLAIMS_FILE)
    code, out, err = run(capsys, "verify", str(path))
    assert (code, err) == (0, "")
    assert out == [
        f"ok  {path} [total] plausible (expected plausible); powder purity from 9.89% to 10.18%",
        f"     note: {undated_note()}",
        f"ok  {path} [pills-alone] implausible (expected implausible); "
        "doses per pill from 4.36 (8.73 mg per pill) to 4.49 (8.98 mg per pill)",
        "     reproduced by: pills-only",
        "     correction: 44 million doses. Counting each pill as one lethal dose, nearly 44 million fentanyl pills "
        "hold 44 million lethal doses of 2 mg, not the nearly 193 million claimed; 193 million would need 8.7 to 9 mg "
        "of fentanyl in each pill, which points to a total of pills and powder pinned on the pills alone.",
        "     note: the powder is left out",
        f"     note: {undated_note()}",
        "2 of 2 claims as expected.",
    ]


def test_verify_exits_1_when_an_expectation_is_wrong(capsys, tmp_path: Path) -> None:
    good = write(tmp_path, CLAIMS_FILE, "a-good.toml")
    bad = write(tmp_path, CLAIMS_FILE.replace('expect = "plausible"', 'expect = "consistent"'), "b-bad.toml")
    code, out, err = run(capsys, "verify", str(tmp_path))
    assert (code, err) == (1, "")
    assert out[0] == f"ok  {good} [total] plausible (expected plausible); powder purity from 9.89% to 10.18%"
    assert f"FAIL {bad} [total] plausible (expected consistent); powder purity from 9.89% to 10.18%" in out
    assert out[-1] == "3 of 4 claims as expected."


def test_verify_exits_1_when_an_expected_method_does_not_match(capsys, tmp_path: Path) -> None:
    path = write(tmp_path, CLAIMS_FILE.replace('expect_methods = ["pills-only"]', 'expect_methods = ["dose-2g"]'))
    code, out, _ = run(capsys, "verify", str(path))
    assert code == 1
    assert out[2].startswith(f"FAIL {path} [pills-alone] implausible (expected implausible); ")
    assert out[-1] == "1 of 2 claims as expected."


def test_verify_markdown(capsys, tmp_path: Path) -> None:
    path = write(tmp_path, CLAIMS_FILE.replace('expect = "plausible"', 'expect = "consistent"'))
    code, out, _ = run(capsys, "verify", str(path), "--format", "markdown")
    assert code == 1
    assert out == [
        "| file | claim | expected | verdict | implied | methods that reproduce it | ok |",
        "|---|---|---|---|---|---|---|",
        f"| {path} | total | consistent | plausible | powder purity from 9.89% to 10.18% | none | **no** |",
        f"| {path} | pills-alone | implausible | implausible | doses per pill from 4.36 (8.73 mg per pill) "
        "to 4.49 (8.98 mg per pill) | pills-only | yes |",
        "",
        "1 of 2 claims as expected.",
    ]


def test_verify_json(capsys, tmp_path: Path) -> None:
    path = write(tmp_path, CLAIMS_FILE)
    code, out, _ = run(capsys, "verify", str(path), "--format", "json")
    assert code == 0
    data = json.loads("\n".join(out))
    assert data["summary"] == {"claims": 2, "as_expected": 2, "not_as_expected": 0}
    first, second = data["results"]
    assert (first["file"], first["claim"], first["expect"], first["expect_methods"], first["ok"]) == (
        str(path), "total", "plausible", [], True,
    )  # fmt: skip
    assert (first["verdict"], first["implied"]["low"], first["implied"]["high"]) == (
        "plausible", "148000000/1496854821", "60000000/589670081",
    )  # fmt: skip
    assert (second["claim"], second["expect_methods"], second["notes"]) == (
        "pills-alone",
        ["pills-only"],
        ["the powder is left out", undated_note()],
    )
    assert [d["method"] for d in second["diagnosis"] if d["matches"]] == ["pills-only"]


def test_verify_seeds_passes(capsys) -> None:
    code, out, err = run(capsys, "verify", str(SEEDS))
    assert (code, err) == (0, "")
    verdicts = [line for line in out if line.startswith(("ok  ", "FAIL "))]
    assert verdicts and all(line.startswith("ok  ") for line in verdicts)
    assert out[-1] == f"{len(verdicts)} of {len(verdicts)} claims as expected."
    assert (
        f"ok  {SEEDS / '002-news-operation-last-mile-pills-only.toml'} [pills-equate-to-doses] implausible "
        "(expected implausible); doses per pill from 4.36 (8.73 mg per pill) to 4.49 (8.98 mg per pill)"
    ) in out


def test_verify_seeds_markdown_rows(capsys) -> None:
    code, out, _ = run(capsys, "verify", str(SEEDS / "004-dhs-2024-fentanyl-results.toml"), "--format", "markdown")
    assert code == 0
    assert out[2] == (
        f"| {SEEDS / '004-dhs-2024-fentanyl-results.toml'} | cbp-doses-vs-dhs-fentanyl | plausible | plausible | "
        "powder purity from 11.63% to 12.06% | none | yes |"
    )
    assert out[-1] == "1 of 1 claims as expected."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('schema = 1\ntitle = "x\n', ":2: not valid TOML"),
        (
            CLAIMS_FILE.replace('pills = "pills"\npowder', 'pills = "pils"\npowder'),
            ":26: claim 'total': pills 'pils' is not a figure id in this file",
        ),
        (
            CLAIMS_FILE.replace('expect = "plausible"', 'expect = "plausible"\nscale = "galaxy"'),
            ":24: claim 'total': unknown scale 'galaxy'",
        ),
    ],
)
def test_verify_exits_2_on_a_bad_file(capsys, tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path, content)
    assert_error(capsys, ["verify", str(path)], f"Error: {path}{message}")


def test_verify_exits_2_on_missing_paths_bad_format_and_empty_folders(capsys, tmp_path: Path) -> None:
    assert_error(
        capsys,
        ["verify", str(tmp_path / "missing.toml")],
        f"Error: {tmp_path / 'missing.toml'}: no such file or folder",
    )
    assert_error(capsys, ["verify", str(tmp_path)], f"Error: {tmp_path}: no claims files (*.toml) in this folder")
    good = write(tmp_path, CLAIMS_FILE)
    assert_error(
        capsys, ["verify", str(good), "--format", "xml"], "Error: unknown format 'xml'; choose text, json or markdown"
    )
    assert_error(capsys, ["verify"], "Error: Missing argument")


# --- describe ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["192638011"], "nearly 193 million"),
        (["192,638,011", "--style", "more-than"], "more than 192 million"),
        (["192.6 million", "--style", "about"], "about 193 million"),
        (["192638011", "--style", "about", "--digits", "2"], "about 190 million"),
        (["738500000", "--digits", "4"], "738.5 million"),
        (["193000000"], "193 million"),
        (["0.3333"], "nearly 0.334"),
        (["0"], "0"),
    ],
)
def test_describe(capsys, argv: list[str], expected: str) -> None:
    code, out, err = run(capsys, "describe", *argv)
    assert (code, out, err) == (0, [expected], "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["192638011", "--style", "bogus"], "Error: unknown style 'bogus'; choose one of: nearly, more-than, about"),
        (["192638011", "--digits", "0"], "Error: digits must be a whole number from 1 to 15, not 0"),
        (["192638011", "--digits", "two"], "Error: Invalid value for '--digits'"),
        (["abc"], "Error: no number at the start of 'abc'"),
        (["--", "-5"], "Error: '-5' is negative"),
        (["$5 million"], "Error: '$5 million' is money"),
        ([], "Error: Missing argument"),
    ],
)
def test_describe_refuses(capsys, argv: list[str], message: str) -> None:
    assert_error(capsys, ["describe", *argv], message)


@pytest.mark.parametrize(
    "pills",
    ["66 pounds of fentanyl pills", "66 lb of counterfeit oxycodone pills", "66 pounds of pills", "66 pounds of blues"],
)
def test_pills_given_by_weight_are_read_as_a_reporter_types_them(capsys, pills: str) -> None:
    """Regression: "66 pounds of fentanyl pills" was an unknown unit to --pills; it is 66 pounds of pills."""
    args = ("--claim", "15 million doses", "--pill-mass", "100 mg", "--json")
    typed = json.loads("\n".join(run(capsys, "check", "--pills", pills, *args)[1]))
    plain = json.loads("\n".join(run(capsys, "check", "--pills", "66 pounds", *args)[1]))
    assert (typed["verdict"], typed["correction"]["value"]) == (plain["verdict"], plain["correction"]["value"])
    assert typed["inputs"]["pills"]["text"] == pills


def test_a_weight_of_pills_is_never_powder(capsys) -> None:
    """A weight of pills given as powder, or converted to doses, would be counted at the powder's purity: refused."""
    code, _, err = run(capsys, "check", "--powder", "66 pounds of fentanyl pills", "--claim", "15 million doses")
    assert code == 2 and "is a weight of pills, not powder" in err
    code, _, err = run(capsys, "convert", "66 pounds of fentanyl pills", "doses")
    assert code == 2 and "is a weight of pills, not of powder" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "convert", "66 pounds of fentanyl pills", "kg")
    assert code == 0 and out[0].startswith("29.93709642 kg")
