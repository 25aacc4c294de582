"""Run the command line in-process with typer's CliRunner."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import pytest
from typer.testing import CliRunner, Result

from nightlegs.cli import app

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def _no_nightlegs_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings come from the test alone, not from the developer's environment."""
    for name in os.environ:
        if name.startswith("NIGHTLEGS_") and not name.startswith("NIGHTLEGS_TEST_"):
            monkeypatch.delenv(name)


@pytest.fixture
def invoke() -> Invoke:
    """``invoke(args, input=None)``: run ``nightlegs ARGS`` on a wide, colourless terminal."""
    runner = CliRunner()

    def run(args: Sequence[str], input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env={"COLUMNS": "240", "NO_COLOR": "1"})

    return run
