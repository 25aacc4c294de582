"""Small functions that read and write interviews; the caller owns the transaction.

Rows hold plain JSON (see :class:`~nightlegs.store.models.Interview`); turning them
into the engine's types is the service layer's job, so this package imports
nothing above it.

An interview untouched for longer than its time to live is treated as gone:
:func:`get` does not return it and :func:`delete_expired` removes it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from nightlegs.store.models import Interview, utcnow


def new_id() -> str:
    """An opaque, unguessable interview id (22 URL-safe characters)."""
    return secrets.token_urlsafe(16)


def create(
    session: Session,
    *,
    language: str,
    values: Mapping[str, Any],
    asked: Iterable[Mapping[str, Any]] = (),
    pending: Mapping[str, Any] | None,
    done: bool,
    kb_version: str,
    kb_hash: str,
    browser_key: str | None = None,
    now: datetime | None = None,
) -> Interview:
    now = now or utcnow()
    interview = Interview(
        id=new_id(),
        language=language,
        values=dict(values),
        asked=[dict(a) for a in asked],
        pending=dict(pending) if pending else None,
        done=done,
        kb_version=kb_version,
        kb_hash=kb_hash,
        browser_key=browser_key,
        created_at=now,
        updated_at=now,
    )
    session.add(interview)
    session.flush()
    return interview


def get(
    session: Session,
    interview_id: str,
    *,
    ttl: timedelta,
    for_update: bool = False,
    now: datetime | None = None,
) -> Interview | None:
    """The interview, or None if there is none or it has expired.

    ``for_update`` locks the row (PostgreSQL) until the transaction ends, so
    concurrent answers to one interview are applied one after the other.
    """
    if "\x00" in interview_id:  # no id holds NUL, and PostgreSQL refuses it in a query
        return None
    query = select(Interview).where(Interview.id == interview_id)
    if for_update:
        query = query.with_for_update()
    interview = session.scalars(query).one_or_none()
    if interview is None or interview.updated_at < (now or utcnow()) - ttl:
        return None
    return interview


def save_answers(
    session: Session,
    interview: Interview,
    *,
    values: Mapping[str, Any],
    asked: Iterable[Mapping[str, Any]],
    pending: Mapping[str, Any] | None,
    done: bool,
    kb_version: str,
    kb_hash: str,
    now: datetime | None = None,
) -> Interview:
    """Store the evidence and questions after an answer (new objects, never mutated)."""
    interview.values = dict(values)
    interview.asked = [dict(a) for a in asked]
    interview.pending = dict(pending) if pending else None
    interview.done = done
    interview.kb_version = kb_version
    interview.kb_hash = kb_hash
    interview.updated_at = now or utcnow()
    session.flush()
    return interview


def delete_expired(session: Session, *, ttl: timedelta, now: datetime | None = None) -> int:
    """Delete interviews untouched for longer than ``ttl``; answers how many."""
    cutoff = (now or utcnow()) - ttl
    result = session.execute(
        delete(Interview).where(Interview.updated_at < cutoff),
        execution_options={"synchronize_session": False},
    )
    return int(getattr(result, "rowcount", 0) or 0)


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Interview)) or 0)
