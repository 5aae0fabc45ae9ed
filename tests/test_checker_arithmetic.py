"""Interval arithmetic of the recipes: totals monotone in every input, exact across units."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.assumptions import load_set, pill_factor
from doseconv.checker import check
from doseconv.convert import pills_to_doses, powder_to_doses
from doseconv.reading.numbers import exact_text
from doseconv.reading.stated import StatedFigure, qualifier_rules

from .checking import METRIC_UNITS, SPELLING, F, diagnosis, exact, figure
from .strategies import (
    MASS_UNITS_MG,
    dose_counts,
    exact_masses,
    figure_steps,
    mass_units,
    pill_counts,
    purity_texts,
    readings,
    set_and_pill_models,
    sets_with_purity,
    shares,
    single_qualifier_keys,
    stated_numbers,
)

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
