"""``doseconv convert`` and ``doseconv assumptions``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Optional

import typer

from .app import command
from .options import assumptions_option, decimal_comma_option, override_options, pill_model_option

if TYPE_CHECKING:  # pragma: no cover
    from ..overrides import Overrides


@command("convert")
@override_options("purity", "lethal_dose", "pill_share", "mg_per_pill")
def convert_command(
    quantity: str = typer.Argument(
        ..., help='A figure with its unit: "6500 lb", "44 million pills", "193 million doses".', metavar="QUANTITY"
    ),
    target: Optional[str] = typer.Argument(
        None,
        help="What to convert to: a mass unit (kg, lb, g, mg, oz, short tons, tonnes) or doses.",
        metavar="TARGET",
    ),
    pill_model: Optional[str] = pill_model_option(),
    assumptions: Optional[str] = assumptions_option(),
    decimal_comma: bool = decimal_comma_option(),
    as_json: bool = typer.Option(
        False, "--json", help="Print one JSON object with the exact value and the assumptions."
    ),
    overrides: Overrides = None,  # type: ignore[assignment]  # made by override_options from the four options
) -> None:
    """Convert a mass, a count of pills or a count of doses.

    \b
    Examples:
      doseconv convert "6500 lb" kg
      doseconv convert "6500 lb" doses --purity 10%
      doseconv convert "193 million doses" kg
      doseconv convert "44 million pills" doses --pill-model lab-share --assumptions dea-2023
    """
    from ..convert import convert

    result = convert(
        quantity, target, pill_model=pill_model, assumptions=assumptions, overrides=overrides,
        decimal_comma=decimal_comma,
    )  # fmt: skip
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    line = result.display
    if result.kind == "mass" and result.source.kind == "doses":
        line += " of pure fentanyl"
    typer.echo(line)
    if result.assumptions is not None:
        changed = result.assumptions.overridden
        note = f"assumption set {result.assumptions.name}"
        if changed:
            note += " with " + ", ".join(f"{name.replace('_', ' ')} given" for name in changed)
        for step in result.steps:
            typer.echo(f"  = {step}; {note}")
        if result.pure_value is not None and result.pure_value != result.value:
            typer.echo(f"{result.pure_display} {result.pure_label}")
            typer.echo(f"  = {result.pure_step}")


@command("assumptions")
def assumptions_command(
    name: Optional[str] = typer.Argument(
        None, help="A set name or a path to a set file; omit to list the sets.", metavar="SET"
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the assumption sets, or show one with its values and citations.

    \b
    Examples:
      doseconv assumptions
      doseconv assumptions dea-2022
    """
    from ..assumptions import DEFAULT_SET, PARAMETERS, load_set, set_names

    if name is None:
        sets = [load_set(n) for n in set_names()]
        if as_json:
            typer.echo(json.dumps({"default": DEFAULT_SET, "sets": [s.to_dict() for s in sets]}, indent=2))
            return
        width = max(len(s.name) for s in sets)
        for s in sets:
            mark = " (default)" if s.name == DEFAULT_SET else ""
            typer.echo(f"{s.name:<{width}}  {s.title}{mark}")
        return
    chosen = load_set(name)
    if as_json:
        typer.echo(json.dumps(chosen.to_dict(), indent=2))
        return
    typer.echo(f"{chosen.name}: {chosen.title}")
    typer.echo(f"period: {chosen.period}")
    if chosen.description:
        typer.echo(chosen.description)
    for key, (_, what) in PARAMETERS.items():
        parameter = chosen.parameter(key)
        text = parameter.show()
        if parameter.range:
            low, high = parameter.range
            text += f" (range {parameter.show(low)} to {parameter.show(high)})"
        typer.echo(f"\n{what}: {text}")
        if parameter.note:
            typer.echo(f"  note: {parameter.note}")
        for source in parameter.sources:
            typer.echo(f"  source: {source.cite()}")
    typer.echo(f"\nsha256: {chosen.sha256}")
