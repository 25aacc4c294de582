"""The two ways a case is run: direct (the whole profile as evidence) and interview.

The interview way talks to an :class:`InterviewClient`: the contract's three
calls (start, answer, result) with the contract's JSON shapes. The evaluation
uses :class:`HttpInterviewClient`, which drives the real HTTP API in-process;
:class:`EngineInterviewClient` answers the same calls straight from the engine.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from nightlegs.engine import assess, merge
from nightlegs.engine.evidence import Answer
from nightlegs.engine.interview import InterviewState, NextStep, localize, next_step
from nightlegs.evaluation.cases import Case
from nightlegs.evaluation.simulate import Evidence, SimulatedPerson
from nightlegs.knowledge.compiled import KnowledgeBase

#: More questions than this means the interview does not end.
QUESTION_LIMIT = 200

JSON = dict[str, Any]


class EvaluationError(RuntimeError):
    """The system under evaluation answered something the contract does not allow."""


@dataclass(frozen=True, slots=True)
class Run:
    """What one way produced for one case."""

    assessment: Mapping[str, Any]
    questions: int | None = None
    #: Contract breaches seen on the way (each fails the case).
    problems: tuple[str, ...] = ()


class InterviewClient(Protocol):
    def start(self, language: str) -> JSON:
        """``POST /api/v1/interviews``: ``{"id", "done", "progress", "question"}``."""
        ...

    def answer(self, interview_id: str, answers: list[Evidence]) -> JSON:
        """``POST /api/v1/interviews/{id}/answers``: the same shape as :meth:`start`."""
        ...

    def result(self, interview_id: str) -> JSON:
        """``GET /api/v1/interviews/{id}/result``: the assessment."""
        ...


def run_direct(kb: KnowledgeBase, case: Case, language: str = "en") -> Run:
    """The whole profile sent as evidence to the assessment."""
    values = merge(kb, case.evidence())
    return Run(assess(kb, values, language).model_dump(mode="json"))


def run_interview(
    kb: KnowledgeBase, client: InterviewClient, case: Case, language: str = "en"
) -> Run:
    """A simulated person answers the interview from the profile until it is done."""
    person = SimulatedPerson(kb, case.profile)
    problems: list[str] = []
    step = client.start(language)
    interview_id = str(step["id"])
    while not step["done"]:
        question = step.get("question")
        if not question:
            raise EvaluationError(f"{case.id}: an interview that is not done asks no question")
        if person.questions >= QUESTION_LIMIT:
            problems.append(f"the interview did not end after {QUESTION_LIMIT} questions")
            break
        step = client.answer(interview_id, person.answer(question))
    if person.asked_twice:
        problems.append(f"asked again after an answer: {', '.join(person.asked_twice)}")
    assessment = client.result(interview_id)
    if assessment.get("provisional") and step["done"]:
        problems.append("the result of a finished interview is provisional")
    return Run(assessment, person.questions, tuple(problems))


@dataclass(slots=True)
class _EngineInterview:
    state: InterviewState
    step: NextStep


@dataclass(slots=True)
class EngineInterviewClient:
    """The interview calls answered by the engine, with no server and no storage."""

    kb: KnowledgeBase
    language: str = "en"
    _interviews: dict[str, _EngineInterview] = field(default_factory=dict)
    _ids: Iterator[int] = field(default_factory=itertools.count)

    def start(self, language: str) -> JSON:
        interview_id = f"engine-{next(self._ids)}"
        state = InterviewState({}, ())
        self._interviews[interview_id] = _EngineInterview(state, next_step(self.kb, state))
        self.language = language
        return self._shape(interview_id)

    def answer(self, interview_id: str, answers: list[Evidence]) -> JSON:
        interview = self._interviews[interview_id]
        planned = interview.step.planned
        values = merge(
            self.kb,
            [Answer(a["finding"], a["value"], a.get("unit")) for a in answers],
            interview.state.values,
        )
        asked = interview.state.asked + ((planned.record(),) if planned else ())
        interview.state = InterviewState(values, asked)
        interview.step = next_step(self.kb, interview.state)
        return self._shape(interview_id)

    def result(self, interview_id: str) -> JSON:
        interview = self._interviews[interview_id]
        provisional = not interview.step.done
        assessment = assess(
            self.kb, interview.state.values, self.language, provisional=provisional
        )
        return assessment.model_dump(mode="json")

    def _shape(self, interview_id: str) -> JSON:
        step = self._interviews[interview_id].step
        question = (
            localize(self.kb, step.planned, self.language).model_dump(mode="json")
            if step.planned is not None and not step.done
            else None
        )
        return {"id": interview_id, "done": step.done, "progress": step.progress, "question": question}


@contextmanager
def engine_interview_client(kb: KnowledgeBase) -> Iterator[InterviewClient]:
    yield EngineInterviewClient(kb)
