"""The table of diagnosis methods: one row per method, each tried when its figure is stated."""

from __future__ import annotations

from fractions import Fraction
from types import SimpleNamespace
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.checker import METHOD_TABLE, METHODS, check
from doseconv.checker.methods import Method
from doseconv.checker.rows import METHOD_BY_NAME

from .checking import F, diagnosis, exact


def test_the_table_is_the_one_list_of_methods() -> None:
    assert list(METHODS) == [m.name for m in METHOD_TABLE]
    assert len(set(METHODS)) == len(METHOD_TABLE)
    assert all(isinstance(m, Method) and m.description for m in METHOD_TABLE)
    assert {m.needs for m in METHOD_TABLE} == {"", "pills", "powder"}


def test_each_method_is_tried_when_its_figure_is_stated() -> None:
    both = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    assert sorted(d.method for d in both.diagnosis) == sorted(METHODS)
    pills_only = check("nearly 44 million pills", None, "almost 193 million doses")
    # Each pill one dose and no powder: a dose size changes nothing, so those rows are no explanation of their own.
    assert sorted(d.method for d in pills_only.diagnosis) == sorted(
        m.name for m in METHOD_TABLE if m.needs != "powder" and not m.name.startswith("dose-")
    )
    by_content = check("nearly 44 million pills", None, "almost 193 million doses", pill_model="mean-content")
    assert sorted(d.method for d in by_content.diagnosis) == sorted(m.name for m in METHOD_TABLE if m.needs != "powder")
    powder_only = check(None, "21,889 pounds", "738.5 million doses")
    assert sorted(d.method for d in powder_only.diagnosis) == sorted(m.name for m in METHOD_TABLE if m.needs != "pills")


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


def _nearest_multiple_by_fractions(result, value, claimed, multipliers):
    """The slip row's choice written with Fractions throughout: a match first, then the nearest figure."""
    best = None
    for multiplier, label in multipliers:
        matches = (result * multiplier).overlaps(claimed)
        off = claimed.distance(value * multiplier) / claimed.high if claimed.high else Fraction(0)
        if best is None or (matches, -off) > (best[0], -best[1]):
            best = (matches, off, multiplier, label)
    return best[0], best[2]


ends = st.fractions(min_value=0, max_value=10**9, max_denominator=10**4)


@settings(max_examples=300, deadline=None)
@given(ends, ends, ends, ends, ends, st.booleans(), st.booleans())
def test_the_slip_row_picks_what_fractions_pick(a, b, c, d, v, low_open, high_open) -> None:
    """The slip row compares whole numbers on a common scale; its choice equals the Fraction one's."""
    from doseconv.checker import methods
    from doseconv.checker.arithmetic import Recipe
    from doseconv.intervals import Interval

    result = Interval(min(a, b), max(a, b))
    claimed = Interval(min(c, d), max(c, d), low_open and c != d, high_open and c != d)
    base = Recipe(Fraction(1), None, Fraction(2))
    ctx = SimpleNamespace(claimed=claimed)
    slip = next(m for m in METHOD_TABLE if m.slips)
    with patch.object(methods, "total", lambda *_: result), patch.object(methods, "central", lambda *_: v):
        row = methods._best_multiple(slip, base, ctx)  # type: ignore[arg-type]
    multipliers = [(s.multiplier, s.label) for s in slip.slips]
    matches, multiplier = _nearest_multiple_by_fractions(result, v, claimed, multipliers)
    assert (row.matches, row.value) == (matches, v * multiplier)


claim_shapes = st.tuples(
    st.sampled_from(["", "nearly ", "more than ", "about "]),
    st.integers(min_value=1, max_value=10**7),
    st.sampled_from([None, "4 kg", "more than 6,500 pounds", "about 12 kilos"]),
    st.sampled_from(["one-per-pill", "lab-share", "mean-content"]),
    st.sampled_from(["dea-2022", "dea-2019", "pure"]),
    st.integers(min_value=1, max_value=10**9),
)


@settings(max_examples=150, deadline=None)
@given(claim_shapes)
def test_rows_not_tried_are_rows_the_diagnosis_would_leave_out(shape) -> None:
    """Skipping a method sure to give the set's own total again changes nothing in the diagnosis."""
    from doseconv.checker import methods

    word, pills, powder, model, chosen, doses = shape
    result = check(f"{word}{pills:,} pills", powder, f"{word}{doses:,} doses", pill_model=model, assumptions=chosen)
    made = result.details()._diagnose  # the diagnosis as the result makes it, not yet made
    with patch.object(methods, "_own_again", lambda *_: False):
        everything = made()
    assert list(result.diagnosis) == everything


@settings(max_examples=300, deadline=None)
@given(ends, ends, ends, ends, ends, st.booleans(), st.booleans())
def test_slips_on_a_row_are_those_fractions_find(a, b, c, d, v, low_open, high_open) -> None:
    """A slip on top of a row is tried where whole-number bounds allow it; it finds what Fractions find."""
    from doseconv.checker.combine import _slipped
    from doseconv.checker.methods import SLIPS
    from doseconv.checker.results import Diagnosis
    from doseconv.intervals import Interval

    interval = Interval(min(a, b), max(a, b))
    claimed = Interval(min(c, d), max(c, d), low_open and c != d, high_open and c != d)
    row = Diagnosis((METHOD_BY_NAME["powder-set-purity"],), v, False, "", interval)
    found = [d.note for d in _slipped(SimpleNamespace(claimed=claimed), [row])]  # type: ignore[arg-type]
    expected = (
        []
        if interval.low == 0
        else [f"the figure {s.label}" for s in SLIPS if (interval * s.multiplier).overlaps(claimed)]
    )
    assert found == expected


@pytest.mark.parametrize(
    ("row", "claim", "slip"),
    [((Fraction(1), Fraction(2)), (Fraction(10), Fraction(10)), "the figure x10"),  # the claim at the row's low end
     ((Fraction(1), Fraction(2)), (Fraction(2000), Fraction(3000)), "the figure x1000"),  # at its high end
     ((Fraction(30), Fraction(40)), (Fraction(3, 10), Fraction(3, 10)), "the figure /100")],
)  # fmt: skip
def test_a_slip_that_meets_the_claim_at_an_end_is_found(row, claim, slip) -> None:
    from doseconv.checker.combine import _slipped
    from doseconv.checker.results import Diagnosis
    from doseconv.intervals import Interval

    found = _slipped(
        SimpleNamespace(claimed=Interval(*claim)),  # type: ignore[arg-type]
        [Diagnosis((METHOD_BY_NAME["powder-set-purity"],), row[0], False, "", Interval(*row))],
    )
    assert [d.note for d in found] == [slip]


def test_each_row_holds_all_of_its_method() -> None:
    """Label, recipe, dose size, pill model and plain wording live in the row; nothing beside the table names them."""
    from doseconv.checker import correction, people

    for row in METHOD_TABLE:
        assert row.name and row.description and row.plain
    assert not hasattr(correction, "METHOD_PLAIN") and not hasattr(people, "METHOD_PLAIN")
    assert {row.name: row.dose_mg for row in METHOD_TABLE if row.dose_mg is not None} == {
        "dose-2g": Fraction(2000), "dose-3mg": Fraction(3), "dose-0.25mg": Fraction(1, 4)
    }  # fmt: skip
    assert {row.name: row.pill_model for row in METHOD_TABLE if row.pill_model} == {
        "powder-pure": "one-per-pill", "pills-one-each": "one-per-pill", "pills-lab-share": "lab-share",
        "pills-mean-content": "mean-content",
    }  # fmt: skip
    assert [row.name for row in METHOD_TABLE if row.counts_pure] == ["powder-pure", "pill-weight-as-drug"]


def test_a_combination_is_a_tuple_of_rows() -> None:
    result = check("1 million pills", "10 kg", "600,000 doses")
    combined = [d for d in result.diagnosis if len(d.rows) > 1]
    assert [d.method for d in combined][:2] == ["pills-lab-share+pills-only", "powder-pure+scale-slip"]
    for d in result.diagnosis:
        assert all(row in METHOD_TABLE for row in d.rows)
        assert d.method == "+".join(row.name for row in d.rows)
    assert combined[1].words == ("counting the powder as pure fentanyl", "a slip of ten (a misplaced digit)")


@pytest.mark.parametrize(
    ("pills", "powder", "claim", "plain"),
    [
        ("1 million pills", None, "10 million doses",
         "Counting each pill as one lethal dose, 1 million fentanyl pills hold 1 million lethal doses of 2 mg, not "
         "the 10 million claimed; 10 million comes from a slip of ten (a misplaced digit)."),
        (None, "10 kg", "96,000 doses",
         "At the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment, 10 kg of seized "
         "fentanyl powder holds 960,000 lethal doses of 2 mg, not the 96,000 claimed; 96,000 comes from a slip of "
         "ten (a misplaced digit)."),
        ("1 million pills", None, "1 billion doses", None),
    ],
)  # fmt: skip
def test_a_slip_is_said_as_the_slip_it_is(pills, powder, claim, plain) -> None:
    result = check(pills, powder, claim)
    if plain is None:  # a slip of a thousand says so
        assert result.plain.endswith("a slip of a thousand (thousands, millions and billions mixed up).")
    else:
        assert result.plain == plain
