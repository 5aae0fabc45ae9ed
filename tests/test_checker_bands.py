"""Bands: the range a verdict accepts at each scale."""

from __future__ import annotations

import pytest

from doseconv.assumptions import load_set
from doseconv.checker import band_for

from .checking import F, aggregate_basis, percent, yearly_means


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
