"""The threads that hash recovery codes: making a diary and signing in to one.

argon2 takes a core, 64 MiB and about 0.2 s a hash. :func:`hashing` runs at most
one such call per core at a time, in threads of its own: a burst of sign-ins
(50 at once held all 40 of the server's shared threads) waits for its turn
without holding the threads every other request needs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

__all__ = ["hashing"]

_HASHING = anyio.CapacityLimiter(os.cpu_count() or 1)
Result = TypeVar("Result")


async def hashing(function: Callable[..., Result], *args: Any) -> Result:
    """``function(*args)`` in a thread of the hashing pool."""
    return await anyio.to_thread.run_sync(function, *args, limiter=_HASHING)
