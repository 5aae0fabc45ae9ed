"""The result of tracing restatements: each figure restated in more than one story, its earliest statement, and
every later one with what it changed; its JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .changes import Change, changes
from .claims import TracedClaim
from .grouping import Group

__all__ = ["FigureTrace", "Restatement", "Trace", "claim_dict"]


def claim_dict(claim: TracedClaim) -> dict[str, Any]:
    """A claim as the JSON of a trace gives it."""
    return {
        "path": claim.path,
        "date": claim.date.isoformat() if claim.date else None,
        "claim": claim.index,
        "text": claim.text,
        "pills": claim.pills.text if claim.pills else None,
        "powder": claim.powder.text if claim.powder else None,
        "scope": dict(claim.scope),
        "scope_text": claim.scope_text,
        "verdict": claim.verdict,
        "reproduced_by": list(claim.reproduced_by),
        "correction": claim.correction,
        "sentence": claim.sentence,
    }


@dataclass(frozen=True)
class Restatement:
    """A later statement of a figure: the claim, how it was linked to the figure, and what it changed."""

    claim: TracedClaim
    link: str
    changes: tuple[Change, ...]

    def aspects(self) -> list[str]:
        """What the changes are about, each once, in order."""
        return list(dict.fromkeys(c.aspect for c in self.changes))

    def to_dict(self) -> dict[str, Any]:
        return {**claim_dict(self.claim), "link": self.link, "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True)
class FigureTrace:
    """One published figure: its earliest statement and its restatements, in story order."""

    number: int
    earliest: TracedClaim
    restatements: tuple[Restatement, ...]

    @classmethod
    def of(cls, number: int, group: Group) -> FigureTrace:
        first = group.earliest
        later = tuple(
            Restatement(claim, how, tuple(changes(first, claim, how)))
            for claim, how in zip(group.claims[1:], group.links, strict=True)
        )
        return cls(number, first, later)

    @property
    def claims(self) -> list[TracedClaim]:
        return [self.earliest, *(r.claim for r in self.restatements)]

    @property
    def changed(self) -> list[Restatement]:
        """The restatements that changed something, the most changed first (then in story order)."""
        return sorted((r for r in self.restatements if r.changes), key=lambda r: -len(r.aspects()))

    @property
    def undated(self) -> int:
        return sum(c.date is None for c in self.claims)

    def title(self) -> str:
        return f"{self.earliest.text} — {self.earliest.scope_text or 'no scope stated'}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "figure": self.number,
            "title": self.title(),
            "stories": len(self.claims),
            "undated": self.undated,
            "earliest": claim_dict(self.earliest),
            "restatements": [r.to_dict() for r in self.restatements],
        }


@dataclass(frozen=True)
class Trace:
    """Every figure restated in more than one story, and how many claims and figures were read."""

    figures: tuple[FigureTrace, ...]
    claims: int
    stories: int
    stated_once: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": {
                "stories": self.stories,
                "claims": self.claims,
                "figures_restated": len(self.figures),
                "restatements": sum(len(f.restatements) for f in self.figures),
                "figures_stated_once": self.stated_once,
            },
            "figures": [f.to_dict() for f in self.figures],
        }
