"""What a restatement changed against the earliest statement of its figure: the wording, the figure, the inputs,
the scope and the verdict, each said in words an editor can quote."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..reading.numformat import format_words
from .claims import Input, TracedClaim

__all__ = ["ASPECTS", "Change", "changes"]

#: What a change is about, in the order changes are listed.
ASPECTS = ("inputs", "figure", "scope", "verdict", "wording")


@dataclass(frozen=True)
class Change:
    """One thing a restatement changed: what it is about (:data:`ASPECTS`) and what it was and became, in words."""

    aspect: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"aspect": self.aspect, "text": self.text}


def _words(value: Fraction | None) -> str:
    return "?" if value is None else format_words(value, 3)


def _wording(first: TracedClaim, later: TracedClaim) -> list[Change]:
    out = []
    if first.qualifier == later.qualifier and first.written.lower() != later.written.lower():
        out.append(Change("wording", f"{first.written or 'no qualifier'!r} → {later.written or 'no qualifier'!r}"))
    if first.noun.lower() != later.noun.lower():
        out.append(Change("wording", f"{first.noun!r} → {later.noun!r}"))
    for name, a, b in (("pills", first.pills, later.pills), ("powder", first.powder, later.powder)):
        if a is not None and b is not None and a.qualifier == b.qualifier and a.written.lower() != b.written.lower():
            out.append(Change("wording", f"{name}: {a.written or 'no qualifier'!r} → {b.written or 'no qualifier'!r}"))
    return out


def _figure(first: TracedClaim, later: TracedClaim, how: str) -> list[Change]:
    said = f"{first.text!r} → {later.text!r}"
    if how == "scaled" and first.value and later.value:
        ratio = later.value / first.value
        factor = f"× {format_words(ratio, 3)}" if ratio >= 1 else f"÷ {format_words(1 / ratio, 3)}"
        return [Change("figure", f"scaled {factor}: {said} (a slip of million, billion or thousand)")]
    if how == "same inputs" and not later.overlaps(first):
        change = ""
        if first.value and later.value:
            change = f", {float((later.value - first.value) / first.value):+.0%}"
        return [Change("figure", f"revised on the same inputs: {_words(first.value)} → {_words(later.value)}{change}")]
    out = []
    if first.qualifier != later.qualifier:
        what = (
            "qualifier dropped"
            if later.qualifier == "none"
            else "qualifier added"
            if first.qualifier == "none"
            else "qualifier changed"
        )
        out.append(Change("figure", f"{what}: {said}"))
    if first.value != later.value:
        coarser = (later.high - later.low) > (first.high - first.low)
        what = "rounded" if coarser else "given more precisely"
        out.append(Change("figure", f"{what}: {_words(first.value)} → {_words(later.value)}"))
    return out


def _input_changes(name: str, first: Input | None, later: Input | None) -> list[Change]:
    if first is not None and later is None:
        rest = "pills" if name == "powder" else "powder"
        return [Change("inputs", f"{name} dropped ({first.text}): the total is pinned on the {rest} alone")]
    if first is None and later is not None:
        return [Change("inputs", f"{name} added ({later.text})")]
    if first is None or later is None:
        return []
    if first.unit != later.unit and first.same_amount(later):
        return [Change("inputs", f"{name} converted: {first.text!r} → {later.text!r} (the same amount)")]
    if not first.same_amount(later):
        return [Change("inputs", f"{name} changed: {first.text!r} → {later.text!r}")]
    if first.qualifier != later.qualifier:
        return [Change("inputs", f"{name} qualifier changed: {first.text!r} → {later.text!r}")]
    return []


def _scope(first: TracedClaim, later: TracedClaim) -> list[Change]:
    out = []
    was, now = first.scope, later.scope
    if (was.get("level"), was.get("place")) != (now.get("level"), now.get("place")):
        before = was.get("place") or was.get("level") or "no place stated"
        after = now.get("place") or now.get("level") or "no place stated"
        if now.get("level") == "national" and was.get("level") != "national" and was.get("place"):
            out.append(Change("scope", f"a regional figure called national: {before} → national"))
        else:
            out.append(Change("scope", f"where: {before} → {after}"))
    for key in ("agency", "operation", "period"):
        if (was.get(key) or "") != (now.get(key) or ""):
            if not now.get(key):
                out.append(Change("scope", f"{key} not stated (was {was.get(key)})"))
            elif not was.get(key):
                out.append(Change("scope", f"{key} added: {now.get(key)}"))
            else:
                out.append(Change("scope", f"{key}: {was.get(key)} → {now.get(key)}"))
    return out


def _verdict(first: TracedClaim, later: TracedClaim) -> list[Change]:
    if first.verdict == later.verdict:
        return []
    why = []
    if later.reproduced_by:
        why.append("reproduced by " + ", ".join(later.reproduced_by))
    if later.correction:
        why.append(f"corrected figure {later.correction}")
    detail = f" ({'; '.join(why)})" if why else ""
    return [Change("verdict", f"{first.verdict} → {later.verdict}{detail}")]


def changes(first: TracedClaim, later: TracedClaim, how: str = "as stated") -> list[Change]:
    """Everything ``later`` changed against ``first``, by aspect (:data:`ASPECTS`); empty when it restates it
    word for word."""
    found = [
        *_input_changes("pills", first.pills, later.pills),
        *_input_changes("powder", first.powder, later.powder),
        *_figure(first, later, how),
        *_scope(first, later),
        *_verdict(first, later),
        *_wording(first, later),
    ]
    return sorted(found, key=lambda c: ASPECTS.index(c.aspect))
