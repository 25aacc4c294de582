"""Run every case one or both ways and aggregate the figures."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Literal

from nightlegs.evaluation.cases import Case
from nightlegs.evaluation.report import Report, WayReport, figures
from nightlegs.evaluation.scoring import Outcome, score
from nightlegs.evaluation.ways import (
    InterviewClient,
    Run,
    engine_interview_client,
    run_direct,
    run_interview,
)
from nightlegs.knowledge.compiled import KnowledgeBase

Way = Literal["direct", "interview"]
WAYS: tuple[Way, ...] = ("direct", "interview")

ClientFactory = Callable[[KnowledgeBase], AbstractContextManager[InterviewClient]]


def evaluate(
    kb: KnowledgeBase,
    cases: Sequence[Case],
    ways: Sequence[Way] = WAYS,
    *,
    language: str = "en",
    source: str = "",
    interview_client: ClientFactory | None = None,
) -> Report:
    """Every case, each way; one interview client (one app) for the whole run."""
    reports: list[WayReport] = []
    for way in ways:
        started = time.perf_counter()
        if way == "direct":
            outcomes = [_score(case, run_direct(kb, case, language)) for case in cases]
        else:
            factory = interview_client or default_interview_client
            with factory(kb) as client:
                outcomes = [
                    _score(case, run_interview(kb, client, case, language)) for case in cases
                ]
        seconds = time.perf_counter() - started
        reports.append(WayReport(figures(way, outcomes, seconds), tuple(outcomes)))
    return Report(source, tuple(reports))


def default_interview_client(kb: KnowledgeBase) -> AbstractContextManager[InterviewClient]:
    return engine_interview_client(kb)


def _score(case: Case, run: Run) -> Outcome:
    return score(case, run.assessment, questions=run.questions, problems=run.problems)
