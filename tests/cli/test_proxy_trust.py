"""Whom ``nightlegs serve`` believes about the client: NIGHTLEGS_TRUST_FORWARDED_FOR alone.

uvicorn, left to itself, takes ``X-Forwarded-For`` and ``X-Forwarded-Proto``
from any connection on loopback: anyone on the machine (or a proxy passing the
client's own header on) could rotate the header and start without limit while
the app's own trust was off. Now uvicorn reads those headers exactly when the
setting is on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import uvicorn

from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.cli.conftest import Invoke
from tests.servers import server


@pytest.mark.parametrize(
    ("trust", "headers", "allowed"), [("false", False, []), ("true", True, "*")]
)
def test_serve_passes_the_setting_to_uvicorn(
    invoke: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    trust: str,
    headers: bool,
    allowed: object,
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda _app, **kw: calls.append(kw))
    monkeypatch.setenv("NIGHTLEGS_DATABASE_URL", f"sqlite:///{tmp_path / 'n.db'}")
    monkeypatch.setenv("NIGHTLEGS_TRUST_FORWARDED_FOR", trust)
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")  # uvicorn's own variable: not heeded
    assert invoke(["serve"]).exit_code == 0
    (given,) = calls
    assert given["proxy_headers"] is headers
    assert given["forwarded_allow_ips"] == allowed


@pytest.mark.parametrize(("trust", "refused"), [("false", True), ("true", False)])
def test_rotating_x_forwarded_for_passes_the_limit_only_when_trusted(
    tmp_path: Path, trust: str, refused: bool
) -> None:
    url = f"sqlite:///{tmp_path / 'db' / 'nightlegs.db'}"
    migrate.upgrade(Settings(database_url=url))
    env = {
        "NIGHTLEGS_DATABASE_URL": url,
        "NIGHTLEGS_START_RATE_LIMIT": "3/minute",
        "NIGHTLEGS_TRUST_FORWARDED_FOR": trust,
        "NIGHTLEGS_LOG_LEVEL": "warning",
    }
    with server(env, tmp_path / "server.log") as (base, _process):
        statuses = [
            httpx.post(
                f"{base}/api/v1/interviews",
                json={},
                headers={"X-Forwarded-For": f"203.0.113.{n}", "X-Forwarded-Proto": "https"},
                timeout=10,
            )
            for n in range(1, 5)
        ]
    assert [s.status_code for s in statuses] == [201, 201, 201, 429 if refused else 201]
    # The scheme too: HSTS only when the proxy's word counts.
    assert ("strict-transport-security" in statuses[0].headers) is not refused
