"""The database tables, as typed SQLAlchemy 2 models.

Change a table only together with a new migration in ``migrations/versions``;
a test checks that the migrated schema matches these models.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, DateTime, Index, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so that migrations can refer to them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; use datetime.now(UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Interview(Base):
    """One person's interview: the evidence so far and the questions asked.

    ``values`` maps finding ids to normalised values (see ``engine.merge``).
    ``asked`` lists the questions answered so far, as
    ``{"question_id": str, "findings": [str, ...]}``; ``pending`` is the question
    handed out and not yet answered (same shape), or None.
    """

    __tablename__ = "interviews"
    __table_args__ = (
        CheckConstraint("language IN ('uk', 'ru', 'en')", name="language"),
        Index("ix_interviews_updated_at", "updated_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    language: Mapped[str] = mapped_column(String(2))
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    asked: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    pending: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    done: Mapped[bool] = mapped_column(Boolean)
    kb_version: Mapped[str] = mapped_column(String(32))
    kb_hash: Mapped[str] = mapped_column(String(64))
    #: The highest emergency triage level whose interruption page the person
    #: has seen and chosen to continue past (web pages), or None.
    acknowledged_level: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: SHA-256 of the secret in the cookie of the browser that started it (web
    #: pages), which alone may resume it there; None for the JSON API's.
    browser_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: The medicines confirmed by name on the medicines question, as
    #: ``[{"inn": str, "atc": str}, ...]`` (never the typed text), or None.
    medicines: Mapped[list[dict[str, str]] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
