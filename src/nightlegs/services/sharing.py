"""Read-only links to a diary for a doctor, and the log of who opened them.

A share link carries a random token (32 bytes from :mod:`secrets`, URL-safe
base64: 256 bits, 43 characters); only its SHA-256 is stored, so the database
alone cannot open a diary. A link works for 1 to 90 days (14 unless the
person chooses), until revoked. Every opening is logged with its time and which
browser on which system opened it (nightlegs.diary.user_agents: the User-Agent itself
is not kept), and the person sees the log.
A link that is unknown, expired or revoked opens nothing: callers answer it
exactly as an unknown one (404).

As in :mod:`nightlegs.services.diaries`, every function takes an open session and
leaves the transaction to the caller; whoever passes a ``diary_id`` must have
checked that the request may use that diary.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nightlegs.diary import codes, user_agents
from nightlegs.store.diary_models import DiaryShare, DiaryShareView
from nightlegs.store.models import utcnow

__all__ = [
    "DEFAULT_DAYS",
    "MAX_DAYS",
    "MIN_DAYS",
    "ShareInfo",
    "ShareView",
    "create_share",
    "delete_shares",
    "export_shares",
    "list_shares",
    "open_share",
    "revoke_share",
]

DEFAULT_DAYS = 14
MIN_DAYS = 1
MAX_DAYS = 90
#: Longest token :func:`open_share` looks up; anything longer is no token of ours.
_MAX_TOKEN_LENGTH = 128


class ShareView(BaseModel):
    """One opening of a share link."""

    model_config = ConfigDict(frozen=True)

    viewed_at: dt.datetime
    browser: str = Field(
        description=(
            "the browser: chrome, safari, firefox, edge, opera, samsung, yandex, chromium, "
            "telegram, viber or unknown"
        )
    )
    system: str = Field(
        description="the system: android, ios, ipados, windows, macos, linux, chromeos or unknown"
    )


class ShareInfo(BaseModel):
    """A share link as its owner sees it (never its token)."""

    model_config = ConfigDict(frozen=True)

    id: str
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None
    active: bool = Field(description="neither revoked nor expired")
    views: list[ShareView] = Field(description="every opening, oldest first")


def create_share(
    session: Session, diary_id: str, *, days: int = DEFAULT_DAYS, now: dt.datetime | None = None
) -> tuple[ShareInfo, str]:
    """A new link to the diary, valid ``days`` days: its description and its token.

    The token is returned this once; only its SHA-256 is stored. Raises
    ``ValueError`` unless 1 ≤ ``days`` ≤ 90.
    """
    if isinstance(days, bool) or not isinstance(days, int) or not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"days must be a whole number from {MIN_DAYS} to {MAX_DAYS}")
    now = now or utcnow()
    token = codes.new_token()
    share = DiaryShare(
        id=secrets.token_urlsafe(16),
        diary_id=diary_id,
        token_digest=codes.token_digest(token),
        created_at=now,
        expires_at=now + dt.timedelta(days=days),
        revoked_at=None,
    )
    session.add(share)
    session.flush()
    return _info(share, [], now), token


def list_shares(
    session: Session, diary_id: str, *, now: dt.datetime | None = None
) -> list[ShareInfo]:
    """The diary's links, newest first, each with its views (oldest first)."""
    now = now or utcnow()
    shares = session.scalars(
        select(DiaryShare)
        .where(DiaryShare.diary_id == diary_id)
        .order_by(DiaryShare.created_at.desc(), DiaryShare.id)
    ).all()
    views: dict[str, list[ShareView]] = defaultdict(list)
    if shares:
        rows = session.execute(
            select(
                DiaryShareView.share_id,
                DiaryShareView.viewed_at,
                DiaryShareView.browser,
                DiaryShareView.system,
            )
            .join(DiaryShare, DiaryShare.id == DiaryShareView.share_id)
            .where(DiaryShare.diary_id == diary_id)
            .order_by(DiaryShareView.viewed_at, DiaryShareView.id)
        ).all()
        for share_id, viewed_at, browser, system in rows:
            views[share_id].append(ShareView(viewed_at=viewed_at, browser=browser, system=system))
    return [_info(share, views[share.id], now) for share in shares]


def revoke_share(
    session: Session, diary_id: str, share_id: str, *, now: dt.datetime | None = None
) -> bool:
    """Stop the link from working. False if the diary has no such link.

    Revoking a link already revoked keeps its first revocation time and answers True.
    """
    if "\x00" in share_id:  # no id holds NUL, and PostgreSQL refuses it in a query
        return False
    share = session.scalar(
        select(DiaryShare).where(DiaryShare.id == share_id, DiaryShare.diary_id == diary_id)
    )
    if share is None:
        return False
    if share.revoked_at is None:
        share.revoked_at = now or utcnow()
        session.flush()
    return True


def open_share(
    session: Session, token: str, *, user_agent: str | None, now: dt.datetime | None = None
) -> str | None:
    """The diary id of a live link, logging this view; None if unknown, expired or revoked.

    One indexed look-up by the token's digest and one insert, of the browser and system
    named by ``user_agent`` (the string itself is not stored).
    """
    if not token or len(token) > _MAX_TOKEN_LENGTH:
        return None
    now = now or utcnow()
    found = session.execute(
        select(DiaryShare.id, DiaryShare.diary_id).where(
            DiaryShare.token_digest == codes.token_digest(token),
            DiaryShare.revoked_at.is_(None),
            DiaryShare.expires_at > now,
        )
    ).one_or_none()
    if found is None:
        return None
    share_id, diary_id = found
    browser, system = user_agents.summarise(user_agent)
    session.add(DiaryShareView(share_id=share_id, viewed_at=now, browser=browser, system=system))
    session.flush()
    return str(diary_id)


def delete_shares(session: Session, diary_id: str) -> None:
    """Delete the diary's links and their logs (the foreign keys cascade too; this does
    not depend on SQLite's foreign-key switch)."""
    ids = select(DiaryShare.id).where(DiaryShare.diary_id == diary_id)
    session.execute(
        delete(DiaryShareView).where(DiaryShareView.share_id.in_(ids)),
        execution_options={"synchronize_session": False},
    )
    session.execute(
        delete(DiaryShare).where(DiaryShare.diary_id == diary_id),
        execution_options={"synchronize_session": False},
    )


def export_shares(session: Session, diary_id: str) -> list[dict[str, Any]]:
    """The diary's links with their logs, as JSON-ready dicts (for "download everything")."""
    return [share.model_dump(mode="json") for share in list_shares(session, diary_id)]


def _info(share: DiaryShare, views: list[ShareView], now: dt.datetime) -> ShareInfo:
    return ShareInfo(
        id=share.id,
        created_at=share.created_at,
        expires_at=share.expires_at,
        revoked_at=share.revoked_at,
        active=share.revoked_at is None and share.expires_at > now,
        views=views,
    )
