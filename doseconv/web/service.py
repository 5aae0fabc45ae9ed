"""Every library call the web layer makes, in one place.

The pages and the JSON API call only these functions, so they give the same answers as the
command line (which calls the same library functions) and a renamed library function is a
one-line change here. Assumption sets are taken only by bundled name: the web never names a path.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..overrides import OVERRIDE_PARAMETERS, Overrides

__all__ = [
    "CHECK_OPTIONS",
    "CONVERT_OPTIONS",
    "SCAN_OPTIONS",
    "StoryResult",
    "assumption_sets",
    "bundled_set",
    "chart_html",
    "check",
    "check_json",
    "check_result",
    "convert",
    "describe",
    "method_words",
    "report_download",
    "scan",
    "scan_json",
    "scan_report",
    "scan_story",
    "set_names",
    "set_period",
]

#: Fields the check takes besides the claim (the CLI's options, same names with underscores).
CHECK_OPTIONS = (
    "pills", "powder", "claim", "assumptions", "pill_model", "reading", "scale",
    "purity", "lethal_dose", "pill_share", "mg_per_pill", "pill_mass", "date", "year", "state",
)  # fmt: skip
CONVERT_OPTIONS = (
    "quantity",
    "target",
    "purity",
    "pill_model",
    "assumptions",
    "lethal_dose",
    "pill_share",
    "mg_per_pill",
)
SCAN_OPTIONS = ("text", "source", "format", "assumptions", "pill_model", "reading", "date", "year", "state")
DESCRIBE_OPTIONS = ("number", "style", "digits")


def _given(options: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The named fields, an empty or blank string counted as not given (a form sends every field)."""
    out = {}
    for name in names:
        value = options.get(name)
        out[name] = None if isinstance(value, str) and not value.strip() else value
    return out


@functools.lru_cache(maxsize=256)
def method_words(name: str, note: str = "") -> tuple[str, str]:
    """A diagnosis method ("pills-only", "powder-pure+dose-3mg") and its note in words, from the method table: its
    rows' plain wording, a slip of scale said as the slip it was ("the figure x10": a slip of ten) in place of its
    note; a name the table lacks is shown as it is.

    >>> method_words("powder-pure+scale-slip", "the figure x10")
    ('Counting the powder as pure fentanyl and a slip of ten (a misplaced digit)', '')
    """
    from ..checker.rows import SLIPS, plain_words, rows_named

    rows = rows_named(name) if name else None
    if rows is None:
        return name, note
    slip = next((s for s in SLIPS if note.endswith(f" {s.label}")), None) if any(r.slips for r in rows) else None
    text = " and ".join(plain_words(rows, slip))
    return text[:1].upper() + text[1:], "" if slip else note


def set_names() -> tuple[str, ...]:
    """The bundled assumption sets, ``pure`` first, then by period."""
    from ..assumptions import set_names as names

    return names()


def bundled_set(name: str | None) -> str | None:
    """``name`` when it is a bundled set (or None for the default); an InputError otherwise, never a path."""
    if name is None or name == "":
        return None
    if name not in set_names():
        raise InputError(f"unknown assumption set {name!r}; choose one of: {', '.join(set_names())}")
    return name


def assumption_sets() -> dict[str, Any]:
    """What ``doseconv assumptions --json`` prints: the default set's name and every set in full."""
    from ..assumptions import DEFAULT_SET, load_set

    return {"default": DEFAULT_SET, "sets": [load_set(n).to_dict() for n in set_names()]}


@functools.lru_cache(maxsize=64)
def set_period(name: str) -> str:
    """The period a bundled set's figures are for (empty for a name that is not bundled)."""
    return load(name).period if name in set_names() else ""


def load(name: str):
    """One bundled set (the object, for pages that show its citations)."""
    from ..assumptions import load_set

    return load_set(bundled_set(name) or None)


def population_sources() -> list[dict[str, str]]:
    """The published tables the population figures come from (empty when the library has none)."""
    try:
        from ..population.data import sources
    except ImportError:
        return []
    return [
        {**source.to_dict(), "id": source.id, "counts": source.counts, "raw_sha256": source.raw_sha256}
        for source in sources().values()
    ]


def _year(value: Any) -> int | None:
    """A year field (text, as a form sends it) as a whole number, as ``--year`` takes it."""
    if value is None:
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) != 4:
        raise InputError(f"year {value!r} is not a year; write it as four digits, such as 2023")
    return int(text)


#: The check's own values once read: the fields other than the overrides, then one ``Overrides``.
_CHECK_VALUES = (*(name for name in CHECK_OPTIONS if name not in OVERRIDE_PARAMETERS), "overrides")


def _check_values(options: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in _given(options, CHECK_OPTIONS).items() if k not in OVERRIDE_PARAMETERS}
    values["overrides"] = Overrides.from_options(options)
    values["assumptions"] = bundled_set(values["assumptions"])
    values["reading"] = values["reading"] or "lenient"
    values["scale"] = values["scale"] or "aggregate"
    values["year"] = _year(values["year"])
    if values["date"] is not None:
        _check_date(values["date"])
    return values


def check_result(options: dict[str, Any]):
    """The :class:`~doseconv.checker.CheckResult` of ``doseconv check`` for the same options."""
    values = _check_values(options)
    pills, powder, claim = values.pop("pills"), values.pop("powder"), values.pop("claim")
    from ..checker import check as run

    return run(pills, powder, claim, **values)


def check(options: dict[str, Any]) -> dict[str, Any]:
    """What ``doseconv check --json`` prints for the same options."""
    return json.loads(check_json(options))


def check_json(options: dict[str, Any]) -> str:
    """``check``'s JSON as compact text, cached by the request's fields (an identical request is not re-checked)."""
    values = _check_values(options)
    return _cached_check_json(tuple(values[name] for name in _CHECK_VALUES))


@functools.lru_cache(maxsize=1024)
def _cached_check_json(key: tuple[Any, ...]) -> str:
    values = dict(zip(_CHECK_VALUES, key, strict=True))
    pills, powder, claim = values.pop("pills"), values.pop("powder"), values.pop("claim")
    from ..checker import check as run

    return json.dumps(run(pills, powder, claim, **values).to_dict(), ensure_ascii=False)


def chart_html(options: dict[str, Any]) -> str:
    """The check's sensitivity chart as one sanitised ``<svg>`` element (an InputError when it cannot be drawn)."""
    values = _check_values(options)
    return _cached_chart(tuple(values[name] for name in _CHECK_VALUES))


@functools.lru_cache(maxsize=64)
def _cached_chart(key: tuple[Any, ...]) -> str:
    values = dict(zip(_CHECK_VALUES, key, strict=True))
    for name in ("date", "year", "state"):
        values.pop(name)  # the chart draws doses against the parameter; the claim's date does not move it
    pills, powder, claim = values.pop("pills"), values.pop("powder"), values.pop("claim")
    from ..chart import chart_svg, sensitivity_chart
    from .svg import clean

    svg = chart_svg(sensitivity_chart(pills, powder, claim, **values))
    return clean(svg, f"Sensitivity chart of the claim {claim!r}")


def convert(options: dict[str, Any]) -> dict[str, Any]:
    """What ``doseconv convert --json`` prints for the same options."""
    from ..convert import convert as run

    values = {k: v for k, v in _given(options, CONVERT_OPTIONS).items() if k not in OVERRIDE_PARAMETERS}
    values["overrides"] = Overrides.from_options(options)
    values["assumptions"] = bundled_set(values["assumptions"])
    quantity, target = values.pop("quantity"), values.pop("target")
    if not quantity:
        raise InputError("no quantity given; write a figure with its unit, such as '6500 lb' or '44 million pills'")
    return run(quantity, target or None, **values).to_dict()


def describe(options: dict[str, Any]) -> dict[str, Any]:
    """``doseconv describe``'s line as ``text``, beside the inputs."""
    from ..reading.stated import describe as run

    number = options.get("number")
    if not number:
        raise InputError("no number given; write a figure such as 192638011 or '192.6 million'")
    style = options.get("style") or "nearly"
    digits = options.get("digits")
    if digits is None or digits == "":
        digits = 3
    if isinstance(digits, str) and digits.strip().isdigit():
        digits = int(digits)
    if not isinstance(digits, int) or isinstance(digits, bool):
        raise InputError(f"digits {digits!r} is not a whole number; give 1 to 15")
    return {"number": str(number), "style": style, "digits": digits, "text": run(str(number), style, digits)}


@dataclass(frozen=True)
class StoryResult:
    """A scanned story: the report object, its JSON, and the text the scanner read (markup stripped)."""

    scans: Any
    data: dict[str, Any]
    text: str
    notes: tuple[str, ...]


def _scan_options(options: dict[str, Any]) -> tuple[str, str, str, dict[str, Any], list[str]]:
    text = options.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("no story given; paste the text or upload a .txt, .md or .html file")
    source = options.get("source") or "<text>"
    fmt = options.get("format") or "auto"
    kwargs: dict[str, Any] = {
        "assumptions": bundled_set(options.get("assumptions")),
        "pill_model": options.get("pill_model") or None,
        "reading": options.get("reading") or "lenient",
    }
    year = _year(options.get("year") or None)
    if year is not None:
        kwargs["year"] = year
    if options.get("state"):
        kwargs["state"] = options["state"]
    notes: list[str] = []
    date = options.get("date") or None
    if date is not None:
        _check_date(date)
        kwargs["date"] = date
    return text, source, fmt, kwargs, notes


def _check_date(date: str) -> None:
    import datetime

    try:
        datetime.date.fromisoformat(date)
    except (TypeError, ValueError):
        raise InputError(f"date {date!r} is not a date; write it as YYYY-MM-DD, such as 2023-06-14") from None


def scan(options: dict[str, Any]) -> StoryResult:
    """Scan one story; ``data`` is what ``doseconv scan --format json`` prints for it, within the command line's
    limits: at most :data:`~doseconv.scan.scanner.MAX_CLAIMS` claims checked and
    :data:`~doseconv.scan.reportparts.MAX_FIGURES` figures listed (the rest counted)."""
    from ..scan import ScanSet, read_document, scan_text
    from ..scan.report import render_json

    text, source, fmt, kwargs, notes = _scan_options(options)
    report = scan_text(text, source, format=fmt, **kwargs)
    scans = ScanSet((report,))
    shown = read_document(text, source, fmt).text
    return StoryResult(scans, json.loads(render_json(scans)), shown, tuple(notes))


def scan_story(options: dict[str, Any]) -> StoryResult:
    """:func:`scan` without the report object: what a worker process sends back for the Story page."""
    story = scan(options)
    return StoryResult(None, story.data, story.text, story.notes)


def scan_json(options: dict[str, Any]) -> str:
    """The JSON of :func:`scan` as compact text, for ``/api/scan``."""
    return json.dumps(scan(options).data, ensure_ascii=False)


def report_download(options: dict[str, Any], output: str) -> tuple[StoryResult, str | bytes | None]:
    """The story scanned and its report in ``output`` format (:func:`scan_report`), for a download."""
    story = scan(options)
    return StoryResult(None, story.data, story.text, story.notes), scan_report(story, output)


#: Report downloads: format -> (file suffix, media type).
REPORT_FORMATS = {
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "markdown": ("md", "text/markdown; charset=utf-8"),
    "html": ("html", "text/html; charset=utf-8"),
    "json": ("json", "application/json"),
}


def scan_report(story: StoryResult, output: str) -> str | bytes | None:
    """The scan report in ``output`` format, as ``doseconv scan --format`` writes it; None when the library has none."""
    from ..scan.report import FILE_FORMATS, render_file

    if output not in REPORT_FORMATS:
        raise InputError(f"unknown report format {output!r}; choose {', '.join(REPORT_FORMATS)}")
    if output not in FILE_FORMATS:
        return None
    report = render_file(story.scans, output)
    return report if isinstance(report, bytes) else report + "\n"
