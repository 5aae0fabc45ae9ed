"""A local web page and JSON API over the library (``doseconv serve``; needs ``pip install "doseconv[web]"``).

:mod:`.service` holds every library call; :mod:`.api` the JSON API, :mod:`.pages` the HTML pages
(:mod:`.forms`, :mod:`.cards` and :mod:`.layout` build their HTML, escaping all user text);
:mod:`.limits` caps request bodies, :mod:`.guard` refuses requests from other sites (hosts, origins, content
types; the form token of :mod:`.tokens`), :mod:`.work` runs the library off the event loop within a time limit,
:mod:`.protocol` times out slow connections; :mod:`.app` puts them together.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(max_body: int | None = None, hosts=None):
    """The ASGI application (Starlette); imported here lazily so ``import doseconv.web`` stays light.

    ``hosts``: names it answers to besides localhost, 127.0.0.1 and [::1] (see :func:`.app.create_app`).
    """
    from .app import create_app as build
    from .limits import DEFAULT_MAX_BODY

    return build(DEFAULT_MAX_BODY if max_body is None else max_body, hosts)
