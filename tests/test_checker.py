"""Claim checking: verdicts, implied parameters, diagnosis, the JSON contract, and dose monotonicity."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.assumptions import load_set, pill_factor, set_names
from doseconv.checker import METHODS, VERDICTS, band_for, check
from doseconv.convert import pills_to_doses, powder_to_doses
from doseconv.errors import DoseconvError, InputError, UnknownAssumptionSetError
from doseconv.numbers import exact_text, format_grouped
from doseconv.quantity import Amount
from doseconv.stated import StatedFigure, parse_stated, qualifier_rules

from .strategies import (
    MASS_UNITS_MG,
    dose_counts,
    doses_per_pill_near_published,
    exact_masses,
    figure_steps,
    mass_units,
    pill_counts,
    purities_near_published,
    purity_texts,
    readings,
    set_and_pill_models,
    sets_with_purity,
    shares,
    single_qualifier_keys,
    stated_numbers,
)

F = Fraction

#: Units whose size in mg is a power of ten: any mass converts into them as a terminating decimal.
METRIC_UNITS = ["mg", "g", "kg", "tonnes"]
#: How each unit is written in a figure ("5 tonnes" is misread as a range; see test_stated.py).
SPELLING = {"tonnes": "metric tonnes"}


def exact(text: str) -> StatedFigure:
    """A figure known to be exact: its interval is the single value stated."""
    return parse_stated(text, exact=True)


def figure(value: Fraction, unit: str, kind: str, step: Fraction, key: str) -> StatedFigure:
    """A stated figure built directly: value, unit, step and qualifier rule."""
    phrase = (qualifier_rules()[key].phrases or ("",))[0]
    return StatedFigure(f"{phrase} {value} {unit}", key, phrase, Amount(value, unit, kind, step))


def diagnosis(result) -> dict[str, object]:
    return {d.method: d for d in result.diagnosis}


def yearly_means(parameter: str) -> dict[str, Fraction]:
    """Each DEA set's published mean of ``parameter`` (the "pure" convention is not a measurement)."""
    means = {}
    for name in set_names():
        value = load_set(name).parameter(parameter).value
        if name != "pure" and value is not None:
            means[name] = value
    return means


def aggregate_basis(parameter: str, show) -> tuple[Fraction, Fraction, str]:
    """The aggregate band as specified: the lowest to the highest yearly mean DEA published."""
    means = yearly_means(parameter)
    low, high = min(means, key=means.__getitem__), max(means, key=means.__getitem__)
    basis = f"yearly means published by DEA, {show(means[low])} ({low}) to {show(means[high])} ({high})"
    return means[low], means[high], basis


# --- the worked examples -------------------------------------------------------------------


def test_operation_last_mile_total_with_pills_and_powder_is_plausible() -> None:
    result = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    assert result.verdict == "plausible"
    assert result.implied is not None and result.implied.parameter == "powder_purity"
    assert result.implied.interval is not None
    assert result.implied.interval.low == F(148000000, 1496854821)
    assert result.implied.interval.high == F(60000000, 589670081)
    assert result.implied.describe() == "powder purity from 9.89% to 10.18%"
    assert str(result.claimed) == "[192000000, 193000000)"
    assert str(result.computed) == "(326041638.88, 331396125.632)"
    assert result.matching_methods == []


def test_operation_last_mile_seed_000_wording_is_plausible() -> None:
    result = check("just under 44 million fentanyl pills", "6,500 pounds of fentanyl powder", "193 million doses")
    assert result.verdict == "plausible"
    assert result.implied is not None
    assert result.implied.describe() == "powder purity from 9.92% to 10.32%"


def test_total_pinned_on_the_pills_alone_is_implausible() -> None:
    result = check("nearly 44 million fentanyl pills", None, "almost 193 million deadly doses")
    assert result.verdict == "implausible"
    assert result.implied is not None and result.implied.parameter == "doses_per_pill"
    assert result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (F(48, 11), F(193, 43))
    assert result.implied.describe() == "doses per pill from 4.36 (8.73 mg per pill) to 4.49 (8.98 mg per pill)"
    assert result.matching_methods == ["pills-only"]
    assert "Reproduced by: pills-only" in result.explanation


def test_cbp_doses_against_dhs_pounds_need_twelve_percent() -> None:
    result = check(None, "More than 27,000 pounds of illicit fentanyl", "738.5 million doses")
    assert result.verdict == "plausible"
    assert result.implied is not None and result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (
        F(36922500, 317514659),
        F(49240000, 408233133),
    )
    assert result.implied.describe() == "powder purity from 11.63% to 12.06%"
    assert "738.5 million doses are 1,477 kg of pure fentanyl at 2 mg per dose." in result.explanation
    assert str(result.claimed) == "[738450000, 738600000)"


# --- each verdict ------------------------------------------------------------------------------


def test_consistent_when_the_inputs_give_the_claim() -> None:
    result = check(None, "1 kg", "500,000 doses", assumptions="pure")
    assert result.verdict == "consistent"
    assert str(result.computed) == "[250000, 1000000)"
    assert "Consistent: the inputs give the claimed total under the set's central values." in result.explanation


def test_impossible_when_the_claim_needs_more_than_pure_fentanyl() -> None:
    result = check(None, "1.0 kg", "1.0 million doses", assumptions="pure")
    assert result.verdict == "impossible"
    assert result.implied is not None and result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (F(19, 11), F(44, 19))
    assert result.implied.interval.low > 1
    assert "Impossible: it needs more fentanyl than the stated mass holds." in result.explanation


def test_bare_round_figures_are_read_widely() -> None:
    """A bare "1 kg" allows 0.5 kg up to (not including) 2 kg, so a million doses from it is not ruled out."""
    result = check(None, "1 kg", "1 million doses", assumptions="pure")
    assert result.verdict == "consistent"
    assert str(result.computed) == "[250000, 1000000)"


def test_unverifiable_without_inputs() -> None:
    result = check(None, None, "193 million doses")
    assert result.verdict == "unverifiable"
    assert result.computed is None and result.implied is None
    assert (
        "Unverifiable: no pills or powder are stated, so there is nothing to compute the total from."
        in result.explanation
    )


def test_unverifiable_when_pills_are_weighed_and_no_pill_mass_is_known() -> None:
    result = check("10 kg", None, "5 million doses")
    assert result.verdict == "unverifiable"
    assert result.computed is None
    assert result.notes == (
        "pills are given by weight and no set publishes a pill's gross weight; give a pill mass to count them",
    )


def test_implausible_when_the_pills_alone_give_more_than_claimed() -> None:
    result = check(exact("44 million pills"), exact("100 kg"), "1 million doses")
    assert result.verdict == "implausible"
    assert result.implied is not None and result.implied.interval is None
    assert "Implausible: the pills alone already give more doses than claimed." in result.explanation


def test_implausible_when_the_purity_needed_is_outside_the_band() -> None:
    result = check(None, exact("1 kg"), "500,000 doses")
    assert result.verdict == "implausible"
    assert result.implied is not None and result.implied.describe() == "powder purity from 90% to 120%"
    assert result.matching_methods == ["powder-pure"]


def test_seizure_scale_uses_the_tested_range() -> None:
    aggregate = check(None, exact("1 kg"), "250,000 doses")
    seizure = check(None, exact("1 kg"), "250,000 doses", scale="seizure")
    assert (aggregate.verdict, seizure.verdict) == ("implausible", "plausible")
    assert seizure.implied is not None and seizure.implied.band is not None
    assert seizure.implied.band.basis == "tested range in dea-2022, 0% to 81.5%"


def test_unbounded_implied_value_that_reaches_the_band_is_plausible() -> None:
    # "nearly 100 kg" may be almost nothing, so any purity from 3% up reproduces the claim, the band's too.
    result = check(None, "nearly 100 kg", "2 million doses", purity="1%")
    assert result.implied is not None and result.implied.unbounded
    assert result.implied.interval is not None and result.implied.interval.low == F(3, 100)
    assert result.verdict == "plausible"


def test_zero_purity_leaves_the_pills_total() -> None:
    result = check(exact("1 million pills"), "nearly 100 kg", exact("1 million doses"), purity="0%")
    assert result.verdict == "consistent"


def test_zero_inputs_are_not_said_to_give_too_much() -> None:
    result = check(None, exact("0 kg"), "100 doses")
    assert "already give more doses than claimed" not in result.explanation


@pytest.mark.parametrize("chosen", ["dea-2022", "pure", "dea-2017"])
def test_aggregate_band_spans_the_yearly_means(chosen: str) -> None:
    powder = band_for("powder_purity", load_set(chosen), "aggregate")
    low, high, basis = aggregate_basis("powder_purity", percent)
    assert (powder.low, powder.high, powder.basis) == (low, high, basis)
    pills = band_for("doses_per_pill", load_set(chosen), "aggregate")
    means = yearly_means("pill_content")
    assert (pills.low, pills.high) == (min(means.values()) / 2, max(means.values()) / 2)


def test_seizure_band_is_the_sets_tested_range() -> None:
    band = band_for("powder_purity", load_set("dea-2022"), "seizure")
    assert (band.low, band.high) == (F(0), F(163, 200))
    assert band.basis == "tested range in dea-2022, 0% to 81.5%"


# --- diagnosis ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pills", "powder", "claim", "options", "method", "value"),
    [
        (None, "1 kg", "500,000 doses", {}, "powder-pure", F(500000)),
        ("1 million pills", "100 kg", "1,009,600 doses", {}, "dose-2g", F(1009600)),
        (None, "100 kg", "6.4 million doses", {}, "dose-3mg", F(6400000)),
        (None, "100 kg", "76.8 million doses", {}, "dose-0.25mg", F(76800000)),
        (None, "100 kg", "9.6 billion doses", {}, "scale-slip", F(9600000000)),
        ("10 million pills", None, "6 million doses", {}, "pills-lab-share", F(6000000)),
        ("10 million pills", None, "12 million doses", {}, "pills-mean-content", F(12000000)),
        ("1 million pills", None, "50 million doses", {"pill_mass": "100 mg"}, "pill-weight-as-drug", F(50000000)),
        ("10 kg", None, "5 million doses", {}, "pill-weight-as-drug", F(5000000)),
        ("10 kg", None, "5 million doses", {"pill_mass": "100 mg"}, "pill-weight-as-drug", F(5000000)),
        ("1 million pills", "100 kg", "1 million doses", {}, "pills-only", F(1000000)),
        ("1 million pills", "100 kg", "10.6 million doses", {}, "pills-one-each", F(10600000)),
        (None, "100 kg", "9.6 million doses", {}, "powder-set-purity", F(9600000)),
    ],
)
def test_each_method_reproduces_a_claim_made_its_way(pills, powder, claim, options, method, value) -> None:
    result = check(
        exact(pills) if pills else None, exact(powder) if powder else None, claim, reading="strict", **options
    )
    found = diagnosis(result)[method]
    assert found.matches
    assert found.value == value
    assert method in result.matching_methods


@pytest.mark.parametrize(
    ("claim", "factor"),
    [("1,477,272,727 doses", "1 kg = 2.2 lb"), ("1,474,190,329 doses", "1 kg = 2.2046 lb")],
)
def test_rounded_pound_factors_are_recognised(claim: str, factor: str) -> None:
    result = check(None, exact("6,500 pounds"), claim, assumptions="pure")
    pure = diagnosis(result)["powder-pure"]
    assert pure.matches and pure.note == f"with the rounded factor {factor}"
    assert pure.value == F(2948350405, 2)  # the figure at the exact factor, 1 lb = 453.59237 g
    assert result.implied is not None and result.implied.interval is not None
    assert result.implied.interval.low > 1  # at the exact factor it needs a little more than 100 %
    assert result.verdict == "implausible"  # not impossible: a rounded factor makes 100 % enough


def test_rounded_pound_factors_are_not_tried_for_kilograms() -> None:
    result = check(None, exact("2,948.350405 kg"), "1,477,272,727 doses", assumptions="pure")
    assert not diagnosis(result)["powder-pure"].matches
    assert result.matching_methods == []


def test_counted_pills_without_a_weight_cannot_be_weight_as_drug() -> None:
    result = check("1 million pills", None, "50 million doses")
    found = diagnosis(result)["pill-weight-as-drug"]
    assert (found.value, found.matches) == (None, False)
    assert found.note == "pills are counted, not weighed, and no pill weight is known"


def test_diagnosis_lists_matches_first() -> None:
    result = check("nearly 44 million pills", None, "almost 193 million doses")
    flags = [d.matches for d in result.diagnosis]
    assert flags == sorted(flags, reverse=True)
    assert {d.method for d in result.diagnosis} <= set(METHODS)


# --- the JSON contract -------------------------------------------------------------------------

_DECIMAL = re.compile(r"\d+(\.\d+)?")


def percent(value: Fraction) -> str:
    return f"{format_grouped(value * 100, 2)}%"


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
    assert implied["band"] == {"low": exact_text(low), "high": exact_text(high), "basis": basis}
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
    assert out["inputs"]["powder"]["step"] == "100" and out["notes"] == []


def test_json_of_doses_per_pill_and_of_an_unbounded_value() -> None:
    pills = check("nearly 44 million pills", None, "almost 193 million doses").to_dict()["implied"]
    assert (pills["low"], pills["high"]) == ("48/11", "193/43")
    assert pills["mg_per_pill"] == {"low": "96/11", "high": "386/43"}
    unbounded = check(None, "nearly 100 kg", "12.5 million doses").to_dict()["implied"]
    assert (unbounded["low"], unbounded["high"]) == ("0.249", None)
    assert unbounded["display"] == "powder purity of 24.9% or more"
    assert check(None, None, "193 million doses").to_dict()["computed"] is None


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "options", "error", "fragment"),
    [
        (("1 million pills", None, "1 million doses"), {"reading": "loose"}, InputError, "unknown reading 'loose'"),
        (("1 million pills", None, "1 million doses"), {"scale": "country"}, InputError, "unknown scale 'country'"),
        (
            ("1 million pills", None, "1 million doses"),
            {"pill_model": "two-per-pill"},
            InputError,
            "unknown pill model",
        ),
        (
            ("1 million pills", None, "1 million doses"),
            {"assumptions": "dea-1999"},
            UnknownAssumptionSetError,
            "dea-1999",
        ),
        (("1 million pills", None, "1 million pills"), {}, InputError, "must be a number of doses"),
        (("1 million pills", None, None), {}, InputError, "no claim given"),
        (("1 million pills", None, "   "), {}, InputError, "no claim given"),
        (("1 million doses", None, "1 million doses"), {}, InputError, "must be a count of pills or a mass of pills"),
        ((None, "1 million pills", "1 million doses"), {}, InputError, "must be a mass"),
        (("10 kg", None, "1 million doses"), {"pill_mass": "0 mg"}, InputError, "pill mass must be more than zero"),
    ],
)
def test_check_refuses(args, options, error, fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        check(*args, **options)
    assert issubclass(error, DoseconvError)


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=100)
@given(exact_masses, exact_masses, mass_units, shares, shares)
def test_powder_doses_are_monotone_in_mass_and_purity(m1, m2, unit, p1, p2) -> None:
    """More powder, or purer powder, never gives fewer doses; doses are mass x purity / 2 mg exactly."""
    (m_low, m_high), (p_low, p_high) = sorted((m1, m2)), sorted((p1, p2))
    low = powder_to_doses(m_low, unit, purity=p_low)
    assert low <= powder_to_doses(m_high, unit, purity=p_low) <= powder_to_doses(m_high, unit, purity=p_high)
    assert low <= powder_to_doses(m_low, unit, purity=p_high)
    assert low == F(m_low) * MASS_UNITS_MG[unit] * p_low / 2


@settings(max_examples=100)
@given(pill_counts, pill_counts, set_and_pill_models)
def test_pill_doses_are_monotone_in_count(c1, c2, set_and_model) -> None:
    """More pills never give fewer doses, under every set and pill model that can count them."""
    name, model = set_and_model
    low, high = sorted((c1, c2))
    assert pills_to_doses(low, model, assumptions=name) <= pills_to_doses(high, model, assumptions=name)
    assert pills_to_doses(low, model, assumptions=name) == low * pill_factor(load_set(name), model)


@settings(max_examples=100)
@given(
    single_qualifier_keys, readings, figure_steps,
    st.integers(0, 10**4), st.integers(0, 10**4), st.integers(0, 10**4), st.integers(0, 10**4), purity_texts, purity_texts,
)  # fmt: skip
def test_computed_doses_are_monotone_in_pills_powder_and_purity(key, reading, step, k1, k2, j1, j2, q1, q2) -> None:
    """Stated with the same words and step, more pills, more powder or a higher purity never lower either end
    of the computed interval."""
    (k_low, k_high), (j_low, j_high) = sorted((k1, k2)), sorted((j1, j2))
    q_low, q_high = sorted((q1, q2), key=lambda q: Decimal(q[:-1]))
    pills = [figure(k * step * 1000, "pill", "pills", step * 1000, key) for k in (k_low, k_high)]
    powder = [figure(j * step, "kilogram", "mass", step, key) for j in (j_low, j_high)]
    claim = "1 million doses"
    small = check(pills[0], powder[0], claim, reading=reading, purity=q_low).computed
    large = check(pills[1], powder[1], claim, reading=reading, purity=q_high).computed
    assert small is not None and large is not None
    assert small.low <= large.low and small.high <= large.high


def _in_unit(mg: Fraction, unit: str) -> str:
    return f"{exact_text(mg / MASS_UNITS_MG[unit])} {SPELLING.get(unit, unit)}"


@settings(max_examples=100, deadline=None)
@given(exact_masses, mass_units, st.sampled_from(METRIC_UNITS), st.one_of(st.none(), pill_counts), stated_numbers,
       single_qualifier_keys, readings, set_and_pill_models)  # fmt: skip
def test_exact_figures_in_other_units_give_the_same_check(
    mass, unit, metric, pills, number, key, reading, set_and_model
) -> None:
    """A powder mass known exactly, written in another unit (6,500 lb or 2,948.350405 kg), gives the same
    verdict, computed total, implied value and method figures.

    Stated figures carry a step that depends on the unit they are written in ("6,500 lb" is stated to
    100 lb, "2,948.350405 kg" to a gram), so the invariant holds for figures known to be exact, whose
    interval is a single mass. Only whether a method matches may differ, and only by the rounded pound
    factors that are tried for figures in pounds.
    """
    name, model = set_and_model
    mg = F(mass) * MASS_UNITS_MG[unit]
    phrase = (qualifier_rules()[key].phrases or ("",))[0]
    claim = f"{phrase} {number[2]} doses".strip()
    pill_figure = exact(f"{pills} pills") if pills is not None else None
    results = [
        check(pill_figure, exact(_in_unit(mg, u)), claim, assumptions=name, pill_model=model, reading=reading)
        for u in (unit, metric)
    ]
    first, second = results
    assert first.verdict == second.verdict
    assert first.computed == second.computed
    assert (first.implied.interval, first.implied.unbounded) == (second.implied.interval, second.implied.unbounded)
    for method, found in diagnosis(first).items():
        other = diagnosis(second)[method]
        assert (found.value, found.interval) == (other.value, other.interval)
        if found.matches != other.matches:
            assert unit == "lb" and found.note.startswith("with the rounded factor") and not other.matches


@settings(max_examples=100, deadline=None)
@given(single_qualifier_keys, readings, figure_steps, st.integers(1, 10**4), mass_units, mass_units,
       dose_counts, sets_with_purity)  # fmt: skip
def test_a_stated_mass_converted_exactly_to_another_unit_gives_the_same_verdict(
    key, reading, step, k, unit, other, doses, name
) -> None:
    """Metamorphic: a stated powder figure (any qualifier) with its value and step converted exactly to another
    unit allows the same masses, so the verdict, computed interval and implied value do not change."""
    unit_names = {"mg": "milligram", "g": "gram", "kg": "kilogram", "lb": "pound", "oz": "ounce",
                  "short tons": "short_ton", "tonnes": "tonne"}  # fmt: skip
    original = figure(k * step, unit_names[unit], "mass", step, key)
    moved = StatedFigure(original.text, key, original.phrase, original.amount.to(other))
    claim = f"about {doses:,} doses"
    first = check(None, original, claim, assumptions=name, reading=reading)
    second = check(None, moved, claim, assumptions=name, reading=reading)
    assert (first.verdict, first.computed) == (second.verdict, second.computed)
    assert first.implied.interval == second.implied.interval


@settings(max_examples=150)
@given(exact_masses, purities_near_published, st.sampled_from(["aggregate", "seizure"]), sets_with_purity)
def test_verdict_of_an_exact_powder_claim_follows_the_purity_it_needs(mass, p, scale, name) -> None:
    """A claim made exactly from a known mass at purity p implies exactly p, and the verdict is:
    consistent when p is the set's purity, else impossible above 100 %, else plausible inside the band,
    else implausible."""
    kg = F(mass)
    doses = kg * 10**6 * p / 2
    result = check(None, exact(f"{mass} kg"), exact(f"{exact_text(doses)} doses"), assumptions=name, scale=scale)
    chosen = load_set(name)
    assert result.implied is not None and result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (p, p)
    band = band_for("powder_purity", chosen, scale)
    if p == chosen.powder_purity.value:
        expected = "consistent"
    elif p > 1:
        expected = "impossible"
    elif band.low <= p <= band.high:
        expected = "plausible"
    else:
        expected = "implausible"
    assert result.verdict == expected


@settings(max_examples=150)
@given(st.integers(1, 10**8), doses_per_pill_near_published, set_and_pill_models)
def test_verdict_of_an_exact_pill_claim_follows_the_doses_per_pill_it_needs(count, d, set_and_model) -> None:
    """A claim of exactly count x d doses implies exactly d doses per pill: consistent when d is the model's
    factor, else plausible inside the band of mean contents, else implausible."""
    name, model = set_and_model
    result = check(
        exact(f"{count} pills"), None, exact(f"{exact_text(count * d)} doses"), assumptions=name, pill_model=model
    )
    assert result.implied is not None and result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (d, d)
    band = band_for("doses_per_pill", load_set(name), "aggregate")
    if d == pill_factor(load_set(name), model):
        expected = "consistent"
    elif band.low <= d <= band.high:
        expected = "plausible"
    else:
        expected = "implausible"
    assert result.verdict == expected


@settings(max_examples=100)
@given(stated_numbers, stated_numbers, stated_numbers, single_qualifier_keys, set_and_pill_models)
def test_consistent_under_the_strict_reading_is_consistent_under_the_lenient(
    pills, powder, doses, key, set_and_model
) -> None:
    """The strict reading allows fewer values than the lenient one, so a claim the inputs reproduce strictly
    they reproduce leniently too; and every verdict is one of VERDICTS."""
    name, model = set_and_model
    phrase = (qualifier_rules()[key].phrases or ("",))[0]
    args = (f"{pills[2]} pills", f"{phrase} {powder[2]} kg".strip(), f"{phrase} {doses[2]} doses".strip())
    strict = check(*args, assumptions=name, pill_model=model, reading="strict")
    lenient = check(*args, assumptions=name, pill_model=model, reading="lenient")
    assert strict.verdict in VERDICTS and lenient.verdict in VERDICTS
    if strict.verdict == "consistent":
        assert lenient.verdict == "consistent"
    assert lenient.claimed.hull(strict.claimed) == lenient.claimed
