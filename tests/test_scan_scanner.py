"""Checking claims (doseconv.scan.scanner): the claim checker on the parsed figures, reports and their JSON."""

from __future__ import annotations

import json

from doseconv.scan import scan_text


def test_claims_are_checked_with_the_claim_checker() -> None:
    report = scan_text(
        "Nationwide, agents seized nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl "
        "powder, equal to nearly 193 million deadly doses.\n\n"
        "A separate story: 44 million pills, equating to almost 193 million deadly doses."
    )
    assert [(c.verdict, c.flagged) for c in report.claims] == [("plausible", False), ("implausible", True)]
    assert report.claims[0].result.implied.parameter == "powder_purity"
    assert report.claims[1].reproduced_by == ["pills-only"]
    assert report.flagged


def test_a_claim_on_tons_is_checked_both_ways() -> None:
    (claim,) = scan_text("Agents seized 2 tons of fentanyl, equal to 500 million doses.").claims
    assert claim.draft.powder.stated_text == "2 short tons"
    assert claim.notes[0].startswith('"tons" is ambiguous')
    assert claim.notes[1] == "read as metric tonnes instead, the verdict is implausible"


def test_a_claim_with_no_inputs_is_unverifiable_not_an_error() -> None:
    (claim,) = scan_text("Officials said nearly 2 billion lethal doses were removed.").claims
    assert (claim.verdict, claim.flagged) == ("unverifiable", False)


def test_run_checks_false_builds_claims_without_checking() -> None:
    (claim,) = scan_text("44 million pills, equating to 193 million doses.", run_checks=False).claims
    assert (claim.verdict, claim.result, claim.explanation) == ("unverifiable", None, "not checked")


def test_report_to_dict_is_json_ready() -> None:
    report = scan_text("Agents seized 1.3 million fentanyl pills, equal to 1.3 million doses.")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"] == {
        "figures": 2,
        "dose_figures": 1,
        "claims": 1,
        "verdicts": {"consistent": 1},
        "flagged": 0,
    }
    figure = data["figures"][0]
    assert {k: figure[k] for k in ("index", "kind", "text", "start", "end", "value", "unit", "drug", "stated")} == {
        "index": 1, "kind": "pills", "text": "1.3 million fentanyl pills", "start": 14, "end": 40,
        "value": "1300000", "unit": "pills", "drug": "fentanyl", "stated": "1.3 million pills",
    }  # fmt: skip
    assert data["claims"][0]["check"]["verdict"] == "consistent"


def test_the_library_does_not_import_typer() -> None:
    import subprocess
    import sys

    code = "import sys, doseconv.scan; doseconv.scan.scan_text('5 doses'); print('typer' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
