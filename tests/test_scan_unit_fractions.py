"""A fraction after a unit, hyphenated as reporters write it ("a kilogram-and-a-half brick of fentanyl")."""

from __future__ import annotations

from fractions import Fraction

import pytest

from doseconv.scan import scan_text

from .scanning import figures_of


@pytest.mark.parametrize(
    ("words", "value"),
    [("a kilogram-and-a-half brick of fentanyl", Fraction(3, 2)), ("a pound-and-a-half of fentanyl", Fraction(3, 2)),
     ("two pounds-and-a-half of fentanyl", Fraction(5, 2)), ("a kilo-and-a-quarter of fentanyl", Fraction(5, 4)),
     ("a kilo and a half of fentanyl", Fraction(3, 2))],
)  # fmt: skip
def test_a_fraction_after_the_unit_with_hyphens(words: str, value: Fraction) -> None:
    (figure,) = figures_of(f"Deputies found {words} in the trunk.")
    assert (figure.kind, figure.text, figure.value) == ("fentanyl-mass", words, value)


def test_the_claim_is_corrected_from_the_whole_mass() -> None:
    text = "Deputies pulled a kilogram-and-a-half brick of fentanyl from a car. That amount could have killed 750,000 people."
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.powder is not None and claim.draft.powder.value == Fraction(3, 2)
    assert claim.verdict == "upper-bound"  # 1.5 kg counted as pure fentanyl
