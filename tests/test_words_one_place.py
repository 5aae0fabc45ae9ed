"""The words of a check come from one place (checker/words.py): no method's or pill model's code name reaches the
explanation, the plain text, the correction or the notes; the purity a sentence counts by names the year it
describes and the document that published it, the same in a dose sentence and in a sentence said in people."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import doseconv
from doseconv.assumptions import PILL_MODELS, load_set, set_names
from doseconv.checker.rows import METHOD_TABLE, SLIPS
from doseconv.checker.verify import verify_paths
from doseconv.checker.words import purity_words

CLAIMS = Path(__file__).resolve().parent / "claims"
#: Every code name of a method, a slip or a pill model, as it would stand in a sentence.
CODES = re.compile(
    r"(?<![\w-])("
    + "|".join(
        re.escape(name)
        for name in sorted([m.name for m in METHOD_TABLE] + [s.label for s in SLIPS] + list(PILL_MODELS), key=len)
    )
    + r")(?![\w-])"
)
SETS_WITH_PURITY = [name for name in set_names() if load_set(name).powder_purity.published and name != "pure"]


def _said(result: doseconv.CheckResult) -> list[str]:
    """Every text of a result an editor reads: the explanation, the plain text, the correction's and the notes."""
    correction = result.correction
    return [
        result.explanation,
        result.plain,
        *(result.notes or ()),
        *([correction.plain] if correction is not None else []),
    ]


def test_no_code_name_in_any_sentence_of_the_claims_files() -> None:
    checked = verify_paths([str(CLAIMS)])
    assert len(checked) > 50
    for verification in checked:
        for text in _said(verification.result):
            assert CODES.findall(text) == [], (verification.claim.id, text)
    assert any(v.result.matching_methods for v in checked)  # the JSON keeps the codes


@pytest.mark.parametrize(
    ("model", "words"),
    [
        ("lab-share", "counting only the share of pills DEA's lab found to hold a lethal dose"),
        ("mean-content", "counting the pills by their average fentanyl content"),
    ],
)
def test_a_pill_model_the_set_cannot_count_is_named_in_words(model: str, words: str) -> None:
    result = doseconv.check("1 million pills", None, "500,000 doses", assumptions="dea-2018", pill_model=model)
    assert any(note.endswith(f", which {words} needs") for note in result.notes)
    assert all(CODES.findall(text) == [] for text in _said(result))


def test_the_purity_names_its_year_and_document() -> None:
    assert purity_words(load_set("dea-2022")) == (
        "the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment"
    )
    assert purity_words(load_set("dea-2023")) == (
        "the 19.5% average purity for fiscal 2023 reported in DEA's Fentanyl Free America release of December 2025"
    )
    assert purity_words(load_set("dea-2024")) == (
        "the 11.36% average purity for 2024 reported in DEA's 2025 National Drug Threat Assessment"
    )
    own = doseconv.check(None, "10 kg", "1 million doses", purity="12%")
    assert "at a purity of 12%" in own.plain.lower()


@pytest.mark.parametrize("name", SETS_WITH_PURITY)
def test_a_dose_sentence_and_a_people_sentence_name_the_purity_alike(name: str) -> None:
    said = purity_words(load_set(name))
    doses = doseconv.check(None, "2 kilograms", "100,000 doses", assumptions=name)
    people = doseconv.check(None, "2 kilograms", "could kill the entire population of Orleans Parish", assumptions=name)
    assert doses.plain.startswith(f"At {said}, 2 kilograms of seized fentanyl powder holds ")
    assert f"2 kilograms of powder at {said} holds " in people.plain
