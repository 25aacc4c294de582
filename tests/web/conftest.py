"""Fixtures for the page tests: a migrated SQLite file per test and clients on it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
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
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
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
def make_client(settings: Settings) -> Iterator[Callable[..., TestClient]]:
    """Clients on a migrated database (by default all on the same one)."""
    with ExitStack() as stack:
        apps: dict[int, object] = {}

        def make(custom: Settings | None = None, **headers: str) -> TestClient:
            chosen = custom or settings
            key = id(chosen)
            if key not in apps:
                migrate.upgrade(chosen)
                apps[key] = create_app(chosen)
            client = TestClient(apps[key], headers=headers)  # type: ignore[arg-type]
            return stack.enter_context(client)

        yield make


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
