"""Writing scan results (doseconv.scan.report): text, Markdown and JSON."""

from __future__ import annotations

from hypothesis import given, settings

from doseconv.scan import scan_text

from .scanning import NEWSY_TEXT


@given(text=NEWSY_TEXT)
@settings(max_examples=150, deadline=None)
def test_any_text_is_scanned_and_reported_without_error(text) -> None:
    """Whatever the text, scanning returns a report whose offsets lie inside the input, in every format."""
    from doseconv.scan import ScanSet
    from doseconv.scan.report import OUTPUT_FORMATS, render

    report = scan_text(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in report.figures)
    for output in OUTPUT_FORMATS:
        assert render(ScanSet((report,)), output)


def test_a_range_whose_far_end_is_past_exact_reading_is_no_figure() -> None:
    """A range 'N to M' with M past 10^18 is skipped like a lone number past it, never an error mid-scan."""
    assert scan_text("fiscal year 2024 to 999999999999999999999 nearly").figures == ()


def test_json_claims_carry_the_verdict_correction_rules_scope_assumptions_and_offsets() -> None:
    import json

    from doseconv.scan import scan_text
    from doseconv.scan.report import render_json
    from doseconv.scan.scanner import ScanSet

    text = "Just 2 milligrams can be deadly. Police seized 2 kilograms of fentanyl from a car, enough to kill 1 million people."
    (claim,) = json.loads(render_json(ScanSet((scan_text(text, "a.txt"),))))["files"][0]["claims"]
    assert (claim["verdict"], claim["assumptions"], claim["diagnosis"]) == ("upper-bound", "dea-2022", ["powder-pure"])
    assert (claim["start"], claim["end"]) == (text.index("1 million"), text.index(" people.") + len(" people"))
    assert claim["stated"] == {"claim": "1 million doses", "pills": None, "powder": "2 kilograms"}
    assert claim["correction"]["phrase"] == "192,000"
    assert claim["plain"].endswith("1 million would need the powder to be pure fentanyl.")
    assert [r["rule"] for r in claim["rules"]] == ["lethal_dose"]
    assert claim["scope"]["level"] is None and claim["scale"] == "seizure" and claim["dea_verdict"] is None
    three = text.replace("Just 2 milligrams can be deadly", "Three milligrams is considered lethal")
    (claim,) = scan_text(three).claims  # at the story's 3 mg, 2 kilograms hold at most 666,667 doses
    assert (claim.verdict, claim.dea_verdict) == ("impossible", "upper-bound")
