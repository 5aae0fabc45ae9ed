"""The one pint registry doseconv uses, built from ``data/units.txt`` with exact (Fraction) magnitudes."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .errors import AmbiguousUnitError, UnitError

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = ["KIND_OF_DIMENSION", "PHRASES", "TON_MESSAGE", "get_registry", "resolve_unit", "unit_factor"]

#: What each dimension of the registry is called in messages.
KIND_OF_DIMENSION = {"[mass]": "mass", "[pill]": "pills", "[lethal_dose]": "doses"}

TON_MESSAGE = (
    '"{word}" is ambiguous: write "short tons" (2,000 lb = 907.18474 kg, the usual US reading) '
    'or "tonnes" (metric, 1,000 kg)'
)

# Multi-word spellings and news-copy words mapped onto registry names. Only letters reach pint.
PHRASES = {
    "short ton": "short_ton",
    "short tons": "short_ton",
    "us ton": "short_ton",
    "us tons": "short_ton",
    "long ton": "long_ton",
    "long tons": "long_ton",
    "metric ton": "tonne",
    "metric tons": "tonne",
    "metric tonne": "tonne",
    "metric tonnes": "tonne",
    "lethal dose": "lethal_dose",
    "lethal doses": "lethal_dose",
    "kilos": "kilogram",
    "grams": "gram",
}
_AMBIGUOUS = {"ton", "tons", "t"}
_UNIT_TEXT = re.compile(r"[A-Za-z][A-Za-z _\-]*")


@lru_cache(maxsize=1)
def get_registry() -> pint.UnitRegistry:
    """Return the shared registry (built once, on first use).

    >>> ureg = get_registry()
    >>> ureg.Quantity(Fraction(1), "lb").to("g").magnitude
    Fraction(45359237, 100000)
    """
    import pint

    path = resources.files("doseconv").joinpath("data", "units.txt")
    with resources.as_file(path) as filename:
        return pint.UnitRegistry(
            str(filename),
            non_int_type=Fraction,
            on_redefinition="raise",
            autoconvert_offset_to_baseunit=False,
            cache_folder=None,
        )


@lru_cache(maxsize=256)
def resolve_unit(text: str) -> tuple[str, str]:
    """Return ``(unit name, kind)`` for a unit written in words or symbols.

    ``kind`` is ``"mass"``, ``"pills"`` or ``"doses"``. Only letters, spaces and hyphens are
    ever handed to pint, so no text is evaluated.

    >>> resolve_unit("pounds")
    ('pound', 'mass')
    >>> resolve_unit("metric tons")
    ('tonne', 'mass')
    >>> resolve_unit("doses")
    ('lethal_dose', 'doses')
    >>> resolve_unit("tons")
    Traceback (most recent call last):
    ...
    doseconv.errors.AmbiguousUnitError: "tons" is ambiguous: write "short tons" (2,000 lb = 907.18474 kg, the usual US reading) or "tonnes" (metric, 1,000 kg)
    """
    word = " ".join(text.strip().split())
    low = word.lower()
    if low in _AMBIGUOUS:
        raise AmbiguousUnitError(TON_MESSAGE.format(word=word))
    if not _UNIT_TEXT.fullmatch(word):
        raise UnitError(f"unknown unit {text!r}; {KNOWN_UNITS_HINT}")
    name = PHRASES.get(low, low.replace(" ", "_").replace("-", "_"))
    ureg = get_registry()
    try:
        candidates = ureg.parse_unit_name(name) or ureg.parse_unit_name(word)
    except Exception:  # pint raises a variety of errors on odd names; none is the user's fault
        candidates = ()
    if len(candidates) != 1 or candidates[0][0]:  # no prefixes are defined; refuse any match via one
        raise UnitError(f"unknown unit {text!r}; {KNOWN_UNITS_HINT}")
    unit = candidates[0][1]
    dims = str(ureg.get_dimensionality(unit))
    return unit, KIND_OF_DIMENSION[dims]


KNOWN_UNITS_HINT = "known units: mg, g, kg (kilos), lb (pounds), oz (ounces), short tons, tonnes, pills, doses"


@lru_cache(maxsize=64)
def unit_factor(source: str, target: str) -> Fraction:
    """Exact factor that turns a magnitude in ``source`` into one in ``target`` (same kind).

    >>> unit_factor("pound", "kilogram")
    Fraction(45359237, 100000000)
    """
    ureg = get_registry()
    return Fraction(ureg.Quantity(Fraction(1), source).to(target).magnitude)
