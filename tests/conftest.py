"""Shared fixtures: the knowledge base and small helpers for evidence."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from nightlegs.knowledge import KnowledgeBase, load_kb
from nightlegs.knowledge.expressions import Value

TESTS = Path(__file__).parent
CASES_FILE = TESTS / "cases" / "public.yaml"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


def values(profile: Mapping[str, Any]) -> dict[str, Value]:
    """A case-style profile as engine values (numbers as floats)."""
    result: dict[str, Value] = {}
    for finding, value in profile.items():
        if isinstance(value, bool):
            raise TypeError(f"{finding}: booleans are written present/absent")
        result[finding] = float(value) if isinstance(value, int | float) else str(value)
    return result
