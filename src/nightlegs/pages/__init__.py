"""The patient's web pages (server-rendered, in uk, ru and en), added to the app by
:func:`install`."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Match, Mount

from nightlegs.http.deps import Context
from nightlegs.pages import common
from nightlegs.pages.diary import account, nights, sharing
from nightlegs.pages.diary import common as diary_common
from nightlegs.pages.interview import routes as interview
from nightlegs.pages.results import routes as results

__all__ = ["install"]

API_PREFIX = "/api/"


def install(app: FastAPI, context: Context) -> None:
    """Add the pages, their static files, HTML error pages and gzip to ``app``."""
    app.state.nightlegs_web = common.Web(context)
    static = resources.files("nightlegs.pages") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for area in (interview, results, account, nights, sharing):
        app.include_router(area.router)
    app.add_exception_handler(common.PageNotFound, _page_not_found)
    app.add_exception_handler(common.InterviewGone, common.interview_gone)
    app.add_exception_handler(diary_common.NotSignedIn, diary_common.not_signed_in)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(GZipMiddleware, minimum_size=500)


async def _page_not_found(request: Request, exc: Exception) -> Response:
    return common.error_response(request, 404)


async def _http_error(request: Request, exc: Exception) -> Response:
    """The API keeps its JSON errors; a page answers with an HTML page in its language."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 405:
        exc = StarletteHTTPException(405, exc.detail, {**(exc.headers or {}), **_allow(request)})
    if request.url.path.startswith(API_PREFIX) or request.url.path.startswith("/static/"):
        return await http_exception_handler(request, exc)
    return common.error_response(request, exc.status_code, exc.headers)


def _allow(request: Request) -> dict[str, str]:
    """``Allow`` with every method the path answers: the router names only the first route
    that matched it (``/api/v1/diaries/{id}`` has GET and DELETE, from two routes)."""
    methods = []
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        probe = {
            "type": "http",
            "path": request.scope["path"],
            "root_path": request.scope.get("root_path", ""),
            "method": method,
        }
        routes = request.app.router.routes
        if any(not isinstance(r, Mount) and r.matches(probe)[0] is Match.FULL for r in routes):
            methods.append(method)
    if not methods:  # the static files: only they answer 405 outside a route
        return {"Allow": "GET, HEAD"}
    if "GET" in methods:
        methods.insert(1, "HEAD")  # the security middleware answers HEAD as GET
    return {"Allow": ", ".join(methods)}
