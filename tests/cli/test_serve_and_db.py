"""``nightlegs serve``, ``nightlegs db`` and ``python -m nightlegs``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

from tests.cli.conftest import Invoke


def test_db_upgrade_then_current(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NIGHTLEGS_DATABASE_URL", f"sqlite:///{tmp_path / 'n.db'}")
    before = invoke(["db", "current"])
    assert before.exit_code == 0, before.output
    assert before.stdout.startswith("none (behind ")

    upgraded = invoke(["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    assert upgraded.stdout.startswith("upgraded: sqlite:///")

    after = invoke(["db", "current"])
    assert after.exit_code == 0, after.output
    assert "(up to date)" in after.stdout


def test_serve_runs_the_app_from_settings(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setenv("NIGHTLEGS_DATABASE_URL", f"sqlite:///{tmp_path / 'n.db'}")
    monkeypatch.setenv("NIGHTLEGS_PORT", "8123")

    assert invoke(["serve"]).exit_code == 0
    assert invoke(["serve", "--host", "0.0.0.0", "--port", "9000"]).exit_code == 0

    (app, defaults), (_, given) = calls
    assert isinstance(app, FastAPI)
    assert (defaults["host"], defaults["port"]) == ("127.0.0.1", 8123)
    assert (given["host"], given["port"]) == ("0.0.0.0", 9000)


def test_bad_settings_exit_2_naming_the_variable(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NIGHTLEGS_PORT", "not-a-port")
    result = invoke(["serve"])
    assert result.exit_code == 2
    assert "NIGHTLEGS_PORT" in result.stderr


def test_python_dash_m_nightlegs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nightlegs", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: nightlegs" in done.stdout
    for command in ("serve", "interview", "assess", "eval", "db", "kb"):
        assert command in done.stdout
