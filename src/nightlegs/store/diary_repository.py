"""Small functions that read and write night diaries; the caller owns the transaction.

Entries are written with one ``INSERT ... ON CONFLICT (diary_id, night) DO
UPDATE`` (SQLite and PostgreSQL alike), so two simultaneous writes of the same
night leave exactly one entry: the later one.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Integer, delete, func, literal_column, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from nightlegs.store.diary_models import Diary, DiaryEntry, DiaryInterview, DiaryToken
from nightlegs.store.models import Interview, utcnow

__all__ = [
    "count_entries",
    "create_diary",
    "create_token",
    "delete_diary",
    "delete_entry",
    "delete_expired_tokens",
    "delete_token",
    "find_by_lookup_key",
    "get_diary",
    "list_entries",
    "list_interviews",
    "list_tokens",
    "new_id",
    "put_entry",
    "save_interview",
    "set_code_hash",
    "token_diary_id",
]


def new_id() -> str:
    """An opaque, unguessable diary id (22 URL-safe characters)."""
    return secrets.token_urlsafe(16)


# --- diaries -------------------------------------------------------------------


def create_diary(
    session: Session, *, lookup_key: str, code_hash: str, now: dt.datetime | None = None
) -> Diary:
    diary = Diary(
        id=new_id(), lookup_key=lookup_key, code_hash=code_hash, created_at=now or utcnow()
    )
    session.add(diary)
    session.flush()
    return diary


def get_diary(session: Session, diary_id: str) -> Diary | None:
    return session.get(Diary, diary_id)


def find_by_lookup_key(session: Session, lookup_key: str) -> Diary | None:
    return session.scalars(select(Diary).where(Diary.lookup_key == lookup_key)).one_or_none()


def set_code_hash(session: Session, diary_id: str, code_hash: str) -> None:
    """Store a new hash of the same code (after the hashing parameters changed)."""
    session.execute(
        update(Diary).where(Diary.id == diary_id).values(code_hash=code_hash),
        execution_options={"synchronize_session": False},
    )


def delete_diary(session: Session, diary_id: str) -> bool:
    """Delete the diary and everything of it, with the interviews saved in it.

    The diary's own tables go by ``ON DELETE CASCADE``; they are also deleted
    here one by one, so nothing depends on SQLite's foreign-key switch. Answers
    whether there was such a diary.
    """
    interview_ids = select(DiaryInterview.interview_id).where(DiaryInterview.diary_id == diary_id)
    session.execute(
        delete(Interview).where(Interview.id.in_(interview_ids)),
        execution_options={"synchronize_session": False},
    )
    for table in (DiaryInterview, DiaryEntry, DiaryToken):
        session.execute(
            delete(table).where(table.diary_id == diary_id),
            execution_options={"synchronize_session": False},
        )
    result = session.execute(
        delete(Diary).where(Diary.id == diary_id),
        execution_options={"synchronize_session": False},
    )
    session.expunge_all()
    return bool(getattr(result, "rowcount", 0))


# --- tokens --------------------------------------------------------------------


def create_token(
    session: Session,
    diary_id: str,
    token_hash: str,
    *,
    ttl: dt.timedelta,
    now: dt.datetime | None = None,
) -> DiaryToken:
    now = now or utcnow()
    token = DiaryToken(
        token_hash=token_hash, diary_id=diary_id, created_at=now, expires_at=now + ttl
    )
    session.add(token)
    session.flush()
    return token


def token_diary_id(
    session: Session, token_hash: str, *, now: dt.datetime | None = None
) -> str | None:
    """The diary a live (unexpired) token signs in to, or None."""
    return session.scalar(
        select(DiaryToken.diary_id).where(
            DiaryToken.token_hash == token_hash, DiaryToken.expires_at > (now or utcnow())
        )
    )


def delete_token(session: Session, token_hash: str) -> None:
    session.execute(
        delete(DiaryToken).where(DiaryToken.token_hash == token_hash),
        execution_options={"synchronize_session": False},
    )


def delete_expired_tokens(session: Session, *, now: dt.datetime | None = None) -> int:
    result = session.execute(
        delete(DiaryToken).where(DiaryToken.expires_at <= (now or utcnow())),
        execution_options={"synchronize_session": False},
    )
    return int(getattr(result, "rowcount", 0) or 0)


def list_tokens(session: Session, diary_id: str) -> Sequence[DiaryToken]:
    return session.scalars(
        select(DiaryToken).where(DiaryToken.diary_id == diary_id).order_by(DiaryToken.created_at)
    ).all()


# --- entries -------------------------------------------------------------------


def put_entry(
    session: Session,
    diary_id: str,
    night: dt.date,
    fields: Mapping[str, Any],
    *,
    now: dt.datetime | None = None,
) -> tuple[DiaryEntry, bool]:
    """Create or replace the entry of ``night`` with ``fields`` (its columns but the keys and
    times, as JSON); answers it and whether it is new.

    Whether it is new: on PostgreSQL the upserted row's ``xmax`` is 0 only when
    it was inserted; SQLite transactions run one at a time (``BEGIN
    IMMEDIATE``), so looking first is enough there.
    """
    now = now or utcnow()
    fields = dict(fields)
    statement = (
        _insert(session)(DiaryEntry)
        .values(diary_id=diary_id, night=night, created_at=now, updated_at=now, **fields)
        .on_conflict_do_update(
            index_elements=[DiaryEntry.diary_id, DiaryEntry.night],
            set_={**fields, "updated_at": now},
        )
    )
    if _dialect(session) == "postgresql":
        inserted = literal_column("xmax", Integer) == 0
        created = bool(session.execute(statement.returning(inserted)).scalar_one())
    else:
        key = (DiaryEntry.diary_id == diary_id, DiaryEntry.night == night)
        created = session.scalar(select(DiaryEntry.night).where(*key)) is None
        session.execute(statement)
    entry = session.get(DiaryEntry, (diary_id, night), populate_existing=True)
    assert entry is not None
    return entry, created


def list_entries(
    session: Session,
    diary_id: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Sequence[DiaryEntry]:
    """The diary's entries, oldest first, optionally from ``start`` to ``end`` (inclusive)."""
    query = select(DiaryEntry).where(DiaryEntry.diary_id == diary_id)
    if start is not None:
        query = query.where(DiaryEntry.night >= start)
    if end is not None:
        query = query.where(DiaryEntry.night <= end)
    return session.scalars(query.order_by(DiaryEntry.night)).all()


def delete_entry(session: Session, diary_id: str, night: dt.date) -> bool:
    result = session.execute(
        delete(DiaryEntry).where(DiaryEntry.diary_id == diary_id, DiaryEntry.night == night),
        execution_options={"synchronize_session": False},
    )
    return bool(getattr(result, "rowcount", 0))


def count_entries(session: Session, diary_id: str) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(DiaryEntry).where(DiaryEntry.diary_id == diary_id)
        )
        or 0
    )


# --- interviews saved in a diary -------------------------------------------------


def save_interview(
    session: Session,
    diary_id: str,
    interview: Interview,
    *,
    now: dt.datetime | None = None,
) -> DiaryInterview:
    """Copy the interview's evidence into the diary (again: replace the copy).

    One upsert on (diary, interview), so saving the same interview twice at
    once leaves one copy.
    """
    fields = {
        "language": interview.language,
        "values": dict(interview.values),
        "done": interview.done,
        "kb_version": interview.kb_version,
        "medicines": interview.medicines,
        "interview_created_at": interview.created_at,
        "saved_at": now or utcnow(),
    }
    statement = (
        _insert(session)(DiaryInterview)
        .values(diary_id=diary_id, interview_id=interview.id, **fields)
        .on_conflict_do_update(
            index_elements=[DiaryInterview.diary_id, DiaryInterview.interview_id], set_=fields
        )
        .returning(DiaryInterview.id)
    )
    saved_id = session.execute(statement).scalar_one()
    saved = session.get(DiaryInterview, saved_id, populate_existing=True)
    assert saved is not None
    return saved


def list_interviews(session: Session, diary_id: str) -> Sequence[DiaryInterview]:
    """The interviews saved in the diary, the most recently saved last."""
    return session.scalars(
        select(DiaryInterview)
        .where(DiaryInterview.diary_id == diary_id)
        .order_by(DiaryInterview.saved_at, DiaryInterview.id)
    ).all()


def _insert(session: Session) -> Any:
    """The dialect's INSERT, which has ``on_conflict_do_update`` (SQLite and PostgreSQL)."""
    return postgresql.insert if _dialect(session) == "postgresql" else sqlite.insert


def _dialect(session: Session) -> str:
    return str(session.get_bind().dialect.name)
