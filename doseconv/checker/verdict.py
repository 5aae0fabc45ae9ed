"""The verdict: one decision over the computed total and the implied value, in a fixed, documented order."""

from __future__ import annotations

from ..intervals import Interval
from .context import ClaimContext
from .results import Implied, Verdict

__all__ = ["decide"]

_MISSING = "a value the check needs is not published in the set (see notes)"


def decide(ctx: ClaimContext, computed: Interval | None, implied: Implied | None) -> tuple[Verdict, str]:
    """The verdict and its reason. The first rule that applies decides (docs/methodology.md):

    1. no pills and no powder: unverifiable;
    2. the inputs give the claimed total under the set's central values: consistent;
    3. no implied value can be computed: unverifiable;
    4. no non-negative value works (the inputs already give more): implausible;
    5. the value needs more fentanyl than the stated mass holds: impossible (implausible when only
       a rounded pound factor brings it within the mass);
    6. the value needed meets the band of the scale: plausible;
    7. no band to compare with: unverifiable without a computed total, else implausible;
    8. otherwise: implausible (outside the band).
    """
    if not ctx.has_inputs:
        return "unverifiable", "no pills or powder are stated, so there is nothing to compute the total from"
    if computed is not None and computed.overlaps(ctx.claimed):
        return "consistent", "the inputs give the claimed total under the set's central values"
    if implied is None:
        return "unverifiable", _MISSING
    if implied.interval is None:
        if ctx.pills is not None and ctx.powder is not None:
            return "implausible", "the pills alone already give more doses than claimed"
        return "implausible", "the inputs give more doses than claimed for any value of the parameter"
    if implied.physical_max is not None and implied.interval.low > implied.physical_max:
        if implied.tolerant_low is not None and implied.tolerant_low <= implied.physical_max:
            return "implausible", (
                "it needs the whole stated mass to be fentanyl, and even that only with a rounded pound factor"
            )
        return "impossible", "it needs more fentanyl than the stated mass holds"
    band = implied.band
    needed = implied.interval
    if implied.unbounded and band is not None:  # any value from the low end up works
        needed = Interval(needed.low, max(needed.high, band.high))
    if band is not None and needed.overlaps(Interval(band.low, band.high)):
        return "plausible", f"the value it needs lies within the {band.basis}"
    if band is None:
        if computed is None:
            return "unverifiable", _MISSING
        return (
            "implausible",
            "the inputs do not give the claimed total and no published range covers the value it needs",
        )
    return "implausible", f"the value it needs lies outside the {band.basis}"
