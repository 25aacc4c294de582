"""The pages' cookies, by their plain names: read, set and forgotten under the name
:func:`~nightlegs.http.security.cookie_name` gives (``__Host-`` over https).

The interview cookie also binds the interview to the browser that started it:
its value is ``<interview id>.<browser secret>``, and the interview row keeps
the secret's SHA-256 (``browser_key``). Knowing an interview's id is not enough
to resume it in a page; an interview started through the JSON API has no
browser secret and is never resumed by a page.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response

from nightlegs.http.security import cookie_name, cookie_options
from nightlegs.settings import Settings

__all__ = [
    "browser_key",
    "browser_secret",
    "forget",
    "interview_cookie",
    "put",
    "read",
    "same_browser",
    "split_interview_cookie",
]


def _settings(request: Request) -> Settings:
    settings = request.app.state.nightlegs.settings
    assert isinstance(settings, Settings)
    return settings


def read(request: Request, name: str) -> str | None:
    return request.cookies.get(cookie_name(request, _settings(request), name))


def put(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    settings = _settings(request)
    response.set_cookie(
        cookie_name(request, settings, name),
        value,
        max_age=max_age,
        **cookie_options(request, settings),
    )


def forget(response: Response, request: Request, name: str) -> None:
    settings = _settings(request)
    options = cookie_options(request, settings)
    response.delete_cookie(
        cookie_name(request, settings, name),
        path=options["path"],
        secure=options["secure"],
        httponly=options["httponly"],
        samesite=options["samesite"],
    )


def browser_secret() -> tuple[str, str]:
    """A new browser secret, and the digest to store beside its interview."""
    secret = secrets.token_urlsafe(32)
    return secret, browser_key(secret)


def browser_key(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def interview_cookie(interview_id: str, secret: str) -> str:
    return f"{interview_id}.{secret}"


def split_interview_cookie(value: str | None) -> tuple[str, str] | None:
    """The interview id and the browser secret of an interview cookie, or None."""
    interview_id, _, secret = (value or "").partition(".")
    return (interview_id, secret) if interview_id and secret else None


def same_browser(stored_key: str | None, secret: str) -> bool:
    return stored_key is not None and hmac.compare_digest(stored_key, browser_key(secret))
