"""Where the rate limits count: memory or Redis, the fallback when Redis is down,
the setting, and ``nightlegs serve --workers``."""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from pydantic import ValidationError
from redis.exceptions import ConnectionError as RedisConnectionError
from typer.testing import CliRunner

from nightlegs.cli import app as cli
from nightlegs.cli import workers as several
from nightlegs.http.ratelimit import RateLimiter
from nightlegs.rates import Rate
from nightlegs.settings import Settings
from tests.servers import free_port

# -- the setting ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("memory://", "memory://"),
        (" redis://127.0.0.1:6379/0 ", "redis://127.0.0.1:6379/0"),
        ("REDIS://cache:6379", "redis://cache:6379"),
        ("rediss://:secret@cache.example:6380/2", "rediss://:secret@cache.example:6380/2"),
        ("redis+unix:///run/redis/redis.sock", "redis+unix:///run/redis/redis.sock"),
    ],
)
def test_storage_urls(given: str, expected: str) -> None:
    assert Settings(rate_limit_storage=given).rate_limit_storage == expected


def test_the_default_is_memory() -> None:
    assert Settings().rate_limit_storage == "memory://"


@pytest.mark.parametrize(
    "given",
    [
        "memcached://cache:11211",
        "http://:hunter2@cache:6379",
        "cache:6379",
        "",
        "redis://",
        "memory://somewhere",
    ],
)
def test_other_storages_are_refused_without_echoing_a_password(given: str) -> None:
    with pytest.raises(ValidationError, match="rate_limit_storage") as error:
        Settings(rate_limit_storage=given)
    # The message (what `nightlegs` prints) names the scheme, never the password.
    (problem,) = error.value.errors()
    assert "hunter2" not in problem["msg"]
    assert "memory://" in problem["msg"] or "needs a host" in problem["msg"]


def test_the_command_line_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, uvicorn_calls: list[Any]
) -> None:
    result = invoke(["serve"], monkeypatch, NIGHTLEGS_RATE_LIMIT_STORAGE="http://:hunter2@x:1")
    assert result.exit_code == 2
    assert "NIGHTLEGS_RATE_LIMIT_STORAGE" in result.stderr
    assert "not 'http'" in result.stderr
    assert "hunter2" not in result.output
    assert uvicorn_calls == []


# -- Redis shared by two limiters (two processes, or two machines) ------------------------


def test_two_limiters_on_one_redis_share_one_count(redis_url: str, client_address: str) -> None:
    first = RateLimiter(redis_url, {"start": Rate(3, 60)})
    second = RateLimiter(redis_url, {"start": Rate(3, 60)})
    try:
        assert first.shared
        waits = [(first, second)[index % 2].hit("start", client_address) for index in range(4)]
        assert waits[:3] == [0, 0, 0]
        assert 59 < waits[3] <= 60
        assert second.hit("start", client_address) > 0
        # The diary's limit is another count.
        assert first.hit("diary", client_address) == 0  # off here
    finally:
        first.close()
        second.close()


def test_redis_and_memory_agree_on_a_refused_hit(redis_url: str, client_address: str) -> None:
    """A refused hit is not counted, in Redis as in memory."""
    for url in (redis_url, "memory://"):
        limiter = RateLimiter(url, {"diary": Rate(1, 2)})
        key = f"{client_address}:{url[:5]}"
        assert limiter.hit("diary", key) == 0
        assert 0 < limiter.hit("diary", key) <= 2
        limiter.close()


# -- Redis down: a warning, and the limit still holds in each process ----------------------


def test_an_unreachable_redis_falls_back_to_memory(caplog: pytest.LogCaptureFixture) -> None:
    limiter = RateLimiter(f"redis://:hunter2@127.0.0.1:{free_port()}/0", {"start": Rate(2, 60)})
    with caplog.at_level(logging.WARNING, logger="nightlegs.ratelimit"):
        waits = [limiter.hit("start", "192.0.2.77") for _ in range(3)]
    assert waits[:2] == [0, 0]
    assert waits[2] > 0  # still limited, in this process's memory
    (record,) = caplog.records  # one warning for the outage, not one per request
    message = record.getMessage()
    assert "ConnectionError" in message
    assert "192.0.2.77" not in message
    assert "hunter2" not in message
    assert "127.0.0.1" not in message


class FlakyRedis:
    """Stands for the shared strategy: down until ``up`` is set."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.up = False
        self.calls = 0

    def hit(self, *args: Any) -> bool:
        self.calls += 1
        if not self.up:
            raise RedisConnectionError("Error 111 connecting to redis.internal:6379.")
        return bool(self.real.hit(*args))

    def get_window_stats(self, *args: Any) -> Any:
        return self.real.get_window_stats(*args)


def test_redis_is_asked_again_after_a_while_and_used_when_back(
    redis_url: str, client_address: str, caplog: pytest.LogCaptureFixture
) -> None:
    limiter = RateLimiter(redis_url, {"start": Rate(5, 60)}, retry_shared_after=3600)
    flaky = FlakyRedis(limiter._shared)
    limiter._shared = flaky  # type: ignore[assignment]
    with caplog.at_level(logging.WARNING, logger="nightlegs.ratelimit"):
        assert limiter.hit("start", client_address) == 0
        assert limiter.hit("start", client_address) == 0
        assert flaky.calls == 1  # not asked again within retry_shared_after
        limiter._retry_shared_after = 0
        limiter._shared_down_until = 0.0
        flaky.up = True
        assert limiter.hit("start", client_address) == 0
        assert flaky.calls == 2
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert "did not answer (ConnectionError)" in messages[0]
    assert "answers again" in messages[1]
    assert not any("redis.internal" in message for message in messages)
    limiter.close()


# -- nightlegs serve --workers ------------------------------------------------------------


def invoke(args: list[str], monkeypatch: pytest.MonkeyPatch, **env: str) -> Any:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return CliRunner().invoke(cli, args, env={"COLUMNS": "240", "NO_COLOR": "1"})


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, dict[str, Any]]]:
    """What ``nightlegs serve`` hands to uvicorn: ``(app, options)`` for one worker,
    ``(workers, options)`` for several."""
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setattr(several, "run", lambda workers, **kw: calls.append((workers, kw)))
    return calls


def test_one_worker_by_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, uvicorn_calls: list[Any]
) -> None:
    result = invoke(["serve"], monkeypatch, NIGHTLEGS_DATABASE_URL=f"sqlite:///{tmp_path}/n.db")
    assert result.exit_code == 0, result.output
    ((app, options),) = uvicorn_calls
    assert isinstance(app, FastAPI)
    assert "workers" not in options


def test_several_workers_run_the_factory(
    monkeypatch: pytest.MonkeyPatch, uvicorn_calls: list[Any], redis_url: str
) -> None:
    result = invoke(
        ["serve", "--workers", "4", "--port", "9000"],
        monkeypatch,
        NIGHTLEGS_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/test",
        NIGHTLEGS_RATE_LIMIT_STORAGE=redis_url,
    )
    assert result.exit_code == 0, result.output
    ((workers, options),) = uvicorn_calls
    assert workers == 4
    assert (options["host"], options["port"], options["proxy_headers"]) == (
        "127.0.0.1",
        9000,
        False,
    )
    assert several.APP == "nightlegs.app:create_app"


def test_the_shared_socket_says_tcp_so_replies_are_not_held_back() -> None:
    """uvicorn binds it with proto 0, and asyncio then leaves Nagle on (40 ms a request)."""
    config = uvicorn.Config(several.APP, factory=True, host="127.0.0.1", port=0, workers=2)
    bound = config.bind_socket()
    address = bound.getsockname()
    listener = several.tcp_listener(bound)
    try:
        assert listener.proto == socket.IPPROTO_TCP
        assert listener.getsockname() == address
        listener.listen()  # as asyncio does in each worker
        with socket.create_connection(address, timeout=5):
            accepted, _peer = listener.accept()
            with accepted:
                assert accepted.proto == socket.IPPROTO_TCP  # asyncio sets TCP_NODELAY on it
    finally:
        listener.close()


def test_sqlite_with_several_workers_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, uvicorn_calls: list[Any]
) -> None:
    result = invoke(
        ["serve", "--workers", "2"],
        monkeypatch,
        NIGHTLEGS_DATABASE_URL=f"sqlite:///{tmp_path}/n.db",
        NIGHTLEGS_RATE_LIMIT_STORAGE="redis://127.0.0.1:6379/0",
    )
    assert result.exit_code == 2
    assert "--workers 2 needs PostgreSQL" in result.stderr
    assert uvicorn_calls == []


@pytest.mark.parametrize(
    ("limits", "refused"),
    [({}, True), ({"NIGHTLEGS_START_RATE_LIMIT": "0", "NIGHTLEGS_DIARY_RATE_LIMIT": "0"}, False)],
)
def test_memory_limits_with_several_workers_are_refused(
    monkeypatch: pytest.MonkeyPatch,
    uvicorn_calls: list[Any],
    limits: dict[str, str],
    refused: bool,
) -> None:
    result = invoke(
        ["serve", "--workers", "3"],
        monkeypatch,
        NIGHTLEGS_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/test",
        **limits,
    )
    if refused:
        assert result.exit_code == 2
        assert "NIGHTLEGS_RATE_LIMIT_STORAGE=memory://" in result.stderr
        assert "3 times the rate limits" in result.stderr
        assert uvicorn_calls == []
    else:
        assert result.exit_code == 0, result.output
