"""Find every "deadly doses" figure in a story, build claims and check them with the claim checker.

Reading (:mod:`.text`), finding figures (:mod:`.extract`), the figure itself (:mod:`.figure`),
its reading as the claim checker takes it, parsed once (:mod:`.reading`), scopes (:mod:`.scope`),
building claims (:mod:`.group`), checking (:mod:`.scanner`), inputs (:mod:`.sources`) and
output (:mod:`.report`) each live in their own module; this package exports the entry points.

>>> report = scan_text("Nationwide, nearly 44 million fentanyl pills and more than 6,500 pounds of "
...                    "fentanyl powder equal nearly 193 million deadly doses.")
>>> [(f.kind, f.text) for f in report.figures]
[('pills', 'nearly 44 million fentanyl pills'), ('fentanyl-mass', 'more than 6,500 pounds of fentanyl powder'), ('doses', 'nearly 193 million deadly doses')]
>>> report.claims[0].verdict
'plausible'
"""

from __future__ import annotations

from .extract import extract_figures
from .figure import KINDS, Figure
from .group import ClaimDraft, OtherScope, build_claims
from .scanner import FLAGGED, Claim, ScanReport, ScanSet, scan_text
from .scope import Scope
from .sources import TEXT_SUFFIXES, read_source, scan_paths
from .text import Document, read_document

__all__ = [
    "FLAGGED",
    "KINDS",
    "TEXT_SUFFIXES",
    "Claim",
    "ClaimDraft",
    "Document",
    "Figure",
    "OtherScope",
    "ScanReport",
    "ScanSet",
    "Scope",
    "build_claims",
    "extract_figures",
    "read_document",
    "read_source",
    "scan_paths",
    "scan_text",
]
