"""The scan report as a Word document (.docx), for a newsroom that edits in a word processor.

Each story: its title (or file name) as a heading and its summary line; then each claim as the reporter wrote
it, its verdict in words and colour with its one-line meaning, the paste-ready sentence, the corrected figure,
the rules it was checked under and the methods that reproduce it; then the sources of every figure used.
python-docx is imported only here (the ``docx`` extra).
"""

from __future__ import annotations

import io
from typing import Any

from ..errors import InputError
from ..verdictstyle import style, styles
from .reportparts import diagnosis_text, rules_text, summary_line
from .scanner import Claim, ScanReport, ScanSet

__all__ = ["render_docx"]


def _require_docx() -> Any:
    try:
        import docx
    except ImportError:
        raise InputError(
            "writing a Word report needs python-docx, which is not installed; install it with: "
            "pip install 'doseconv[docx]'"
        ) from None
    return docx


def _shade(paragraph: Any, fill: str) -> None:
    """The paragraph's background in the verdict's colour (Word's paragraph shading)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#"))
    paragraph._p.get_or_add_pPr().append(shading)


def _labelled(document: Any, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def _claim(document: Any, claim: Claim, report: ScanReport) -> None:
    shown = style(claim.verdict)
    document.add_heading(f"Claim {claim.index}: {claim.draft.doses.text}", level=3)
    verdict = document.add_paragraph()
    verdict.add_run(shown.label).bold = True
    verdict.add_run(f": {shown.meaning}")
    _shade(verdict, shown.fill)
    if claim.plain:
        _labelled(document, "Paste-ready", claim.plain)
    result = claim.result
    if result is not None and result.correction is not None:
        _labelled(document, "Corrected figure", f"{result.correction.phrase} doses")
    _labelled(document, "In the story", claim.draft.doses.sentence)
    for key, figure in (("Pills", claim.draft.pills), ("Powder", claim.draft.powder)):
        if figure is not None:
            _labelled(document, key, figure.text)
    _labelled(document, "Rules", rules_text(claim, report))
    _labelled(document, "How it was probably made", _made(claim))


def _made(claim: Claim) -> str:
    """How the claim was probably made, in words, as the other reports say it (after its label, without their
    "reproduced by")."""
    text = diagnosis_text(claim).removeprefix("reproduced by ")
    return text[:1].upper() + text[1:]


def _sources(document: Any, scans: ScanSet) -> None:
    cited: dict[str, str] = {}
    for report in scans.reports:
        for claim in report.claims:
            if claim.result is None:
                continue
            for source in claim.result.assumptions.sources:
                cited.setdefault(source.cite(), source.cite())
            population = claim.result.population
            if population is not None:
                text = f"{population.place}: {population.citation()} ({population.counts})"
                cited.setdefault(text, text)
    if not cited:
        return
    document.add_heading("Sources of the figures used", level=2)
    for text in cited.values():
        document.add_paragraph(text, style="List Bullet")


def _legend(document: Any) -> None:
    document.add_heading("What the verdicts mean", level=2)
    for shown in styles():
        paragraph = document.add_paragraph()
        paragraph.add_run(shown.label).bold = True
        paragraph.add_run(f": {shown.meaning}")
        _shade(paragraph, shown.fill)


def render_docx(scans: ScanSet) -> bytes:
    """The report of ``scans`` as a .docx file's bytes.

    >>> from .scanner import scan_text
    >>> data = render_docx(ScanSet((scan_text("Agents seized 10 kilograms of fentanyl powder, enough for 5 million deadly doses."),)))
    >>> data[:2]
    b'PK'
    """
    docx = _require_docx()
    document = docx.Document()
    document.core_properties.title = scans.reports[0].heading if len(scans.reports) == 1 else "Dose claims checked"
    document.add_heading("Dose claims checked", level=1)
    for report in scans.reports:
        document.add_heading(report.heading, level=2)
        document.add_paragraph(f"{report.format} text, {report.characters:,} characters: {summary_line(report)}.")
        if not report.claims:
            document.add_paragraph("No dose claims found.")
        for claim in report.claims:
            _claim(document, claim, report)
    _sources(document, scans)
    _legend(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
