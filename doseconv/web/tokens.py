"""The form token: a secret of the running server, put in every form that posts, for a browser that sends no Origin.

A page of another site cannot read this server's pages (the browser keeps them from it, and the Host check of
:mod:`.guard` refuses a rebound name), so it cannot know the token. One secret serves every process of one
``doseconv serve``: the command puts it in the environment (``DOSECONV_FORM_TOKEN``) before it starts them.
"""

from __future__ import annotations

import hmac
import os
from typing import Any

__all__ = ["ENVIRONMENT", "FIELD", "check_token", "form_token", "token_is_valid"]

#: The form field that carries the token.
FIELD = "token"
#: The environment variable the processes of one server share the secret through.
ENVIRONMENT = "DOSECONV_FORM_TOKEN"

_TOKEN = os.environ.get(ENVIRONMENT) or os.urandom(24).hex()


def form_token() -> str:
    """The token every form of this server carries."""
    return _TOKEN


def token_is_valid(value: object) -> bool:
    """Whether ``value`` (a form field) is this server's token, compared in constant time."""
    return isinstance(value, str) and hmac.compare_digest(value.encode(), _TOKEN.encode())


def check_token(request: Any, values: dict[str, Any]) -> None:
    """Take the token out of a posted form's ``values``; a 403 when the form needed it (no Origin came) and it is
    missing or wrong."""
    from starlette.exceptions import HTTPException

    from .guard import TOKEN_REQUIRED

    token = values.pop(FIELD, None)
    if request.scope.get(TOKEN_REQUIRED) and not token_is_valid(token):
        raise HTTPException(
            403, "this form did not come from this server's page (or the server was restarted); reload the page"
        )
