"""Database fixtures shared by the storage and diary tests.

Each test using ``database_url`` runs on SQLite and, when
``NIGHTLEGS_TEST_DATABASE_URL`` is set (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/test``), again on PostgreSQL in
a schema of its own (through ``search_path``), dropped afterwards, so parallel
and repeated runs never meet. Without the variable those runs are skipped.
Import the fixtures into a ``conftest.py`` to use them.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from nightlegs.settings import Settings

__all__ = [
    "TEST_DATABASE_URL",
    "_no_nightlegs_environment",
    "database_url",
    "postgres_admin",
    "postgres_url",
]

TEST_DATABASE_URL = "NIGHTLEGS_TEST_DATABASE_URL"


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
