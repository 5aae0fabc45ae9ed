"""Exact interval arithmetic: every pointwise result lies in the result interval."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.intervals import Interval

from .strategies import intervals_with_points, positive_intervals_with_points

F = Fraction


@settings(max_examples=300)
@given(intervals_with_points, intervals_with_points)
def test_sum_contains_every_pointwise_sum(a_and_x, b_and_y) -> None:
    """For x in A and y in B (open ends respected), x + y lies in A + B."""
    (a, x), (b, y) = a_and_x, b_and_y
    assert x in a and y in b
    assert x + y in a + b


@settings(max_examples=300)
@given(intervals_with_points, intervals_with_points)
def test_product_contains_every_pointwise_product(a_and_x, b_and_y) -> None:
    """For x in A and y in B (non-negative, open ends respected), x * y lies in A * B."""
    (a, x), (b, y) = a_and_x, b_and_y
    product = a * b
    assert x * y in product
    assert not product.is_empty


@settings(max_examples=300)
@given(intervals_with_points, positive_intervals_with_points)
def test_quotient_contains_every_pointwise_quotient(a_and_x, b_and_y) -> None:
    """For x in A and y in B (B above zero, open ends respected), x / y lies in A / B."""
    (a, x), (b, y) = a_and_x, b_and_y
    assert x / y in a / b


@settings(max_examples=200)
@given(intervals_with_points, intervals_with_points)
def test_result_ends_are_the_results_of_the_ends(a_and_x, b_and_y) -> None:
    """The result's ends are the pointwise results of the operands' ends (no needless widening)."""
    (a, _), (b, _) = a_and_x, b_and_y
    total = a + b
    assert (total.low, total.high) == (a.low + b.low, a.high + b.high)
    product = a * b
    assert (product.low, product.high) == (a.low * b.low, a.high * b.high)


@settings(max_examples=200)
@given(intervals_with_points, intervals_with_points)
def test_hull_and_intersection_hold_the_points(a_and_x, b_and_y) -> None:
    """x in A and y in B lie in hull(A, B); a point of both lies in their intersection."""
    (a, x), (b, y) = a_and_x, b_and_y
    hull = a.hull(b)
    assert x in hull and y in hull
    both = a.intersect(b)
    if x in b:
        assert a.overlaps(b) and both is not None and x in both
    if both is None:
        assert not a.overlaps(b) and x not in b and y not in a


@given(intervals_with_points)
def test_distance_is_zero_inside(a_and_x) -> None:
    """A point of the interval is at distance 0 from it; a point past the top is at its gap."""
    a, x = a_and_x
    assert a.distance(x) == 0
    assert a.distance(a.high + 3) == 3


# Pinned regressions of the zero cases (each is a pointwise result the arithmetic must keep).


def test_product_with_zero_is_zero() -> None:
    assert 0 in Interval(F(1), F(2), high_open=True) * Interval.point(0)


def test_zero_over_open_divisor_end_is_zero() -> None:
    assert 0 in Interval(F(0), F(1)) / Interval(F(1), F(2), high_open=True)


def test_zero_point_over_open_divisor_is_zero() -> None:
    assert 0 in Interval.point(0) / Interval(F(1), F(2), low_open=True)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (Interval(F(1), F(2)), Interval(F(3), F(4)), "[4, 6]"),
        (Interval(F(1), F(2), low_open=True), Interval(F(3), F(4), high_open=True), "(4, 6)"),
        (Interval(F(1), F(2), high_open=True), Interval.point(3), "[4, 5)"),
    ],
)
def test_sum_examples(left: Interval, right: Interval, expected: str) -> None:
    assert str(left + right) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (Interval(F(1), F(2)), Interval(F(3), F(4)), "[3, 8]"),
        (Interval(F(0), F(2), low_open=True), Interval(F(0), F(4)), "[0, 8]"),  # 0 * y = 0 is reached
        (Interval(F(0), F(2), low_open=True), Interval(F(0), F(4), low_open=True), "(0, 8]"),
        (Interval(F(1), F(2), low_open=True), Interval(F(3), F(4)), "(3, 8]"),
        (Interval(F(1), F(2)), F(1, 2), "[0.5, 1]"),
    ],
)
def test_product_examples(left: Interval, right, expected: str) -> None:
    assert str(left * right) == expected


def test_quotient_example() -> None:
    assert str(Interval(F(192000000), F(193000000), high_open=True) / Interval(F(4), F(5), low_open=True)) == (
        "[38400000, 48250000)"
    )


def test_str_writes_non_terminating_ends_as_fractions() -> None:
    assert str(Interval(F(1, 3), F(1, 2), low_open=True)) == "(1/3, 0.5]"


def test_to_dict_gives_exact_text_and_open_flags_only_when_open() -> None:
    assert Interval(F(1, 4), F(1, 3)).to_dict() == {"low": "0.25", "high": "1/3"}
    assert Interval(F(1), F(2), high_open=True).to_dict() == {
        "low": "1", "high": "2", "low_open": False, "high_open": True,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("left", "right", "overlap"),
    [
        (Interval(F(1), F(2)), Interval(F(2), F(3)), True),
        (Interval(F(1), F(2), high_open=True), Interval(F(2), F(3)), False),
        (Interval(F(1), F(2)), Interval(F(2), F(3), low_open=True), False),
        (Interval(F(2), F(3)), Interval(F(1), F(2), high_open=True), False),
        (Interval(F(1), F(5)), Interval(F(2), F(3)), True),
        (Interval(F(1), F(2)), Interval(F(3), F(4)), False),
    ],
)
def test_overlaps_respects_open_ends(left: Interval, right: Interval, overlap: bool) -> None:
    assert left.overlaps(right) is overlap
    assert right.overlaps(left) is overlap


def test_refuses_backwards_intervals_and_negative_products_and_zero_divisors() -> None:
    with pytest.raises(ValueError, match="empty interval"):
        Interval(F(2), F(1))
    with pytest.raises(ValueError, match="non-negative"):
        Interval(F(-1), F(1)) * Interval(F(1), F(2))
    with pytest.raises(ValueError, match="reaches zero"):
        Interval(F(1), F(2)) / Interval(F(0), F(1))


def test_point_interval_contains_only_its_point() -> None:
    point = Interval.point(7)
    assert 7 in point and F(7) in point
    assert F(69999, 10000) not in point and 8 not in point
    assert not point.is_empty
    assert Interval(F(7), F(7), high_open=True).is_empty


def _overlaps_by_fractions(a: Interval, b: Interval) -> bool:
    if a.high < b.low or b.high < a.low:
        return False
    if a.high == b.low:
        return not (a.high_open or b.low_open)
    if b.high == a.low:
        return not (b.high_open or a.low_open)
    return True


ends_ = st.fractions(min_value=0, max_value=10**6, max_denominator=50)


@given(ends_, ends_, ends_, ends_, st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_overlaps_and_distance_agree_with_fraction_comparisons(a, b, c, d, lo1, hi1, lo2, hi2) -> None:
    """Ends compared as cross-multiplied whole numbers give what Fraction comparisons give."""
    first = Interval(min(a, b), max(a, b), lo1 and a != b, hi1 and a != b)
    second = Interval(min(c, d), max(c, d), lo2 and c != d, hi2 and c != d)
    assert first.overlaps(second) == _overlaps_by_fractions(first, second)
    expected = first.low - c if c < first.low else (c - first.high if c > first.high else Fraction(0))
    assert first.distance(c) == expected
