"""Rate-limit values of the settings: a rate (``"20/minute"``) and the storage URL.

A leaf module (it imports nothing of the app) so that :mod:`nightlegs.settings`
can validate both and :mod:`nightlegs.http.ratelimit` can use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["STORAGE_SCHEMES", "Rate", "check_storage_url", "parse_rate"]


@dataclass(frozen=True, slots=True)
class Rate:
    """At most ``count`` events in any window of ``seconds``."""

    count: int
    seconds: int


_RATE_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(
    r"^(?P<count>\d+)\s*(?:/|\s+per\s+)\s*(?P<every>\d+)?\s*"
    r"(?P<unit>second|minute|hour|day)s?$",
    re.IGNORECASE,
)

#: Where the counts may live: this process's memory, or a Redis server.
STORAGE_SCHEMES = ("memory", "redis", "rediss", "redis+unix")


def parse_rate(text: str) -> Rate | None:
    """``"20/minute"``, ``"100/10 minutes"`` or ``"5 per hour"`` as a :class:`Rate`;
    ``"0"`` or empty: ``None`` (no limit). Raises ``ValueError`` on anything else."""
    text = text.strip()
    if text in ("", "0"):
        return None
    match = _RATE.match(text)
    if match is None:
        raise ValueError(
            f"rate {text!r} is not of the form COUNT/UNIT (e.g. 20/minute, 100/10 minutes, "
            "5 per hour; unit: second, minute, hour or day), or 0 to turn the limit off"
        )
    count = int(match["count"])
    every = int(match["every"] or 1)
    if count < 1 or every < 1:
        raise ValueError(f"rate {text!r}: the count and the window must be at least 1")
    return Rate(count, every * _RATE_UNITS[match["unit"].lower()])


def check_storage_url(url: str) -> str:
    """``url`` stripped, if it is ``memory://`` or a Redis URL; else ``ValueError``.

    The message names only the scheme: a Redis URL may carry a password.
    """
    url = url.strip()
    scheme, separator, rest = url.partition("://")
    scheme = scheme.lower()
    if not separator or scheme not in STORAGE_SCHEMES:
        shown = f"{scheme!r}" if separator else "no scheme"
        raise ValueError(
            f"rate limit storage must be memory:// or a Redis URL (redis://host:6379/0, "
            f"rediss://host:6380/0 or redis+unix:///path/to/redis.sock), not {shown}"
        )
    if scheme == "memory" and rest:
        raise ValueError("rate limit storage memory:// takes nothing after the scheme")
    if scheme != "memory" and not rest:
        raise ValueError(f"rate limit storage {scheme}:// needs a host or a socket path")
    return f"{scheme}://{rest}"
