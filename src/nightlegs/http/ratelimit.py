"""Rate limit on starting interviews: an in-memory sliding window per client address.

``limit_starts`` is a FastAPI dependency for every route that starts an interview
(the JSON API's ``POST /api/v1/interviews`` and the start form). It reads the
limit from the app's settings (``start_rate_limit``, e.g. ``"20/minute"``; ``"0"``
or empty disables it) and answers 429 with ``Retry-After`` when a client address
has started too many interviews in the window.

The counts live in this process's memory: with several worker processes each
counts on its own, so limit at the reverse proxy as well (docs/deployment.md).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from fastapi import HTTPException, Request

from nightlegs.settings import Rate, Settings

__all__ = [
    "TOO_MANY_STARTS",
    "SlidingWindowLimiter",
    "client_address",
    "limit_starts",
    "start_limiter",
]

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

_STATE_ATTRIBUTE = "nightlegs_start_limiter"
_state_lock = threading.Lock()
# Forget addresses that have been quiet for a whole window, now and then, so the
# table does not grow with every address ever seen.
_SWEEP_EVERY = 1024


class SlidingWindowLimiter:
    """At most ``rate.count`` hits per key in any ``rate.seconds`` window (thread-safe)."""

    def __init__(self, rate: Rate, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._calls = 0

    def hit(self, key: str) -> float:
        """Count one hit for ``key``: 0 if allowed, else the seconds until one is allowed.

        A refused hit is not counted, so a client that keeps retrying is let in
        as soon as its oldest counted hit leaves the window.
        """
        now = self._clock()
        horizon = now - self.rate.seconds
        with self._lock:
            self._calls += 1
            if self._calls % _SWEEP_EVERY == 0:
                self._sweep(horizon)
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= horizon:
                hits.popleft()
            if len(hits) >= self.rate.count:
                return max(hits[0] - horizon, 0.0) or 1e-9
            hits.append(now)
            return 0.0

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()

    def _sweep(self, horizon: float) -> None:
        stale = [key for key, hits in self._hits.items() if not hits or hits[-1] <= horizon]
        for key in stale:
            del self._hits[key]


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


def start_limiter(request: Request) -> SlidingWindowLimiter | None:
    """The app's limiter for starts (made on first use), or ``None`` when disabled."""
    settings = _settings(request)
    rate = settings.start_rate
    if rate is None:
        return None
    state = request.app.state
    with _state_lock:
        limiter = getattr(state, _STATE_ATTRIBUTE, None)
        if not isinstance(limiter, SlidingWindowLimiter) or limiter.rate != rate:
            limiter = SlidingWindowLimiter(rate)
            setattr(state, _STATE_ATTRIBUTE, limiter)
    return limiter


def limit_starts(request: Request) -> None:
    """Dependency: refuse with 429 (and ``Retry-After``) past the start rate limit."""
    limiter = start_limiter(request)
    if limiter is None:
        return
    wait = limiter.hit(client_address(request, _settings(request)))
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        raise HTTPException(
            status_code=429,
            detail=f"too many interviews started; try again in {seconds} seconds",
            headers={"Retry-After": str(seconds)},
        )


def _settings(request: Request) -> Settings:
    settings = request.app.state.nightlegs.settings
    assert isinstance(settings, Settings)
    return settings
