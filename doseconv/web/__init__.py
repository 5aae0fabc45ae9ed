"""A local web page and JSON API over the library (``doseconv serve``; needs ``pip install "doseconv[web]"``).

:mod:`.service` holds every library call; :mod:`.api` the JSON API, :mod:`.pages` the HTML pages
(:mod:`.forms`, :mod:`.cards` and :mod:`.layout` build their HTML, escaping all user text);
:mod:`.limits` caps request bodies; :mod:`.app` puts them together.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(max_body: int | None = None):
    """The ASGI application (Starlette); imported here lazily so ``import doseconv.web`` stays light."""
    from .app import create_app as build
    from .limits import DEFAULT_MAX_BODY

    return build(DEFAULT_MAX_BODY if max_body is None else max_body)
