"""Rate limits per client address, through the ``limits`` library: one limiter per app.

``create_app`` builds one :class:`RateLimiter` from the settings and keeps it on
the app's context. Two limits use it:

- ``start``: ``start_rate_limit``, checked by :func:`limit_starts`, a FastAPI
  dependency of every route that starts an interview (the JSON API's
  ``POST /api/v1/interviews`` and the start form);
- ``diary``: ``diary_rate_limit``, diary sign-ins and new diaries
  (``nightlegs.api.diaries.limit_diary_attempts``).

Past a limit the answer is 429 with ``Retry-After``. The strategy is a moving
window: at most ``count`` hits in any ``seconds`` long window, and a refused hit
is not counted, so a client that keeps retrying is let in as soon as its oldest
counted hit leaves the window.

Where the counts live is ``rate_limit_storage``: ``memory://`` (the default)
counts in this process only; a Redis URL gives every worker and every machine
one count. The Redis keys are ``nightlegs:<limit>/<address>/<count>/<seconds>/second``
(e.g. ``nightlegs:start/203.0.113.1/20/60/second``), and expire with the window.

When Redis does not answer, the limiter counts in this process's memory
instead, logs one warning (no address, no URL) and asks Redis again after
:data:`RETRY_SHARED_AFTER` seconds. It neither refuses every request (that
would take the whole service down, the emergency advice included, because a
counter is missing) nor lets every request through: each process still
enforces the limit on its own until Redis is back. See docs/deployment.md.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Mapping
from typing import Any

from fastapi import HTTPException, Request
from limits import RateLimitItem, RateLimitItemPerSecond
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage
from limits.strategies import MovingWindowRateLimiter
from redis.exceptions import RedisError

from nightlegs.rates import Rate
from nightlegs.settings import Settings

__all__ = [
    "KEY_PREFIX",
    "RETRY_SHARED_AFTER",
    "TOO_MANY_STARTS",
    "RateLimiter",
    "client_address",
    "enforce",
    "limit_starts",
]

#: The first part of every key in a shared (Redis) storage.
KEY_PREFIX = "nightlegs"
#: Seconds to count in memory after the shared storage failed, before asking it again.
RETRY_SHARED_AFTER = 30.0
# A limiter must never hold a patient's request up for long: Redis answers on a
# healthy network in a millisecond; past half a second it counts as down.
_REDIS_OPTIONS: dict[str, Any] = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
_SHARED_FAILURES = (StorageError, RedisError, OSError)
# Forget addresses whose hits have all expired, now and then (see _sweep_local).
_SWEEP_EVERY = 1024

_log = logging.getLogger("nightlegs.ratelimit")

#: OpenAPI ``responses`` entry for a route guarded by :func:`limit_starts`.
TOO_MANY_STARTS: dict[int | str, dict[str, object]] = {
    429: {
        "description": (
            "Too many interviews started from this address; try again after Retry-After seconds."
        ),
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before starting another interview.",
                "schema": {"type": "integer", "minimum": 1},
            }
        },
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"detail": {"type": "string"}},
                    "required": ["detail"],
                },
                "example": {"detail": "too many interviews started; try again in 42 seconds"},
            }
        },
    }
}


class RateLimiter:
    """The app's rate limits by name (moving window), counted in memory or in Redis.

    ``rates`` maps a limit's name to its :class:`~nightlegs.rates.Rate`, or to
    ``None`` when that limit is off. Thread-safe.
    """

    def __init__(
        self,
        storage_url: str,
        rates: Mapping[str, Rate | None],
        *,
        retry_shared_after: float = RETRY_SHARED_AFTER,
    ) -> None:
        self.storage_url = storage_url
        self._items: dict[str, RateLimitItem] = {
            name: RateLimitItemPerSecond(rate.count, rate.seconds, namespace=name)
            for name, rate in rates.items()
            if rate is not None
        }
        # limits' memory storage makes a lock per key on demand, which two threads
        # can race for: one lock around it keeps the count exact.
        self._memory = MemoryStorage()
        self._local = MovingWindowRateLimiter(self._memory)
        self._local_lock = threading.Lock()
        self._local_hits = 0
        self._shared: MovingWindowRateLimiter | None = None
        self._redis: RedisStorage | None = None
        if not storage_url.startswith("memory://"):
            self._redis = RedisStorage(
                storage_url, key_prefix=KEY_PREFIX, wrap_exceptions=True, **_REDIS_OPTIONS
            )
            self._shared = MovingWindowRateLimiter(self._redis)
        self._retry_shared_after = retry_shared_after
        self._shared_down_until: float | None = None
        self._state_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimiter:
        return cls(
            settings.rate_limit_storage,
            {"start": settings.start_rate, "diary": settings.diary_rate},
        )

    @property
    def shared(self) -> bool:
        """Whether the counts are shared (Redis) rather than this process's own."""
        return self._shared is not None

    def limited(self, name: str) -> bool:
        """Whether the limit ``name`` is on."""
        return name in self._items

    def hit(self, name: str, key: str) -> float:
        """Count one hit of the limit ``name`` for ``key`` (a client address).

        Returns 0 when allowed (or when that limit is off), else the seconds
        until a hit will be allowed again (more than 0); a refused hit is not
        counted.
        """
        item = self._items.get(name)
        if item is None:
            return 0.0
        if self._shared is not None and self._shared_usable():
            try:
                wait = _hit(self._shared, item, key)
            except _SHARED_FAILURES as error:
                self._shared_failed(error)
            else:
                self._shared_answered()
                return wait
        with self._local_lock:
            self._local_hits += 1
            if self._local_hits % _SWEEP_EVERY == 0:
                self._sweep_local()
            return _hit(self._local, item, key)

    def _sweep_local(self) -> None:
        """Forget the keys whose hits have all left their window.

        limits' memory storage drops old hits but keeps each key it has seen (with
        an empty list): without this every address ever seen would stay. Called
        under ``_local_lock``, so no hit adds to a list while it looks.
        """
        events = self._memory.events
        for key in [key for key, hits in list(events.items()) if not hits]:
            events.pop(key, None)

    def reset(self) -> None:
        """Forget every count of this process (the shared ones stay)."""
        with self._local_lock:
            self._memory.reset()

    def close(self) -> None:
        """Close the connections to the shared storage, if any."""
        if self._redis is not None:
            self._redis.storage.close()

    # -- the shared storage's health ------------------------------------------------

    def _shared_usable(self) -> bool:
        with self._state_lock:
            until = self._shared_down_until
            return until is None or time.monotonic() >= until

    def _shared_failed(self, error: BaseException) -> None:
        with self._state_lock:
            first = self._shared_down_until is None
            self._shared_down_until = time.monotonic() + self._retry_shared_after
        if first:
            # The exception's class only: its text may name the server, and nothing
            # here may name the client.
            _log.warning(
                "rate limits: the shared storage did not answer (%s); counting in this "
                "process's memory, asking it again every %d s",
                _reason(error),
                round(self._retry_shared_after),
            )

    def _shared_answered(self) -> None:
        if self._shared_down_until is None:
            return
        with self._state_lock:
            recovered = self._shared_down_until is not None
            self._shared_down_until = None
        if recovered:
            _log.warning("rate limits: the shared storage answers again; counting there")


def _hit(strategy: MovingWindowRateLimiter, item: RateLimitItem, key: str) -> float:
    if strategy.hit(item, key):
        return 0.0
    reset = strategy.get_window_stats(item, key).reset_time
    return max(reset - time.time(), 1e-9)


def _reason(error: BaseException) -> str:
    cause = error.__cause__ if isinstance(error, StorageError) else None
    return type(cause or error).__name__


def client_address(request: Request, settings: Settings) -> str:
    """The client's address: the peer's, or the proxy's ``X-Forwarded-For`` when trusted.

    With ``trust_forwarded_for`` the last (rightmost) address of the header is
    taken: the one our own proxy appended; anything left of it came from the
    client and can be forged.
    """
    if settings.trust_forwarded_for:
        forwarded = request.headers.get("x-forwarded-for", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.client.host if request.client else "unknown"


def wait_seconds(request: Request, name: str) -> int | None:
    """Count one hit of the app's limit ``name`` for the client: None when allowed, else
    the whole seconds (at least 1) until the limit lets the next one through."""
    context = request.app.state.nightlegs
    limiter = context.limiter
    assert isinstance(limiter, RateLimiter)
    if not limiter.limited(name):
        return None
    settings = context.settings
    assert isinstance(settings, Settings)
    wait = limiter.hit(name, client_address(request, settings))
    return max(1, math.ceil(wait)) if wait > 0 else None


def enforce(request: Request, name: str, detail: str) -> None:
    """Count one hit of the app's limit ``name`` for the client; past it, 429 with
    ``Retry-After`` and ``detail`` followed by "; try again in N seconds"."""
    seconds = wait_seconds(request, name)
    if seconds is not None:
        raise HTTPException(
            status_code=429,
            detail=f"{detail}; try again in {seconds} seconds",
            headers={"Retry-After": str(seconds)},
        )


def limit_starts(request: Request) -> None:
    """Dependency: refuse with 429 (and ``Retry-After``) past the start rate limit."""
    enforce(request, "start", "too many interviews started")
