"""An entry that got a 2xx answer survives ``kill -9`` of the server (real processes)."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx
import pytest

from nightlegs.store import migrate
from tests.fixtures.apps import DIARY_ON
from tests.servers import environment
from tests.servers import server as serve

pytestmark = [pytest.mark.slow, pytest.mark.every_database]

NIGHT = "2026-11-20"
ENTRY = {"symptoms": ["cramp"], "episodes": 3, "severity": 8, "minutes_awake": 45, "note": "ніч"}


@contextmanager
def server(database_url: str, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``python -m nightlegs serve`` on the database, ready to answer."""
    env = environment(database_url=database_url, log_level="warning", **DIARY_ON)
    with serve(env, log) as running:
        yield running


def test_an_acknowledged_entry_survives_kill_9(settings, tmp_path):
    migrate.upgrade(settings)
    log = tmp_path / "server.log"
    with server(settings.database_url, log) as (base, process):
        created = httpx.post(f"{base}/api/v1/diaries", timeout=10)
        assert created.status_code == 201, created.text
        diary = created.json()
        headers = {"Authorization": f"Bearer {diary['token']}"}
        written = httpx.put(
            f"{base}/api/v1/diaries/{diary['id']}/entries/{NIGHT}",
            json=ENTRY,
            headers=headers,
            timeout=10,
        )
        assert written.status_code == 201, written.text
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL

    with server(settings.database_url, log) as (base, _process):
        listed = httpx.get(
            f"{base}/api/v1/diaries/{diary['id']}/entries", headers=headers, timeout=10
        )
        assert listed.status_code == 200, listed.text
        (entry,) = listed.json()["entries"]
        assert entry["date"] == NIGHT
        assert {key: entry[key] for key in ENTRY} == ENTRY
        signed = httpx.post(
            f"{base}/api/v1/diaries/session",
            json={"recovery_code": diary["recovery_code"]},
            timeout=10,
        )
        assert signed.status_code == 200
        assert signed.json()["id"] == diary["id"]


def test_two_server_processes_on_one_database_see_each_others_writes(settings, tmp_path):
    migrate.upgrade(settings)
    log = tmp_path / "servers.log"
    with (
        server(settings.database_url, log) as (first, _a),
        server(settings.database_url, log) as (second, _b),
    ):
        created = httpx.post(f"{first}/api/v1/diaries", timeout=10)
        assert created.status_code == 201, created.text
        diary = created.json()
        headers = {"Authorization": f"Bearer {diary['token']}"}
        entries = f"/api/v1/diaries/{diary['id']}/entries"
        put = httpx.put(f"{first}{entries}/{NIGHT}", json=ENTRY, headers=headers, timeout=10)
        assert put.status_code == 201, put.text
        seen = httpx.get(f"{second}{entries}", headers=headers, timeout=10).json()["entries"]
        assert [e["date"] for e in seen] == [NIGHT]
        changed = {**ENTRY, "severity": 3}
        put = httpx.put(f"{second}{entries}/{NIGHT}", json=changed, headers=headers, timeout=10)
        assert put.status_code == 200, put.text
        seen = httpx.get(f"{first}{entries}", headers=headers, timeout=10).json()["entries"]
        assert [e["severity"] for e in seen] == [3]
