"""The night diary's tables (migration ``0003_diary``).

Every table of a diary refers to ``diaries.id`` with ``ON DELETE CASCADE``, so
deleting the diary row deletes everything of it; tables added later (share
links, their view logs) must do the same. No table holds a personal
identifier, a recovery code or a token: only an argon2id hash of the code, its
keyed look-up digest, and SHA-256 digests of tokens (docs/diary.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nightlegs.store.models import Base, UTCDateTime

__all__ = [
    "Diary",
    "DiaryEntry",
    "DiaryInterview",
    "DiaryShare",
    "DiaryShareView",
    "DiaryToken",
]


def _diary_fk() -> ForeignKey:
    return ForeignKey("diaries.id", ondelete="CASCADE")


class Diary(Base):
    """A diary: nothing about the person, only how to recognise their recovery code."""

    __tablename__ = "diaries"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: HMAC-SHA256 of the normalised recovery code under the server's secret key.
    lookup_key: Mapped[str] = mapped_column(String(64), unique=True)
    #: argon2id hash of the normalised recovery code (PHC string).
    code_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class DiaryToken(Base):
    """A sign-in: the SHA-256 of a bearer token, valid until ``expires_at``."""

    __tablename__ = "diary_tokens"
    __table_args__ = (
        Index("ix_diary_tokens_diary_id", "diary_id"),
        Index("ix_diary_tokens_expires_at", "expires_at"),
    )

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    diary_id: Mapped[str] = mapped_column(String(32), _diary_fk())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class DiaryEntry(Base):
    """One night. The primary key (diary, night) allows one entry per night.

    ``symptoms`` and ``triggers`` are lists of ids; ``tried`` is a list of
    ``{"measure": id, "helped": bool}``; all in the fixed order of
    :mod:`nightlegs.diary.model`. ``medicines`` is a list of ``{"inn", "atc"}``.
    """

    __tablename__ = "diary_entries"
    __table_args__ = (
        CheckConstraint("episodes BETWEEN 0 AND 50", name="episodes"),
        CheckConstraint("severity BETWEEN 0 AND 10", name="severity"),
        CheckConstraint("minutes_awake BETWEEN 0 AND 720", name="minutes_awake"),
    )

    diary_id: Mapped[str] = mapped_column(String(32), _diary_fk(), primary_key=True)
    night: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    symptoms: Mapped[list[str]] = mapped_column(JSON)
    episodes: Mapped[int] = mapped_column(Integer)
    severity: Mapped[int] = mapped_column(Integer)
    minutes_awake: Mapped[int] = mapped_column(Integer)
    triggers: Mapped[list[str]] = mapped_column(JSON)
    tried: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text)
    #: The medicines noted that night (INN and ATC code each, migration ``0008``); null for
    #: none, and in the rows written before.
    medicines: Mapped[list[dict[str, str]] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class DiaryInterview(Base):
    """An interview saved in a diary: a copy of its evidence when it was saved.

    ``interview_id`` names the interview it came from (saving it again replaces
    the copy). It is deliberately no foreign key: interviews expire after
    ``interview_ttl_hours``, the copy stays as long as the diary. Deleting the
    diary deletes the interview too, if it is still there.
    """

    __tablename__ = "diary_interviews"
    __table_args__ = (
        UniqueConstraint("diary_id", "interview_id", name="uq_diary_interviews_diary_interview"),
        CheckConstraint("language IN ('uk', 'ru', 'en')", name="language"),
        Index("ix_diary_interviews_interview_id", "interview_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    diary_id: Mapped[str] = mapped_column(String(32), _diary_fk())
    interview_id: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(2))
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    done: Mapped[bool] = mapped_column(Boolean)
    kb_version: Mapped[str] = mapped_column(String(32))
    #: The medicines confirmed by name (INN and ATC code), as the interview's.
    medicines: Mapped[list[dict[str, str]] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True
    )
    interview_created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class DiaryShare(Base):
    """A read-only link for a doctor (migration ``0004_diary_shares``).

    Only the SHA-256 of the link's random token is stored. The link works
    until ``expires_at`` unless ``revoked_at`` is set.
    """

    __tablename__ = "diary_shares"
    __table_args__ = (Index("ix_diary_shares_diary_id", "diary_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    diary_id: Mapped[str] = mapped_column(String(32), _diary_fk())
    #: SHA-256 (hex) of the link's token.
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class DiaryShareView(Base):
    """One opening of a share link: when, and which browser on which system (ids such as
    ``chrome`` and ``android``, nightlegs.diary.user_agents). The User-Agent itself is not
    kept (migration ``0006_share_view_browser`` converted the rows that held it)."""

    __tablename__ = "diary_share_views"
    __table_args__ = (Index("ix_diary_share_views_share_id", "share_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("diary_shares.id", ondelete="CASCADE")
    )
    viewed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    browser: Mapped[str] = mapped_column(String(16))
    system: Mapped[str] = mapped_column(String(16))
