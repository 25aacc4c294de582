"""Who may reach a diary, for the JSON API and the pages alike.

A diary is reached with its token: ``Authorization: Bearer <token>``, or the
``nightlegs_diary`` cookie the web pages set. Without either: 401. With a
token that is not a live sign-in to the diary named in the path (unknown,
expired, another diary's, or the diary is gone): 404, exactly as for a diary
that does not exist. A request that changes something and carries its token
only in the cookie must come from the app's own pages (``Sec-Fetch-Site`` /
``Origin``), else 403.

The pages call the plain functions (:func:`keys_of`, :func:`attempt_wait`,
:func:`signed_in_diary`); the API uses the dependencies built on them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy.orm import Session

from nightlegs.http import cookies, ratelimit
from nightlegs.http.deps import Context, context_of, get_context
from nightlegs.http.security import csrf_refusal
from nightlegs.services import diaries

DIARY_NOT_FOUND = "diary not found"
#: The limit (:class:`~nightlegs.http.ratelimit.RateLimiter`) on sign-ins and new diaries.
DIARY_LIMIT = "diary"
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="diaryToken",
    description="The token from creating the diary or signing in to it.",
)
_cookie = APIKeyCookie(
    name=diaries.SESSION_COOKIE,
    auto_error=False,
    scheme_name="diaryCookie",
    description=(
        "The same token in the web pages' cookie (named `__Host-nightlegs_diary` over https)."
    ),
)


class Token(BaseModel):
    value: str
    from_cookie: bool


# --- plain functions -------------------------------------------------------------------


def keys_of(context: Context) -> diaries.Keys | None:
    """The diary's keys, or None when the diary is off on this server."""
    return context.diary_keys


def attempt_wait(request: Request) -> int | None:
    """Count one sign-in or new diary from the client: None when allowed, else the whole
    seconds to wait (at least 1) before the limit lets the next one through."""
    return ratelimit.wait_seconds(request, DIARY_LIMIT)


def signed_in_diary(session: Session, request: Request) -> str | None:
    """The diary the request's cookie signs in to, or None."""
    return diaries.authorised_diary(session, cookies.read(request, diaries.SESSION_COOKIE))


def cross_site(request: Request) -> bool:
    """A request from another site, by the pages' own rule (``Sec-Fetch-Site``, else
    ``Origin`` against ``Host``), which the middleware applies to every path but /api."""
    scope = {**request.scope, "path": "/"}
    return csrf_refusal(scope, request.headers, context_of(request).settings) is not None


@contextmanager
def authorised(session: Session, token: Token, diary_id: str) -> Iterator[None]:
    """A transaction in which the token is checked to sign in to ``diary_id`` (else 404)."""
    with session.begin():
        if diaries.authorised_diary(session, token.value) != diary_id:
            raise HTTPException(status_code=404, detail=DIARY_NOT_FOUND)
        yield


# --- dependencies ----------------------------------------------------------------------


def diary_token(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    _documented: Annotated[str | None, Depends(_cookie)],
) -> Token:
    """The request's diary token; 401 without one, 403 for a cross-site cookie-only change.
    The cookie is read by its name on this request (``__Host-`` over https)."""
    cookie = cookies.read(request, diaries.SESSION_COOKIE)
    if bearer is not None and bearer.credentials:
        return Token(value=bearer.credentials, from_cookie=False)
    if not cookie:
        raise HTTPException(
            status_code=401,
            detail="sign in: send Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if request.method.upper() in _UNSAFE_METHODS and cross_site(request):
        raise HTTPException(status_code=403, detail="cross-site request refused")
    return Token(value=cookie, from_cookie=True)


async def diary_keys(context: Annotated[Context, Depends(get_context)]) -> diaries.Keys:
    """The app's secret and code hasher; 503 when the diary is off."""
    keys = keys_of(context)
    if keys is None:
        raise HTTPException(
            status_code=503,
            detail="the night diary is off on this server (no NIGHTLEGS_SECRET_KEY)",
        )
    return keys


def limit_diary_attempts(request: Request) -> None:
    """429 with Retry-After past ``diary_rate_limit`` (sign-ins and new diaries, per address)."""
    ratelimit.enforce(request, DIARY_LIMIT, "too many attempts")


TokenDep = Annotated[Token, Depends(diary_token)]
KeysDep = Annotated[diaries.Keys, Depends(diary_keys)]
