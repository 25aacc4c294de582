"""Every public case run once each way per test session (one app for the interview way)."""

from __future__ import annotations

import pytest

from nightlegs.evaluation import Case
from nightlegs.evaluation.ways import Run, http_interview_client, run_direct, run_interview
from nightlegs.knowledge import KnowledgeBase


@pytest.fixture(scope="session")
def runs(kb: KnowledgeBase, public_cases: list[Case]) -> dict[str, dict[str, Run]]:
    """way -> case id -> what that way produced."""
    direct = {case.id: run_direct(kb, case) for case in public_cases}
    with http_interview_client() as client:
        interview = {case.id: run_interview(kb, client, case) for case in public_cases}
    return {"direct": direct, "interview": interview}
