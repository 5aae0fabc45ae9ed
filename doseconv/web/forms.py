"""The forms of the pages: labelled controls, filled with what the user sent (escaped)."""

from __future__ import annotations

from html import escape
from typing import Any

from . import service

__all__ = ["check_form", "convert_form", "date_input", "select", "story_form", "text_input", "token_field"]


def token_field() -> str:
    """The hidden form token every form that posts carries (:mod:`.tokens`)."""
    from .tokens import FIELD, form_token

    return f'<input type="hidden" name="{FIELD}" value="{escape(form_token())}">'


def text_input(name: str, label: str, values: dict[str, Any], hint: str = "", placeholder: str = "") -> str:
    value = values.get(name) or ""
    hint_html = f' <span class="hint" id="{name}-hint">{escape(hint)}</span>' if hint else ""
    described = f' aria-describedby="{name}-hint"' if hint else ""
    return (
        f'<label for="{name}">{escape(label)}{hint_html}</label>'
        f'<input type="text" id="{name}" name="{name}" value="{escape(str(value))}" '
        f'placeholder="{escape(placeholder)}"{described}>'
    )


def select(name: str, label: str, options: list[tuple[str, str]], chosen: str | None, help: str = "") -> str:
    """A labelled menu; ``help`` (HTML, already escaped) is said below it and read out with it."""
    items = "".join(
        f'<option value="{escape(value)}"{" selected" if value == (chosen or "") else ""}>{escape(text)}</option>'
        for value, text in options
    )
    described = f' aria-describedby="{name}-help"' if help else ""
    helper = f'<p class="hint help" id="{name}-help">{help}</p>' if help else ""
    return f'<label for="{name}">{escape(label)}</label><select id="{name}" name="{name}"{described}>{items}</select>{helper}'


#: The longest menu entry: a phone shows about this many characters across.
SHORT_LABEL = 44


def short_label(text: str) -> str:
    """A menu entry cut to :data:`SHORT_LABEL` characters: its parenthesis dropped first, then at a word.

    >>> short_label("pure: Seized mass counted as pure fentanyl (1 kg = 500,000 doses)")
    'pure: Seized mass counted as pure fentanyl'
    """
    if len(text) > SHORT_LABEL and " (" in text:
        text = text[: text.index(" (")]
    if len(text) > SHORT_LABEL:
        text = text[: text.rindex(" ", 0, SHORT_LABEL - 1)] + "…"
    return text


def set_options() -> list[tuple[str, str]]:
    """The bundled sets as short menu entries: the name and the set's title (the detail is on the Sources page)."""
    from ..assumptions import DEFAULT_SET

    out = [("", f"Default ({DEFAULT_SET})")]
    for name in service.set_names():
        out.append((name, short_label(f"{name}: {service.load(name).title}")))
    return out


#: The help below the rules menu.
SET_HELP = (
    "Each set is one period's DEA laboratory figures (lethal dose, purity, pills holding a lethal dose). "
    "Without a choice, the story's or claim's date picks the set of its period. "
    'Every value with its source: <a href="/sources">Sources</a>.'
)


READINGS = [("lenient", "lenient (default)"), ("strict", "strict")]
READING_HELP = (
    "Lenient grants a figure all the rounding its words allow (&ldquo;nearly 193 million&rdquo;); "
    "strict reads the words narrowly."
)
SCALES = [("aggregate", "a total over many seizures (default)"), ("seizure", "one seizure")]
PILL_MODELS = [
    ("", "each pill one dose (default)"),
    ("lab-share", "pills x DEA lab share holding 2 mg or more"),
    ("mean-content", "pills x mean fentanyl per pill"),
]


def date_input(values: dict[str, Any], label: str = "Date of the claim") -> str:
    """A date control: it picks the population year and, unless rules are chosen, the assumption set."""
    return (
        f'<label for="date">{escape(label)} <span class="hint" id="date-hint">optional; picks the population year '
        "and the rules of that date</span></label>"
        f'<input type="date" id="date" name="date" value="{escape(values.get("date") or "")}" '
        'aria-describedby="date-hint">'
    )


def story_form(values: dict[str, Any], limit: int) -> str:
    text = values.get("text") or ""
    return (
        '<form method="post" action="/" enctype="multipart/form-data">'
        + token_field()
        + '<label for="text">Story text <span class="hint" id="text-hint">paste the story, release or draft '
        "(plain text, Markdown or HTML)</span></label>"
        f'<textarea id="text" name="text" aria-describedby="text-hint">{escape(text)}</textarea>'
        '<div class="row">'
        f'<div><label for="file">Or upload a file <span class="hint">.txt, .md or .html, at most {limit:,} bytes'
        '</span></label><input type="file" id="file" name="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"></div>'
        f"<div>{date_input(values, 'Story date')}</div>"
        "</div>"
        '<div class="row">'
        f"<div>{select('assumptions', 'Rules (assumption set)', set_options(), values.get('assumptions'), SET_HELP)}</div>"
        f"<div>{select('reading', 'Reading of rounding words', READINGS, values.get('reading'), READING_HELP)}</div>"
        "</div>"
        '<button type="submit">Check the story</button></form>'
    )


def check_form(values: dict[str, Any]) -> str:
    return (
        '<form method="get" action="/check">'
        + text_input(
            "claim",
            "Claim",
            values,
            'the published total with its wording: doses, people, or a population ("enough to kill every '
            'American five times over")',
            "nearly 193 million doses",
        )
        + '<div class="row"><div>'
        + text_input("pills", "Pills", values, "optional", "nearly 44 million pills")
        + "</div><div>"
        + text_input("powder", "Powder", values, "optional", "more than 6,500 pounds")
        + "</div></div>"
        + '<div class="row"><div>'
        + date_input(values)
        + "</div><div>"
        + text_input("year", "Or the year of the claim", values, "optional, four digits", "2023")
        + "</div><div>"
        + text_input(
            "state", "State the story is about", values, 'optional, for "everyone in the state"', "West Virginia"
        )
        + "</div></div>"
        + select("assumptions", "Rules (assumption set)", set_options(), values.get("assumptions"), SET_HELP)
        + '<div class="row"><div>'
        + select("reading", "Reading of rounding words", READINGS, values.get("reading"), READING_HELP)
        + "</div><div>"
        + select("scale", "Scale", SCALES, values.get("scale"))
        + "</div><div>"
        + select("pill_model", "Pills counted as", PILL_MODELS, values.get("pill_model"))
        + "</div></div>"
        + '<button type="submit">Check the claim</button></form>'
    )


def convert_form(values: dict[str, Any]) -> str:
    targets = [("doses", "doses"), ("kg", "kilograms"), ("lb", "pounds"), ("g", "grams"), ("oz", "ounces")]
    return (
        '<form method="get" action="/convert"><div class="row"><div>'
        + text_input("quantity", "Figure", values, "with its unit", "6500 lb")
        + "</div><div>"
        + select("target", "Convert to", targets, values.get("target"))
        + "</div></div>"
        + '<div class="row"><div>'
        + select("assumptions", "Rules (assumption set)", set_options(), values.get("assumptions"), SET_HELP)
        + "</div><div>"
        + text_input("purity", "Purity", values, "optional, overrides the rules", "10%")
        + "</div><div>"
        + select("pill_model", "Pills counted as", PILL_MODELS, values.get("pill_model"))
        + "</div></div>"
        + '<button type="submit">Convert</button></form>'
    )
