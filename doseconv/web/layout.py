"""The page frame: inline style, navigation, and the one small script (the copy button).

Everything here is static text; user text never reaches this module unescaped (see :mod:`.cards`).
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from ..verdictstyle import LEGEND_CSS, verdict_css

__all__ = ["CSS", "NAV", "SCRIPT", "SCRIPT_HASH", "page"]

NAV = (("/", "Story"), ("/check", "Check"), ("/convert", "Convert"), ("/sources", "Sources"), ("/verdicts", "Verdicts"))

#: Verdict colours: dark text on light fills, each above 7:1 contrast; the verdict is always also written in words.
CSS = (
    """
:root{--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--bg:#fff;--panel:#f4f4f2;--link:#0b4f9c}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#12263f;color:#fff;padding:.6rem 1rem}
header a{color:#fff}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;color:#12263f;padding:.3rem .6rem;z-index:1}
header .brand{font-weight:700;margin-right:1rem}
nav{display:inline}
nav a{display:inline-block;padding:.3rem .6rem;margin:.1rem;border-radius:4px;text-decoration:none}
nav a[aria-current=page]{background:#fff;color:#12263f;font-weight:600}
main{max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
a{color:var(--link)}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #e0a100;outline-offset:2px}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
.hint{font-weight:400;color:var(--muted);font-size:.9rem}
input[type=text],input[type=date],select,textarea{width:100%;padding:.45rem;border:1px solid #767676;border-radius:4px;font:inherit;background:#fff;color:var(--ink)}
textarea{min-height:12rem}
.row{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1rem}
button,.button{display:inline-block;margin-top:.8rem;padding:.5rem 1rem;border:0;border-radius:4px;background:#12263f;color:#fff;font:inherit;cursor:pointer;text-decoration:none}
button.secondary{background:#4a4a4a}
.error{border-left:6px solid #b00020;background:#fde8ea;padding:.6rem 1rem;margin:1rem 0}
.note{color:var(--muted)}
.summary{background:var(--panel);padding:.6rem 1rem;border-radius:6px;margin:1rem 0}
.story{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);padding:1rem;border-radius:6px;line-height:1.7}
mark{padding:0 .15rem;border-radius:3px;color:var(--ink)}
mark a{color:inherit;text-decoration:none}
mark.input{background:#e6e6e6;border-bottom:2px dotted #4a4a4a}
mark sup{font-weight:700;font-size:.7rem;margin-left:.15rem}
.card{border:1px solid var(--line);border-left-width:8px;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
"""
    + verdict_css()
    + LEGEND_CSS
    + """
.card{background:#fff}
.card h3{margin:.2rem 0}
.verdict{font-weight:700}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.plain{background:var(--panel);padding:.6rem;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.wide{max-width:100%;overflow-x:auto}
table.sources th:first-child{width:22%}
.story-title{font-weight:700;font-size:1.1rem;margin:.4rem 0}
.help{margin:.2rem 0 .4rem}
details.key{margin:.5rem 0 1rem}details.key summary{font-weight:600;cursor:pointer}
a.explain{font-weight:400;font-size:.9rem;margin-left:.3rem;white-space:nowrap}
.explainer h2,.explainer h3{margin-top:1.6rem}.explainer code{overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
.downloads form{display:inline}
.copy{margin-top:.3rem}
figure.chart{margin:1rem 0}figure.chart svg{width:100%;height:auto;max-width:48rem;display:block}
@media (max-width:40rem){dl{grid-template-columns:1fr}main{padding:.6rem}}
"""
)

#: The only script: copy a card's paste-ready text. Without JavaScript the button stays hidden.
SCRIPT = """
document.querySelectorAll('button.copy').forEach(function(b){
  b.hidden=false;
  b.addEventListener('click',function(){
    var t=document.getElementById(b.getAttribute('data-copy'));
    if(!t)return;
    var s=t.textContent;
    function done(){b.textContent='Copied';setTimeout(function(){b.textContent='Copy text'},1500)}
    if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(s).then(done)}
    else{var a=document.createElement('textarea');a.value=s;document.body.appendChild(a);a.select();
      try{document.execCommand('copy');done()}finally{document.body.removeChild(a)}}
  });
});
"""

#: The script's hash for the Content-Security-Policy: no other script (an injected one included) may run.
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")


def page(title: str, body: str, current: str = "", *, standalone: bool = False) -> str:
    """A whole page around ``body`` (already escaped HTML). ``standalone`` drops navigation (downloaded reports)."""
    links = "".join(
        f'<a href="{href}"{" aria-current=page" if href == current else ""}>{escape(name)}</a>' for href, name in NAV
    )
    header = (
        ""
        if standalone
        else f'<a class="skip" href="#main">Skip to the page</a>'
        f'<header><span class="brand">doseconv</span><nav aria-label="Pages">{links}</nav></header>'
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)} · doseconv</title><style>{CSS}</style></head>"
        f'<body>{header}<main id="main">{body}</main><script>{SCRIPT}</script></body></html>'
    )
