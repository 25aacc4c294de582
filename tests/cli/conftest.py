"""Run the command line in-process with typer's CliRunner."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from typer.testing import CliRunner, Result

from nightlegs.cli import app

Invoke = Callable[..., Result]


@pytest.fixture
def invoke() -> Invoke:
    """``invoke(args, input=None)``: run ``nightlegs ARGS`` on a wide, colourless terminal."""
    runner = CliRunner()

    def run(args: Sequence[str], input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env={"COLUMNS": "240", "NO_COLOR": "1"})

    return run
