"""Run every case one or both ways and aggregate the figures."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Literal

from nightlegs.evaluation.cases import Case
from nightlegs.evaluation.report import Report, WayReport, figures
from nightlegs.evaluation.scoring import Outcome, score
from nightlegs.evaluation.ways import (
    Run,
    http_interview_client,
    run_direct,
    run_interview,
)
from nightlegs.knowledge.compiled import KnowledgeBase

Way = Literal["direct", "interview"]
WAYS: tuple[Way, ...] = ("direct", "interview")


def evaluate(
    kb: KnowledgeBase,
    cases: Sequence[Case],
    ways: Sequence[Way] = WAYS,
    *,
    language: str = "en",
    source: str = "",
) -> Report:
    """Every case, each way; the interview way through one app for the whole run."""
    reports: list[WayReport] = []
    for way in ways:
        started = time.perf_counter()
        if way == "direct":
            outcomes = [_score(case, run_direct(kb, case, language)) for case in cases]
        else:
            with http_interview_client() as client:
                outcomes = [
                    _score(case, run_interview(kb, client, case, language)) for case in cases
                ]
        seconds = time.perf_counter() - started
        reports.append(WayReport(figures(way, outcomes, seconds), tuple(outcomes)))
    return Report(source, tuple(reports))


def _score(case: Case, run: Run) -> Outcome:
    return score(case, run.assessment, questions=run.questions, problems=run.problems)
