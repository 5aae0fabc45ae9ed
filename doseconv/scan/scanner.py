"""Scan a text: read it, find its figures, build claims and check each with the claim checker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import DoseconvError, InputError
from ..overrides import Overrides
from .dates import StoryDate, find_story_date
from .extract import extract_figures
from .figure import Figure
from .group import ClaimDraft, build_claims
from .otherscope import other_scope_dict, other_scope_text
from .population import with_population_figures
from .rules import StoryRules, find_rules
from .scope import ScopeResolver
from .text import read_document
from .title import story_title

if TYPE_CHECKING:  # pragma: no cover
    from ..checker import CheckResult  # the claim checker is named here and in _checker() below, nowhere else
    from ..reading.stated import StatedFigure


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
    #: The story's own rules, when it states any; the verdict then leads with them.
    rules: StoryRules = field(default_factory=StoryRules)
    #: The verdict under the assumption set's (DEA's) figures, when the story's rules gave another check.
    dea_verdict: str | None = None
    dea_explanation: str | None = None
    #: With no input of its own scope: the claim as if built on the nearest figures of another scope
    #: (``draft.other_scope``), checked by the same checker; a what-if, never the verdict.
    other_scope: Claim | None = None

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED

    @property
    def narrow_miss(self) -> bool:
        """Whether the claim is implausible by a narrow miss: the value it needs is, to two significant digits, the
        edge of the range DEA published (docs/verdicts.md)."""
        implied = self.result.implied if self.result is not None else None
        far = implied.distance if implied is not None and self.verdict == "implausible" else None
        return far is not None and far.narrow

    @property
    def plain(self) -> str | None:
        """The plain-text verdict or correction; for a total with no input of its own scope, the sentence that says so."""
        if self.draft.other_scope is not None:
            return other_scope_text(self.draft, self.other_scope)
        return self.result.plain if self.result is not None else None

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
        correction = self.result.correction if self.result is not None else None
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
            "added": [f.index for f in draft.added],
            "scale": draft.scale,
            "scope": draft.doses.scope.to_dict(),
            "scope_text": draft.doses.scope.describe(),
            "sentence": draft.doses.sentence,
            "verdict": self.verdict,
            "flagged": self.flagged,
            "implied": self.implied,
            "reproduced_by": self.reproduced_by,
            "notes": list(self.notes),
            "start": draft.doses.start,
            "end": draft.doses.end,
            "diagnosis": self.reproduced_by,
            "correction": correction.to_dict() if correction is not None else None,
            "plain": self.plain,
            "assumptions": self.result.assumptions.name if self.result is not None else None,
            "rules": [r.to_dict() for r in self.rules.rules],
            "dea_verdict": self.dea_verdict,
            "check": self.result.to_dict() if self.result is not None else None,
            "nearest_other_scope": (
                other_scope_dict(draft, self.other_scope) if draft.other_scope is not None else None
            ),
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
    if all(v is None or isinstance(v, (str, Overrides)) for v in options.values()):
        return _cached_check(pills, powder, claim, scale, notes, tuple(sorted(options.items())))
    return _checker()(pills, powder, claim, scale=scale, notes=notes, **options)


def _parsed(figure: Figure | None) -> StatedFigure | None:
    """The figure as the checker reads it; a figure it cannot read raises the reason."""
    if figure is None:
        return None
    if figure.unreadable is not None:
        raise InputError(figure.unreadable)
    return figure.stated


def check_draft(index: int, draft: ClaimDraft, rules: StoryRules | None = None, **options: Any) -> Claim:
    """Check one claim; a figure the checker cannot read makes the claim unverifiable, not an error.

    With the story's own ``rules`` (a lethal dose, a share of pills, a pill's weight) the claim is
    checked under them and under the assumption set's figures: the story's rules lead, the other
    verdict is kept in ``dea_verdict``. A rule counting mass as pure is shown, never used.

    A draft with no input of its own scope is ``unverifiable``; the nearest figures of another
    scope get one what-if check (kept in ``other_scope``), which the claim's plain sentence and
    notes report as such.
    """
    what_if_draft = draft.what_if()
    if what_if_draft is None:
        return _with_rules(index, draft, rules, options)
    what_if = _with_rules(index, what_if_draft, rules, options)
    draft = replace(draft, notes=(*draft.notes, other_scope_text(draft, what_if)))
    return replace(_with_rules(index, draft, rules, options), other_scope=what_if)


def _with_rules(index: int, draft: ClaimDraft, rules: StoryRules | None, options: dict[str, Any]) -> Claim:
    """The claim checked under the set's figures and, when the story states rules, under its own (see :func:`check_draft`)."""
    claim = _check_draft(index, draft, **options)
    if rules is None or not rules.rules:
        return claim
    given = options.get("overrides")
    usable = {
        k: v
        for k, v in rules.overrides.items()
        if options.get(k) is None and (given is None or getattr(given, k) is None)
    }  # a value the caller gives beats the story's
    notes = list(claim.notes)
    per_mass = rules.get("per_mass")
    if per_mass is not None:
        notes.append(f"the story's rule {per_mass.text!r} counts the seized mass as pure fentanyl; not used")
    if not usable:
        return replace(claim, rules=rules, notes=tuple(notes))
    exact = rules.exact(usable)  # the story's values as exact Fractions, beside the caller's own
    story_options: dict[str, Any] = {
        **options,
        "overrides": exact if given is None else Overrides.of(given, **_kw(exact)),
    }
    if "pill_share" in usable and options.get("pill_model") is None:
        usable["pill_model"] = story_options["pill_model"] = "lab-share"  # a share of pills holding a dose counts by it
    story = _check_draft(index, draft, **story_options)
    if story.verdict == claim.verdict and _same_figures(story, claim):  # the rules change nothing: shown only
        return replace(claim, rules=rules, notes=tuple(notes))
    said = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in usable.items())
    notes.append(f"checked under the story's rules ({said}): {story.verdict}; under the set's figures: {claim.verdict}")
    return replace(
        story, rules=rules, notes=(*story.notes, *notes[len(claim.notes) :]), dea_verdict=claim.verdict,
        dea_explanation=claim.explanation,
    )  # fmt: skip


def _kw(overrides: Overrides) -> dict[str, Any]:
    """An :class:`Overrides` as keywords that build it again (masses as amounts in mg, shares as Fractions)."""
    from ..reading.quantity import Amount

    return {
        name: Amount(value, "milligram", "mass") if name in ("lethal_dose", "mg_per_pill", "pill_mass") else value
        for name, value in overrides.given.items()
    }


def _same_figures(story: Claim, claim: Claim) -> bool:
    """Whether the story's rules leave the figures as the set's give them (the total and what the claim needs):
    a pill's weight the set lacks, or another dose size, changes them even when the verdict is the same."""
    if story.result is None or claim.result is None:
        return story.result is claim.result
    return story.result.computed == claim.result.computed and story.result.implied == claim.result.implied


def _check_draft(index: int, draft: ClaimDraft, **options: Any) -> Claim:
    notes = list(draft.notes)
    try:
        pills, powder, claim = _parsed(draft.pills), _parsed(draft.powder), _parsed(draft.doses)
        result = _check(pills, powder, claim, draft.scale, tuple(notes), options)
    except DoseconvError as error:
        said = error.message_for({})  # a scan gives no value an error could advise
        notes.append(f"not checked: {said}")
        return Claim(
            index, draft, "unverifiable", f"The checker could not read the figures: {said}", None, tuple(notes)
        )
    if draft.powder is not None and draft.powder.ambiguous and draft.powder.alternative is not None:
        try:
            other = _check(pills, draft.powder.alternative, claim, draft.scale, (), options)
            notes.append(f"read as metric tonnes instead, the verdict is {other.verdict}")
        except DoseconvError as error:  # pragma: no cover - the first reading was accepted
            notes.append(f"the metric-tonne reading could not be checked: {error.message_for({})}")
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
    #: The date the story gives itself (HTML metadata, front matter, dateline), used when none is given.
    story_date: StoryDate | None = None
    #: The rules the story states (a lethal dose, a share of pills holding one, a pill's weight, people per kilogram).
    rules: StoryRules = field(default_factory=StoryRules)
    #: The text the scanner read (markup stripped, normalised): figures' ``scan_start``/``scan_end`` index it.
    text: str = field(default="", repr=False, compare=False)
    #: The title the story gives itself (HTML title, front matter, first heading or headline line), if any.
    title: str | None = None

    @property
    def heading(self) -> str:
        """What a report is headed by: the story's title and its file's name, whichever it has.

        >>> ScanReport("story.html", "html", 0, (), (), title="Record haul").heading
        'Record haul (story.html)'
        >>> ScanReport("<text>", "plain", 0, ()  , ()).heading
        'Pasted story'
        """
        named = None if self.source in ("<text>", "<stdin>") else self.source
        if self.title and named:
            return f"{self.title} ({named})"
        return self.title or named or ("Pasted story" if self.source == "<text>" else "Story from standard input")

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
            "title": self.title,
            "format": self.format,
            "characters": self.characters,
            "story_date": (
                {"date": self.story_date.date.isoformat(), "found_in": self.story_date.found_in}
                if self.story_date
                else None
            ),
            "rules": [r.to_dict() for r in self.rules.rules],
            "figures": [f.to_dict() for f in self.figures],
            "claims": [c.to_dict() for c in self.claims],
            "summary": {
                "figures": len(self.figures),
                "dose_figures": len(self.dose_figures),
                "claims": len(self.claims),
                "verdicts": self.verdicts(),
                "flagged": sum(c.flagged for c in self.claims),
                "narrow_misses": sum(c.narrow_miss for c in self.claims),
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
                "narrow_misses": sum(c.narrow_miss for r in self.reports for c in r.claims),
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
    story_date = None
    if options.get("story_date") is None and options.get("date") is None and options.get("year") is None:
        story_date = find_story_date(text)
        if story_date is not None:
            options["story_date"] = story_date.date
    document = read_document(text, source, format)
    rules = find_rules(document)
    resolver = ScopeResolver(document)
    found = [_not_a_claim(f, rules) for f in extract_figures(document, resolver)]
    figures = _once(with_population_figures(document, resolver, found, options))
    if max_claims < 0:
        raise InputError(
            f"the claim limit must be a whole number of at least 0, not {max_claims}", parameter="max_claims"
        )
    drafts = build_claims(document, figures, max_claims)
    over = sum(f.kind == "doses" for f in figures) - len(drafts)
    if run_checks:
        claims = tuple(check_draft(i, d, rules, **options) for i, d in enumerate(drafts, 1))
    else:
        claims = tuple(_unchecked(i, d) for i, d in enumerate(drafts, 1))
    return ScanReport(
        source, document.format, len(text), tuple(figures), claims, over, story_date, rules, document.text,
        story_title(text, document.format),
    )  # fmt: skip


def _unchecked(index: int, draft: ClaimDraft) -> Claim:
    """A claim built but not checked (``run_checks=False``)."""
    notes = draft.notes if draft.other_scope is None else (*draft.notes, other_scope_text(draft, None))
    return Claim(index, draft, "unverifiable", "not checked", None, notes)


def _once(figures: list[Figure]) -> list[Figure]:
    """Each claim once: a count of people inside a population phrase that states it ("enough to kill 750,000
    Delawareans") is that phrase's claim, not a second one."""
    phrases = [(f.scan_start, f.scan_end) for f in figures if f.kind == "doses" and f.number_text == f.text]
    if not phrases:
        return figures
    kept = [
        f
        for f in figures
        if not (
            f.kind == "doses"
            and f.number_text != f.text
            and any(a <= f.scan_start and f.scan_end <= b for a, b in phrases)
        )
    ]
    return kept if len(kept) == len(figures) else [replace(f, index=i) for i, f in enumerate(kept, 1)]


def _not_a_claim(figure: Figure, rules: StoryRules) -> Figure:
    """A figure inside a rule of people per mass ("each kilogram can kill 500,000 people") is the rule: its people are
    no claim, and its mass ("a kilogram of fentanyl can kill 500,000 people") is no seizure."""
    if figure.kind not in ("doses", "fentanyl-mass", "pills", "other-drug-mass"):
        return figure
    rule = rules.covers(figure.scan_start, figure.scan_end)
    if rule is None:
        return figure
    if figure.kind == "doses":
        reason = f"the story's rule {rule.text!r}, not a claim"
        return replace(figure, kind="other", excluded=reason, notes=(*figure.notes, reason))
    reason = f"the mass the story's rule {rule.text!r} counts by, not a seizure"
    return replace(figure, excluded=reason, notes=(*figure.notes, reason))
