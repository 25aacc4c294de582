"""Fixtures of the HTTP-layer tests: a Redis server (the clean environment comes from the
root conftest).

The Redis tests use the database ``NIGHTLEGS_TEST_REDIS_URL`` (default
``redis://127.0.0.1:6379/13``, a database number of their own) and keys of
their own (a client address made up for each test), so parallel and repeated
runs never meet; they delete their keys afterwards. A Redis that does not
answer fails them, unless ``NIGHTLEGS_SKIP_REDIS=1`` asks for a skip (``.ci/run``
starts one).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import pytest
import redis

TEST_REDIS_URL = "NIGHTLEGS_TEST_REDIS_URL"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get(TEST_REDIS_URL, "").strip() or DEFAULT_REDIS_URL
    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        message = (
            f"Redis at {url} does not answer ({type(error).__name__}): start it "
            "(apt-get install -y redis-server; redis-server --daemonize yes), set "
            f"{TEST_REDIS_URL}, or set NIGHTLEGS_SKIP_REDIS=1 to skip these tests"
        )
        if os.environ.get("NIGHTLEGS_SKIP_REDIS") == "1":
            pytest.skip(f"REDIS TESTS SKIPPED on request (NIGHTLEGS_SKIP_REDIS=1): {message}")
        pytest.fail(message)
    finally:
        client.close()
    return url


@pytest.fixture
def client_address(redis_url: str) -> Iterator[str]:
    """A made-up client address (IPv6 documentation range) used by this test alone;
    its rate-limit keys (and those of addresses that start with it) are deleted
    afterwards."""
    address = f"2001:db8::{secrets.token_hex(2)}:{secrets.token_hex(2)}"
    yield address
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"nightlegs:*/{address}*"))
        if keys:
            client.delete(*keys)
    finally:
        client.close()
