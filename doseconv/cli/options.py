"""Options and help text shared by several commands, and the option each library parameter is given by."""

from __future__ import annotations

from typing import Any

import typer

__all__ = [
    "ASSUMPTIONS_HELP",
    "FLAGS",
    "assumptions_option",
    "date_option",
    "override_option",
    "pill_model_option",
    "reading_option",
    "state_option",
    "year_option",
]

ASSUMPTIONS_HELP = "Assumption set: a name (see 'doseconv assumptions') or a path to a set file. Default: dea-2022."

#: Library parameter name (an error's ``parameter``) -> the option that gives it on the command line.
FLAGS: dict[str, str] = {
    "purity": "--purity",
    "lethal_dose": "--lethal-dose",
    "pill_share": "--pill-share",
    "mg_per_pill": "--mg-per-pill",
    "pill_mass": "--pill-mass",
}


#: Library parameter -> the help of the option that gives it, one wording for every command.
OVERRIDE_HELP: dict[str, str] = {
    "purity": "Powder purity, overriding the set: 10% or 0.1.",
    "lethal_dose": "Mass of one dose, overriding the set: 3mg.",
    "pill_share": 'Share of pills holding >= 2 mg, for lab-share: 42%, "6 in 10" or "six out of ten".',
    "mg_per_pill": "Mean fentanyl per pill, for mean-content: 2.4mg.",
    "pill_mass": "Gross mass of one pill, for pills given by weight: 100mg.",
}


def override_option(parameter: str) -> Any:
    """The option that gives the library parameter ``parameter`` (a key of :data:`FLAGS`)."""
    return typer.Option(None, FLAGS[parameter], help=OVERRIDE_HELP[parameter])


def assumptions_option() -> Any:
    """``--assumptions NAME|PATH``."""
    return typer.Option(None, "--assumptions", help=ASSUMPTIONS_HELP)


def pill_model_option() -> Any:
    """``--pill-model`` as the checking commands word it."""
    return typer.Option(None, "--pill-model", help="one-per-pill (default), lab-share or mean-content.")


def reading_option() -> Any:
    """``--reading lenient|strict``."""
    return typer.Option("lenient", "--reading", help="How rounding words are read: lenient (default) or strict.")


def decimal_comma_option() -> Any:
    """``--decimal-comma``: read figures written European style ("1,5 kg", "6.500 lb")."""
    return typer.Option(
        False,
        "--decimal-comma",
        help='Read figures written European style: "1,5 kg" is 1.5 kg and "6.500 lb" is 6,500 lb.',
    )


def date_option() -> Any:
    """``--date YYYY-MM-DD``: the date of the claim (population year and, unless --assumptions, the set)."""
    return typer.Option(
        None, "--date", help="Date of the claim, 2022-12-20: picks the population year and the assumption set."
    )


def year_option() -> Any:
    """``--year YYYY``: the year of the claim, when no --date is given."""
    return typer.Option(None, "--year", help="Year of the claim, 2023 (used when no --date is given).")


def state_option() -> Any:
    """``--state``: the state the story names (reads "the state", picks among places of one name)."""
    return typer.Option(None, "--state", help='The state the story is about: "West Virginia" or WV.')
