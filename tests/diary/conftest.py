"""Fixtures for the diary tests: settings with the diary on (the server's secret key is a
test value and recovery codes are hashed with the cheap argon2 parameters), and diaries
made through the API. The tests that store diaries are marked ``every_database``: they
run on SQLite and, when ``NIGHTLEGS_TEST_DATABASE_URL`` is set, PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from nightlegs.services import diaries
from nightlegs.settings import Settings
from nightlegs.store import diary_repository as repo
from tests.fixtures.apps import DIARY_ON, SECRET

__all__ = ["SECRET", "Diary", "diary_row"]


@pytest.fixture
def make_settings(make_settings: Callable[..., Settings]) -> Callable[..., Settings]:
    """The shared ``make_settings``, with the diary on unless an override says otherwise."""
    return partial(make_settings, **DIARY_ON)


def diary_row(sessions: sessionmaker[Session]) -> str:
    """A diary stored directly (no code to sign in with); its id."""
    with sessions.begin() as session:
        return repo.create_diary(session, lookup_key=repo.new_id(), code_hash="$argon2id$x").id


class Diary:
    """A diary made through the API, with its token's header."""

    def __init__(self, client: TestClient, data: dict[str, Any]) -> None:
        self.client = client
        self.id: str = data["id"]
        self.code: str = data["recovery_code"]
        self.token: str = data["token"]
        self.headers = {"Authorization": f"Bearer {self.token}"}

    def url(self, path: str = "") -> str:
        return f"/api/v1/diaries/{self.id}{path}"

    def get(self, path: str = "", **kwargs: Any) -> Any:
        return self.client.get(self.url(path), headers=self.headers, **kwargs)

    def put(self, night: dt.date | str, body: dict[str, Any]) -> Any:
        return self.client.put(self.url(f"/entries/{night}"), json=body, headers=self.headers)

    def post(self, path: str, body: Any) -> Any:
        return self.client.post(self.url(path), json=body, headers=self.headers)

    def delete(self, path: str = "", **kwargs: Any) -> Any:
        return self.client.delete(self.url(path), headers=self.headers, **kwargs)


@pytest.fixture
def new_diary(client: TestClient) -> Callable[[], Diary]:
    def make() -> Diary:
        response = client.post("/api/v1/diaries")
        assert response.status_code == 201, response.text
        return Diary(client, response.json())

    return make


@pytest.fixture
def diary(new_diary: Callable[[], Diary]) -> Diary:
    return new_diary()


@pytest.fixture
def today() -> dt.date:
    return diaries.today(Settings())
