"""Scan a text: read it, find its figures, build claims and check each with the claim checker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import DoseconvError, InputError
from .extract import extract_figures
from .figure import Figure
from .group import ClaimDraft, build_claims
from .population import with_population_figures
from .scope import ScopeResolver
from .text import read_document

if TYPE_CHECKING:  # pragma: no cover
    from ..checker import CheckResult  # the claim checker is named here and in _checker() below, nowhere else
    from ..stated import StatedFigure


def _checker() -> Callable[..., CheckResult]:
    """The claim checker, imported when first needed (importing the scanner stays light)."""
    from ..checker import check

    return check


__all__ = ["FLAGGED", "MAX_CLAIMS", "Claim", "ScanReport", "ScanSet", "check_draft", "scan_text"]

#: The most claims checked in one story by default (``max_claims``); the rest are counted, not checked.
MAX_CLAIMS = 200

#: Verdicts that flag a claim (exit code 1): the claim checker's own set, so check and scan agree.
FLAGGED = frozenset({"implausible", "upper-bound", "impossible"})


@dataclass(frozen=True)
class Claim:
    """A dose figure, its inputs and the checker's verdict on them."""

    index: int
    draft: ClaimDraft
    verdict: str
    explanation: str
    result: CheckResult | None = field(default=None, repr=False, compare=False)
    notes: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED

    @property
    def implied(self) -> str | None:
        """The parameter the claim needs, in words ("powder purity from 9.89% to 10.17%")."""
        if self.result is None or self.result.implied is None:
            return None
        return self.result.implied.describe()

    @property
    def reproduced_by(self) -> list[str]:
        """The known ways of making a total that reproduce the claim."""
        return [] if self.result is None else self.result.matching_methods

    def to_dict(self) -> dict[str, Any]:
        draft = self.draft
        return {
            "index": self.index,
            "doses": draft.doses.index,
            "pills": draft.pills.index if draft.pills else None,
            "powder": draft.powder.index if draft.powder else None,
            "stated": {
                "claim": draft.doses.stated_text,
                "pills": draft.pills.stated_text if draft.pills else None,
                "powder": draft.powder.stated_text if draft.powder else None,
            },
            "basis": draft.basis,
            "scale": draft.scale,
            "scope": draft.doses.scope.to_dict(),
            "scope_text": draft.doses.scope.describe(),
            "sentence": draft.doses.sentence,
            "verdict": self.verdict,
            "flagged": self.flagged,
            "implied": self.implied,
            "reproduced_by": self.reproduced_by,
            "notes": list(self.notes),
            "check": self.result.to_dict() if self.result is not None else None,
        }


@lru_cache(maxsize=4096)
def _cached_check(
    pills: StatedFigure | None,
    powder: StatedFigure | None,
    claim: StatedFigure | None,
    scale: str,
    notes: tuple[str, ...],
    options: tuple[tuple[str, Any], ...],
) -> CheckResult:
    return _checker()(pills, powder, claim, scale=scale, notes=notes, **dict(options))


def _check(
    pills: StatedFigure | None,
    powder: StatedFigure | None,
    claim: StatedFigure | None,
    scale: str,
    notes: tuple[str, ...],
    options: dict[str, Any],
) -> CheckResult:
    """The checker's result; stories that repeat the same figures (wire copy) are checked once.

    The cache keys on the parsed figures themselves (frozen), so equal figures written in
    different places share one check.
    """
    if all(v is None or isinstance(v, str) for v in options.values()):
        return _cached_check(pills, powder, claim, scale, notes, tuple(sorted(options.items())))
    return _checker()(pills, powder, claim, scale=scale, notes=notes, **options)


def _parsed(figure: Figure | None) -> StatedFigure | None:
    """The figure as the checker reads it; a figure it cannot read raises the reason."""
    if figure is None:
        return None
    if figure.unreadable is not None:
        raise InputError(figure.unreadable)
    return figure.stated


def check_draft(index: int, draft: ClaimDraft, **options: Any) -> Claim:
    """Check one claim; a figure the checker cannot read makes the claim unverifiable, not an error."""
    notes = list(draft.notes)
    try:
        pills, powder, claim = _parsed(draft.pills), _parsed(draft.powder), _parsed(draft.doses)
        result = _check(pills, powder, claim, draft.scale, tuple(notes), options)
    except DoseconvError as error:
        notes.append(f"not checked: {error}")
        return Claim(
            index, draft, "unverifiable", f"The checker could not read the figures: {error}", None, tuple(notes)
        )
    if draft.powder is not None and draft.powder.ambiguous and draft.powder.alternative is not None:
        try:
            other = _check(pills, draft.powder.alternative, claim, draft.scale, (), options)
            notes.append(f"read as metric tonnes instead, the verdict is {other.verdict}")
        except DoseconvError as error:  # pragma: no cover - the first reading was accepted
            notes.append(f"the metric-tonne reading could not be checked: {error}")
    return Claim(index, draft, result.verdict, result.explanation, result, tuple(notes))


@dataclass(frozen=True)
class ScanReport:
    """Everything found in one text: its figures and its checked claims."""

    source: str
    format: str
    characters: int
    figures: tuple[Figure, ...]
    claims: tuple[Claim, ...]
    #: Dose figures past the claim limit (``max_claims``): found, not checked, not listed.
    claims_not_checked: int = 0

    @property
    def dose_figures(self) -> list[Figure]:
        return [f for f in self.figures if f.kind == "doses"]

    @property
    def flagged(self) -> bool:
        return any(c.flagged for c in self.claims)

    def verdicts(self) -> dict[str, int]:
        """How many claims got each verdict."""
        return dict(Counter(c.verdict for c in self.claims))

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "characters": self.characters,
            "figures": [f.to_dict() for f in self.figures],
            "claims": [c.to_dict() for c in self.claims],
            "summary": {
                "figures": len(self.figures),
                "dose_figures": len(self.dose_figures),
                "claims": len(self.claims),
                "verdicts": self.verdicts(),
                "flagged": sum(c.flagged for c in self.claims),
                "claims_not_checked": self.claims_not_checked,
                "figures_not_listed": 0,  # every figure is listed here; a rendered report may list fewer
            },
        }


@dataclass(frozen=True)
class ScanSet:
    """The reports of several texts (a folder of stories, or several files)."""

    reports: tuple[ScanReport, ...]
    folder: bool = False

    @property
    def flagged(self) -> bool:
        return any(r.flagged for r in self.reports)

    @property
    def exit_code(self) -> int:
        """0 when no claim is flagged, 1 when one is (bad input never gets this far: it raises)."""
        return 1 if self.flagged else 0

    def to_dict(self) -> dict[str, Any]:
        verdicts: Counter[str] = Counter()
        for report in self.reports:
            verdicts.update(report.verdicts())
        return {
            "files": [r.to_dict() for r in self.reports],
            "summary": {
                "files": len(self.reports),
                "figures": sum(len(r.figures) for r in self.reports),
                "claims": sum(len(r.claims) for r in self.reports),
                "verdicts": dict(verdicts),
                "flagged": sum(c.flagged for r in self.reports for c in r.claims),
            },
        }


def scan_text(
    text: str,
    source: str = "<text>",
    *,
    format: str = "auto",
    run_checks: bool = True,
    max_claims: int = MAX_CLAIMS,
    date: str | None = None,
    **options: Any,
) -> ScanReport:
    """Find the figures of a text, build its claims and check them.

    ``options`` go to :func:`doseconv.check` (``assumptions``, ``pill_model``,
    ``reading``, ``year``, ``state``); ``date`` (the story's date, ``2022-12-20``) dates its claims:
    their population year and, unless ``assumptions`` names a set, the assumption set. Population
    phrases are read for that date (:mod:`.population`). With ``run_checks=False`` claims are built but not checked (verdict
    ``unverifiable``). Only the first ``max_claims`` claims are built and checked; the
    report counts the others in ``claims_not_checked``.

    >>> report = scan_text("Nearly 44 million fentanyl pills, equating to almost 193 million deadly doses.")
    >>> [(c.draft.doses.stated_text, c.draft.pills.stated_text, c.verdict) for c in report.claims]
    [('almost 193 million doses', 'nearly 44 million pills', 'implausible')]
    >>> scan_text("The police made 12 arrests.").claims
    ()
    """
    if date is not None:
        options["date"] = date
    document = read_document(text, source, format)
    resolver = ScopeResolver(document)
    figures = with_population_figures(document, resolver, extract_figures(document, resolver), options)
    if max_claims < 0:
        raise InputError(
            f"the claim limit must be a whole number of at least 0, not {max_claims}", parameter="max_claims"
        )
    drafts = build_claims(document, figures, max_claims)
    over = sum(f.kind == "doses" for f in figures) - len(drafts)
    if run_checks:
        claims = tuple(check_draft(i, d, **options) for i, d in enumerate(drafts, 1))
    else:
        claims = tuple(Claim(i, d, "unverifiable", "not checked", None, d.notes) for i, d in enumerate(drafts, 1))
    return ScanReport(source, document.format, len(text), tuple(figures), claims, over)
