"""doseconv scan end to end on a story written for the tests (tests/data/harbor-county-story.txt).

The story is in wire-copy style, with pills, powder and dose totals at two scopes (a sheriff's
task force over a fiscal year and the DEA nationwide), one seizure, a dose size, other drugs,
money, firearms, arrests and an ambiguous "tons". Its expected figures, claims and verdicts are
in harbor-county-story.expected.json, and the whole text report in harbor-county-story.scan.txt;
unlike the seed stories, these always run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doseconv.scan import ScanReport, ScanSet, scan_text
from doseconv.scan.report import render

from .cli import run

ROOT = Path(__file__).resolve().parents[1]
STORY = "tests/data/harbor-county-story.txt"
EXPECTED = json.loads((ROOT / "tests" / "data" / "harbor-county-story.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> ScanReport:
    return scan_text((ROOT / STORY).read_text(encoding="utf-8"), STORY)


def test_the_story_and_its_expectations_are_there() -> None:
    assert EXPECTED["source"] == STORY
    assert len(EXPECTED["figures"]) == 16 and len(EXPECTED["claims"]) == 4


@pytest.mark.parametrize("expected", EXPECTED["figures"], ids=lambda f: f"#{f['index']} {f['text']}")
def test_every_figure_is_found_as_expected(report, expected) -> None:
    figure = report.figures[expected["index"] - 1].to_dict()
    assert {key: figure[key] for key in expected} == expected


def test_no_other_figure_is_found(report) -> None:
    assert [f.index for f in report.figures] == [f["index"] for f in EXPECTED["figures"]]


@pytest.mark.parametrize("expected", EXPECTED["claims"], ids=lambda c: f"doses #{c['doses']}")
def test_every_claim_has_the_expected_inputs_and_verdict(report, expected) -> None:
    (claim,) = [c for c in report.claims if c.draft.doses.index == expected["doses"]]
    data = claim.to_dict()
    assert {key: data[key] for key in expected} == expected


def test_the_story_offsets_slice_each_figure_out_of_the_text(report) -> None:
    text = (ROOT / STORY).read_text(encoding="utf-8")
    for figure in report.figures:
        assert " ".join(text[figure.start : figure.end].split()) == figure.text


def test_money_firearms_arrests_and_other_drugs_never_enter_a_claim(report) -> None:
    used = {f.index for c in report.claims for f in (c.draft.pills, c.draft.powder) if f is not None}
    others = [f for f in report.figures if f.kind in ("money", "firearms", "arrests", "other-drug-mass")]
    assert [(f.kind, f.text) for f in others] == [
        ("arrests", "214 arrests"), ("firearms", "96 firearms"), ("money", "more than $3.4 million"),
        ("other-drug-mass", "1,200 pounds of methamphetamine"), ("other-drug-mass", "40 kilograms of cocaine"),
    ]  # fmt: skip
    assert not used & {f.index for f in others}
    (dose_size,) = [f for f in report.figures if f.unit == "milligrams"]
    assert not dose_size.counts_toward_doses and dose_size.index not in used


def test_the_text_report_is_what_the_command_prints(capsys, monkeypatch, report) -> None:
    """The whole text report, byte for byte; the command exits 1 because claims are flagged."""
    expected = (ROOT / "tests" / "data" / "harbor-county-story.scan.txt").read_text(encoding="utf-8")
    assert render(ScanSet((report,))) + "\n" == expected
    monkeypatch.chdir(ROOT)
    result = run(capsys, "scan", STORY)
    assert (result.code, result.out, result.err) == (EXPECTED["exit_code"], expected, "")


def test_json_output_carries_the_same_claims(capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    data = json.loads(run(capsys, "scan", STORY, "--format", "json").out)
    (story,) = data["files"]
    assert [c["verdict"] for c in story["claims"]] == [c["verdict"] for c in EXPECTED["claims"]]
    assert data["summary"] == {
        "files": 1, "figures": 16, "claims": 4, "verdicts": {"implausible": 2, "plausible": 1, "upper-bound": 1},
        "flagged": 3, "narrow_misses": 0,
    }  # fmt: skip
