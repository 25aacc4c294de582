"""Security headers on every response, CSRF protection for forms, and cookie options.

:class:`SecurityMiddleware` (pure ASGI, added by ``create_app``):

- adds a strict Content-Security-Policy (``default-src 'self'``, no inline
  script or style, ``frame-ancestors`` from the settings) and the usual headers
  (nosniff, same-origin referrer and opener, no camera/microphone/geolocation,
  HSTS over https, ``X-Frame-Options: SAMEORIGIN`` when no other site may embed
  the app); a header a route has set itself is left as it is;
- refuses cross-site unsafe requests (POST, PUT, PATCH, DELETE) to the pages
  with 403, judged by the browser's ``Sec-Fetch-Site`` header, else by
  ``Origin`` against ``Host`` (datasette's rule; a request with neither header
  does not come from a browser's cross-site form and is let through);
- marks every answer of the JSON API ``Cache-Control: no-store`` (answers,
  results, assessments and diaries are health data; refusals may repeat what was
  sent), unless the route set its own;
- answers HEAD wherever GET is answered (FastAPI's routes would say 405), without
  the body;
- makes a redirect's ``Location`` a path on this site: Starlette builds the
  trailing-slash redirect from the request's ``Host``, which a client chooses;
- answers an unhandled exception itself, with 500 and these headers, logging
  only its type and place (:func:`nightlegs.http.logs.log_server_error`), so
  that no traceback quotes the request.

The JSON API under ``/api/`` is exempt from the CSRF check: it accepts only
``application/json`` bodies, which a cross-site HTML form cannot send, and a
cross-site script cannot send them either without a CORS preflight, which the
app never grants (it sends no CORS headers). It carries no cookies or other
ambient credentials either: an interview is addressed by its id in the URL.
"""

from __future__ import annotations

from typing import Literal, TypedDict
from urllib.parse import urlsplit, urlunsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nightlegs.http.logs import log_server_error
from nightlegs.settings import Settings

__all__ = [
    "CookieOptions",
    "SecurityMiddleware",
    "content_security_policy",
    "cookie_name",
    "cookie_options",
    "csrf_refusal",
    "is_https",
]

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
API_PATH = "/api"
HSTS = "max-age=31536000"
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def content_security_policy(settings: Settings) -> str:
    ancestors = " ".join(["'self'", *settings.frame_ancestors])
    return (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; "
        f"frame-ancestors {ancestors}"
    )


def _is_https(scope: Scope, headers: Headers, settings: Settings) -> bool:
    if scope.get("scheme") in ("https", "wss"):
        return True
    if settings.trust_forwarded_for:
        proto = headers.get("x-forwarded-proto", "").split(",")[-1].strip().lower()
        return proto == "https"
    return False


def is_https(connection: HTTPConnection, settings: Settings) -> bool:
    """Whether the request reached us over https (or, when trusted, reached the proxy so)."""
    return _is_https(connection.scope, connection.headers, settings)


class CookieOptions(TypedDict):
    httponly: bool
    samesite: Literal["lax", "strict", "none"]
    secure: bool
    path: str


def cookie_options(request: HTTPConnection, settings: Settings) -> CookieOptions:
    """Options for ``response.set_cookie(name, value, max_age=..., **cookie_options(...))``:
    HttpOnly, SameSite=Lax, Path=/ and Secure per ``settings.secure_cookies``."""
    if settings.secure_cookies == "always":
        secure = True
    elif settings.secure_cookies == "never":
        secure = False
    else:
        secure = is_https(request, settings)
    return {"httponly": True, "samesite": "lax", "secure": secure, "path": "/"}


HOST_PREFIX = "__Host-"


def cookie_name(request: HTTPConnection, settings: Settings, name: str) -> str:
    """``__Host-`` + ``name`` when cookies are Secure, else ``name`` (plain http).

    A browser takes a ``__Host-`` cookie only from this very host over https,
    with Path=/ and no Domain: another subdomain of the site, or someone on the
    network of a plain-http page, cannot plant one to resume an interview or a
    diary of their choosing. Over plain http (local testing) the prefix is not
    allowed, so the plain name is used there, and only there.
    """
    return HOST_PREFIX + name if cookie_options(request, settings)["secure"] else name


def _normal_host(host: str, scheme: str) -> str:
    """``host[:port]`` in lower case, without the scheme's default port."""
    host = host.strip().lower()
    default = _DEFAULT_PORTS.get(scheme)
    if default and host.endswith(f":{default}"):
        host = host[: -len(default) - 1]
    return host


def csrf_refusal(scope: Scope, headers: Headers, settings: Settings) -> str | None:
    """Why this request is refused as cross-site, or ``None`` when it may go on."""
    if scope.get("method", "GET").upper() not in UNSAFE_METHODS:
        return None
    if _is_api(scope.get("path", "")):
        return None
    site = headers.get("sec-fetch-site")
    if site is not None:
        if site.strip().lower() in ("same-origin", "none"):
            return None
        return f"cross-site request refused (Sec-Fetch-Site: {site})"
    origin = headers.get("origin")
    if origin is None:
        return None  # not a browser's form or fetch: nothing to forge
    parts = urlsplit(origin.strip())
    if not parts.scheme or not parts.netloc:
        return f"cross-site request refused (Origin: {origin})"
    host = headers.get("host", "")
    if settings.trust_forwarded_for:
        host = headers.get("x-forwarded-host", "").split(",")[-1].strip() or host
    scheme = parts.scheme.lower()
    if _normal_host(parts.netloc, scheme) != _normal_host(host, scheme):
        return f"cross-site request refused (Origin {origin} does not match Host {host})"
    return None


class SecurityMiddleware:
    """Security headers on every HTTP response; 403 for cross-site unsafe page requests."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        headers = {
            "Content-Security-Policy": content_security_policy(settings),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
            "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
            "Cross-Origin-Opener-Policy": "same-origin",
        }
        if not settings.frame_ancestors:
            headers["X-Frame-Options"] = "SAMEORIGIN"
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        https = _is_https(scope, request_headers, self.settings)
        api = _is_api(scope.get("path", ""))
        head = scope.get("method") == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)
                if https:
                    headers.setdefault("Strict-Transport-Security", HSTS)
                if api:
                    headers.setdefault("Cache-Control", "no-store")
                if "location" in headers:
                    headers["Location"] = _on_this_site(headers["location"])
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        reason = csrf_refusal(scope, request_headers, self.settings)
        if reason is not None:
            response = PlainTextResponse(f"403 Forbidden: {reason}.\n", status_code=403)
            await response(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as error:
            # Not re-raised: the server would log the traceback with the message.
            log_server_error(scope, error)
            if not started:
                await _server_error(api)(scope, receive, send_with_headers)


def _is_api(path: str) -> bool:
    return path == API_PATH or path.startswith(API_PATH + "/")


def _on_this_site(location: str) -> str:
    """The path, query and fragment of a redirect target, as one path of this site."""
    parts = urlsplit(location)
    path = "/" + parts.path.lstrip("/")  # "//host" would be another site again
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def _server_error(api: bool) -> Response:
    if api:
        return JSONResponse({"detail": "internal server error"}, status_code=500)
    return PlainTextResponse("Internal Server Error", status_code=500)
