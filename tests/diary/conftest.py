"""Fixtures for the diary tests.

Storage and API tests run on SQLite and, when ``NIGHTLEGS_TEST_DATABASE_URL``
is set, again on PostgreSQL, each PostgreSQL test in a schema of its own
(dropped afterwards), as in tests/store. The server's secret key is a test
value and recovery codes are hashed with the cheap argon2 parameters.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from nightlegs.api import create_app
from nightlegs.diary import service
from nightlegs.settings import Settings
from nightlegs.store import migrate

TEST_DATABASE_URL = "NIGHTLEGS_TEST_DATABASE_URL"
SECRET = "a-test-secret-key-that-is-long-enough-0123456789"


@pytest.fixture(autouse=True)
def _no_nightlegs_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("NIGHTLEGS_") and not name.startswith("NIGHTLEGS_TEST_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get(TEST_DATABASE_URL, "").strip()
    if not url:
        pytest.skip(f"PostgreSQL not configured: set {TEST_DATABASE_URL} to run this test")
    return Settings(database_url=url).database_url


@pytest.fixture(scope="session")
def postgres_admin(postgres_url: str) -> Iterator[Engine]:
    engine = create_engine(postgres_url)
    try:
        with engine.connect():
            pass
    except Exception as exc:  # the variable is set: an unreachable server is a failure
        engine.dispose()
        pytest.fail(f"{TEST_DATABASE_URL} is set but PostgreSQL is unreachable: {exc}")
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db' / 'nightlegs.db'}"
        return
    base = request.getfixturevalue("postgres_url")
    admin: Engine = request.getfixturevalue("postgres_admin")
    schema = f"nightlegs_test_{secrets.token_hex(6)}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')


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
    return service.today()
