"""Migration 0006: each logged opening keeps its time and gets its browser and system;
the User-Agent strings go. On SQLite and PostgreSQL, up, down and up again."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, text

from nightlegs.store import make_engine, migrate

pytestmark = pytest.mark.every_database

SEEN = dt.datetime(2026, 11, 27, 7, 14)
AGENTS = {
    1: "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.6778.81 Mobile Safari/537.36",
    2: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    3: None,
    4: "Doctor's own browser",
    5: "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.6778.81 Mobile Safari/537.36",
}


def _fill(connection) -> None:
    connection.execute(
        text(
            "INSERT INTO diaries (id, lookup_key, code_hash, created_at) "
            "VALUES ('d1', 'k1', '$argon2id$x', :at)"
        ),
        {"at": SEEN},
    )
    connection.execute(
        text(
            "INSERT INTO diary_shares (id, diary_id, token_digest, created_at, expires_at) "
            "VALUES ('s1', 'd1', 'digest', :at, :until)"
        ),
        {"at": SEEN, "until": SEEN + dt.timedelta(days=14)},
    )
    for number, agent in AGENTS.items():
        connection.execute(
            text(
                "INSERT INTO diary_share_views (id, share_id, viewed_at, user_agent) "
                "VALUES (:id, 's1', :at, :agent)"
            ),
            {"id": number, "at": SEEN + dt.timedelta(minutes=number), "agent": agent},
        )


def test_views_keep_their_times_and_get_their_browsers(settings):
    migrate.upgrade(settings, "0005")
    engine = make_engine(settings)
    try:
        with engine.begin() as connection:
            _fill(connection)
        migrate.upgrade(settings, "0006")
        with engine.connect() as connection:
            columns = {c["name"] for c in inspect(connection).get_columns("diary_share_views")}
            rows = connection.execute(
                text("SELECT id, viewed_at, browser, system FROM diary_share_views ORDER BY id")
            ).all()
        assert "user_agent" not in columns
        assert [(r.id, r.browser, r.system) for r in rows] == [
            (1, "chrome", "android"),
            (2, "safari", "ios"),
            (3, "unknown", "unknown"),
            (4, "unknown", "unknown"),
            (5, "chrome", "android"),
        ]
        assert [_naive(r.viewed_at) for r in rows] == [
            SEEN + dt.timedelta(minutes=n) for n in AGENTS
        ]

        migrate.downgrade(settings, "0005")
        with engine.connect() as connection:
            back = connection.execute(
                text("SELECT id, user_agent FROM diary_share_views ORDER BY id")
            ).all()
        assert [r.user_agent for r in back] == [
            "Chrome/Android",
            "Safari/iOS",
            "unknown/unknown",
            "unknown/unknown",
            "Chrome/Android",
        ]
        migrate.upgrade(settings)
        with engine.connect() as connection:
            again = connection.execute(
                text("SELECT browser, system FROM diary_share_views ORDER BY id")
            ).all()
        assert [tuple(r) for r in again] == [(r.browser, r.system) for r in rows]
    finally:
        engine.dispose()


def _naive(value: dt.datetime | str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment
