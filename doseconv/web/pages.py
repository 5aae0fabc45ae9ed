"""The HTML pages: Story, Check, Convert and Sources, and the error pages."""

from __future__ import annotations

from html import escape
from pathlib import PurePath
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..errors import DoseconvError, InputError
from ..verdictstyle import legend_html
from . import cards, forms, service, work
from .layout import SCRIPT_HASH, page
from .tokens import check_token

__all__ = ["html", "routes"]

#: Security headers on every page: only the page's own inline style and script run; nothing is fetched.
CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: "same-origin": no page address goes to another site, and the browser still says where a form came from (Origin).
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")


def html(
    title: str, body: str, current: str = "", status: int = 200, headers: dict[str, str] | None = None
) -> HTMLResponse:
    return HTMLResponse(page(title, body, current), status_code=status, headers={**HEADERS, **(headers or {})})


def error_html(message: str) -> str:
    return f'<div class="error" role="alert"><strong>Error:</strong> {escape(message)}</div>'


_error = error_html


def _limit(request: Request) -> int:
    return int(request.app.state.max_body)


async def _story_fields(request: Request) -> dict[str, Any]:
    """The story form's fields; an uploaded file replaces the pasted text."""
    limit = _limit(request)
    form = await request.form(max_files=1, max_fields=20, max_part_size=limit)
    values: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        name = PurePath(upload.filename.replace("\\", "/")).name
        data = await upload.read()
        await upload.close()
        from ..scan.sources import binary_kind

        kind = binary_kind(data, name)
        if kind is not None:
            raise InputError(f"{name} is {kind}, not text; save it as plain text (.txt) or a web page (.html) first")
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            raise InputError(f"{name!r} is not a text file; upload a .txt, .md or .html file")
        try:
            values["text"] = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InputError(f"{name} is not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8") from None
        values["source"] = name
    return values


def _story_body(story: service.StoryResult) -> str:
    report = story.data["files"][0]
    parts = [cards.summary_html(report), cards.legend()]
    parts += [f'<p class="note">{escape(n)}</p>' for n in story.notes]
    title = report.get("title")
    parts.append(
        "<h2>The story</h2>" + (f'<p class="story-title" id="story-title">{escape(title)}</p>' if title else "")
    )
    parts.append(cards.story_html(story.text, report))
    if report["claims"]:
        parts.append("<h2>Claims</h2>")
    for claim in report["claims"]:
        anchor = f"claim-{claim['index']}"
        check = claim.get("check")
        if check is None:
            parts.append(cards.unchecked_card(claim, anchor))
            continue
        stated = claim["stated"]
        figures = {k: stated.get(k) for k in ("claim", "pills", "powder")}
        title = f"Claim {claim['index']}: {stated.get('claim')}"
        parts.append(cards.check_card(check, title=title, anchor=anchor, figures=figures, plain=claim.get("plain")))
    return "".join(parts)


def _downloads(values: dict[str, Any]) -> str:
    hidden = forms.token_field() + "".join(
        f'<input type="hidden" name="{k}" value="{escape(str(values.get(k) or ""))}">'
        for k in ("text", "source", "assumptions", "reading", "date")
    )
    buttons = "".join(
        f'<button type="submit" name="output" value="{fmt}" class="secondary">{label}</button> '
        for fmt, label in (("docx", "Word"), ("markdown", "Markdown"), ("html", "HTML"), ("json", "JSON"))
    )
    return (
        f'<form class="downloads" method="post" action="/report"><h2>Download the report</h2>{hidden}{buttons}</form>'
    )


async def story(request: Request) -> Response:
    limit = _limit(request)
    intro = (
        "<h1>Check a story</h1><p>Paste a story or upload a file. Each dose claim is found, checked "
        "against the figures it was made from, and marked by its verdict.</p>"
    )
    if request.method in ("GET", "HEAD"):  # HEAD: the same answer without its body (the server drops it)
        return html("Story", intro + forms.story_form({}, limit), "/")
    values: dict[str, Any] = {}
    try:
        values = await _story_fields(request)
        check_token(request, values)
        result = await work.in_worker("scan_story", values)
    except DoseconvError as error:
        return html("Story", intro + _error(str(error)) + forms.story_form(values, limit), "/", 400)
    body = "<h1>Story checked</h1>" + _story_body(result) + _downloads(values)
    body += "<h2>Check another story</h2>" + forms.story_form(values, limit)
    return html("Story checked", body, "/")


async def report(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=20, max_part_size=_limit(request))
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    output = values.pop("output", "markdown")
    try:
        check_token(request, values)
        result, text = await work.in_worker("report_download", values, output)
    except DoseconvError as error:
        return html("Report", _error(str(error)), "/", 400)
    suffix, media = service.REPORT_FORMATS[output]
    if text is None:  # the library writes no HTML report: the page's own view, standalone
        text = page("Dose claims report", "<h1>Dose claims report</h1>" + _story_body(result), standalone=True)
    source = values.get("source") or ""
    stem = PurePath(source).stem if source and not source.startswith("<") else "story"
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:60] or "story"
    headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{safe}-doses.{suffix}"'}
    return Response(text, media_type=media, headers=headers)


def check(request: Request) -> Response:
    """The Check page (a plain function: Starlette runs it in a thread, so drawing a chart blocks no one)."""
    values = dict(request.query_params)
    body = "<h1>Check a claim</h1>" + forms.check_form(values)
    status = 200
    if values.get("claim"):
        try:
            result = service.check(values)
            body += "<h2>Result</h2>" + cards.check_card(result, title="Your claim", anchor="result") + cards.legend()
            rules = values.get("assumptions") or result.get("assumptions", {}).get("name")
            body += _chart(
                {**values, "assumptions": rules}, population=result.get("population") is not None
            )  # the rules the check used, the date's included
        except DoseconvError as error:
            body += _error(error.message_for({}))  # the page gives no option an error advises
            status = 400
    return html("Check", body, "/check", status)


def _chart(values: dict[str, Any], population: bool = False) -> str:
    """The sensitivity chart, inline and sanitised; a note instead when it cannot be drawn."""
    heading = "<h2>Sensitivity chart</h2>"
    if population:
        return heading + (
            '<p class="note" id="chart-note">No chart for a population claim: the population is the claim, '
            "and the card above gives the doses the inputs hold beside it.</p>"
        )
    try:
        drawing = service.chart_html(values)
    except DoseconvError as error:
        return heading + f'<p class="note" id="chart-note">No chart: {escape(error.message_for({}))}</p>'
    caption = (
        "The doses the inputs make against the value nobody published; the claim is the band, "
        "DEA's yearly means are marked."
    )
    return heading + f'<figure class="chart" id="chart">{drawing}<figcaption>{caption}</figcaption></figure>'


def _conversion(result: dict[str, Any], label: str) -> str:
    steps = "".join(f"<li>{escape(s)}</li>" for s in result.get("method", []))
    rules = (result.get("assumptions") or {}).get("name")
    return (
        f'<article class="card v-plausible" data-kind="conversion"><h3>{escape(label)}</h3>'
        f'<p class="verdict" data-value="{escape(result["value"])}">{escape(result["display"])}</p>'
        + (f"<ul>{steps}</ul>" if steps else "")
        + (f'<p class="note">Rules: {escape(rules)}</p>' if rules else "")
        + "</article>"
    )


async def convert(request: Request) -> Response:
    values = dict(request.query_params)
    body = "<h1>Convert</h1>" + forms.convert_form(values)
    status = 200
    if values.get("quantity"):
        try:
            result = service.convert(values)
            pure = result.get("pure")
            label = f"{values['quantity']} at the set's purity" if isinstance(pure, dict) else values["quantity"]
            body += "<h2>Result</h2>" + _conversion(result, label)
            if isinstance(pure, dict):  # the library's second figure: the powder counted as pure fentanyl
                label = "Counted as pure fentanyl (the most the mass could hold)"
                body += _conversion({**pure, "assumptions": result.get("assumptions")}, label)
                if pure.get("meaning"):
                    body += f'<p class="note">{escape(pure["meaning"][0].upper() + pure["meaning"][1:])}.</p>'
        except DoseconvError as error:
            body += _error(error.message_for({"purity": "a purity (Purity, above)"}))
            status = 400
    return html("Convert", body, "/convert", status)


def _set_section(chosen) -> str:
    from ..assumptions import PARAMETERS

    rows = []
    for key, (_, what) in PARAMETERS.items():
        parameter = chosen.parameter(key)
        cites = "; ".join(
            f'{escape(s.publisher)}, “{escape(s.title)}”, {escape(s.date)}, <a href="{escape(s.url)}" rel="noreferrer">{escape(s.url)}</a>'
            for s in parameter.sources
        )
        note = f"<br><span class=note>{escape(parameter.note)}</span>" if parameter.note else ""
        rows.append(
            f"<tr><th scope=row>{escape(what)}</th><td>{escape(parameter.show())}{note}</td><td>{cites}</td></tr>"
        )
    return (
        f'<section id="set-{escape(chosen.name)}"><h2>{escape(chosen.name)}: {escape(chosen.title)}</h2>'
        f"<p>Period: {escape(chosen.period)}</p>"
        + (f"<p>{escape(chosen.description)}</p>" if chosen.description else "")
        + "<div class=wide><table class=sources><thead><tr><th scope=col>Value</th><th scope=col>Figure</th><th scope=col>Source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div><p class=note>File checksum (SHA-256): {escape(chosen.sha256)}</p></section>"
    )


def _population_section(tables: list[dict[str, str]]) -> str:
    if not tables:
        return ""
    rows = "".join(
        f'<tr id="source-{escape(t.get("id", ""))}"><td>{escape(t.get("publisher", ""))}</td>'
        f"<td>{escape(t.get('table', ''))} (vintage {escape(t.get('vintage', ''))}; file {escape(t.get('file', ''))}, "
        f"SHA-256 {escape(t.get('raw_sha256', ''))})</td><td>{escape(t.get('counts', ''))}</td>"
        f'<td><a href="{escape(t.get("url", ""))}" rel="noreferrer">{escape(t.get("url", ""))}</a></td></tr>'
        for t in tables
    )
    return (
        '<section id="population"><h2>Population figures</h2><p>Populations in claims such as "enough to kill '
        'every American" come from these published tables.</p><div class="wide"><table class="sources"><thead><tr><th scope=col>Publisher</th>'
        "<th scope=col>Table</th><th scope=col>What it counts</th><th scope=col>Link</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div></section>"
    )


async def sources(request: Request) -> Response:
    sets = [service.load(n) for n in service.set_names()]
    tables = service.population_sources()
    toc = "".join(f'<li><a href="#set-{escape(s.name)}">{escape(s.name)}</a>: {escape(s.title)}</li>' for s in sets)
    if tables:
        toc += '<li><a href="#population">Population figures</a></li>'
    body = (
        "<h1>Sources</h1><p>Every figure doseconv uses comes from a published source, listed here by "
        'assumption set. What each verdict means: <a href="/verdicts">Verdicts</a>.</p>'
        f"<ul>{toc}</ul>" + "".join(_set_section(s) for s in sets) + _population_section(tables)
    )
    return html("Sources", body, "/sources")


async def verdicts(request: Request) -> Response:
    """The editors' explainer of the verdicts (docs/verdicts.md), rendered safely, after the legend."""
    from .explainer import explainer_html, missing_html

    rendered = explainer_html()
    key = "<h2>The verdicts at a glance</h2>" + legend_html(cards.EXPLAINER)
    if rendered is None:
        return html("Verdicts", missing_html() + legend_html(), "/verdicts")
    return html("What the verdicts mean", f'<div class="explainer">{key}{rendered}</div>', "/verdicts")


def too_large_page(message: str) -> HTMLResponse:
    body = (
        "<h1>Too large</h1>"
        + _error(message)
        + "<p>Check the story in parts, or use the command line (<code>doseconv scan</code>) for long files.</p>"
        '<p><a href="/">Back to the story page</a></p>'
    )
    return html("Too large", body, status=413)


def not_found_page() -> HTMLResponse:
    return html("Not found", '<h1>Not found</h1><p><a href="/">Back to the story page</a></p>', status=404)


routes = [
    Route("/", story, methods=["GET", "POST"]),
    Route("/report", report, methods=["POST"]),
    Route("/check", work.threaded(check), methods=["GET"]),
    Route("/convert", convert, methods=["GET"]),
    Route("/sources", sources, methods=["GET"]),
    Route("/verdicts", verdicts, methods=["GET"]),
]
