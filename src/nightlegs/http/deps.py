"""What the endpoints need, as ``Annotated`` dependencies.

``create_app`` puts one :class:`Context` on ``app.state``; nothing here is
created at import time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from nightlegs.http.ratelimit import RateLimiter
from nightlegs.knowledge import KnowledgeBase
from nightlegs.services.diaries import Keys
from nightlegs.settings import Settings


@dataclass(frozen=True, slots=True)
class Context:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    kb: KnowledgeBase
    limiter: RateLimiter
    #: The night diary's secret and code hasher; None when the diary is off (no secret key).
    diary_keys: Keys | None = None


def context_of(request: Request) -> Context:
    context = request.app.state.nightlegs
    assert isinstance(context, Context)
    return context


# The dependencies that only read the app's state are coroutines: FastAPI runs a plain
# function dependency in its thread pool, a hop that cost more than the work (about
# 0.2 ms each, several per request).
async def get_context(request: Request) -> Context:
    return context_of(request)


async def get_settings(context: Annotated[Context, Depends(get_context)]) -> Settings:
    return context.settings


async def get_kb(context: Annotated[Context, Depends(get_context)]) -> KnowledgeBase:
    return context.kb


def get_session(context: Annotated[Context, Depends(get_context)]) -> Iterator[Session]:
    """A session; the endpoint opens its transaction (``with session.begin():``)."""
    with context.sessions() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
KbDep = Annotated[KnowledgeBase, Depends(get_kb)]
SessionDep = Annotated[Session, Depends(get_session)]
