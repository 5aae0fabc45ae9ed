"""Scales and bands: the range of a parameter a verdict accepts at each scale, from the DEA sets."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

from ..assumptions import AssumptionSet, load_set, set_names
from ..parameters import Parameter
from .results import Band

__all__ = ["SCALES", "band_for", "half_digit", "highest_mean"]

SCALES: dict[str, str] = {
    "aggregate": "a total over many seizures (a year, an operation, a country): the band of DEA's yearly means applies",
    "seizure": "one seizure: for powder, anything in the tested range of single exhibits applies; for pills, an "
    "average over the seizure's pills, the band of yearly means",
}

#: The checked parameter -> the set parameter its band comes from (None: no band).
_SOURCE = {"powder_purity": "powder_purity", "doses_per_pill": "pill_content", "pill_purity": None}


def _dea_sets() -> list[AssumptionSet]:
    return [load_set(name) for name in set_names() if name != "pure"]


def band_for(parameter: str, chosen: AssumptionSet, scale: str) -> Band | None:
    """The range of ``parameter`` a verdict accepts at ``scale`` (see docs/methodology.md).

    >>> band_for("powder_purity", load_set("dea-2022"), "aggregate").basis
    'yearly means published by DEA, 5.3% (dea-2018) to 19.5% (dea-2023)'
    """
    source = _SOURCE[parameter]
    if source is None:
        return None
    own = chosen.parameter(source)
    own_counts = own.origin == "published" and chosen.name != "pure"  # an override or a convention does not
    return _band(parameter, scale, chosen.require("lethal_dose"), own, own_counts, chosen.label)


@lru_cache(maxsize=256)
def _band(parameter: str, scale: str, lethal: Fraction, own: Parameter, own_counts: bool, label: str) -> Band | None:
    """:func:`band_for` from what it reads of the chosen set (the same few sets recur: remembered)."""
    source = _SOURCE[parameter]
    assert source is not None
    per = Fraction(1) if parameter == "powder_purity" else 1 / lethal  # pill content (mg) -> doses per pill
    # Pills are counted by the thousand: the doses per pill a claim needs are an average over the seizure's
    # pills, which the yearly means describe; the tested range is that of single tablets. Powder in one
    # seizure can be anywhere in the range of single exhibits.
    if scale == "aggregate" or parameter == "doses_per_pill":
        means = {s.name: s.parameter(source).value for s in _dea_sets() if s.parameter(source).value is not None}
        if own.value is not None and own_counts:
            means[label] = own.value  # a user's own cited set counts (by its label: a file may reuse a name)
        if not means:
            return None
        low_name = min(means, key=lambda n: means[n])  # type: ignore[arg-type,return-value]
        high_name = max(means, key=lambda n: means[n])  # type: ignore[arg-type,return-value]
        low, high = means[low_name], means[high_name]
        assert low is not None and high is not None
        basis = f"yearly means published by DEA, {own.show(low)} ({low_name}) to {own.show(high)} ({high_name})"
        return Band(low * per, high * per, basis, (half_digit(own, low) * per, half_digit(own, high) * per))
    if own.range is not None and own_counts:
        low, high = own.range
        basis = f"tested range in {label}, {own.show(low)} to {own.show(high)}"
        return Band(low * per, high * per, basis, (half_digit(own, low) * per, half_digit(own, high) * per), "range")
    ranges = [(s.name, r) for s in _dea_sets() if (r := s.parameter(source).range)]
    if not ranges:
        return None
    low = min(r[0] for _, r in ranges)
    high = max(r[1] for _, r in ranges)
    names = ", ".join(name for name, _ in ranges)
    basis = f"widest tested range published by DEA ({names}), {own.show(low)} to {own.show(high)}"
    return Band(low * per, high * per, basis, (half_digit(own, low) * per, half_digit(own, high) * per), "range")


def half_digit(parameter: Parameter, value: Fraction) -> Fraction:
    """Half a unit of the last digit ``value`` was published to, in the parameter's own units (19.5 % → 0.05 %).

    >>> half_digit(load_set("dea-2023").powder_purity, Fraction(39, 200))
    Fraction(1, 2000)
    """
    scale = 100 if parameter.kind == "share" else 1  # shares are published as percentages, masses in mg
    shown = value * scale
    places = 0
    while (shown * 10**places).denominator != 1 and places < 12:
        places += 1
    return Fraction(1, 2 * 10**places) / scale


def highest_mean(parameter: str, chosen: AssumptionSet) -> Fraction | None:
    """The highest yearly mean DEA has published for what ``parameter`` measures (None when none is), read at the
    precision it was published to (19.5 % reaches 19.55 %).

    A share of the pills' weight is compared with the powder purity means: no DEA figure puts a
    pill's fentanyl share anywhere near them (a 2.4 mg mean in a pill of about 100 mg).

    >>> highest_mean("powder_purity", load_set("dea-2022"))  # 19.5 %, read to 19.55 %
    Fraction(391, 2000)
    """
    source = "powder_purity" if parameter in ("powder_purity", "pill_purity") else "pill_content"
    means = [(value, s.parameter(source)) for s in _dea_sets() if (value := s.parameter(source).value) is not None]
    if not means:
        return None
    per = Fraction(1) if source == "powder_purity" else 1 / chosen.require("lethal_dose")
    top, parameter_of = max(means, key=lambda m: m[0])
    return (top + half_digit(parameter_of, top)) * per
