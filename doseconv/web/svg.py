"""Sanitise an SVG chart before it goes inline into a page.

The sensitivity chart is drawn by matplotlib and its title and legend quote the claim's own
words, so the SVG is parsed and rebuilt from an allow-list rather than pasted in: only drawing
elements and plain attributes survive, every text is re-escaped as it is written out, links
only point inside the drawing (``#id``), and anything else (scripts, event handlers, foreign
objects, style sheets, metadata, comments, the DOCTYPE) is dropped.

>>> clean('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>'
...       '<text onclick="x()">a &lt;b&gt;</text></svg>', "chart")
'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="chart"><text>a &lt;b&gt;</text></svg>'
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..errors import InputError

__all__ = ["clean"]

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"

#: Drawing elements kept (everything else, with its children, is dropped).
ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "path",
        "text",
        "tspan",
        "defs",
        "clipPath",
        "use",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "title",
        "desc",
    ]
)
#: Plain attributes kept; ``xlink:href``/``href`` only as an internal reference.
ATTRIBUTES = frozenset(
    [
        "d",
        "x",
        "y",
        "dx",
        "dy",
        "width",
        "height",
        "viewBox",
        "id",
        "style",
        "transform",
        "clip-path",
        "version",
        "fill",
        "stroke",
        "stroke-width",
        "opacity",
        "fill-opacity",
        "stroke-opacity",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "x1",
        "y1",
        "x2",
        "y2",
        "points",
        "text-anchor",
        "font-size",
        "font-family",
        "preserveAspectRatio",
    ]
)
_UNSAFE_VALUE = re.compile(r"url\s*\(\s*(?!#)|expression|javascript:|@import|\\", re.IGNORECASE)


def _local(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        space, _, local = name[1:].partition("}")
        return space, local
    return "", name


def _copy(source: ET.Element) -> ET.Element | None:
    space, tag = _local(source.tag) if isinstance(source.tag, str) else ("", "")
    if space != SVG or tag not in ELEMENTS:
        return None
    target = ET.Element(f"{{{SVG}}}{tag}")
    for name, value in source.attrib.items():
        attr_space, attr = _local(name)
        if attr == "href" and attr_space in ("", XLINK):
            if re.fullmatch(r"#[A-Za-z0-9_.:-]+", value):
                target.set(f"{{{XLINK}}}href", value)
        elif attr_space == "" and attr in ATTRIBUTES and not _UNSAFE_VALUE.search(value):
            target.set(attr, value)
    target.text = source.text
    for child in source:
        kept = _copy(child)
        if kept is not None:
            kept.tail = child.tail
            target.append(kept)
    return target


def clean(svg: str, label: str) -> str:
    """The SVG document ``svg`` as one safe ``<svg>`` element to place in HTML, labelled ``label``."""
    start = svg.find("<svg")
    if start < 0:
        raise InputError("the chart is not an SVG drawing")
    try:
        root = ET.fromstring(svg[start:])
    except ET.ParseError as error:
        raise InputError(f"the chart could not be read as SVG ({error})") from None
    kept = _copy(root)
    if kept is None or _local(kept.tag)[1] != "svg":
        raise InputError("the chart is not an SVG drawing")
    kept.set("role", "img")
    kept.set("aria-label", label)
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    return ET.tostring(kept, encoding="unicode")
