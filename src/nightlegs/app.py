"""The application factory: ``create_app(settings)`` (nothing is built at import time).

The database must already be migrated (``nightlegs db upgrade``, or
:func:`nightlegs.store.migrate.upgrade`); the app never creates tables.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from nightlegs import __version__, pages
from nightlegs.api import (
    assessments,
    complaints,
    diaries,
    diary_exports,
    errors,
    health,
    interviews,
    medicines,
    shares,
)
from nightlegs.http.body_limit import BodyLimitMiddleware
from nightlegs.http.deps import Context
from nightlegs.http.logs import install_access_log_redaction
from nightlegs.http.ratelimit import RateLimiter
from nightlegs.http.security import SecurityMiddleware
from nightlegs.knowledge import load_kb
from nightlegs.services.diaries import DiaryOff, Keys
from nightlegs.settings import Settings
from nightlegs.store import make_engine, make_session_factory

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    kb = load_kb()
    engine = make_engine(settings)
    # One rate limiter per app, in memory or shared through Redis (rate_limit_storage).
    limiter = RateLimiter.from_settings(settings)
    context = Context(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        kb=kb,
        limiter=limiter,
        diary_keys=diary_keys(settings),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()
        limiter.close()

    app = FastAPI(
        title="nightlegs",
        version=__version__,
        summary="Explainable assessment of night leg discomfort",
        generate_unique_id_function=_operation_id,
        lifespan=lifespan,
        # Swagger UI and ReDoc load from a CDN, which the CSP forbids: only /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.nightlegs = context
    api = APIRouter(prefix=API_PREFIX)
    for module in (health, assessments, interviews, diaries, diary_exports, shares, medicines):
        api.include_router(module.router)
    api.include_router(complaints.router)
    app.include_router(api)
    errors.install(app)
    pages.install(app, context)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    # Added last, so outermost: its headers are on every response, 413s and 500s included.
    app.add_middleware(SecurityMiddleware, settings=settings)
    # Here rather than in `nightlegs serve`, so that any server running the app has it.
    install_access_log_redaction()
    return app


def diary_keys(settings: Settings) -> Keys | None:
    """The diary's keys, made once per app; None when the diary is off on this server."""
    try:
        return Keys.from_settings(settings)
    except DiaryOff:
        return None


def _operation_id(route: APIRoute) -> str:
    """The endpoint function's name: stable, and readable in generated clients."""
    return route.name
