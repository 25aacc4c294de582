"""Fixtures for the storage tests: each runs on SQLite and, if configured, on PostgreSQL.

PostgreSQL is used when ``NIGHTLEGS_TEST_DATABASE_URL`` is set (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/test``); each test then gets a
schema of its own (through ``search_path``), dropped afterwards, so parallel and
repeated runs never meet. Without the variable those tests are skipped.
"""

from __future__ import annotations

import pytest

from nightlegs.settings import Settings
from tests.databases import (
    TEST_DATABASE_URL,
    _no_nightlegs_environment,
    database_url,
    postgres_admin,
    postgres_url,
)

__all__ = [
    "TEST_DATABASE_URL",
    "_no_nightlegs_environment",
    "database_url",
    "postgres_admin",
    "postgres_url",
]


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url)
