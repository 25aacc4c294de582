"""Fixtures for the diary tests.

Storage and API tests run on SQLite and, when ``NIGHTLEGS_TEST_DATABASE_URL``
is set, again on PostgreSQL, each PostgreSQL test in a schema of its own
(dropped afterwards), as in tests/store. The server's secret key is a test
value and recovery codes are hashed with the cheap argon2 parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest
from starlette.testclient import TestClient

from nightlegs.app import create_app
from nightlegs.services import diaries
from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.databases import (
    TEST_DATABASE_URL,
    _no_nightlegs_environment,
    database_url,
    postgres_admin,
    postgres_url,
)

__all__ = [
    "SECRET",
    "TEST_DATABASE_URL",
    "_no_nightlegs_environment",
    "database_url",
    "postgres_admin",
    "postgres_url",
]

SECRET = "a-test-secret-key-that-is-long-enough-0123456789"


@pytest.fixture
def make_settings(database_url: str) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "database_url": database_url,
            "secret_key": SECRET,
            "recovery_code_hashing": "fast",
            **overrides,
        }
        return Settings.model_validate(values)

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
def make_client(settings: Settings) -> Iterator[Callable[..., TestClient]]:
    """Clients on the migrated database; each closed (its engine disposed) at the end."""
    with ExitStack() as stack:

        def make(custom: Settings | None = None) -> TestClient:
            chosen = custom or settings
            migrate.upgrade(chosen)
            return stack.enter_context(TestClient(create_app(chosen)))

        yield make


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


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
    return diaries.today()
