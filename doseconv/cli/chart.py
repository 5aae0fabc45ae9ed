"""``doseconv chart``: a PNG or SVG of the doses a claim's inputs make against purity (or mg per pill)."""

from __future__ import annotations

from typing import Optional

import typer

from .app import app
from .options import assumptions_option, override_option, pill_model_option, reading_option


@app.command("chart")
def chart_command(
    claim: str = typer.Option(..., "--claim", help='The published total: "nearly 193 million doses".'),
    pills: Optional[str] = typer.Option(None, "--pills", help='Pills as published: "nearly 44 million pills".'),
    powder: Optional[str] = typer.Option(None, "--powder", help='Fentanyl powder as published: "6,500 pounds".'),
    output: str = typer.Option(..., "-o", "--output", help="The file to write: a .png or .svg name."),
    output_format: Optional[str] = typer.Option(None, "--format", help="png or svg (default: from the file name)."),
    assumptions: Optional[str] = assumptions_option(),
    pill_model: Optional[str] = pill_model_option(),
    reading: str = reading_option(),
    scale: str = typer.Option("aggregate", "--scale", help="aggregate (default) or seizure (one seizure)."),
    lethal_dose: Optional[str] = override_option("lethal_dose"),
    pill_share: Optional[str] = override_option("pill_share"),
    mg_per_pill: Optional[str] = override_option("mg_per_pill"),
    pill_mass: Optional[str] = override_option("pill_mass"),
) -> None:
    """Draw the doses a claim's inputs make against powder purity (or fentanyl per pill), with the claim as a band.

    \b
    Examples:
      doseconv chart --pills "nearly 44 million pills" --powder "more than 6,500 pounds" --claim "nearly 193 million doses" -o claim.png
      doseconv chart --powder "13 pounds" --claim "over three million doses" -o claim.svg
    """
    from ..chart import save_chart, sensitivity_chart
    from ..overrides import Overrides

    overrides = Overrides(lethal_dose=lethal_dose, pill_share=pill_share, mg_per_pill=mg_per_pill, pill_mass=pill_mass)
    figure = sensitivity_chart(
        pills, powder, claim, assumptions=assumptions, overrides=overrides, pill_model=pill_model, reading=reading,
        scale=scale,
    )  # fmt: skip
    save_chart(figure, output, output_format)
    axis = "powder purity" if powder is not None else "fentanyl per pill"
    typer.echo(f"wrote {output}: doses against {axis}, with the claim {claim!r}")
