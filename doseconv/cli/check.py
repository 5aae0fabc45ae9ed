"""``doseconv check``, ``doseconv verify`` and ``doseconv describe``."""

from __future__ import annotations

import json
from collections.abc import Callable
from math import ceil
from typing import TYPE_CHECKING, Any, Optional

import typer

from .app import EXIT_MISMATCH, command
from .options import (
    assumptions_option,
    date_option,
    decimal_comma_option,
    output_option,
    override_options,
    pill_model_option,
    quiet_option,
    reading_option,
    scale_option,
    state_option,
    year_option,
)
from .output import emit

if TYPE_CHECKING:  # pragma: no cover
    from ..checker.verify import Verification
    from ..overrides import Overrides


def _interval_text(interval) -> str:
    from ..reading.numbers import format_grouped

    left = "(" if interval.low_open else "["
    right = ")" if interval.high_open else "]"
    return f"{left}{format_grouped(interval.low, 2)}, {format_grouped(interval.high, 2)}{right}"


def render_check(result) -> list[str]:
    """The text report of one check, line by line."""
    from ..reading.numbers import format_grouped, format_words

    lines = [f"verdict:  {result.verdict}"]
    claim = result.inputs["claim"]
    phrase = claim.claim if result.population is not None else None
    if phrase is not None and phrase.floor:  # a population phrase states a floor
        multiple = _interval_text(phrase.multiple)
        people = f"{result.population.value:,} people"
        if phrase.stated is not None:
            people = f"{phrase.stated.text} people, the phrase's own figure,"
        lines.append(
            f"claimed:  at least {format_grouped(ceil(result.claimed.low), 0)} doses, a floor  ({claim.text!r}: "
            f"{people} × {multiple}, {result.reading} reading)"
        )
    elif phrase is not None:  # a count of people with a place ("750,000 Delawareans"), or "half of Ohio"
        said = (
            f"a count of people of {result.population.place}"
            if phrase.kind == "count"
            else f"{result.population.value:,} people × {_interval_text(phrase.multiple)}"
        )
        lines.append(
            f"claimed:  {_interval_text(result.claimed)} doses  ({claim.text!r}: {said}, {result.reading} reading)"
        )
    else:
        lines.append(f"claimed:  {_interval_text(result.claimed)} doses  ({claim.text!r}, {result.reading} reading)")
    if result.computed is not None:
        computed = f"{_interval_text(result.computed)} doses"
    elif result.inputs["pills"] is None and result.inputs["powder"] is None:
        computed = "nothing to compute from (no pills or powder given)"
    else:
        computed = "cannot be computed (see notes)"
    how = result.assumptions.label + (f", {result.pill_model}" if result.inputs["pills"] is not None else "")
    lines.append(f"computed: {computed}  ({how})")
    if result.implied is not None:
        implied = result.implied
        extra = []
        if implied.published is not None:
            extra.append(f"set mean {implied.show(implied.published)}")
        if implied.band is not None:
            extra.append(f"{result.scale} band {implied.show(implied.band.low)} to {implied.show(implied.band.high)}")
        lines.append(f"implied:  {implied.describe()}" + (f"  ({'; '.join(extra)})" if extra else ""))
    lines.append(f"plain:    {result.plain}")
    if result.correction is not None:
        correction = result.correction
        rests = "; ".join(
            f"{a.name} {a.value}" + (f" ({a.source})" if a.source else "") for a in correction.assumptions
        )
        lines.append(f"correct:  {correction.phrase} doses  ({rests})")
    lines.append(f"why:      {result.explanation}")
    if result.population is not None:
        population = result.population
        lines.append(f"population: {population.place}: {population.citation()} ({population.counts})")
        if population.note:
            lines.append(f"            {population.note}")
    for note in result.notes:
        if result.population is not None and note.startswith("population: "):
            continue  # shown on its own line above
        lines.append(f"note:     {note}")
    if not result.diagnosis:
        lines.append("diagnosis: none (no inputs to make a total from)")
        return lines
    lines.append("diagnosis (best first):")
    width = max((len(d.method) for d in result.diagnosis), default=0)
    for d in result.diagnosis:
        mark = "match" if d.matches else "near " if d.near else "  -  "
        value = "n/a" if d.value is None else format_words(d.value, 2)
        line = f"  {mark}  {d.method:<{width}}  {value}"
        notes = "; ".join(n for n in (d.near, d.note) if n)
        if notes:
            line += f"  ({notes})"
        lines.append(line.rstrip())
    return lines


@command("check")
@override_options()
def check_command(
    claim: str = typer.Option(
        ...,
        "--claim",
        help='The published total, with its qualifier: "nearly 193 million doses", in people: '
        '"enough to kill 4.7 million people" (one dose each), or a population: '
        '"enough to kill every American five times over".',
    ),
    pills: Optional[str] = typer.Option(
        None,
        "--pills",
        help='Pills as published: "nearly 44 million pills" or a bare count ("50.6 million"), '
        'or a mass of pills: "66 pounds".',
    ),
    powder: Optional[str] = typer.Option(
        None, "--powder", help='Fentanyl powder as published: "more than 6,500 pounds".'
    ),
    assumptions: Optional[str] = assumptions_option(),
    pill_model: Optional[str] = pill_model_option(),
    reading: str = reading_option(),
    scale: str = scale_option(),
    date: Optional[str] = date_option(),
    year: Optional[int] = year_option(),
    state: Optional[str] = state_option(),
    decimal_comma: bool = decimal_comma_option(),
    as_json: bool = typer.Option(False, "--json", help="Print the result as one JSON object (see docs/json.md)."),
    output: Optional[str] = output_option("the result"),
    quiet: bool = quiet_option("No line on standard error saying what was written to the file."),
    overrides: Overrides = None,  # type: ignore[assignment]  # made by override_options from the five options
) -> None:
    """Check a published dose total against the pills and powder it is said to come from.

    Exit code 0 for consistent, plausible and unverifiable (the missing input is named), 1 for
    implausible, upper-bound and impossible, 2 on bad input. What each verdict means, with worked
    examples: docs/verdicts.md (and /verdicts on the page of 'doseconv serve').

    \b
    Examples:
      doseconv check --pills "nearly 44 million pills" --powder "more than 6,500 pounds" --claim "nearly 193 million doses"
      doseconv check --pills "nearly 44 million pills" --claim "almost 193 million doses"
      doseconv check --powder "around 9,400 pounds" --claim "enough to kill every American five times over" --year 2023
    """
    from ..checker import check

    result = check(
        pills, powder, claim, assumptions=assumptions, overrides=overrides, pill_model=pill_model, reading=reading,
        scale=scale, date=date, year=year, state=state, decimal_comma=decimal_comma,
    )  # fmt: skip
    _print_check(result, as_json, output, quiet)


def _print_check(result, as_json: bool, output: str | None = None, quiet: bool = False) -> None:
    """Print (or write to ``output``) a check's result as JSON or as the text report; exit 1 when it is flagged."""
    if as_json:
        emit(json.dumps(result.to_dict(), indent=2, ensure_ascii=False), output)
    else:
        emit("\n".join(render_check(result)), output)
    if output not in (None, "-") and not quiet:
        typer.echo(f"wrote {output}: {result.verdict}", err=True)
    if result.flagged:
        raise typer.Exit(EXIT_MISMATCH)


@command("verify")
def verify_command(
    paths: list[str] = typer.Argument(..., help="Claims files (*.toml) or folders of them."),
    output: str = typer.Option("text", "--format", help="text (default), json or markdown."),
    allow_outside_sets: bool = typer.Option(
        False,
        "--allow-outside-sets",
        help="Let claims files name assumption set files outside their own folder (refused by default).",
    ),
) -> None:
    """Check every claim in claims files; exit 0 when each comes out as expected, 1 when one does not.

    \b
    Examples:
      doseconv verify seeds/
      doseconv verify seeds/002-news-operation-last-mile-pills-only.toml --format json
    """
    from ..checker.verify import iter_verifications
    from ..errors import InputError

    if output not in VERIFY_FORMATS:
        raise InputError(f"unknown format {output!r}; choose text, json or markdown")
    render = VERIFY_FORMATS[output]
    parts: list[Any] = []  # each claim rendered as it is checked, the result then let go
    claims = failed = 0
    for v in iter_verifications(paths, allow_outside_sets=allow_outside_sets):
        claims, failed = claims + 1, failed + (not v.ok)
        parts.append(render(v))
    summary = {"claims": claims, "as_expected": claims - failed, "not_as_expected": failed}
    if output == "json":
        typer.echo(json.dumps({"summary": summary, "results": parts}, indent=2, ensure_ascii=False))
    else:
        tally = f"{claims - failed} of {claims} claims as expected."
        markdown = output == "markdown"
        typer.echo("\n".join([_MARKDOWN_HEAD, *parts, "", tally] if markdown else [*parts, tally]))
    if failed:
        raise typer.Exit(EXIT_MISMATCH)


_MARKDOWN_HEAD = (
    "| file | claim | expected | verdict | implied | methods that reproduce it | ok |\n|---|---|---|---|---|---|---|"
)


def _verify_text(v: Verification) -> str:
    r = v.result
    status = "ok " if v.ok else "FAIL"
    implied = r.implied.describe() if r.implied else "no implied value"
    expect = f"expected {v.claim.expect}" if v.claim.expect else "no expectation"
    lines = [f"{status} {v.file.path} [{v.claim.id}] {r.verdict} ({expect}); {implied}"]
    methods = ", ".join(r.matching_methods)
    if methods:
        lines.append(f"     reproduced by: {methods}")
    if r.correction is not None:
        lines.append(f"     correction: {r.correction.phrase} doses. {r.plain}")
    if r.assumptions.path and not r.assumptions.bundled:
        lines.append(f"     set: {r.assumptions.label}")
    lines += [f"     note: {note}" for note in r.notes]
    return "\n".join(lines)


def _verify_markdown(v: Verification) -> str:
    r = v.result
    implied = r.implied.describe() if r.implied else ""
    methods = ", ".join(r.matching_methods) or "none"
    ok = "yes" if v.ok else "**no**"
    return f"| {v.file.path} | {v.claim.id} | {v.claim.expect or ''} | {r.verdict} | {implied} | {methods} | {ok} |"


#: verify's formats: how one checked claim is written in each.
VERIFY_FORMATS: dict[str, Callable[[Verification], Any]] = {
    "text": _verify_text,
    "json": lambda v: v.to_dict(),
    "markdown": _verify_markdown,
}


@command("describe")
def describe_command(
    number: str = typer.Argument(..., help="A figure to phrase: 192638011, 192,638,011 or 192.6 million."),
    style: str = typer.Option(
        "nearly", "--style", help="nearly (round up), more-than (round down) or about (nearest)."
    ),
    digits: int = typer.Option(3, "--digits", help="Significant digits to keep (1 to 15)."),
    as_population: bool = typer.Option(
        False, "--as-population", help="Say the figure, a number of lethal doses, in people of --place."
    ),
    place: str = typer.Option(
        "the United States", "--place", help='With --as-population: the place, "Wyoming" (default: the United States).'
    ),
    date: Optional[str] = date_option(),
    year: Optional[int] = year_option(),
    state: Optional[str] = state_option(),
) -> None:
    """Phrase a figure the way news copy does, keeping the phrase true.

    \b
    Examples:
      doseconv describe 192638011                    -> nearly 193 million
      doseconv describe 192638011 --style more-than  -> more than 192 million
      doseconv describe 192638011 --style about      -> about 193 million
      doseconv describe 386000000 --as-population --year 2023
    """
    if as_population:
        from ..population import describe_in_people

        typer.echo("\n".join(describe_in_people(number, place, date=date, year=year, state=state)))
        return
    from ..reading.stated import describe

    typer.echo(describe(number, style, digits))
