"""Writing scan results (doseconv.scan.report): text, Markdown and JSON."""

from __future__ import annotations

from hypothesis import given, settings

from doseconv.scan import scan_text

from .scanning import NEWSY_TEXT


@given(text=NEWSY_TEXT)
@settings(max_examples=150, deadline=None)
def test_any_text_is_scanned_and_reported_without_error(text) -> None:
    """Whatever the text, scanning returns a report whose offsets lie inside the input, in every format."""
    from doseconv.scan import ScanSet
    from doseconv.scan.report import OUTPUT_FORMATS, render

    report = scan_text(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in report.figures)
    for output in OUTPUT_FORMATS:
        assert render(ScanSet((report,)), output)
