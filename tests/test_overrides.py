"""The caller's overrides: one frozen value, read and checked once, errors naming the parameter."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from doseconv import check, convert, load_set, powder_to_doses
from doseconv.errors import DoseconvError, InputError
from doseconv.overrides import Overrides


def test_text_is_read_once_into_exact_fractions() -> None:
    overrides = Overrides(purity="10%", lethal_dose="3 mg", pill_share=Decimal("0.5"), mg_per_pill="2.4mg",
                          pill_mass="0.1 g")  # fmt: skip
    assert overrides.given == {
        "lethal_dose": Fraction(3), "purity": Fraction(1, 10), "pill_share": Fraction(1, 2),
        "mg_per_pill": Fraction(12, 5), "pill_mass": Fraction(100),
    }  # fmt: skip
    assert Overrides(purity=0.1).purity == Fraction(1, 10)  # a float through its shortest repr


def test_overrides_are_frozen_and_hashable() -> None:
    overrides = Overrides(purity="10%")
    with pytest.raises(AttributeError):
        overrides.purity = Fraction(1, 2)  # type: ignore[misc]
    assert hash(overrides) == hash(Overrides(purity="0.1"))
    assert overrides == Overrides(purity="0.1")


@pytest.mark.parametrize(
    ("given", "parameter", "message"),
    [
        ({"purity": "150%"}, "purity", "purity '150%' is above 100 %; give a value from 0% to 100% (or 0 to 1)"),
        ({"purity": 1.5}, "purity", "purity 1.5 is above 1; give a fraction from 0 to 1 or a string like '15%'"),
        ({"purity": -0.1}, "purity", "purity -0.1 is negative; figures must be zero or more"),
        ({"pill_share": "abc"}, "pill_share", "cannot read pill share 'abc'; give a value such as 10%, 0.1 or '6 in 10'"),
        ({"lethal_dose": "0 mg"}, "lethal_dose", "lethal dose must be more than zero"),
        ({"lethal_dose": "-3 mg"}, "lethal_dose", "'-3 mg' is negative; seizure figures must be zero or more"),
        ({"lethal_dose": 3}, "lethal_dose", "lethal dose must be a mass with a unit, such as '2 mg'"),
        ({"mg_per_pill": "10 pills"}, "mg_per_pill", "mg per pill '10 pills' is not a mass; give the mass with a unit, such as 2.4 mg"),
        ({"pill_mass": "0 mg"}, "pill_mass", "pill mass must be more than zero"),
    ],
)  # fmt: skip
def test_bad_values_are_refused_on_construction_in_one_line(given, parameter, message) -> None:
    with pytest.raises(InputError) as caught:
        Overrides(**given)
    assert str(caught.value) == message
    assert caught.value.parameter == parameter
    assert "\n" not in str(caught.value) and "--" not in str(caught.value)


def test_the_first_bad_value_in_a_fixed_order_is_named() -> None:
    with pytest.raises(DoseconvError) as caught:
        Overrides(purity="150%", lethal_dose="0 mg")
    assert caught.value.parameter == "lethal_dose"


def test_of_merges_keywords_over_a_value() -> None:
    base = Overrides(purity="10%", pill_mass="100 mg")
    merged = Overrides.of(base, purity="20%")
    assert (merged.purity, merged.pill_mass) == (Fraction(1, 5), Fraction(100))
    assert Overrides.of(base) is base
    assert Overrides.of(None, lethal_dose="3 mg") == Overrides(lethal_dose="3 mg")


def test_with_overrides_marks_set_values_and_leaves_pill_mass_out() -> None:
    chosen = load_set("dea-2022").with_overrides(Overrides(purity="15%", mg_per_pill="3 mg", pill_mass="90 mg"))
    assert chosen.overridden == ["pill_content", "powder_purity"]
    assert chosen.powder_purity.value == Fraction(3, 20)
    assert chosen.pill_mass == load_set("dea-2022").pill_mass


def test_keywords_and_an_overrides_value_give_the_same_result() -> None:
    overrides = Overrides(purity="10%")
    assert powder_to_doses("6500 lb", overrides=overrides) == powder_to_doses("6500 lb", purity="10%")
    assert convert("6500 lb", "doses", overrides=overrides) == convert("6500 lb", "doses", purity="10%")
    claim = ("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    assert check(*claim, overrides=overrides).to_dict() == check(*claim, purity="10%").to_dict()
