"""The verdict: each rule of the decision, and verdicts that follow the value a claim needs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.assumptions import load_set, pill_factor
from doseconv.checker import VERDICTS, band_for, check
from doseconv.reading.numbers import exact_text
from doseconv.reading.stated import qualifier_rules

from .checking import F, exact
from .strategies import (
    doses_per_pill_near_published,
    exact_masses,
    purities_near_published,
    set_and_pill_models,
    sets_with_purity,
    single_qualifier_keys,
    stated_numbers,
)

# --- each verdict ------------------------------------------------------------------------------


def test_consistent_when_the_inputs_give_the_claim() -> None:
    result = check(None, "1 kg", "500,000 doses", assumptions="pure")
    assert result.verdict == "consistent"
    assert str(result.computed) == "[250000, 750000)"
    assert "Consistent: the inputs give the claimed total under the set's central values." in result.explanation


def test_impossible_when_the_claim_needs_more_than_pure_fentanyl() -> None:
    result = check(None, "1.0 kg", "1.0 million doses", assumptions="pure")
    assert result.verdict == "impossible"
    assert result.implied is not None and result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (F(38, 21), F(42, 19))
    assert result.implied.interval.low > 1
    assert "Impossible: it needs more fentanyl than the stated mass holds." in result.explanation


def test_bare_figures_are_read_at_face_value() -> None:
    """A bare "1 kg" is 0.5 kg up to (not including) 1.5 kg, so a million doses from it are more than it holds."""
    result = check(None, "1 kg", "1 million doses", assumptions="pure")
    assert result.verdict == "impossible"
    assert str(result.computed) == "[250000, 750000)"


def test_unverifiable_without_inputs() -> None:
    result = check(None, None, "193 million doses")
    assert result.verdict == "unverifiable"
    assert result.computed is None and result.implied is None
    assert (
        "Unverifiable: no pills or powder are given with the claim, so there is nothing to compute the total from."
        in result.explanation
    )


def test_unverifiable_when_pills_are_weighed_and_no_pill_mass_is_known() -> None:
    result = check("10 kg", None, "50,000 doses")
    assert result.verdict == "unverifiable"
    assert result.computed is None
    assert result.notes[1:] == (
        "pills are given by weight and no set publishes a pill's gross weight; give a pill mass to count them",
    )


def test_pills_by_weight_counted_as_pure_fentanyl_is_an_upper_bound_even_without_a_pill_mass() -> None:
    """No pill mass is needed to see that a total counts the pills' whole weight as fentanyl."""
    result = check("10 kg", None, "5 million doses")
    assert result.verdict == "upper-bound"
    assert result.computed is None
    assert result.matching_methods[0] == "pill-weight-as-drug"


def test_pills_by_weight_beyond_their_whole_weight_is_impossible_without_a_pill_mass() -> None:
    assert check("2 lb", None, "more than 1 million doses").verdict == "impossible"


def test_implausible_when_the_pills_alone_give_more_than_claimed() -> None:
    result = check(exact("44 million pills"), exact("100 kg"), "1 million doses")
    assert result.verdict == "implausible"
    assert result.implied is not None and result.implied.interval is None
    assert "Implausible: the pills alone already give more doses than claimed." in result.explanation


def test_upper_bound_when_the_powder_is_counted_as_pure() -> None:
    result = check(None, exact("1 kg"), "500,000 doses")
    assert result.verdict == "upper-bound"
    assert (
        result.implied is not None
        and result.implied.describe() == "powder purity from 99% to 101% (above 100% it cannot be)"
    )
    assert result.matching_methods == ["powder-pure"]


def test_implausible_when_the_purity_needed_is_outside_the_band() -> None:
    result = check(None, exact("1 kg"), "25,000 doses")
    assert result.verdict == "implausible"
    assert result.implied is not None and result.implied.describe() == "powder purity from 4.9% to 5.1%"
    assert result.matching_methods == []


def test_seizure_scale_uses_the_tested_range() -> None:
    aggregate = check(None, exact("1 kg"), "250,000 doses")
    seizure = check(None, exact("1 kg"), "250,000 doses", scale="seizure")
    assert (aggregate.verdict, seizure.verdict) == ("implausible", "plausible")
    assert seizure.implied is not None and seizure.implied.band is not None
    assert seizure.implied.band.basis == "tested range in dea-2022, 0% to 81.5%"


def test_unbounded_implied_value_that_reaches_the_band_is_plausible() -> None:
    # "less than 100 kg" may be almost nothing, so any purity from 3.9% up reproduces the claim, the band's too.
    result = check(None, "less than 100 kg", "2 million doses", purity="1%")
    assert result.implied is not None and result.implied.unbounded
    assert result.implied.interval is not None and result.implied.interval.low == F(39, 1000)
    assert result.verdict == "plausible"


def test_zero_purity_leaves_the_pills_total() -> None:
    result = check(exact("1 million pills"), "nearly 100 kg", exact("1 million doses"), purity="0%")
    assert result.verdict == "consistent"


def test_zero_inputs_are_not_said_to_give_too_much() -> None:
    result = check(None, exact("0 kg"), "100 doses")
    assert "already give more doses than claimed" not in result.explanation


# --- properties ---


@settings(max_examples=150)
@given(exact_masses, purities_near_published, st.sampled_from(["aggregate", "seizure"]), sets_with_purity)
def test_verdict_of_an_exact_powder_claim_follows_the_purity_it_needs(mass, p, scale, name) -> None:
    """A claim made exactly from a known mass at purity p implies exactly p, and the verdict is:
    consistent when p is the set's purity, else impossible above 100 %, upper-bound at exactly 100 % (the
    powder counted as pure), else plausible inside the band, else implausible."""
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
    elif p == 1:
        expected = "upper-bound"
    elif band.reach[0] <= p <= band.reach[1]:  # the band read at DEA's published precision
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
    elif band.reach[0] <= d <= band.reach[1]:  # the band read at DEA's published precision
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
