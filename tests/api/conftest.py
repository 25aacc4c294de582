"""Fixtures for the API tests: a migrated SQLite file per test and a client on it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient

from nightlegs.app import create_app
from nightlegs.settings import Settings
from nightlegs.store import migrate


@pytest.fixture(autouse=True)
def _no_nightlegs_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings come from the test alone, not from the developer's environment."""
    for name in list(os.environ):
        if name.startswith("NIGHTLEGS_") and not name.startswith("NIGHTLEGS_TEST_"):
            monkeypatch.delenv(name)


@pytest.fixture
def make_settings(tmp_path) -> Callable[..., Settings]:
    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "database_url": f"sqlite:///{tmp_path / 'db' / 'nightlegs.db'}",
            **overrides,
        }
        return Settings.model_validate(values)

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
def make_client(settings) -> Iterator[Callable[..., TestClient]]:
    """Clients on migrated databases; each is closed (and its engine disposed) at the end."""
    with ExitStack() as stack:

        def make(custom: Settings | None = None) -> TestClient:
            chosen = custom or settings
            migrate.upgrade(chosen)
            return stack.enter_context(TestClient(create_app(chosen)))

        yield make


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def app(client) -> FastAPI:
    assert isinstance(client.app, FastAPI)
    return client.app
