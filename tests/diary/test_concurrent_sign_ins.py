"""50 diary sign-ins at once for 20 s on SQLite: no server error, and other writes go on.

A real server with the real argon2 cost (64 MiB, 3 passes). A sign-in used to
hash inside its transaction, and on SQLite every transaction holds the write
lock of the whole database (``BEGIN IMMEDIATE``): 40 sign-ins at once queued
past the 5 s busy timeout, answered 500 and took unrelated writes down with
"database is locked". Now the hashing runs between two short transactions.

Two server processes share the one SQLite file, as docs/deployment.md allows:
the sign-ins go to both, and so do the other writes.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import httpx2 as httpx
import pytest

from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.diary.conftest import SECRET
from tests.servers import environment, server

pytestmark = pytest.mark.slow

SIGN_INS = 50
SECONDS = 20.0
NOTE = {"symptoms": ["cramp"], "severity": 4, "note": "written while others sign in"}


def test_fifty_sign_ins_at_once_leave_other_writes_working(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db' / 'nightlegs.db'}"
    migrate.upgrade(Settings(database_url=url))
    env = environment(
        database_url=url,
        secret_key=SECRET,
        recovery_code_hashing="strong",
        diary_rate_limit="0",
        start_rate_limit="0",
        log_level="warning",
    )
    log = tmp_path / "server.log"
    with ExitStack() as stack:
        bases = [stack.enter_context(server(env, log))[0] for _ in range(2)]
        base = bases[0]
        diary = httpx.post(f"{base}/api/v1/diaries", timeout=30).json()
        interview = httpx.post(f"{base}/api/v1/interviews", json={}, timeout=30).json()
        sign_ins: Counter[int | str] = Counter()
        writes: Counter[int | str] = Counter()
        slowest = [0.0]
        deadline = time.monotonic() + SECONDS

        def sign_in(base: str) -> None:
            with httpx.Client(base_url=base, timeout=60) as client:
                while time.monotonic() < deadline:
                    body = {"recovery_code": diary["recovery_code"]}
                    sign_ins[_status(client, "POST", "/api/v1/diaries/session", json=body)] += 1

        def write(base: str) -> None:
            headers = {"Authorization": f"Bearer {diary['token']}"}
            answer = {"answers": [{"finding": "leg_symptoms", "value": "present"}]}
            night = 0
            with httpx.Client(base_url=base, timeout=60) as client:
                while time.monotonic() < deadline:
                    night = night % 28 + 1
                    for method, path, body in (
                        ("PUT", f"/api/v1/diaries/{diary['id']}/entries/2026-11-{night:02}", NOTE),
                        ("POST", f"/api/v1/interviews/{interview['id']}/answers", answer),
                    ):
                        started = time.monotonic()
                        writes[_status(client, method, path, json=body, headers=headers)] += 1
                        slowest[0] = max(slowest[0], time.monotonic() - started)
                    time.sleep(0.2)

        threads = [threading.Thread(target=sign_in, args=(bases[n % 2],)) for n in range(SIGN_INS)]
        threads += [threading.Thread(target=write, args=(each,)) for each in bases]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    print(f"sign-ins {dict(sign_ins)}, other writes {dict(writes)}, slowest {slowest[0]:.1f} s")
    assert set(sign_ins) == {200}, (sign_ins, log.read_text(errors="replace")[-3000:])
    assert set(writes) <= {200, 201}, (writes, log.read_text(errors="replace")[-3000:])
    assert sign_ins[200] >= SIGN_INS
    assert writes[200] + writes[201] >= 40
    assert "unhandled" not in log.read_text(errors="replace")


def _status(client: httpx.Client, method: str, path: str, **kwargs: object) -> int | str:
    try:
        return client.request(method, path, **kwargs).status_code  # type: ignore[arg-type]
    except httpx.TransportError as error:
        return type(error).__name__
