"""The pieces the text and Markdown reports of a scan share: the figure limit and its notes, a
figure's value, a claim's basis, rules, diagnosis and plain sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..checker.population import DEFAULT_WHY
from ..checker.words import method_words
from ..reading.numbers import format_grouped, format_words
from .figure import Figure
from .scanner import Claim, ScanReport

__all__ = [
    "MAX_FIGURES", "Limits", "basis_text", "claim_notes", "clip", "diagnosis_text", "figure_amount", "figure_value",
    "figures_in_claims", "inputs_from", "none_found", "other_scope_lines", "plain_line", "rules_text", "summary_line",
]  # fmt: skip

#: The most figures listed for one story by default (``max_figures``); the rest are counted, not listed.
MAX_FIGURES = 500

_BASIS = {
    "sentence": "the same sentence",
    "paragraph": "the same paragraph, same scope",
    "nearby": "nearby sentences, same scope",
    "added": "the figures the story adds up",
    "none": "no inputs found",
}


def basis_text(claim: Claim) -> str:
    """Where a claim's inputs came from, in words."""
    if claim.draft.other_scope is not None:
        return "none of its own scope"
    return _BASIS[claim.draft.basis]


def inputs_from(claim: Claim) -> str:
    if claim.draft.basis == "none":
        return "no inputs of its own scope" if claim.draft.other_scope is not None else "no inputs found"
    return f"inputs from {_BASIS[claim.draft.basis]}"


class Limits:
    """The figure limit of a rendering and the notes that say what a limit left out."""

    def __init__(self, max_figures: int = MAX_FIGURES, names: Mapping[str, str] | None = None) -> None:
        self.max_figures = max_figures
        self.names = names or {}

    def figures(self, report: ScanReport) -> tuple[Figure, ...]:
        return report.figures[: self.max_figures]

    def notes(self, report: ScanReport) -> list[str]:
        """One line per limit that left something out of ``report``.

        >>> from .scanner import scan_text
        >>> Limits(1, {"max_figures": "--max-figures"}).notes(scan_text("5 pills, 6 pills, 7 doses", max_claims=0))
        ['1 dose figure not checked: at most 0 claims are checked in one story.', '2 more figures not listed: at most 1 figure is listed for one story (raise the limit with --max-figures).']
        """
        out = []
        if report.claims_not_checked:
            n = report.claims_not_checked
            out.append(
                f"{_count(n, 'dose figure')} not checked: at most {_count(len(report.claims), 'claim', ' is', ' are')} "
                f"checked in one story{self._raise('max_claims')}."
            )
        hidden = len(report.figures) - self.max_figures
        if hidden > 0:
            out.append(
                f"{_count(hidden, 'more figure')} not listed: at most {_count(self.max_figures, 'figure', ' is', ' are')} "
                f"listed for one story{self._raise('max_figures')}."
            )
        return out

    def _raise(self, limit: str) -> str:
        """How to raise the limit, by the front end's name for it; nothing where the front end has none."""
        name = self.names.get(limit)
        return f" (raise the limit with {name})" if name else ""


def _count(n: int, noun: str, one: str = "", many: str = "") -> str:
    """ "1 figure is", "2 figures are": a count with its noun (and verb) in the number it takes."""
    return f"{n:,} {noun}{one}" if n == 1 else f"{n:,} {noun}s{many}"


def figure_value(figure: Figure) -> str:
    """The exact value grouped in threes; a range as low–high.

    >>> from .extract import extract_figures
    >>> from .text import read_document
    >>> [figure_value(f) for f in extract_figures(read_document("10-15 million pills and 6,500 pounds of fentanyl"))]
    ['10,000,000–15,000,000', '6,500']
    """
    if figure.value is not None:
        return format_grouped(figure.value)
    return f"{format_grouped(figure.low or 0)}–{format_grouped(figure.high or 0)}"


def figure_amount(figure: Figure) -> str:
    """The value with its unit: "44,000,000 pills", "$100,000,000", "55 percent"."""
    if figure.unit in ("$", "€", "£"):
        return figure.unit + figure_value(figure)
    return f"{figure_value(figure)} {figure.unit}" if figure.unit else figure_value(figure)


def summary_line(report: ScanReport) -> str:
    narrow = sum(c.narrow_miss for c in report.claims)
    verdicts = ", ".join(
        f"{n} {v}" + (f" ({narrow} by a narrow miss)" if v == "implausible" and narrow else "")
        for v, n in sorted(report.verdicts().items())
    )
    claims = f"{len(report.claims)} claim{'s' if len(report.claims) != 1 else ''}"
    figures = f"{len(report.figures)} figure{'s' if len(report.figures) != 1 else ''}"
    return f"{figures}, {claims}" + (f": {verdicts}" if verdicts else "")


def none_found(report: ScanReport) -> str:
    return f"No dose figures found in {report.source}."


def diagnosis_text(claim: Claim) -> str:
    """How the total was probably made, in words (each method's plain wording, never its code name).

    >>> from .scanner import scan_text
    >>> (claim,) = scan_text("Police seized 10 kg of fentanyl, enough for 5 million lethal doses.").claims
    >>> diagnosis_text(claim)
    'reproduced by counting the powder as pure fentanyl'
    """
    if claim.result is None:
        return "not checked"
    if claim.draft.other_scope is not None:
        return "none (no inputs of its own scope)"
    matching = [method_words(d) for d in claim.result.diagnosis if d.reproduces]
    if matching:
        return "reproduced by " + "; or by ".join(matching)
    best = next((d for d in claim.result.diagnosis if d.value is not None), None)
    if best is None or best.value is None or not claim.flagged:
        return "no known method reproduces it at the set's values"
    return f"no known method reproduces it; the closest, {method_words(best)}, gives {format_words(best.value, 1)}"


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def rules_text(claim: Claim, report: ScanReport) -> str:
    """The rules and year a claim was checked under: the set, the story's date, the story's own rules."""
    parts = []
    if claim.result is not None:
        chosen = claim.result.assumptions
        parts.append(f"{chosen.name} ({chosen.title})")
    if report.story_date is not None:
        parts.append(f"story dated {report.story_date.date.isoformat()} ({report.story_date.found_in})")
    elif claim.result is not None and any(note.startswith("no date given") for note in claim.result.notes):
        parts.append(f"no date found, so the default ({DEFAULT_WHY})")
    for rule in claim.rules.rules:
        parts.append(f"the story's rule {rule.describe()}")
    if claim.dea_verdict is not None:
        parts.append(f"under the set's figures alone: {claim.dea_verdict}")
    return "; ".join(parts) or "not checked"


def plain_line(claim: Claim) -> str | None:
    """ "correction: …" or "in words: …"; None when there is none or a population claim says it "in people"."""
    if claim.result is None or not claim.plain:
        return None
    if claim.result.population is not None and claim.draft.other_scope is None:
        return None
    return f"{'correction' if claim.result.correction is not None else 'in words'}: {claim.plain}"


def other_scope_lines(claim: Claim, indent: str) -> list[str]:
    """For a total with no input of its own scope: the nearest figures of another scope and the what-if verdict."""
    other = claim.draft.other_scope
    if other is None:
        return []
    lines = [f"{indent}nearest of another scope: {f.text}  (#{f.index}, {f.scope.describe()})" for f in other.figures]
    what_if = claim.other_scope
    if what_if is not None:
        implied = f" ({what_if.implied})" if what_if.implied else ""
        lines.append(f"{indent}what-if (not the verdict): {what_if.verdict}{implied}")
    return lines


def claim_notes(claim: Claim) -> list[str]:
    """The claim's notes, less the plain sentence already shown."""
    return [n for n in claim.notes if n != claim.plain]


def figures_in_claims(report: ScanReport) -> set[int]:
    """The indexes of the figures that made a claim (its dose figure and its inputs)."""
    used = set()
    for claim in report.claims:
        for figure in (claim.draft.doses, claim.draft.pills, claim.draft.powder, *claim.draft.added):
            if figure is not None:
                used.add(figure.index)
    return used
