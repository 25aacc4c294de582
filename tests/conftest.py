"""The one home of the test set-up that more than one folder needs.

Here: the environment (every test runs without the developer's ``NIGHTLEGS_*``
settings), the knowledge base and the public cases, and the markers set from what a test
uses. The fixtures by subject are plugins in ``tests/fixtures/`` (see its ``__init__``):
``settings``, ``app``, ``client``, ``database_url``, ``browser``, the Hypothesis profiles.
A folder's ``conftest.py`` keeps only what is that folder's own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from nightlegs.evaluation.cases import Case, load_cases
from nightlegs.knowledge import KnowledgeBase, load_kb
from nightlegs.knowledge.expressions import Value
from tests import servers

pytest_plugins = [
    "tests.fixtures.profiles",
    "tests.fixtures.databases",
    "tests.fixtures.apps",
    "tests.fixtures.system",
]

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES_FILE = TESTS / "cases" / "public.yaml"
#: ``NIGHTLEGS_*`` variables that steer the test run, not the app: kept for the tests.
TEST_RUN_VARIABLES = re.compile(r"NIGHTLEGS_(TEST|SKIP|REQUIRE|UPDATE)_")
#: The fixtures that build the app in-process: their tests are marked ``app``.
IN_PROCESS_APP = {"app", "client", "make_client"}


@pytest.fixture(autouse=True)
def _no_nightlegs_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings come from the test alone, not from the developer's environment."""
    for name in list(os.environ):
        if name.startswith("NIGHTLEGS_") and not TEST_RUN_VARIABLES.match(name):
            monkeypatch.delenv(name)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Markers from what a test uses: WeasyPrint (``pdf``), the app in-process (``app``),
    real server processes (``tests.servers.server``, seconds each: ``slow``, the whole
    module). Then the tests whose needs are skipped on request are skipped."""
    from tests.fixtures.system import skip_on_request  # a plugin: imported once registered

    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "weasyprint" in fixtures:
            item.add_marker(pytest.mark.pdf)
        if fixtures & IN_PROCESS_APP:
            item.add_marker(pytest.mark.app)
        module = getattr(item, "module", None)
        if module is not None and servers.server in vars(module).values():
            item.add_marker(pytest.mark.slow)
    skip_on_request(items)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def public_cases(kb: KnowledgeBase) -> list[Case]:
    """The public cases of ``tests/cases/public.yaml``."""
    return load_cases(CASES_FILE, kb)


def values(profile: Mapping[str, Any]) -> dict[str, Value]:
    """A case-style profile as engine values (numbers as floats)."""
    result: dict[str, Value] = {}
    for finding, value in profile.items():
        if isinstance(value, bool):
            raise TypeError(f"{finding}: booleans are written present/absent")
        result[finding] = float(value) if isinstance(value, int | float) else str(value)
    return result
