"""The words a sentence says a claim's figures in: the inputs as given, with their units; how they were counted
(the premise, with its published source); the claim as quoted; a figure as news copy gives it.

Shared by the plain text of every verdict (:mod:`.correction`) and a population claim's sentence in people
(:mod:`.people`), so each says the same figure the same way.
"""

from __future__ import annotations

import re
from fractions import Fraction
from itertools import pairwise
from typing import TYPE_CHECKING

from ..assumptions import AssumptionSet, Parameter, show_value
from ..errors import InputError
from ..reading.lexicon import unit_of
from ..reading.numbers import format_words
from ..reading.stated import StatedFigure, describe
from .context import ClaimContext

if TYPE_CHECKING:  # pragma: no cover
    from .results import Diagnosis

__all__ = [
    "as_in",
    "claimed_words",
    "inputs_words",
    "method_words",
    "phrase",
    "premise",
    "purity_words",
    "source_plain",
    "with_unit",
]

_QUALIFIER_WORDS = {"more_than": "more than", "less_than": "fewer than", "at_least": "at least", "about": ""}
_DOSE_WORDS = re.compile(r"\s*\b(?:potentially\s+)?(?:lethal|deadly|fatal)?\s*(?:doses?|people|lives)\b.*$", re.I)


def source_plain(parameter: Parameter) -> str:
    """The source a sentence names a value by: its short title, else publisher and title ("" for none)."""
    sources = parameter.sources
    best = next((s for s in sources if s.short), sources[0] if sources else None)
    return best.plain if best is not None else ""


def as_in(parameter: Parameter) -> str:
    """ ", as in DEA's …" for a published value; nothing for the caller's own (it has no source)."""
    source = source_plain(parameter)
    return f", as in {source}" if source else ""


def method_words(diagnosis: Diagnosis) -> str:
    """How a method made the total, in its rows' plain words (a combination row by row, a slip of scale as the slip
    it was): what every sentence, report and page says in place of the method's code name.

    >>> from doseconv.checker.rows import METHOD_BY_NAME
    >>> from doseconv.checker.results import Diagnosis
    >>> method_words(Diagnosis((METHOD_BY_NAME["pills-lab-share"], METHOD_BY_NAME["pills-only"]), None, False))
    "counting only the share of pills DEA's lab found to hold a lethal dose and counting the pills alone and leaving the powder out"
    """
    return " and ".join(diagnosis.words)


_FISCAL = re.compile(r"(?:powder purity: |^)FY(\d{4})")


def _period(chosen: AssumptionSet) -> str:
    """The period a set's powder purity describes: " for 2022", " for fiscal 2023"; "" when the set's period is
    not one year."""
    fiscal = _FISCAL.search(chosen.period)
    if fiscal:
        return f" for fiscal {fiscal[1]}"
    year = re.fullmatch(r"(\d{4})", chosen.period.strip())
    return f" for {year[1]}" if year else ""


def purity_words(chosen: AssumptionSet) -> str:
    """The powder purity a sentence counts by, with the year it describes and the document that published it
    ("the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment"), or the
    caller's own ("a purity of 12%")."""
    purity = chosen.powder_purity
    if purity.origin != "published":
        return f"a purity of {purity.show()}"
    source = source_plain(purity)
    return f"the {purity.show()} average purity{_period(chosen)}" + (f" reported in {source}" if source else "")


def premise(ctx: ClaimContext) -> str:
    """How the figure was counted: "At the 11.36% average purity for 2024 reported in DEA's 2025 …"."""
    chosen = ctx.chosen
    clauses = []
    if ctx.pills is not None:
        if ctx.model == "one-per-pill":
            clauses.append("counting each pill as one lethal dose")
        elif ctx.model == "lab-share":
            share = chosen.pill_share
            clauses.append(f"with {share.show()} of pills holding a lethal dose{as_in(share)}")
        else:
            content = chosen.pill_content
            clauses.append(f"with {content.show()} of fentanyl in the average pill{as_in(content)}")
        if ctx.pills.kind == "mass" and ctx.pill_mass is not None:  # pills given by weight, counted by it
            clauses[-1] += f", each pill weighing {show_value('mass', ctx.pill_mass)}"
    if ctx.powder is not None:
        if ctx.rule_counts_pure:
            clauses.append("counting the powder as pure fentanyl")
        else:
            clauses.append(f"at {purity_words(chosen)}")
    text = " and ".join(clauses)
    return text[0].upper() + text[1:] if text else ""


_WORD = re.compile(r"[A-Za-z][A-Za-z.]*")


def with_unit(figure: StatedFigure) -> str:
    """A figure's text as given, with its unit when the text has none (a table cell "26" in a column of pounds:
    "26 pounds"), so no sentence drops a figure's unit."""
    text = figure.text.strip()
    if figure.amount.kind != "mass":
        return text
    words = [w.rstrip(".").lower() for w in _WORD.findall(text)]
    spelled = words + [f"{a} {b}" for a, b in pairwise(words)]
    if any((unit_of(w) or ("", ""))[1] == "mass" for w in spelled):
        return text
    unit = figure.amount.unit.replace("_", " ")
    return f"{text} {unit}{'' if figure.amount.value == 1 and figure.upper is None else 's'}"


def _seized(figure: StatedFigure, what: str) -> str:
    text = with_unit(figure)
    return text if "fentanyl" in text.lower() else f"{text} of seized fentanyl {what}".replace("pills of", "")


def inputs_words(ctx: ClaimContext) -> tuple[str, str]:
    """The stated inputs in words, and the verb that agrees with them."""
    parts = []
    if ctx.pills is not None:
        text = with_unit(ctx.pills)
        if "pill" not in text.lower() and "tablet" not in text.lower():
            text = f"{text} of fentanyl pills" if ctx.pills.kind == "mass" else f"{text} fentanyl pills"
        parts.append(text if "fentanyl" in text.lower() else text.replace("pills", "fentanyl pills"))
    if ctx.powder is not None:
        parts.append(_seized(ctx.powder, "powder"))
    one_pill = ctx.pills is not None and ctx.pills.kind == "pills" and ctx.pills.amount.value == 1
    return " and ".join(parts), ("hold" if len(parts) > 1 or (ctx.pills is not None and not one_pill) else "holds")


def claimed_words(claim: StatedFigure) -> tuple[str, str]:
    """The claim as a sentence quotes it ("more than three million") and its bare number ("three million").

    >>> from doseconv.reading.inputs import parse_claim
    >>> claimed_words(parse_claim("over three million doses")), claimed_words(parse_claim("could have taken 500,000 lives"))
    (('more than three million', 'three million'), ('500,000', '500,000'))
    """
    body = claim.amount.text.strip()
    number = _DOSE_WORDS.sub("", body).strip() or body
    if claim.qualifier == "between":  # "not the 10 to 12 million claimed"
        return re.sub(r"\s+(?:and|to|-|–)\s+", " to ", number, count=1), "a figure in that range"
    qualifier = _QUALIFIER_WORDS.get(claim.qualifier, claim.phrase)
    return (f"{qualifier} {number}" if qualifier else number), number


def phrase(value: Fraction) -> str:
    """A figure as news copy gives it: "about 335,000" (figures too large to read back in words as digits)."""
    try:
        return describe(value, "about", 3)
    except InputError:
        return f"about {format_words(value, 2)}"
