"""The verdict: one decision over the computed total, the implied value and the diagnosis, in a fixed order.

``check``, ``verify`` and ``scan`` all take their verdict from :func:`decide`, so a claim gets
the same verdict everywhere, at every scale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..intervals import Interval
from .bands import highest_mean
from .context import ClaimContext
from .results import Diagnosis, Implied, Verdict

__all__ = ["VERDICT_ORDER", "decide"]

#: The order of the verdicts, most serious first; ``unverifiable`` (inputs missing) is decided before all.
VERDICT_ORDER: tuple[Verdict, ...] = (
    "unverifiable",
    "impossible",
    "upper-bound",
    "implausible",
    "plausible",
    "consistent",
)

_MISSING = "a value the check needs is not published in the set (see notes)"


Rows = Sequence[Diagnosis] | Callable[[], Sequence[Diagnosis]]


def decide(
    ctx: ClaimContext, computed: Interval | None, implied: Implied | None, diagnosis: Rows = ()
) -> tuple[Verdict, str]:
    """The verdict and its reason. The first rule that applies decides (docs/methodology.md):

    ``diagnosis`` is the diagnosis, or a function that makes the rows of the methods that count
    seized mass as pure (called only when the claim needs more than every yearly mean).

    1. no pills and no powder: unverifiable;
    2. the value needs more fentanyl than the stated mass holds: impossible (unless a rounded pound
       factor brings it within the mass, when rule 3 or 4 decides);
    3. a method that counts the seized mass as pure fentanyl reproduces the claim (with the exact or
       a rounded pound factor, or once rounded or truncated to the claim's step: :mod:`.near`), and the
       value it needs lies above every yearly mean DEA has published: upper-bound, at any scale (not when the user's own rule counts the mass as pure: the claim is
       then judged against that rule);
    4. only a rounded pound factor brings the value within the mass: implausible;
    5. no value the claim needs can be computed (nothing to back-solve, or the set lacks a value the
       back-solve needs): consistent if the inputs give the claim, else unverifiable;
    6. no non-negative value works (the inputs already give more): implausible;
    7. the inputs give the claimed total under the set's central values: consistent;
    8. the value needed lies outside the band of the scale: implausible; no band: unverifiable
       without a computed total, else implausible;
    9. the value needed meets the band: plausible (when the set publishes no central value, the
       reason says so: whether the set's own figure gives the claim cannot be said).

    Rules 2 to 4, 6, 8 and 9 need no central value from the set, so a value the set does not publish
    decides nothing before them: ``unverifiable`` is kept for a claim whose needed value cannot be
    computed at all.
    """
    if not ctx.has_inputs:
        return (
            "unverifiable",
            "no pills or powder are given with the claim, so there is nothing to compute the total from",
        )
    beyond_mass = (
        implied is not None
        and implied.interval is not None
        and implied.physical_max is not None
        and implied.interval.low > implied.physical_max
    )
    if beyond_mass:
        assert implied is not None and implied.physical_max is not None
        if implied.tolerant_low is None or implied.tolerant_low > implied.physical_max:
            return "impossible", "it needs more fentanyl than the stated mass holds"
    upper = None if implied is None else _upper_bound(ctx, implied, diagnosis)
    if upper is not None:
        return "upper-bound", upper
    if beyond_mass:
        return "implausible", (
            "it needs the whole stated mass to be fentanyl, and even that only with a rounded pound factor"
        )
    gives = computed is not None and computed.overlaps(ctx.claimed)
    if implied is None:
        if gives:
            return "consistent", "the inputs give the claimed total under the set's central values"
        return "unverifiable", _MISSING
    if implied.interval is not None and gives:
        return "consistent", "the inputs give the claimed total under the set's central values"
    return _by_band(ctx, computed, implied)


def _upper_bound(ctx: ClaimContext, implied: Implied, diagnosis: Rows) -> str | None:
    """Why the claim is an upper bound, or None when it is not one."""
    if ctx.rule_counts_pure or implied.interval is None:
        return None
    ceiling = highest_mean(implied.parameter, ctx.chosen)
    if ceiling is None or implied.interval.low <= ceiling:
        return None
    rows = diagnosis() if callable(diagnosis) else diagnosis
    if not any(d.counts_pure and d.reproduces for d in rows):
        return None
    return (
        "it counts the seized mass as pure fentanyl: the most the mass could hold, not what it likely holds "
        "(the value it needs lies above every yearly mean DEA has published)"
    )


def _by_band(ctx: ClaimContext, computed: Interval | None, implied: Implied) -> tuple[Verdict, str]:
    if implied.interval is None:
        if ctx.pills is not None and ctx.powder is not None:
            return "implausible", "the pills alone already give more doses than claimed"
        return "implausible", "the inputs give more doses than claimed for any value of the parameter"
    band = implied.band
    needed = implied.interval
    if implied.unbounded and band is not None:  # any value from the low end up works
        needed = Interval(needed.low, max(needed.high, band.reach[1]))
    if band is not None and needed.overlaps(Interval(*band.reach)):
        if computed is None:
            return "plausible", (
                f"the value it needs lies within the {band.basis}; the set publishes no central value to "
                "say whether its own figure gives the claim (see notes)"
            )
        return "plausible", f"the value it needs lies within the {band.basis}"
    if band is None:
        if computed is None:
            return "unverifiable", _MISSING
        return (
            "implausible",
            "the inputs do not give the claimed total and no published range covers the value it needs",
        )
    return "implausible", f"the value it needs lies outside the {band.basis}"
