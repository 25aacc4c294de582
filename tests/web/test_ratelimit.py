"""The rate limit on starting interviews (issue 3, item 7)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import SimpleNamespace

import httpx2
import limits.storage.memory
import pytest
from starlette.testclient import TestClient

from nightlegs.evaluation.ways import HttpInterviewClient, http_interview_client
from nightlegs.http import ratelimit
from nightlegs.http.ratelimit import RateLimiter
from nightlegs.settings import Rate, Settings
from tests.api.helpers import neutral_answers

START = "/api/v1/interviews"


@pytest.fixture
def make_client(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]
) -> Callable[..., TestClient]:
    """``make_client(address, **overrides)``: a client of an app of its own, seen from
    ``address``."""

    def make(address: str = "203.0.113.1", **overrides: object) -> TestClient:
        return make_client(make_settings(**overrides), client=(address, 1234))

    return make


def start(client: TestClient, **headers: str) -> int:
    return client.post(START, json={"language": "en"}, headers=headers).status_code


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- over HTTP -------------------------------------------------------------------


def test_one_start_too_many_is_429_with_retry_after(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(start_rate_limit="3/minute")
    assert [start(client) for _ in range(3)] == [201, 201, 201]
    response = client.post(START, json={"language": "en"})
    assert response.status_code == 429
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= 60
    assert response.json() == {
        "detail": f"too many interviews started; try again in {retry_after} seconds"
    }
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_the_default_limit_is_on(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    assert [start(client) for _ in range(20)] == [201] * 20
    assert start(client) == 429


def test_another_address_is_not_affected(make_client: Callable[..., TestClient]) -> None:
    client = make_client(start_rate_limit="2/minute")
    assert [start(client) for _ in range(3)] == [201, 201, 429]
    # The same app, seen from another address.
    assert client.app is not None
    other = TestClient(client.app, client=("198.51.100.7", 1234))
    assert start(other) == 201


def test_answering_is_not_limited(make_client: Callable[..., TestClient]) -> None:
    client = make_client(start_rate_limit="1/minute")
    started = client.post(START, json={"language": "en"}).json()
    assert start(client) == 429
    step = started
    for _ in range(3):
        response = client.post(
            f"{START}/{started['id']}/answers", json={"answers": neutral_answers(step["question"])}
        )
        assert response.status_code == 200
        step = response.json()
        assert client.get(f"{START}/{started['id']}/result").status_code == 200


@pytest.mark.parametrize("off", ["0", "", " 0 "])
def test_0_or_empty_turns_it_off(make_client: Callable[..., TestClient], off: str) -> None:
    client = make_client(start_rate_limit=off)
    assert [start(client) for _ in range(30)] == [201] * 30


def test_forwarded_for_is_ignored_unless_trusted(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(start_rate_limit="1/minute")
    assert start(client, **{"x-forwarded-for": "192.0.2.1"}) == 201
    # A forged header does not buy a fresh allowance.
    assert start(client, **{"x-forwarded-for": "192.0.2.2"}) == 429


def test_behind_a_trusted_proxy_each_client_counts_alone(
    make_client: Callable[..., TestClient],
) -> None:
    # Every request comes from the proxy's address; the proxy appends the client's.
    proxy = make_client(address="127.0.0.1", start_rate_limit="1/minute", trust_forwarded_for=True)
    assert start(proxy, **{"x-forwarded-for": "192.0.2.1"}) == 201
    assert start(proxy, **{"x-forwarded-for": "192.0.2.1"}) == 429
    assert start(proxy, **{"x-forwarded-for": "192.0.2.2"}) == 201
    # The client cannot choose its address by sending its own header: the last one counts.
    assert start(proxy, **{"x-forwarded-for": "10.9.9.9, 192.0.2.1"}) == 429


# -- the limiter itself --------------------------------------------------------------


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A clock for limits' memory storage and for the limiter's waits (only there)."""
    clock = Clock()
    fake = SimpleNamespace(time=clock, monotonic=time.monotonic, perf_counter=time.perf_counter)
    monkeypatch.setattr(limits.storage.memory, "time", fake)
    monkeypatch.setattr(ratelimit, "time", fake)
    return clock


def test_the_window_slides(clock: Clock) -> None:
    limiter = RateLimiter("memory://", {"start": Rate(2, 60)})
    assert limiter.hit("start", "a") == 0
    clock.now += 30
    assert limiter.hit("start", "a") == 0
    assert limiter.hit("start", "a") == pytest.approx(30)
    # The first hit leaves the window (a hit exactly 60 s old still counts in limits).
    clock.now += 30.5
    assert limiter.hit("start", "a") == 0
    assert limiter.hit("start", "a") == pytest.approx(29.5)
    assert limiter.hit("start", "b") == 0


def test_refused_hits_are_not_counted(clock: Clock) -> None:
    limiter = RateLimiter("memory://", {"start": Rate(1, 10)})
    assert limiter.hit("start", "a") == 0
    for _ in range(5):
        clock.now += 1
        assert limiter.hit("start", "a") > 0
    clock.now += 5.5
    assert limiter.hit("start", "a") == 0


def test_each_limit_counts_on_its_own(clock: Clock) -> None:
    limiter = RateLimiter("memory://", {"start": Rate(1, 10), "diary": Rate(1, 10), "off": None})
    assert limiter.hit("start", "a") == 0
    assert limiter.hit("diary", "a") == 0
    assert limiter.hit("start", "a") > 0
    assert [limiter.hit("off", "a") for _ in range(5)] == [0] * 5
    assert not limiter.limited("off")


def test_quiet_addresses_are_forgotten(clock: Clock) -> None:
    limiter = RateLimiter("memory://", {"start": Rate(1, 10)})
    for index in range(2000):
        limiter.hit("start", f"client-{index}")
    clock.now += 11
    events = limiter._memory.events
    deadline = time.monotonic() + 10
    while len(events) > 1000 and time.monotonic() < deadline:
        limiter.hit("start", "busy")  # schedules limits' sweep, which runs in 10 ms
        time.sleep(0.02)
    assert len(events) <= 1000


def test_it_is_thread_safe() -> None:
    limiter = RateLimiter("memory://", {"start": Rate(50, 3600)})
    allowed: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        count = sum(1 for _ in range(100) if limiter.hit("start", "shared") == 0)
        with lock:
            allowed.append(count)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(allowed) == 50


def test_one_limiter_per_app_built_from_the_settings(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(start_rate_limit="2/minute", diary_rate_limit="0")
    assert client.app is not None
    limiter = client.app.state.nightlegs.limiter  # type: ignore[attr-defined]
    assert isinstance(limiter, RateLimiter)
    assert not limiter.shared
    assert limiter.limited("start")
    assert not limiter.limited("diary")


def test_the_evaluation_is_not_throttled(monkeypatch: pytest.MonkeyPatch) -> None:
    """`nightlegs eval` starts one interview per case (24 and more) on one app."""
    monkeypatch.setenv("NIGHTLEGS_START_RATE_LIMIT", "1/day")  # even when set for the server
    with http_interview_client() as way:
        assert isinstance(way, HttpInterviewClient)
        assert way.client.app.state.nightlegs.settings.start_rate is None  # type: ignore[attr-defined]
        for _ in range(3):
            way.start("en")


def test_the_start_form_is_limited_too(make_client: Callable[..., TestClient]) -> None:
    client = make_client(start_rate_limit="2/minute")

    def start_form() -> httpx2.Response:
        return client.post(
            "/en/interview",
            data={"consent": "yes"},
            headers={"sec-fetch-site": "same-origin"},
            follow_redirects=False,
        )

    assert [start_form().status_code for _ in range(2)] == [303, 303]
    refused = start_form()
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    # The API and the form share one allowance per address.
    assert start(client) == 429
