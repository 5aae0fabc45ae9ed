"""Options and help text shared by several commands, and the option each library parameter is given by.

The override options (``--purity``, ``--lethal-dose``, ``--pill-share``, ``--mg-per-pill``, ``--pill-mass``)
are declared once, as one group: :func:`override_options` adds them to a command and hands it one
:class:`~doseconv.overrides.Overrides` (``Overrides.from_options``), read and checked once.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable, Iterable
from typing import Any, Optional

import typer

__all__ = [
    "ASSUMPTIONS_HELP",
    "FLAGS",
    "LIMIT_FLAGS",
    "OPTION_NAMES",
    "assumptions_option",
    "date_option",
    "fold_choice",
    "output_option",
    "override_options",
    "pill_model_option",
    "quiet_option",
    "reading_option",
    "scale_option",
    "state_option",
    "year_option",
]

ASSUMPTIONS_HELP = (
    "Assumption set: a name (see 'doseconv assumptions'; any case) or a path to a set file. Default: dea-2022."
)

#: Library parameter name (an error's ``parameter``) -> the option that gives it on the command line.
FLAGS: dict[str, str] = {
    "purity": "--purity",
    "lethal_dose": "--lethal-dose",
    "pill_share": "--pill-share",
    "mg_per_pill": "--mg-per-pill",
    "pill_mass": "--pill-mass",
}

#: The scan limits (library parameter -> option), named by the notes and errors they cause.
LIMIT_FLAGS = {"max_bytes": "--max-bytes", "max_claims": "--max-claims", "max_figures": "--max-figures"}

#: Every library parameter an error can name (its ``parameter`` or ``remedy``) -> the option that gives it.
OPTION_NAMES = {
    **FLAGS,
    **LIMIT_FLAGS,
    "allow_outside_sets": "--allow-outside-sets",
    "decimal_comma": "--decimal-comma",
    "pills": "--pills",
    "powder": "--powder",
    "claim": "--claim",
    "output_file": "-o",
    "format": "--format",
}

#: Library parameter -> the help of the option that gives it, one wording for every command.
OVERRIDE_HELP: dict[str, str] = {
    "purity": "Powder purity, overriding the set: 10% or 0.1.",
    "lethal_dose": "Mass of one dose, overriding the set: 3mg.",
    "pill_share": 'Share of pills holding >= 2 mg, for lab-share: 42%, "6 in 10" or "six out of ten".',
    "mg_per_pill": "Mean fentanyl per pill, for mean-content: 2.4mg.",
    "pill_mass": "Gross mass of one pill, for pills given by weight: 100mg.",
}

#: What each override's value is, as the help's metavar.
OVERRIDE_METAVARS = {"purity": "SHARE", "lethal_dose": "MASS", "pill_share": "SHARE", "mg_per_pill": "MASS"}


def override_options(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command the override options (all of :data:`FLAGS`, or ``names``) as one ``overrides`` argument.

    The command declares ``overrides`` (an :class:`~doseconv.overrides.Overrides`) instead of the options;
    the options come last in its help, in one order for every command.
    """
    chosen = names or tuple(FLAGS)

    def decorate(run: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(run)
        kept = [p for p in signature.parameters.values() if p.name != "overrides"]
        added = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=override_option(name), annotation=Optional[str]
            )
            for name in chosen
        ]

        @functools.wraps(run)
        def with_overrides(**options: Any) -> Any:
            from ..overrides import Overrides

            given = {name: options.pop(name) for name in chosen}
            return run(**options, overrides=Overrides.from_options(given))

        with_overrides.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
        with_overrides.__annotations__ = {
            **{k: v for k, v in run.__annotations__.items() if k != "overrides"},
            **{name: Optional[str] for name in chosen},
        }
        return with_overrides

    return decorate


def override_option(parameter: str) -> Any:
    """The option that gives the library parameter ``parameter`` (a key of :data:`FLAGS`)."""
    return typer.Option(
        None, FLAGS[parameter], help=OVERRIDE_HELP[parameter], metavar=OVERRIDE_METAVARS.get(parameter, "MASS")
    )


def fold_choice(value: str, choices: Iterable[str]) -> str:
    """``value`` spelled as the one choice it matches in any case ("Lab-Share" -> "lab-share"); unchanged otherwise.

    >>> fold_choice("Lab-Share", ("one-per-pill", "lab-share"))
    'lab-share'
    >>> fold_choice("lab-shar", ("one-per-pill", "lab-share"))
    'lab-shar'
    """
    if value in choices:
        return value
    folded = value.strip().casefold()
    matches = [choice for choice in choices if choice.casefold() == folded]
    return matches[0] if len(matches) == 1 else value


def folded(where: str) -> Callable[[Optional[str]], Optional[str]]:
    """An option callback folding the value's case onto the choices at ``where`` ("module:NAME"), loaded on use."""

    def callback(value: Optional[str]) -> Optional[str]:
        if value is None or value == value.casefold():  # every choice is lower case: nothing to fold
            return value
        module, name = where.split(":")
        return fold_choice(value, tuple(getattr(importlib.import_module(module), name)))

    return callback


def choice_option(default: Optional[str], flags: str, where: str, help: str, metavar: str) -> Any:
    """An option taking one of the choices at ``where``, in any case."""
    return typer.Option(default, flags, help=help, metavar=metavar, callback=folded(where))


def assumptions_option() -> Any:
    """``--assumptions NAME|PATH``."""
    return typer.Option(None, "--assumptions", help=ASSUMPTIONS_HELP, metavar="SET")


def pill_model_option() -> Any:
    """``--pill-model`` as the checking commands word it."""
    return choice_option(
        None, "--pill-model", "doseconv.assumptions:PILL_MODELS", "one-per-pill (default), lab-share or mean-content.",
        "MODEL",
    )  # fmt: skip


def reading_option() -> Any:
    """``--reading lenient|strict``."""
    return choice_option(
        "lenient", "--reading", "doseconv.reading.qualifiers:READINGS",
        "How rounding words are read: lenient (default) or strict.", "READING",
    )  # fmt: skip


def scale_option(help: str = "aggregate (a national or yearly total; default) or seizure (one seizure).") -> Any:
    """``--scale aggregate|seizure``."""
    return choice_option("aggregate", "--scale", "doseconv.checker.bands:SCALES", help, "SCALE")


def format_option(where: str, help: str, default: Optional[str] = None) -> Any:
    """``--format`` with the choices at ``where``."""
    return choice_option(default, "--format", where, help, "FORMAT")


def output_option(what: str = "the output") -> Any:
    """``-o/--output FILE``: write to a file instead of standard output."""
    return typer.Option(
        None, "-o", "--output", help=f"Write {what} to this file instead of standard output.", metavar="FILE"
    )


def quiet_option(what: str = "No summary line on standard error.") -> Any:
    """``-q/--quiet``."""
    return typer.Option(False, "--quiet", "-q", help=what)


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
        None,
        "--date",
        help="Date of the claim, 2022-12-20: picks the population year and the assumption set.",
        metavar="YYYY-MM-DD",
    )


def year_option() -> Any:
    """``--year YYYY``: the year of the claim, when no --date is given."""
    return typer.Option(None, "--year", help="Year of the claim, 2023 (used when no --date is given).", metavar="YYYY")


def state_option() -> Any:
    """``--state``: the state the story names (reads "the state", picks among places of one name)."""
    return typer.Option(None, "--state", help='The state the story is about: "West Virginia" or WV.', metavar="STATE")
