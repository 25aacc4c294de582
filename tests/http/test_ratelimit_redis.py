"""Two real server processes on one Redis share one count per client address.

Each process has its own SQLite file (the rate limit is what is tested, not the
database), both count in the same Redis with a 5/minute start limit, and the
interview starts alternate between them: the sixth is refused (429) whichever
process gets it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import httpx2 as httpx
import pytest
import redis

from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.servers import server

START = "/api/v1/interviews"
# Two real server processes: seconds to start.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_servers(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    """Two ``nightlegs serve`` processes on one Redis: their base URLs."""
    tmp_path = tmp_path_factory.mktemp("two-servers")
    with ExitStack() as stack:
        bases = []
        for name in ("a", "b"):
            database = f"sqlite:///{tmp_path / f'{name}.db'}"
            migrate.upgrade(Settings(database_url=database))
            env = {
                "NIGHTLEGS_DATABASE_URL": database,
                "NIGHTLEGS_RATE_LIMIT_STORAGE": redis_url,
                "NIGHTLEGS_START_RATE_LIMIT": "5/minute",
                # The tests name their own client address, so that no two runs share keys.
                "NIGHTLEGS_TRUST_FORWARDED_FOR": "true",
                "NIGHTLEGS_LOG_LEVEL": "warning",
            }
            base, _process = stack.enter_context(server(env, tmp_path / f"{name}.log"))
            bases.append(base)
        yield bases


def start(base: str, address: str) -> httpx.Response:
    return httpx.post(
        f"{base}{START}", json={"language": "en"}, headers={"x-forwarded-for": address}
    )


@pytest.mark.parametrize("sixth", [0, 1], ids=["sixth-on-a", "sixth-on-b"])
def test_the_sixth_start_is_refused_whichever_process_gets_it(
    two_servers: list[str], client_address: str, sixth: int
) -> None:
    # Five starts alternate between the processes so that the sixth lands on `sixth`.
    order = [two_servers[(sixth + 1 + index) % 2] for index in range(5)]
    assert [start(base, client_address).status_code for base in order] == [201] * 5
    refused = start(two_servers[sixth], client_address)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.json()["detail"].startswith("too many interviews started")
    # The other process refuses it too, and another client is not affected.
    assert start(two_servers[1 - sixth], client_address).status_code == 429
    assert start(two_servers[sixth], f"{client_address}:1").status_code == 201


def test_the_count_lives_in_redis(
    two_servers: list[str], client_address: str, redis_url: str
) -> None:
    assert start(two_servers[0], client_address).status_code == 201
    client = redis.Redis.from_url(redis_url)
    try:
        keys = [key.decode() for key in client.scan_iter(match=f"nightlegs:*/{client_address}/*")]
        assert keys == [f"nightlegs:start/{client_address}/5/60/second"]
        assert 0 < int(client.ttl(keys[0])) <= 60  # type: ignore[arg-type]
    finally:
        client.close()
