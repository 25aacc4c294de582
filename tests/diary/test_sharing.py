"""Sharing a diary with a doctor: the service and the API, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

import pytest
from sqlalchemy import delete, inspect, select, text, update
from starlette.testclient import TestClient

from nightlegs.services import diaries, sharing
from nightlegs.store import make_engine, migrate
from nightlegs.store.diary_models import Diary as DiaryRow
from nightlegs.store.diary_models import DiaryShare, DiaryShareView
from nightlegs.store.models import utcnow
from tests.diary.conftest import Diary, diary_row
from tests.fixtures.databases import app_sessions, count_rows

pytestmark = pytest.mark.every_database

NOW = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC)
SHARE_TABLES = {"diary_shares", "diary_share_views"}
URL_SAFE = re.compile(r"^[A-Za-z0-9_-]+$")
ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36"
)
BODY: dict[str, Any] = {
    "symptoms": ["cramp"],
    "episodes": 1,
    "severity": 5,
    "minutes_awake": 10,
    "note": "left calf",
}


# --- the service ----------------------------------------------------------------------


def test_the_sharing_migration_goes_down_one_step_and_up(settings):
    migrate.upgrade(settings, "0004")  # the sharing migration, before those after it
    assert migrate.current(settings) == "0004"
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            found = inspect(connection)
            assert set(found.get_table_names()) >= SHARE_TABLES
            shares = found.get_foreign_keys("diary_shares")
            views = found.get_foreign_keys("diary_share_views")
            assert [(k["referred_table"], k["options"].get("ondelete")) for k in shares] == [
                ("diaries", "CASCADE")
            ]
            assert [(k["referred_table"], k["options"].get("ondelete")) for k in views] == [
                ("diary_shares", "CASCADE")
            ]
        migrate.downgrade(settings, "-1")
        assert migrate.current(settings) == "0003"
        with engine.connect() as connection:
            names = set(inspect(connection).get_table_names())
        assert not SHARE_TABLES & names
        assert "diaries" in names
        migrate.upgrade(settings, "0004")
        assert migrate.current(settings) == "0004"
    finally:
        engine.dispose()


def test_create_share_defaults_to_14_days_and_stores_only_the_digest(sessions):
    diary_id = diary_row(sessions)
    with sessions.begin() as session:
        info, token = sharing.create_share(session, diary_id, now=NOW)
    assert info.expires_at == NOW + dt.timedelta(days=14)
    assert info.created_at == NOW
    assert info.active
    assert info.revoked_at is None
    assert info.views == []
    # At least 128 random bits, URL-safe: 32 bytes in base64url are 43 characters.
    assert len(token) >= 43
    assert URL_SAFE.match(token)
    with sessions() as session:
        row = session.get_one(DiaryShare, info.id)
        stored = [row.id, row.diary_id, row.token_digest]
    assert row.token_digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in " ".join(stored)


@pytest.mark.parametrize("days", [1, 90])
def test_a_share_lasts_1_to_90_days(sessions, days):
    diary_id = diary_row(sessions)
    with sessions.begin() as session:
        info, _ = sharing.create_share(session, diary_id, days=days, now=NOW)
    assert info.expires_at - info.created_at == dt.timedelta(days=days)


@pytest.mark.parametrize("days", [0, -1, 91, 365, True])
def test_other_durations_are_refused(sessions, days):
    diary_id = diary_row(sessions)
    with sessions.begin() as session, pytest.raises(ValueError, match="days"):
        sharing.create_share(session, diary_id, days=days, now=NOW)
    assert count_rows(sessions, DiaryShare) == 0


def test_opening_a_share_logs_a_view_the_owner_sees(sessions):
    diary_id = diary_row(sessions)
    with sessions.begin() as session:
        info, token = sharing.create_share(session, diary_id, now=NOW)
    later = NOW + dt.timedelta(hours=1)
    with sessions.begin() as session:
        assert sharing.open_share(session, token, user_agent=ANDROID_CHROME, now=later) == (
            diary_id
        )
    with sessions.begin() as session:
        agent = "x" * 500 + "\x00"
        assert sharing.open_share(session, token, user_agent=agent, now=later) == diary_id
        assert sharing.open_share(session, token, user_agent=None, now=later) == diary_id
    with sessions() as session:
        listed = sharing.list_shares(session, diary_id, now=later)
        stored = session.execute(select(DiaryShareView)).scalars().all()
        columns = [
            str(getattr(row, c.key)) for row in stored for c in DiaryShareView.__table__.columns
        ]
    assert [s.id for s in listed] == [info.id]
    views = listed[0].views
    assert [(v.browser, v.system) for v in views] == [
        ("chrome", "android"),
        ("unknown", "unknown"),
        ("unknown", "unknown"),
    ]
    assert all(v.viewed_at == later for v in views)
    # Only the summary is kept: nothing of the User-Agent string beyond it.
    for piece in ("SM-A546B", "131.0", "Mozilla", "Linux", "xxx"):
        assert not any(piece in column for column in columns), piece


def test_unknown_revoked_and_expired_links_open_nothing(sessions):
    diary_id = diary_row(sessions)
    with sessions.begin() as session:
        revoked, revoked_token = sharing.create_share(session, diary_id, now=NOW)
        expiring, expiring_token = sharing.create_share(session, diary_id, days=1, now=NOW)
        assert sharing.revoke_share(session, diary_id, revoked.id, now=NOW)
    with sessions.begin() as session:
        for token in ("", "nope", "x" * 10_000, revoked_token):
            assert sharing.open_share(session, token, user_agent="a", now=NOW) is None
        just_before = expiring.expires_at - dt.timedelta(seconds=1)
        assert sharing.open_share(session, expiring_token, user_agent="a", now=just_before)
        assert (
            sharing.open_share(session, expiring_token, user_agent="a", now=expiring.expires_at)
            is None
        )
    assert count_rows(sessions, DiaryShareView) == 1
    with sessions() as session:
        listed = {s.id: s for s in sharing.list_shares(session, diary_id, now=NOW)}
    assert listed[revoked.id].revoked_at == NOW
    assert not listed[revoked.id].active
    assert listed[expiring.id].active


def test_revoking_is_for_the_owner_and_keeps_the_first_time(sessions):
    mine, theirs = diary_row(sessions), diary_row(sessions)
    with sessions.begin() as session:
        info, token = sharing.create_share(session, mine, now=NOW)
        assert not sharing.revoke_share(session, theirs, info.id, now=NOW)
        assert not sharing.revoke_share(session, mine, "no-such-share", now=NOW)
        assert sharing.open_share(session, token, user_agent=None, now=NOW) == mine
        assert sharing.revoke_share(session, mine, info.id, now=NOW)
        assert sharing.revoke_share(session, mine, info.id, now=NOW + dt.timedelta(days=1))
    with sessions() as session:
        assert session.get_one(DiaryShare, info.id).revoked_at == NOW
        assert sharing.list_shares(session, theirs) == []


def test_deleting_the_diary_deletes_its_shares_and_views(sessions):
    mine, theirs = diary_row(sessions), diary_row(sessions)
    with sessions.begin() as session:
        _, token = sharing.create_share(session, mine, now=NOW)
        _, kept = sharing.create_share(session, theirs, now=NOW)
        sharing.open_share(session, token, user_agent="a", now=NOW)
        sharing.open_share(session, kept, user_agent="b", now=NOW)
    with sessions.begin() as session:
        assert diaries.delete_diary(session, mine)
    assert count_rows(sessions, DiaryShare, diary_id=mine) == 0
    assert count_rows(sessions, DiaryShare, diary_id=theirs) == 1
    assert count_rows(sessions, DiaryShareView) == 1
    with sessions.begin() as session:
        assert sharing.open_share(session, token, user_agent=None, now=NOW) is None


def test_the_database_cascades_too(sessions):
    """Foreign keys are on (SQLite's pragma, PostgreSQL always): deleting the diary row
    alone takes its links and their logs with it."""
    diary_id = diary_row(sessions)
    with sessions.begin() as session:
        _, token = sharing.create_share(session, diary_id, now=NOW)
        sharing.open_share(session, token, user_agent="a", now=NOW)
    with sessions.begin() as session:
        if session.get_bind().dialect.name == "sqlite":
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        session.execute(delete(DiaryRow).where(DiaryRow.id == diary_id))
    assert count_rows(sessions, DiaryShare) == 0
    assert count_rows(sessions, DiaryShareView) == 0


def test_the_export_lists_shares_with_their_views(sessions):
    diary_id = diary_row(sessions)
    with sessions.begin() as session:
        info, token = sharing.create_share(session, diary_id, now=NOW)
        sharing.open_share(session, token, user_agent=ANDROID_CHROME, now=NOW)
    with sessions() as session:
        exported = sharing.export_shares(session, diary_id)
        digest = session.get_one(DiaryShare, info.id).token_digest
    assert exported[0]["id"] == info.id
    [view] = exported[0]["views"]
    assert (when(view["viewed_at"]), view["browser"], view["system"]) == (
        NOW,
        "chrome",
        "android",
    )
    assert token not in str(exported)
    assert digest not in str(exported)


# --- the API --------------------------------------------------------------------------


def share(diary: Diary, body: Any = None) -> Any:
    if body is None:
        return diary.client.post(diary.url("/shares"), headers=diary.headers)
    return diary.post("/shares", body)


def shared(client: TestClient, token: str, **headers: str) -> Any:
    return client.get(f"/api/v1/shared/{token}", headers=headers)


def when(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def test_api_create_share_defaults_to_14_days(client, diary):
    before = utcnow()
    response = share(diary)
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    data = response.json()
    assert set(data) == {"id", "token", "expires_at", "path"}
    assert data["path"] == f"/uk/shared/{data['token']}"  # the server's default language
    lasts = when(data["expires_at"]) - before
    assert dt.timedelta(days=14) <= lasts < dt.timedelta(days=14, minutes=1)
    assert len(data["token"]) >= 43
    assert URL_SAFE.match(data["token"])


def test_api_share_days_and_language(diary):
    response = share(diary, {"days": 90, "lang": "en"})
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["path"] == f"/en/shared/{data['token']}"
    assert when(data["expires_at"]) - utcnow() > dt.timedelta(days=89, hours=23)


@pytest.mark.parametrize(
    "body",
    [{"days": 91}, {"days": 0}, {"days": "14"}, {"days": 1.5}, {"lang": "de"}, {"extra": 1}],
)
def test_api_bad_share_requests_are_422(client, diary, body):
    response = share(diary, body)
    assert response.status_code == 422, response.text
    assert count_rows(client, DiaryShare) == 0


def test_api_opening_a_link_shows_the_diary_read_only_and_logs_it(client, diary, new_diary, today):
    other = new_diary()
    assert diary.put(today, BODY).status_code == 201
    assert other.put(today, {**BODY, "note": "someone else's night"}).status_code == 201
    created = share(diary, {"days": 7}).json()

    firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
    response = shared(client, created["token"], **{"User-Agent": firefox})
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    data = response.json()
    assert set(data) == {"summary", "entries", "assessment"}
    assert [e["note"] for e in data["entries"]] == ["left calf"]
    assert data["summary"]["entries"] == 1
    assert data["assessment"]["provisional"] is True
    assert diary.id not in response.text
    assert other.id not in response.text

    listed = diary.get("/shares")
    assert listed.status_code == 200
    [item] = listed.json()
    assert item["id"] == created["id"]
    assert item["active"] is True
    assert set(item) == {"id", "created_at", "expires_at", "revoked_at", "active", "views"}
    assert [(v["browser"], v["system"]) for v in item["views"]] == [("firefox", "windows")]
    assert other.get("/shares").json() == []

    # The link is read-only: nothing else answers to it.
    for method in ("post", "put", "delete"):
        assert getattr(client, method)(f"/api/v1/shared/{created['token']}").status_code == 405


def test_api_revoked_expired_and_unknown_links_are_the_same_404(client, diary):
    revoked = share(diary).json()
    expired = share(diary).json()
    assert shared(client, revoked["token"]).status_code == 200
    assert diary.delete(f"/shares/{revoked['id']}").status_code == 204
    assert diary.delete(f"/shares/{revoked['id']}").status_code == 204  # already revoked
    with app_sessions(client).begin() as session:
        session.execute(
            update(DiaryShare)
            .where(DiaryShare.id == expired["id"])
            .values(expires_at=utcnow() - dt.timedelta(seconds=1))
        )
    answers = [
        shared(client, token)
        for token in (revoked["token"], expired["token"], "unknown-token", "x" * 5000)
    ]
    assert {a.status_code for a in answers} == {404}
    assert len({a.text for a in answers}) == 1

    states = {s["id"]: s for s in diary.get("/shares").json()}
    assert states[revoked["id"]]["active"] is False
    assert states[revoked["id"]]["revoked_at"] is not None
    assert len(states[revoked["id"]]["views"]) == 1
    assert states[expired["id"]]["active"] is False
    assert states[expired["id"]]["revoked_at"] is None
    assert count_rows(client, DiaryShareView) == 1


def test_api_another_diary_cannot_list_or_revoke(client, diary, new_diary):
    other = new_diary()
    mine = share(diary).json()
    theirs = share(other).json()
    for response in (
        client.get(diary.url("/shares"), headers=other.headers),
        client.post(diary.url("/shares"), headers=other.headers),
        client.delete(diary.url(f"/shares/{mine['id']}"), headers=other.headers),
        diary.delete(f"/shares/{theirs['id']}"),  # their link under my diary
        diary.delete("/shares/no-such-share"),
    ):
        assert response.status_code == 404, response.request.url
    assert shared(client, mine["token"]).status_code == 200
    assert shared(client, theirs["token"]).status_code == 200
    assert client.get(diary.url("/shares")).status_code == 401


def test_api_cookie_only_changes_must_come_from_our_pages(client, diary):
    client.cookies.set("nightlegs_diary", diary.token)
    try:
        assert client.get(diary.url("/shares")).status_code == 200
        cross = client.post(diary.url("/shares"), headers={"Sec-Fetch-Site": "cross-site"})
        assert cross.status_code == 403
        same = client.post(diary.url("/shares"), headers={"Sec-Fetch-Site": "same-origin"})
        assert same.status_code == 201
        revoke = client.delete(
            diary.url(f"/shares/{same.json()['id']}"), headers={"Origin": "https://evil.example"}
        )
        assert revoke.status_code == 403
        assert client.get(diary.url("/shares")).json()[0]["active"] is True
    finally:
        client.cookies.clear()


def test_api_deleting_the_diary_deletes_shares_and_views(client, diary, new_diary):
    other = new_diary()
    mine = share(diary).json()
    kept = share(other).json()
    shared(client, mine["token"])
    shared(client, kept["token"])
    assert (count_rows(client, DiaryShare), count_rows(client, DiaryShareView)) == (2, 2)
    assert diary.delete(params={"confirm": "delete"}).status_code == 204
    assert shared(client, mine["token"]).status_code == 404
    with app_sessions(client)() as session:
        assert (
            session.scalars(select(DiaryShare).where(DiaryShare.diary_id == diary.id)).all() == []
        )
        left = session.scalars(select(DiaryShareView.share_id)).all()
    assert left == [kept["id"]]
    assert shared(client, kept["token"]).status_code == 200


def test_api_json_export_includes_shares_and_views(client, diary):
    created = share(diary).json()
    share(diary, {"days": 30})
    shared(client, created["token"], **{"User-Agent": ANDROID_CHROME})
    diary.delete(f"/shares/{created['id']}")
    response = diary.get("/export/json")
    assert response.status_code == 200
    links = {link["id"]: link for link in response.json()["share_links"]}
    assert len(links) == 2
    assert [(v["browser"], v["system"]) for v in links[created["id"]]["views"]] == [
        ("chrome", "android")
    ]
    assert links[created["id"]]["revoked_at"] is not None
    with app_sessions(client)() as session:
        digests = session.scalars(select(DiaryShare.token_digest)).all()
    for secret in (created["token"], *digests):
        assert secret not in response.text
