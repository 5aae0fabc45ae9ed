"""Verdicts a fact-checker can sign: face value, upper-bound, corrections, plain text and exit codes.

Each case that went wrong before is kept here as a CLI-runner test on its exact output and exit code.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.checker import FLAGGED, VERDICT_ORDER, VERDICTS, check
from doseconv.scan import scan_text
from doseconv.scan.scanner import FLAGGED as SCAN_FLAGGED

from .cli import run

OVER_13 = ("--powder", "over 13 pounds", "--claim", "over three million doses", "--assumptions", "dea-2024")
PLAIN_13 = (
    "At the 11.36% average purity for 2024 reported in DEA's 2025 National Drug Threat Assessment, over 13 pounds of seized "
    "fentanyl powder holds about 335,000 lethal doses of 2 mg, not the more than three million claimed; three million "
    "would need the powder to be pure fentanyl."
)


def test_ten_kilos_means_ten_not_five_to_twenty(capsys) -> None:
    """Regression: a bare "10 kilos" was read as 5 to 20 kg, so a claim twice too large passed as consistent."""
    result = run(capsys, "check", "--powder", "10 kilos", "--claim", "9.9 million doses", "--assumptions", "pure")
    assert result.code == 1
    assert result.out.splitlines()[:6] == [
        "verdict:  impossible",
        "claimed:  [9,850,000, 9,950,000) doses  ('9.9 million doses', lenient reading)",
        "computed: [4,750,000, 5,250,000) doses  (pure)",
        "implied:  powder purity from 187.62% to 209.47% (more than 100%: it cannot be)  (set mean 100%; aggregate band 5.3% to 19.5%)",
        "plain:    Counting the powder as pure fentanyl, 10 kilos of seized fentanyl powder holds 5 million lethal "
        "doses of 2 mg, not the 9.9 million claimed; 9.9 million is more than the stated amount could hold even as "
        "pure fentanyl. Counting the seized drugs as pure fentanyl gives the most they could hold, not what they "
        "likely hold.",
        "correct:  5 million doses  (lethal dose 2 mg (DEA's Facts about Fentanyl page); powder purity 100% "
        "(DEA's Facts about Fentanyl page))",
    ]


def test_powder_counted_as_pure_is_upper_bound_with_its_correction(capsys) -> None:
    """Regression: counting seized powder as pure was 'implausible' with exit 0, and no corrected figure."""
    result = run(capsys, "check", *OVER_13)
    assert (result.code, result.err) == (1, "")
    lines = result.out.splitlines()
    assert lines[:6] == [
        "verdict:  upper-bound",
        "claimed:  (3,000,000, 4,000,000] doses  ('over three million doses', lenient reading)",
        "computed: (334,932.61, 360,696.65] doses  (dea-2024)",
        "implied:  powder purity from 94.48% to 135.67% (above 100% it cannot be)  (set mean 11.36%; aggregate band 5.3% to 19.5%)",
        f"plain:    {PLAIN_13}",
        "correct:  about 335,000 doses  (lethal dose 2 mg (DEA's Facts about Fentanyl page); powder purity 11.36% "
        "(DEA's 2025 National Drug Threat Assessment))",
    ]
    assert lines[lines.index("diagnosis (best first):") + 1].startswith("  match  powder-pure ")


def test_the_json_carries_the_correction_and_the_plain_text(capsys) -> None:
    result = run(capsys, "check", *OVER_13, "--json")
    data = json.loads(result.out)
    assert result.code == 1 and data["verdict"] == "upper-bound" and data["plain"] == PLAIN_13
    assert data["correction"] == {
        "value": "334932.606008",
        "phrase": "about 335,000",
        "plain": PLAIN_13,
        "assumptions": [
            {"name": "lethal dose", "value": "2 mg", "source": "DEA's Facts about Fentanyl page"},
            {"name": "powder purity", "value": "11.36%", "source": "DEA's 2025 National Drug Threat Assessment"},
        ],
    }
    assert data["inputs"]["claim"]["step"] == "100000" and data["inputs"]["powder"]["step"] == "1"


@pytest.mark.parametrize("scale", ["aggregate", "seizure"])
def test_the_same_claim_is_upper_bound_at_every_scale_and_in_scan(scale) -> None:
    """check, and scan (where one seizure's range applies), give the same verdict."""
    assert check(None, "over 13 pounds", "over three million doses", assumptions="dea-2024", scale=scale).verdict == (
        "upper-bound"
    )
    story = (
        "Deputies seized more than 13 pounds of fentanyl powder in a traffic stop, enough for over three million doses."
    )
    (claim,) = scan_text(story, assumptions="dea-2024").claims
    assert (claim.draft.scale, claim.verdict, claim.flagged) == ("seizure", "upper-bound", True)
    assert claim.result is not None and claim.result.correction is not None
    assert claim.result.correction.phrase == "about 335,000"


def test_scan_exits_one_on_a_flagged_claim_and_zero_with_exit_zero(capsys, tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Officers seized 1 kilogram of fentanyl powder, enough to kill 500,000 people.\n")
    assert run(capsys, "scan", str(story)).code == 1
    assert run(capsys, "scan", str(story), "--exit-zero").code == 0
    assert run(capsys, "scan", str(tmp_path / "missing.txt"), "--exit-zero").code == 2


def test_a_rule_that_counts_the_mass_as_pure_is_judged_on_its_own_terms(capsys) -> None:
    """--assumptions pure or --purity 100%: consistent when the claim follows, with a note that it is a ceiling."""
    for extra in (("--assumptions", "pure"), ("--purity", "100%")):
        result = run(capsys, "check", "--powder", "1 kg", "--claim", "500,000 doses", *extra)
        lines = result.out.splitlines()
        assert (result.code, lines[0]) == (0, "verdict:  consistent")
        assert lines[4].endswith(
            "Counting the seized drugs as pure fentanyl gives the most they could hold, not what they likely hold."
        )


@pytest.mark.parametrize(
    ("args", "code", "verdict"),
    [
        (("--pills", "nearly 44 million pills", "--powder", "more than 6,500 pounds", "--claim",
          "nearly 193 million doses"), 0, "plausible"),
        (("--powder", "1 kg", "--claim", "96,000 doses", "--purity", "19.2%"), 0, "consistent"),
        (("--claim", "193 million doses"), 0, "unverifiable"),
        (("--pills", "10 kg", "--claim", "50,000 doses"), 0, "unverifiable"),
        (("--pills", "10 kg", "--claim", "5 million doses"), 1, "upper-bound"),
        (("--pills", "nearly 44 million pills", "--claim", "almost 193 million doses"), 1, "implausible"),
        (("--powder", "1 kg", "--claim", "2 million doses"), 1, "impossible"),
        (("--powder", "1 kg", "--claim", "500,000 doses"), 1, "upper-bound"),
        (("--powder", "1 kg", "--claim", "lots of doses"), 2, None),
    ],
)  # fmt: skip
def test_check_exit_codes(capsys, args, code, verdict) -> None:
    result = run(capsys, "check", *args)
    assert result.code == code
    if verdict is not None:
        assert result.out.splitlines()[0] == f"verdict:  {verdict}"


def test_unverifiable_names_the_missing_input_and_still_diagnoses() -> None:
    result = check("10 kg", None, "50,000 doses")
    assert result.verdict == "unverifiable" and "pill-weight-as-drug" in [d.method for d in result.diagnosis]
    assert result.plain == (
        "The claim cannot be checked: the pills are given by weight and no weight of one pill is known; "
        "give one to count them."
    )


def test_one_verdict_order_and_one_flagged_set() -> None:
    assert set(VERDICT_ORDER) == set(VERDICTS)
    assert VERDICT_ORDER == ("unverifiable", "impossible", "upper-bound", "implausible", "plausible", "consistent")
    assert SCAN_FLAGGED == FLAGGED == {"implausible", "upper-bound", "impossible"}


_JARGON = re.compile(r"lenient|strict|\bband\b|interval|dea-\d|dea-fy|powder-|pills-|dose-\d", re.I)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([None, "nearly 44 million pills", "250,000 pills", "10 kg"]),
    st.sampled_from([None, "more than 6,500 pounds", "over 13 pounds", "2 kilograms", "nearly 900 pounds"]),
    st.sampled_from(["nearly 193 million doses", "over three million doses", "1 million doses", "96,000 doses"]),
    st.sampled_from(["dea-2022", "dea-2024", "dea-2017", "pure"]),
)
def test_plain_text_has_no_jargon_and_every_flag_has_a_correction(pills, powder, claim, name) -> None:
    """Plain text never names a set, a method, a reading, a band or an interval; a flagged claim whose
    total can be made carries a correction quoting its figure."""
    result = check(pills, powder, claim, assumptions=name, pill_mass="100 mg" if pills == "10 kg" else None)
    assert result.plain and not _JARGON.search(result.plain), result.plain
    if result.verdict in FLAGGED and result.computed is not None:
        assert result.correction is not None and result.correction.phrase in result.correction.plain
    if result.verdict not in FLAGGED:
        assert result.correction is None


# --- diagnosis: claims made two ways at once ----------------------------------------------------


@pytest.mark.parametrize(
    ("pills", "powder", "claim", "name", "best"),
    [
        (None, "100 kg", "33 million doses", "dea-2022", "powder-pure+dose-3mg"),
        (None, "100 kg", "50,000 doses", "dea-2022", "powder-pure+dose-2g"),
        (None, "100 kg", "960 million doses", "dea-2022", "scale-slip"),
        (None, "100 kg", "5 million doses", "dea-2022", "powder-pure+scale-slip"),
        ("1 million pills", "10 kg", "600,000 doses", "dea-2022", "pills-lab-share+pills-only"),
        ("10 million pills", "100 kg", "12 million doses", "dea-2022", "pills-mean-content+pills-only"),
        ("2.5 million pills", "100 kg", "25 million doses", "dea-2022", "pills-only+scale-slip"),
    ],
)
def test_claims_made_two_ways_at_once_are_diagnosed(pills, powder, claim, name, best) -> None:
    """Combinations of the method table's rows reproduce claims no single row does; the best comes first."""
    result = check(pills, powder, claim, assumptions=name)
    assert result.matching_methods and result.matching_methods[0] == best, result.matching_methods


def test_powder_counted_pure_with_a_larger_dose_is_still_upper_bound() -> None:
    """3 mg with the powder counted as pure stays under the pure 2 mg ceiling: the figure is an upper bound."""
    result = check(None, "100 kg", "33 million doses")
    assert (result.verdict, result.matching_methods[0]) == ("upper-bound", "powder-pure+dose-3mg")
    assert result.correction is not None and result.correction.phrase == "9.6 million"


def test_two_methods_that_reproduce_the_claim_equally_well_say_so() -> None:
    result = check(None, "1 kg", "500,000 doses", assumptions="pure")
    first, second = result.diagnosis[:2]
    assert (first.method, second.method) == ("powder-pure", "powder-set-purity")
    assert second.note == "reproduces the claim as well as powder-pure"


def test_the_method_table_keeps_one_row_per_method() -> None:
    from doseconv.checker import METHOD_TABLE

    assert [m.name for m in METHOD_TABLE] == [
        "powder-pure", "powder-set-purity", "pills-one-each", "pills-lab-share", "pills-mean-content",
        "pills-only", "pill-weight-as-drug", "dose-2g", "dose-3mg", "dose-0.25mg", "scale-slip",
    ]  # fmt: skip
    assert all("+" not in m.name for m in METHOD_TABLE)


def test_claims_files_accept_combined_methods_and_upper_bound(tmp_path) -> None:
    from doseconv.checker.verify import verify_paths

    path = tmp_path / "claims.toml"
    path.write_text(
        """schema = 1

[source]
publisher = "a test"
title = "A claim counting seized powder as pure"
date = "2025"

[[figures]]
id = "powder"
text = "over 13 pounds of fentanyl powder"
kind = "fentanyl-powder"

[[figures]]
id = "total"
text = "over three million doses"
kind = "doses"

[[claims]]
id = "pure"
total = "total"
powder = "powder"
assumptions = "dea-2024"
expect = "upper-bound"
expect_methods = ["powder-pure"]
""",
        encoding="utf-8",
    )
    (outcome,) = verify_paths([str(path)])
    assert outcome.ok and outcome.result.verdict == "upper-bound"


def test_a_claim_made_two_ways_at_once_is_named_in_the_report(capsys) -> None:
    """Regression: a 3 mg dose with the powder counted as pure was not diagnosed (no single method reproduces it)."""
    result = run(capsys, "check", "--powder", "100 kg", "--claim", "33 million doses")
    lines = result.out.splitlines()
    assert result.code == 1
    assert lines[0] == "verdict:  upper-bound"
    assert lines[4] == (
        "plain:    At the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment, 100 kg of "
        "seized fentanyl powder holds 9.6 million lethal doses of 2 mg, not the 33 million claimed; 33 million would "
        "need the powder to be pure fentanyl, taking 3 mg as the lethal dose."
    )
    assert lines[lines.index("diagnosis (best first):") + 1 :][:2] == [
        "  match  powder-pure+dose-3mg  33.33 million",
        "    -    powder-pure           50 million",
    ]


@pytest.mark.parametrize(
    ("pills", "powder", "claim", "fragment"),
    [
        (
            None,
            "2 kilograms of fentanyl",
            "enough to kill 1.5 million adults",
            "not the 1.5 million claimed; 1.5 million is",
        ),
        ("50.6 million", None, "4.7 million people", "50.6 million fentanyl pills hold 50.6 million lethal doses"),
        (None, "10 kg", "between 4 and 5 million doses", "not the 4 to 5 million claimed; a figure in that"),
    ],
)
def test_plain_text_quotes_claims_in_people_and_ranges_by_their_number(pills, powder, claim, fragment) -> None:
    assert fragment in check(pills, powder, claim).plain
