"""Checking claims (doseconv.scan.scanner): the claim checker on the parsed figures, reports and their JSON."""

from __future__ import annotations

import json

import pytest

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
    assert claim.notes[1] == "read as metric tonnes instead, the verdict is upper-bound"


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
        "narrow_misses": 0,
        "claims_not_checked": 0,
        "figures_not_listed": 0,
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


def test_the_checker_is_handed_the_parsed_figures_and_parses_no_text(monkeypatch) -> None:
    """Parse once: while claims are checked, no stated figure is read from text again."""
    import doseconv.reading.inputs
    import doseconv.reading.stated
    from doseconv.scan.scanner import _cached_check

    def refuse(*args, **kwargs):
        raise AssertionError(f"a figure was parsed again: {args}")

    _cached_check.cache_clear()
    monkeypatch.setattr(doseconv.reading.stated, "parse_stated", refuse)
    monkeypatch.setattr(doseconv.reading.inputs, "parse_stated", refuse)
    monkeypatch.setattr(doseconv.reading.inputs, "parse_claim", refuse)
    (claim,) = scan_text(
        "Nationwide, agents seized nearly 44 million fentanyl pills and more than 4.5 tons of fentanyl powder, "
        "equal to nearly 193 million deadly doses."
    ).claims
    assert claim.result.inputs == {
        "pills": claim.draft.pills.stated, "powder": claim.draft.powder.stated, "claim": claim.draft.doses.stated,
    }  # fmt: skip
    assert claim.notes[-1] == "read as metric tonnes instead, the verdict is plausible"


def test_repeated_figures_are_checked_once() -> None:
    """Wire copy repeats its figures: equal parsed figures (frozen, hashable) share one cached check."""
    from doseconv.scan.scanner import _cached_check

    _cached_check.cache_clear()
    sentence = "Agents seized nearly 44 million fentanyl pills, equal to almost 193 million deadly doses."
    report = scan_text("\n\n".join([sentence] * 3))
    first, second, third = report.claims
    assert first.draft.doses.stated == second.draft.doses.stated and first.draft.doses is not second.draft.doses
    assert first.result is second.result is third.result
    info = _cached_check.cache_info()
    assert (info.misses, info.hits) == (1, 2)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Agents seized 15-10 million pills, equal to 12 million doses.",
         "range '15-10 million pills' runs backwards; write the smaller figure first"),
        ("Police seized between 5 kilos of fentanyl, equal to 2 million doses.",
         "'between 5 kilos of fentanyl': 'between' needs two figures, as in 'between 400,000 and 500,000 doses'"),
    ],
)  # fmt: skip
def test_a_figure_the_checker_cannot_read_makes_its_claim_unverifiable(text, reason) -> None:
    (claim,) = scan_text(text).claims
    assert (claim.verdict, claim.result) == ("unverifiable", None)
    assert claim.explanation == f"The checker could not read the figures: {reason}"
    assert claim.notes == (f"not checked: {reason}",)


@pytest.mark.parametrize(
    ("text", "verdict", "low"),
    [
        # Regressions: the checker read these inputs differently from the scanner (200 to 50; 5 to 10, not 5 to
        # 10 million; 20 to 5 pounds), and the claims came out unverifiable or with a wider range than the words allow.
        ("Officers seized two hundred and fifty pills, equal to 250 doses.", "consistent", 250),
        ("Officers seized 5 to ten million pills, equal to 7 million doses.", "consistent", 5_000_000),
        ("Troopers found twenty-five pounds of fentanyl in a car, enough to kill 2 million people.", "plausible", 25),
    ],
)
def test_claims_are_checked_on_the_figures_the_report_shows(text, verdict, low) -> None:
    (claim,) = scan_text(text).claims
    (figure,) = [f for f in (claim.draft.pills, claim.draft.powder) if f is not None]
    assert (claim.verdict, figure.value or figure.low) == (verdict, low)
    name = "pills" if figure is claim.draft.pills else "powder"
    assert claim.result.inputs[name] is figure.stated
    assert claim.result.inputs[name].amount.value == low
