"""Populations for claims such as "enough to kill every American": places, figures by year, phrases, dates.

The figures ship in ``doseconv/data/population/`` (built by ``scripts/build_population.py`` from Census Bureau
and World Bank files; each figure's source in ``sources.toml``); see docs/population.md.
"""

from __future__ import annotations

from .phrases import PopulationClaim, parse_population_claim
from .places import resolve_place, state_code
from .result import Population, as_population, describe_in_people
from .years import ClaimDate, pick_assumption_set, resolve_when

__all__ = [
    "ClaimDate",
    "Population",
    "PopulationClaim",
    "as_population",
    "describe_in_people",
    "parse_population_claim",
    "pick_assumption_set",
    "resolve_place",
    "resolve_when",
    "state_code",
]
