"""The assessment engine: pure functions, evidence in, assessment out (no I/O)."""

from __future__ import annotations

from collections.abc import Mapping

from nightlegs.engine.decide import Decision, decide
from nightlegs.engine.evidence import Answer, EvidenceError, merge, normalise_answer
from nightlegs.engine.interview import AskedQuestion, InterviewState, NextStep, next_step
from nightlegs.engine.models import Assessment, Question
from nightlegs.engine.render import render
from nightlegs.knowledge import KnowledgeBase, load_kb
from nightlegs.knowledge.expressions import Value


def assess(
    kb: KnowledgeBase,
    values: Mapping[str, Value],
    language: str = "uk",
    *,
    provisional: bool = False,
    emergency_numbers: Mapping[str, str] | None = None,
) -> Assessment:
    """The localized assessment for normalised evidence (see :func:`merge`)."""
    return render(
        kb,
        decide(kb, values),
        language,
        provisional=provisional,
        emergency_numbers=emergency_numbers,
    )


__all__ = [
    "Answer",
    "AskedQuestion",
    "Assessment",
    "Decision",
    "EvidenceError",
    "InterviewState",
    "KnowledgeBase",
    "NextStep",
    "Question",
    "Value",
    "assess",
    "decide",
    "load_kb",
    "merge",
    "next_step",
    "normalise_answer",
    "render",
]
