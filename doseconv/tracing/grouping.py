"""Claims of different stories grouped by the published figure they restate.

Two claims restate one figure when they are the same kind of total (doses or a population phrase, one seizure or
an aggregate) in compatible scopes (their agencies shared, their periods overlapping, the same operation, and not
two different places), and their figures are linked in one of three ways, tried in this order:

1. **as stated**: the true values their words allow overlap ("nearly 193 million" and "193 million");
2. **scaled**: one is the other times a thousand or a million (a "million" written "billion"), when the scopes
   name the same operation, or the same agency over the same period;
3. **same inputs**: the same pills and powder (units converted), a different total: a revision, or a recount.

Claims are taken in story order (dated stories first, by date; then undated ones by path), so the first claim of
a group is the earliest, against which every later one is compared. A group holds one claim per story. Each claim
is compared only with the groups whose figures lie near its own (an index by value), so the time grows with the
number of claims, not its square.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from .claims import Input, TracedClaim
from .periods import overlap

__all__ = ["LINKS", "Group", "group_claims"]

#: How a restatement was linked to its figure, best first.
LINKS = ("as stated", "scaled", "same inputs")
_SCALES = (Fraction(1000), Fraction(1, 1000), Fraction(10**6), Fraction(1, 10**6))


@dataclass
class Group:
    """The claims restating one figure, earliest first, and how each later one was linked to it."""

    claims: list[TracedClaim]
    links: list[str] = field(default_factory=list)  # one per claim after the first
    paths: set[str] = field(default_factory=set)
    #: One member per distinct interval of true values: what a new claim is compared with (a figure restated a
    #: thousand times in the same words is compared once).
    shapes: dict[tuple[object, ...], TracedClaim] = field(default_factory=dict)

    def add(self, claim: TracedClaim, how: str | None = None) -> None:
        if how is not None:
            self.claims.append(claim)
            self.links.append(how)
        self.paths.add(claim.path)
        self.shapes.setdefault((claim.low, claim.high, claim.low_open, claim.high_open), claim)

    @property
    def earliest(self) -> TracedClaim:
        return self.claims[0]


class _Index:
    """For one kind of total, each group's hull (the lowest and highest true values of its members), sorted by its
    low end; as floats, a coarse filter before the exact comparison. One entry per group, however often restated."""

    def __init__(self) -> None:
        self.lows: list[float] = []
        self.entries: list[tuple[float, int]] = []  # (high, group)
        self.hulls: dict[int, tuple[float, float]] = {}
        self.widest = 0.0

    def add(self, claim: TracedClaim, group: int) -> None:
        low, high = float(claim.low), float(claim.high)
        old = self.hulls.get(group)
        if old is not None:
            if old[0] <= low and high <= old[1]:
                return
            at = bisect.bisect_left(self.lows, old[0])
            while self.entries[at][1] != group:
                at += 1
            del self.lows[at], self.entries[at]
            low, high = min(low, old[0]), max(high, old[1])
        self.hulls[group] = (low, high)
        at = bisect.bisect_right(self.lows, low)
        self.lows.insert(at, low)
        self.entries.insert(at, (high, group))
        self.widest = max(self.widest, high - low)

    def near(self, low: float, high: float) -> set[int]:
        """The groups whose hull may meet [low, high]."""
        found = set()
        at = bisect.bisect_right(self.lows, high * (1 + 1e-9))
        floor = low - self.widest
        while at > 0:
            at -= 1
            if self.lows[at] < floor:
                break
            if self.entries[at][0] >= low * (1 - 1e-9):
                found.add(self.entries[at][1])
        return found


def _agencies(claim: TracedClaim) -> set[str]:
    return {a.strip() for a in str(claim.scope.get("agency") or "").split(",") if a.strip()}


def compatible(first: TracedClaim, later: TracedClaim) -> bool:
    """Whether two claims' scopes can be one figure's: agencies shared, periods overlapping, one operation, one place
    (a place on one side and national on the other is allowed: that is a division's figure called national)."""
    a, b = _agencies(first), _agencies(later)
    if a and b and not a & b:
        return False
    if not overlap(first.period, later.period):
        return False
    ops = [str(c.scope.get("operation") or "").lower() for c in (first, later)]
    if all(ops) and ops[0] != ops[1]:
        return False
    places = [c.scope.get("place") for c in (first, later)]
    return not (all(places) and places[0] != places[1])


def _strong(first: TracedClaim, later: TracedClaim) -> bool:
    """Whether the scopes name one figure on their own: the same operation, or one agency over one stated period."""
    ops = [str(c.scope.get("operation") or "").lower() for c in (first, later)]
    if all(ops):
        return ops[0] == ops[1]
    return bool(_agencies(first) & _agencies(later)) and first.period is not None and later.period is not None


def _same_inputs(one: TracedClaim, other: TracedClaim) -> bool:
    pairs = [(one.pills, other.pills), (one.powder, other.powder)]
    if any((a is None) != (b is None) for a, b in pairs) or all(a is None for a, _ in pairs):
        return False
    return all(a.same_amount(b) for a, b in pairs if a is not None and b is not None)


def _bucket(figure: Input | None) -> str:
    base = figure.base if figure is not None else None
    return "-" if base is None else f"{float(base):.1e}"


def _order(claim: TracedClaim) -> tuple[bool, dt.date, str, int]:
    return claim.date is None, claim.date or dt.date.max, claim.path, claim.index


def group_claims(claims: Iterable[TracedClaim]) -> list[Group]:
    """The groups of claims restating one figure (a figure stated once is a group of one), in the order their
    earliest claims were found."""
    groups: list[Group] = []
    index: dict[tuple[str, str], _Index] = {}
    by_inputs: dict[tuple[str, str, str, str], set[int]] = {}
    for claim in sorted(claims, key=_order):
        kind = (claim.kind, claim.scale)
        near = index.setdefault(kind, _Index())
        inputs_key = (*kind, _bucket(claim.pills), _bucket(claim.powder))
        found = _link(claim, groups, near, by_inputs.get(inputs_key, ()))
        if found is None:
            groups.append(Group([claim]))
            groups[-1].add(claim)
            number = len(groups) - 1
        else:
            number, how = found
            groups[number].add(claim, how)
        near.add(claim, number)
        if claim.pills is not None or claim.powder is not None:
            by_inputs.setdefault(inputs_key, set()).add(number)
    return groups


def _link(claim: TracedClaim, groups: list[Group], near: _Index, same: Iterable[int]) -> tuple[int, str] | None:
    """The group the claim restates, and how it was linked; None for a figure not seen before."""
    low, high = float(claim.low), float(claim.high)
    tries: list[tuple[str, Iterable[int], Fraction | None]] = [("as stated", near.near(low, high), Fraction(1))]
    tries += [("scaled", near.near(low / float(k), high / float(k)), k) for k in _SCALES]
    tries.append(("same inputs", same, None))
    for how, candidates, factor in tries:
        for number in sorted(set(candidates), key=lambda n: _order(groups[n].earliest)):
            group = groups[number]
            first = group.earliest
            if claim.path in group.paths or not compatible(first, claim):
                continue
            if factor is None:
                if _same_inputs(first, claim):
                    return number, how
            elif any(claim.overlaps(member, factor) for member in group.shapes.values()) and (
                how == "as stated" or _strong(first, claim)
            ):
                return number, how
    return None
