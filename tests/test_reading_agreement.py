"""check and scan read the same words the same way: one reader of a figure, one set of words.

Each case here is a figure that ``doseconv check`` and ``doseconv scan`` once read differently: a
fraction in digits folded into a decimal by the scanner (so its step and verdict differed), a
fentanyl analogue counted as fentanyl, a spelling of a unit or a people noun the scanner did not
know, a figure written European style read silently.
"""

from __future__ import annotations

import pytest

from doseconv import check
from doseconv.errors import InputError
from doseconv.reading.stated import parse_stated
from doseconv.scan import scan_text


def _only_claim(text: str):
    (claim,) = scan_text(text).claims
    return claim


def test_a_fraction_in_digits_is_read_alike_by_check_and_scan() -> None:
    claim = _only_claim("Police seized 1 1/2 pounds of fentanyl, enough to kill 70,000 people.")
    powder = claim.draft.powder.stated
    assert powder.interval() == parse_stated("1 1/2 pounds").interval()  # half a pound either side of 1.5, not 0.05
    direct = check(powder="1 1/2 pounds of fentanyl", claim="enough to kill 70,000 people", scale=claim.draft.scale)
    assert claim.verdict == direct.verdict


def test_a_fentanyl_analogue_is_not_counted_as_fentanyl() -> None:
    claim = _only_claim("Agents seized 5 kilograms of acetyl fentanyl, enough to kill 2.5 million people.")
    assert claim.draft.powder is None
    (mass,) = [f for f in scan_text("Agents seized 5 kilograms of acetyl fentanyl.").figures]
    assert (mass.kind, mass.drug) == ("other-drug-mass", "acetylfentanyl")
    with pytest.raises(InputError, match="acetylfentanyl, a fentanyl analogue"):
        check(powder="5 kilograms of acetyl fentanyl", claim="2.5 million doses")


def test_victims_are_people_a_claim_counts() -> None:
    claim = _only_claim("Agents seized 4 kilograms of fentanyl, enough to kill 2 million victims.")
    assert (claim.draft.doses.text, claim.draft.powder.text) == ("2 million victims", "4 kilograms of fentanyl")
    assert claim.verdict == check(powder="4 kilograms", claim="enough to kill 2 million victims").verdict


def test_every_spelling_of_a_unit_the_registry_knows_is_found() -> None:
    claim = _only_claim("Officers seized 500 gm of fentanyl, enough to kill 250,000 people.")
    assert claim.draft.powder.text == "500 gm of fentanyl"
    assert claim.draft.powder.stated.amount.unit == "gram"


def test_a_mass_written_european_style_is_refused_not_read_silently() -> None:
    with pytest.raises(InputError, match="ambiguous"):
        parse_stated("6.500 lb")
    assert parse_stated("6.500 lb", decimal_comma=True).amount.value == 6500
    (mass, _) = scan_text("Officers seized 6.500 lb of fentanyl, enough to kill 2 million people.").figures
    assert mass.stated is None and "ambiguous" in (mass.unreadable or "")
    assert parse_stated("2.268 kg").amount.value * 1000 == 2268  # a conversion given to the gram is read as written
