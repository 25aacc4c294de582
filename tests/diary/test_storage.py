"""The diary's tables on SQLite and PostgreSQL: migrations, constraints, concurrency."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete, func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from starlette.testclient import TestClient

from nightlegs.app import create_app
from nightlegs.diary.model import EntryBody
from nightlegs.services.diary_rows import entry_fields
from nightlegs.store import diary_repository as repo
from nightlegs.store import make_engine, migrate
from nightlegs.store.diary_models import Diary, DiaryEntry, DiaryInterview, DiaryToken
from nightlegs.store.models import Base, Interview, utcnow
from tests.diary.conftest import diary_row
from tests.fixtures.databases import table_names

pytestmark = pytest.mark.every_database

DIARY_TABLES = {"diaries", "diary_tokens", "diary_entries", "diary_interviews"}
NIGHT = dt.date(2026, 11, 20)


def test_the_diary_migration_goes_up_down_and_up(settings):
    migrate.upgrade(settings)
    assert table_names(settings) >= DIARY_TABLES
    head = migrate.current(settings)
    assert head == migrate.head()

    migrate.downgrade(settings, "0002")  # below the diary (0003) and what builds on it
    assert migrate.current(settings) == "0002"
    assert not DIARY_TABLES & table_names(settings)
    assert "interviews" in table_names(settings)

    migrate.upgrade(settings)
    assert migrate.current(settings) == head
    assert table_names(settings) >= DIARY_TABLES


def test_from_empty_to_head_the_schema_matches_the_models(settings):
    assert migrate.current(settings) is None
    migrate.upgrade(settings)
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            keys = inspect(connection).get_foreign_keys("diary_entries")
    finally:
        engine.dispose()
    assert [k["options"].get("ondelete") for k in keys] == ["CASCADE"]


def test_two_simultaneous_writes_of_one_night_leave_one_entry(sessions):
    diary_id = diary_row(sessions)
    bodies = [
        EntryBody(symptoms=["cramp"], severity=7, note="first"),
        EntryBody(symptoms=[], note="second"),
    ]
    for round_ in range(8):
        night = NIGHT - dt.timedelta(days=round_)
        barrier = threading.Barrier(2)

        def write(body: EntryBody, night: dt.date = night, barrier=barrier) -> bool:
            barrier.wait()
            with sessions.begin() as session:  # a session of its own per thread
                return repo.put_entry(session, diary_id, night, entry_fields(body))[1]

        with ThreadPoolExecutor(max_workers=2) as pool:
            created = list(pool.map(write, bodies))
        assert sorted(created) == [False, True]
        with sessions() as session:
            stored = session.scalars(
                select(DiaryEntry).where(DiaryEntry.diary_id == diary_id, DiaryEntry.night == night)
            ).all()
        assert len(stored) == 1
        assert stored[0].note in ("first", "second")


def test_one_entry_per_night_is_a_constraint(sessions):
    diary_id = diary_row(sessions)
    now = utcnow()
    fields = {
        "diary_id": diary_id,
        "night": NIGHT,
        "symptoms": [],
        "episodes": 0,
        "severity": 0,
        "minutes_awake": 0,
        "triggers": [],
        "tried": [],
        "note": "",
        "created_at": now,
        "updated_at": now,
    }
    with sessions.begin() as session:
        session.add(DiaryEntry(**fields))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(DiaryEntry(**fields))
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(DiaryEntry(**{**fields, "night": NIGHT - dt.timedelta(days=1), "severity": 11}))


def add_interview(sessions, interview_id: str = "i" * 22) -> Interview:
    now = utcnow()
    with sessions.begin() as session:
        interview = Interview(
            id=interview_id,
            language="en",
            values={"fever": "absent"},
            asked=[],
            pending=None,
            done=True,
            kb_version="2026.11.0",
            kb_hash="h" * 64,
            created_at=now,
            updated_at=now,
        )
        session.add(interview)
    return interview


def test_deleting_the_diary_row_cascades(sessions):
    diary_id = diary_row(sessions)
    interview = add_interview(sessions)
    with sessions.begin() as session:
        repo.put_entry(session, diary_id, NIGHT, entry_fields(EntryBody(symptoms=[])))
        repo.create_token(session, diary_id, "d" * 64, ttl=dt.timedelta(hours=1))
        repo.save_interview(session, diary_id, interview)
    with sessions.begin() as session:  # the database's own ON DELETE CASCADE
        session.execute(delete(Diary).where(Diary.id == diary_id))
    with sessions() as session:
        for model in (DiaryEntry, DiaryToken, DiaryInterview):
            assert session.scalar(select(func.count()).select_from(model)) == 0, model
        assert session.get(Interview, interview.id) is not None  # only the repository deletes it


def test_saving_one_interview_twice_at_once_keeps_one_copy(sessions):
    diary_id = diary_row(sessions)
    interview = add_interview(sessions)
    barrier = threading.Barrier(2)

    def save(_: int) -> int:
        barrier.wait()
        with sessions.begin() as session:
            return repo.save_interview(session, diary_id, interview).id

    with ThreadPoolExecutor(max_workers=2) as pool:
        ids = set(pool.map(save, range(2)))
    assert len(ids) == 1
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(DiaryInterview)) == 1


def test_expired_tokens_are_not_live_and_get_swept(sessions):
    diary_id = diary_row(sessions)
    now = utcnow()
    with sessions.begin() as session:
        repo.create_token(session, diary_id, "a" * 64, ttl=dt.timedelta(hours=1), now=now)
        repo.create_token(
            session, diary_id, "b" * 64, ttl=dt.timedelta(hours=1), now=now - dt.timedelta(hours=2)
        )
    with sessions.begin() as session:
        assert repo.token_diary_id(session, "a" * 64) == diary_id
        assert repo.token_diary_id(session, "b" * 64) is None
        assert repo.delete_expired_tokens(session) == 1
        assert [t.token_hash for t in repo.list_tokens(session, diary_id)] == ["a" * 64]


def test_two_servers_on_one_database_see_each_others_writes(settings):
    migrate.upgrade(settings)
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        created = one.post("/api/v1/diaries").json()
        signed = two.post(
            "/api/v1/diaries/session", json={"recovery_code": created["recovery_code"]}
        )
        assert signed.status_code == 200
        headers = {"Authorization": f"Bearer {signed.json()['token']}"}
        url = f"/api/v1/diaries/{created['id']}/entries"
        assert two.put(f"{url}/{NIGHT}", json={"symptoms": []}, headers=headers).status_code == 201
        seen = one.get(url, headers={"Authorization": f"Bearer {created['token']}"}).json()
        assert [e["date"] for e in seen["entries"]] == [NIGHT.isoformat()]


def test_sqlite_runs_in_wal_mode(settings):
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    migrate.upgrade(settings)
    engine = make_engine(settings)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        engine.dispose()
