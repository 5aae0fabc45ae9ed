"""The context of one claim: read and checked once, frozen, and what each step is given."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from doseconv.checker.context import build_context
from doseconv.overrides import Overrides
from doseconv.reading.stated import parse_stated


def _context(pills=None, powder=None, claim="1 million doses", *, assumptions=None, overrides=Overrides(), **options):
    settings = {"pill_model": None, "reading": "lenient", "scale": "aggregate", **options}
    return build_context(pills, powder, claim, assumptions=assumptions, overrides=overrides, **settings)


def test_figures_are_read_once_and_parsed_figures_are_kept_as_given() -> None:
    powder = parse_stated("more than 6,500 pounds")
    ctx = _context("nearly 44 million pills", powder, "nearly 193 million doses")
    assert ctx.powder is powder
    assert ctx.pills is not None and ctx.pills.text == "nearly 44 million pills"
    assert ctx.claimed == ctx.claim.interval("lenient")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.scale = "seizure"  # type: ignore[misc]


def test_per_pill_and_pill_mass_come_from_the_set_or_the_overrides() -> None:
    assert _context("10 pills", pill_model="lab-share", assumptions="dea-2023").per_pill == Fraction(7, 10)
    assert _context("10 pills", pill_model="mean-content", assumptions="dea-2023").per_pill is None  # unpublished
    assert _context("10 kg").pill_mass is None
    assert _context("10 kg", overrides=Overrides(pill_mass="100 mg")).pill_mass == Fraction(100)
    lethal = _context(None, "1 kg", overrides=Overrides(lethal_dose="3 mg", purity="10%"))
    assert (lethal.lethal, lethal.purity) == (Fraction(3), Fraction(1, 10))


def test_blank_inputs_are_no_inputs() -> None:
    ctx = _context("  ", "")
    assert (ctx.pills, ctx.powder, ctx.has_inputs) == (None, None, False)
