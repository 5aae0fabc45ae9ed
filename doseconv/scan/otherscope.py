"""A total with no input of its own scope: the plain sentence that says so, and the what-if on another scope's figures.

A dose total is checked only against figures of its own scope (:mod:`.group`). When the story
gives none, the claim is ``unverifiable``; the nearest pills and powder of another scope are named,
with the verdict the claim checker gives the total built on them, labelled as a what-if and never
used as the verdict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .figure import Figure

if TYPE_CHECKING:  # pragma: no cover
    from .group import ClaimDraft
    from .scanner import Claim

__all__ = ["other_scope_dict", "other_scope_text"]


def _differs(doses: Figure, figure: Figure) -> str:
    """Which fields of the figure's scope differ from the claim's, in words ("the agency and period differ")."""
    fields = doses.scope.differences(figure.scope)
    if "place" in fields and "level" in fields:
        fields.remove("level")  # a national figure and a division's differ in place; saying level too adds nothing
    if not fields:  # pragma: no cover - a figure of another scope differs in at least one field
        return "its scope differs"
    words = fields[0] if len(fields) == 1 else ", ".join(fields[:-1]) + " and " + fields[-1]
    return f"the {words} {'differs' if len(fields) == 1 else 'differ'}"


def _mid_sentence(text: str) -> str:
    """A figure's words inside a sentence: "More than 27,000 pounds" becomes "more than 27,000 pounds".

    >>> _mid_sentence("More than 27,000 pounds"), _mid_sentence("DEA's 44 million pills")
    ('more than 27,000 pounds', "DEA's 44 million pills")
    """
    if text[:1].isupper() and text[1:2].islower():
        return text[0].lower() + text[1:]
    return text


def _nearest(doses: Figure, figures: tuple[Figure, ...]) -> str:
    """The sentence naming the nearest figures of another scope and how their scope differs."""
    scopes = {f.scope for f in figures}
    if len(scopes) == 1:
        figure = figures[0]
        names = " and ".join(_mid_sentence(f.text) for f in figures)
        noun, verb = ("figure", "is") if len(figures) == 1 else ("figures", "are")
        return f"The nearest {noun}, {names}, {verb} of another scope ({figure.scope.describe()}): {_differs(doses, figure)}."
    each = " and ".join(f"{_mid_sentence(f.text)} ({f.scope.describe()}: {_differs(doses, f)})" for f in figures)
    return f"The nearest figures are of other scopes: {each}."


def other_scope_text(draft: ClaimDraft, what_if: Claim | None) -> str:
    """The plain sentence for a total with no input of its own scope: why it cannot be checked, and the what-if.

    >>> from .scanner import scan_text
    >>> (claim,) = scan_text("Nationwide, agents seized 6,500 pounds of fentanyl powder.\\n\\n"
    ...                      "The Omaha Division's seizures equal 200 million doses.").claims
    >>> print(other_scope_text(claim.draft, claim.other_scope))
    The story gives no fentanyl pills or powder of this claim's own scope (Omaha Division), so the claim "200 million doses" cannot be checked from it. The nearest figure, 6,500 pounds of fentanyl powder, is of another scope (national): the place differs. Were the total built on that figure, it would be judged plausible (powder purity from 13.13% to 14.01%); a what-if, not the verdict.
    """
    assert draft.other_scope is not None
    doses = draft.doses
    figures = draft.other_scope.figures
    parts = [
        f"The story gives no fentanyl pills or powder of this claim's own scope ({doses.scope.describe()}), "
        f'so the claim "{doses.text}" cannot be checked from it.',
        _nearest(doses, figures),
    ]
    if what_if is not None:
        which = "that figure" if len(figures) == 1 else "those figures"
        implied = f" ({what_if.implied})" if what_if.implied else ""
        parts.append(
            f"Were the total built on {which}, it would be judged {what_if.verdict}{implied}; a what-if, not the verdict."
        )
    return " ".join(parts)


def other_scope_dict(draft: ClaimDraft, what_if: Claim | None) -> dict[str, Any]:
    """The JSON of ``nearest_other_scope``: the figures, their scopes, and the what-if verdict and implied value.

    The what-if fields are null when claims were not checked.
    """
    assert draft.other_scope is not None
    other = draft.other_scope
    return {
        "pills": other.pills.index if other.pills else None,
        "powder": other.powder.index if other.powder else None,
        "figures": [
            {
                "index": f.index,
                "kind": f.kind,
                "text": f.text,
                "stated": f.stated_text,
                "scope": f.scope.to_dict(),
                "scope_text": f.scope.describe(),
                "differs": draft.doses.scope.differences(f.scope),
            }
            for f in other.figures
        ],
        "what_if": None
        if what_if is None
        else {
            "verdict": what_if.verdict,
            "flagged": what_if.flagged,
            "implied": what_if.implied,
            "reproduced_by": what_if.reproduced_by,
            "dea_verdict": what_if.dea_verdict,
            "notes": list(what_if.notes),
            "explanation": what_if.explanation,
        },
    }
