"""Result types and their JSON: the documented contract (docs/json.md)."""

from __future__ import annotations

import re
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.checker import METHODS, check
from doseconv.checker.population import undated_note
from doseconv.reading.numbers import exact_text

from .checking import aggregate_basis, percent

# --- the JSON contract -------------------------------------------------------------------------

_DECIMAL = re.compile(r"\d+(\.\d+)?")


_EXACT = re.compile(r"\d+(\.\d+|/\d+)?")


def test_json_contract() -> None:
    out = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses").to_dict()
    assert set(out) >= {"verdict", "explanation", "computed", "claimed", "implied", "assumptions", "diagnosis",
                        "pill_model", "reading", "scale", "inputs", "notes"}  # fmt: skip
    assert out["verdict"] == "plausible" and isinstance(out["explanation"], str)
    assert out["claimed"] == {"low": "192000000", "high": "193000000", "low_open": False, "high_open": True}
    assert out["computed"] == {"low": "326041638.88", "high": "331396125.632", "low_open": True, "high_open": True}
    for key in ("claimed", "computed"):
        assert _DECIMAL.fullmatch(out[key]["low"]) and _DECIMAL.fullmatch(out[key]["high"])
    implied = out["implied"]
    assert (implied["parameter"], implied["low"], implied["high"]) == (
        "powder_purity",
        "148000000/1496854821",
        "60000000/589670081",
    )
    assert implied["set_value"] == "0.192"
    low, high, basis = aggregate_basis("powder_purity", percent)
    assert implied["band"] == {
        "low": exact_text(low), "high": exact_text(high), "basis": basis,
        "reach_low": exact_text(low - Fraction(1, 2000)), "reach_high": exact_text(high + Fraction(1, 2000)),
    }  # fmt: skip
    assumptions = out["assumptions"]
    assert assumptions["name"] == "dea-2022" and assumptions["lethal_dose_mg"] == "2"
    assert assumptions["citations"] and all(
        isinstance(c, dict) and {"id", "publisher", "title", "date"} <= set(c) for c in assumptions["citations"]
    )
    assert len({c["id"] for c in assumptions["citations"]}) == len(assumptions["citations"])
    assert isinstance(out["diagnosis"], list) and out["diagnosis"]
    for entry in out["diagnosis"]:
        assert entry["method"] in METHODS
        assert isinstance(entry["matches"], bool)
        assert entry["value"] is None or _EXACT.fullmatch(entry["value"])
    assert {d["method"] for d in out["diagnosis"]} == set(METHODS)
    assert out["inputs"]["powder"]["step"] == "100" and out["notes"] == [undated_note()]


def test_json_of_doses_per_pill_and_of_an_unbounded_value() -> None:
    pills = check("nearly 44 million pills", None, "almost 193 million doses").to_dict()["implied"]
    assert (pills["low"], pills["high"]) == ("48/11", "193/43")
    assert pills["mg_per_pill"] == {"low": "96/11", "high": "386/43"}
    unbounded = check(None, "less than 100 kg", "12.5 million doses").to_dict()["implied"]
    assert (unbounded["low"], unbounded["high"]) == ("0.249", None)
    assert unbounded["display"] == "powder purity of 24.9% or more"
    assert check(None, None, "193 million doses").to_dict()["computed"] is None


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["powder_purity", "doses_per_pill", "pill_purity"]),
    st.fractions(min_value=0, max_value=1000, max_denominator=10**6),
    st.fractions(min_value=0, max_value=1000, max_denominator=10**6),
    st.sampled_from([2, 4, 6, 8]),
)
def test_implied_ends_compare_as_their_texts_do(parameter, a, b, places) -> None:
    """The description widens its places until the ends read apart; the whole-number comparison it uses
    says "apart" exactly when the shown texts differ."""
    from doseconv.checker.results import Implied

    implied = Implied(parameter, None, lethal_dose_mg=Fraction(2))
    same_text = implied.show(a, places) == implied.show(b, places)
    assert same_text == (implied._rounded(a, places) == implied._rounded(b, places))
