"""Fixtures for the doctor's report: public cases answered through the interview,
and WeasyPrint (skipped loudly when it cannot load, a failure in CI)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime
from types import ModuleType
from typing import Any

import pytest
from ruamel.yaml import YAML

from nightlegs.engine import InterviewState, next_step
from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import Value
from nightlegs.report.pdf import ReportUnavailable, load_weasyprint
from nightlegs.settings import Settings
from tests.conftest import CASES_FILE, values

#: A fixed moment, so that the printed date is known.
NOW = datetime(2026, 11, 25, 9, 30)


@pytest.fixture(scope="session")
def weasyprint() -> ModuleType:
    """WeasyPrint, or a skip with the reason (a failure when NIGHTLEGS_REQUIRE_BROWSER=1)."""
    try:
        return load_weasyprint()
    except ReportUnavailable as error:
        message = f"PDF REPORT TESTS NOT RUN: WeasyPrint cannot load here: {error}"
        if os.environ.get("NIGHTLEGS_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def profiles() -> dict[str, dict[str, Any]]:
    cases = YAML(typ="safe").load(CASES_FILE.read_text(encoding="utf-8"))
    return {case["id"]: case["profile"] for case in cases}


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.model_validate({"database_url": "sqlite://"})


def interview_values(kb: KnowledgeBase, profile: Mapping[str, Any]) -> dict[str, Value]:
    """What the interview collects from a person answering from ``profile``
    (the simulated person of the evaluation: red flags are asked and answered)."""
    person = SimulatedPerson(kb, values(profile))
    state = InterviewState({})
    while True:
        step = next_step(kb, state)
        if step.done or step.planned is None:
            return dict(state.values)
        answered = dict(state.values)
        for finding in step.planned.findings:
            answered[finding] = person.answer_value(finding)
        state = InterviewState(answered, (*state.asked, step.planned.record()))
