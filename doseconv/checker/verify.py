"""Verification of claims files: each claim of each file checked, against the verdict it is expected to get."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ClaimsFileError, DoseconvError
from ..overrides import OVERRIDE_PARAMETERS
from ..reading.stated import StatedFigure
from .files import ClaimRecord, ClaimsFile, load_claims_file
from .filetext import file_kind
from .results import CheckResult

__all__ = ["Verification", "check_record", "collect_files", "iter_verifications", "verify_paths"]

#: The keys of a claim that give a value an error advises (the overrides), by the library's name for it.
_KEYS = {name: name for name in OVERRIDE_PARAMETERS}


def _scope_text(scopes: dict[str, dict[str, str]], key: str) -> str:
    scope = scopes.get(key, {})
    return ", ".join(str(v) for v in scope.values()) or key


@dataclass(frozen=True)
class Verification:
    """One claim of one file, checked."""

    file: ClaimsFile
    claim: ClaimRecord
    result: CheckResult

    @property
    def ok(self) -> bool:
        verdict_ok = self.claim.expect is None or self.result.verdict == self.claim.expect
        methods_ok = all(m in self.result.matching_methods for m in self.claim.expect_methods)
        return verdict_ok and methods_ok and self.claim.when.place_ok(self.result)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file.path,
            "claim": self.claim.id,
            "expect": self.claim.expect,
            "expect_methods": list(self.claim.expect_methods),
            "ok": self.ok,
            **self.result.to_dict(),
        }


def check_record(file: ClaimsFile, claim: ClaimRecord) -> CheckResult:
    """Run the checker on one claim of a file (figures as parsed at load), with notes when scopes differ."""
    from . import check

    def figure(ref: str | None) -> StatedFigure | None:
        return None if ref is None else file.figures[ref].stated

    roles = {
        role: file.figures[ref]
        for role, ref in (("total", claim.total), ("pills", claim.pills), ("powder", claim.powder))
        if ref
    }
    notes = []
    scopes = {role: rec.scope for role, rec in roles.items() if rec.scope}
    if len(set(scopes.values())) > 1:
        parts = "; ".join(f"{role}: {_scope_text(file.scopes, key)}" for role, key in scopes.items())
        notes.append(f"the figures have different scopes ({parts}), so the total need not follow from the inputs")
    if claim.note:
        notes.append(claim.note)
    expected = claim.when
    if expected.place is not None and expected.population is not None:
        read = expected.population.population.place
        if read != expected.place:
            notes.append(f"the file expects the place {expected.place!r}; the phrase reads as {read!r}")
    when = claim.when
    try:
        return check(
            figure(claim.pills), figure(claim.powder), when.population or figure(claim.total),
            assumptions=claim.assumption_set or claim.assumptions, pill_model=claim.pill_model,
            reading=claim.reading, scale=claim.scale, overrides=claim.overrides, notes=notes, date=when.date,
            year=when.year, story_date=when.story_date,
        )  # fmt: skip
    except DoseconvError as error:
        raise ClaimsFileError(
            f"{file.path}:{claim.line or 1}: claim {claim.id!r}: {error.message_for(_KEYS)}"
        ) from None


def collect_files(paths: list[str]) -> list[Path]:
    """Claims files named, or found (*.toml, regular files only) in the folders named, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        kind = file_kind(path)
        if kind == "missing":
            raise ClaimsFileError(f"{name}: no such file or folder")
        if kind is not None:
            raise ClaimsFileError(f"{name}: {kind}, not a claims file or folder; give a regular file or a folder")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.toml") if file_kind(p) is None and not p.is_dir())
            if not files:
                raise ClaimsFileError(f"{name}: no claims files (*.toml) in this folder")
            found.extend(files)
        else:
            found.append(path)
    return found


def verify_paths(paths: list[str], *, allow_outside_sets: bool = False) -> list[Verification]:
    """Check every claim in the files and folders given (see :func:`load_claims_file` for ``allow_outside_sets``)."""
    return list(iter_verifications(paths, allow_outside_sets=allow_outside_sets))


def iter_verifications(paths: list[str], *, allow_outside_sets: bool = False) -> Iterator[Verification]:
    """:func:`verify_paths` one claim at a time, each checked when asked for: a caller that reads each result
    as it comes (and lets it go) keeps a claims file of any size in little memory, and reads each result while
    what it was made from is still at hand. Every file is loaded (and so validated) before the first claim."""
    files = [load_claims_file(path, allow_outside_sets=allow_outside_sets) for path in collect_files(paths)]
    for file in files:
        for claim in file.claims:
            yield Verification(file, claim, check_record(file, claim))
