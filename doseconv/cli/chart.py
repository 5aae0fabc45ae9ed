"""``doseconv chart``: a PNG or SVG of the doses a claim's inputs make against purity (or mg per pill)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer

from .app import command
from .options import (
    assumptions_option,
    format_option,
    override_options,
    pill_model_option,
    quiet_option,
    reading_option,
    scale_option,
)
from .output import emit

if TYPE_CHECKING:  # pragma: no cover
    from ..overrides import Overrides


@command("chart")
@override_options()
def chart_command(
    claim: str = typer.Option(..., "--claim", help='The published total: "nearly 193 million doses".'),
    pills: Optional[str] = typer.Option(None, "--pills", help='Pills as published: "nearly 44 million pills".'),
    powder: Optional[str] = typer.Option(None, "--powder", help='Fentanyl powder as published: "6,500 pounds".'),
    output: str = typer.Option(
        ..., "-o", "--output", help="The file to write: a .png or .svg name, or - for standard output.", metavar="FILE"
    ),
    output_format: Optional[str] = format_option(
        "doseconv.chart:CHART_FORMATS", "png or svg (default: from the file name; png for -)."
    ),
    quiet: bool = quiet_option("No line on standard error saying what was written."),
    assumptions: Optional[str] = assumptions_option(),
    pill_model: Optional[str] = pill_model_option(),
    reading: str = reading_option(),
    scale: str = scale_option("aggregate (default) or seizure (one seizure)."),
    overrides: Overrides = None,  # type: ignore[assignment]  # made by override_options from the five options
) -> None:
    """Draw the doses a claim's inputs make against powder purity (or fentanyl per pill), with the claim as a band.

    \b
    Examples:
      doseconv chart --pills "nearly 44 million pills" --powder "more than 6,500 pounds" --claim "nearly 193 million doses" -o claim.png
      doseconv chart --powder "13 pounds" --claim "over three million doses" -o claim.svg
      doseconv chart --powder "6,500 pounds" --claim "193 million doses" --purity 5% -o - > claim.png
    """
    from ..chart import chart_bytes, chart_format, sensitivity_chart

    kind = chart_format(output, output_format)
    figure = sensitivity_chart(
        pills, powder, claim, assumptions=assumptions, overrides=overrides, pill_model=pill_model, reading=reading,
        scale=scale,
    )  # fmt: skip
    emit(chart_bytes(figure, kind), output)
    if output != "-" and not quiet:
        axis = "powder purity" if powder is not None else "fentanyl per pill"
        typer.echo(f"wrote {output}: doses against {axis}, with the claim {claim!r}", err=True)
