"""The JSON records of an archive scan: one per story (its entry in the JSON report, with its path and hash),
one per story that could not be scanned, and the summary that closes a run.

Every record starts with ``record`` (``story``, ``error`` or ``summary``); story and error records then give
``path`` and ``sha256``, the hash of the story's bytes, which is what a resumed run compares.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..scan.report import story_entry
from ..scan.reportparts import MAX_FIGURES
from ..scan.scanner import ScanReport

__all__ = ["RECORD_KINDS", "Tally", "content_hash", "error_record", "story_record"]

#: The values of a record's ``record`` field.
RECORD_KINDS = ("story", "error", "summary")


def content_hash(data: bytes) -> str:
    """The SHA-256 of a story's bytes, in hex: a story changed on disk is scanned again on resume.

    >>> content_hash(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def story_record(report: ScanReport, path: str, sha256: str, max_figures: int = MAX_FIGURES) -> dict[str, Any]:
    """A scanned story: ``record``, ``path``, ``sha256``, then its entry in the JSON report (``source``, ``figures``,
    ``claims``, ``summary`` …, :func:`doseconv.scan.report.story_entry`)."""
    return {"record": "story", "path": path, "sha256": sha256, **story_entry(report, max_figures)}


def error_record(path: str, sha256: str | None, message: str) -> dict[str, Any]:
    """A story that could not be read or scanned: its path, its hash when its bytes were read, and why.

    >>> error_record("a.txt", None, "cannot read a.txt: no such file")
    {'record': 'error', 'path': 'a.txt', 'sha256': None, 'error': 'cannot read a.txt: no such file'}
    """
    return {"record": "error", "path": path, "sha256": sha256, "error": message}


@dataclass
class Tally:
    """What a run has written so far: stories, errors, claims, flagged claims and verdicts (the summary record)."""

    stories: int = 0
    errors: int = 0
    claims: int = 0
    flagged: int = 0
    figures: int = 0
    resumed: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)

    def add(self, record: Mapping[str, Any], sign: int = 1) -> None:
        """Count one story or error record (``sign=-1``: take it out again)."""
        if record.get("record") == "error":
            self.errors += sign
            return
        summary = record.get("summary") or {}
        self.stories += sign
        self.claims += sign * int(summary.get("claims", 0))
        self.flagged += sign * int(summary.get("flagged", 0))
        self.figures += sign * int(summary.get("figures", 0))
        verdicts = Counter({k: sign * int(v) for k, v in (summary.get("verdicts") or {}).items()})
        self.verdicts = +(self.verdicts + verdicts) if sign < 0 else self.verdicts + verdicts

    @property
    def exit_code(self) -> int:
        """2 when a story could not be scanned, else 1 when a claim is flagged, else 0 (as for ``scan``)."""
        return 2 if self.errors else 1 if self.flagged else 0

    def to_dict(self) -> dict[str, Any]:
        """The summary record: counts over every record in the output, those kept from an earlier run included.

        >>> Tally(stories=2, claims=3, flagged=1, verdicts=Counter(plausible=2, implausible=1)).to_dict()["verdicts"]
        {'implausible': 1, 'plausible': 2}
        """
        return {
            "record": "summary",
            "stories": self.stories,
            "errors": self.errors,
            "figures": self.figures,
            "claims": self.claims,
            "flagged": self.flagged,
            "verdicts": dict(sorted(self.verdicts.items())),
            "resumed": self.resumed,
        }
