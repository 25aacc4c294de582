"""Real ``python -m nightlegs serve`` processes for the tests that need one.

The settings are given as environment variables (``{"NIGHTLEGS_…": "…"}``) on
top of the test's environment; everything the server writes (its logs, at the
level the settings ask) goes to ``log``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx

__all__ = ["environment", "free_port", "server"]


def environment(**settings: object) -> dict[str, str]:
    """Settings as the server reads them: ``environment(log_level="warning")`` is
    ``{"NIGHTLEGS_LOG_LEVEL": "warning"}``."""
    return {f"NIGHTLEGS_{name.upper()}": str(value) for name, value in settings.items()}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(
    env: Mapping[str, str], log: Path, *, start_within: float = 15
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``python -m nightlegs serve`` on a free port, ready to answer: its base URL and
    process (killed at the end if still running)."""
    port = free_port()
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "nightlegs", "serve", "--port", str(port)],
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_within
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        yield base, process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
