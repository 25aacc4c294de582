"""The two ways a case is run: direct (the whole profile as evidence) and interview.

The interview way talks to an :class:`InterviewClient`: the contract's three
calls (start, answer, result) with the contract's JSON shapes. The evaluation
uses :class:`HttpInterviewClient`, which drives the real HTTP API in-process
(``create_app`` on a throwaway SQLite database, Starlette's ``TestClient``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from nightlegs.engine import assess, merge
from nightlegs.evaluation.cases import Case
from nightlegs.evaluation.simulate import Evidence, SimulatedPerson
from nightlegs.knowledge.compiled import KnowledgeBase

if TYPE_CHECKING:
    from starlette.testclient import TestClient

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


@dataclass(frozen=True, slots=True)
class HttpInterviewClient:
    """The interview calls sent over HTTP to the app (``/api/v1``)."""

    client: TestClient

    def start(self, language: str) -> JSON:
        return self._call("POST", "/api/v1/interviews", 201, {"language": language})

    def answer(self, interview_id: str, answers: list[Evidence]) -> JSON:
        path = f"/api/v1/interviews/{interview_id}/answers"
        return self._call("POST", path, 200, {"answers": answers})

    def result(self, interview_id: str) -> JSON:
        return self._call("GET", f"/api/v1/interviews/{interview_id}/result", 200)

    def _call(self, method: str, path: str, status: int, body: JSON | None = None) -> JSON:
        response = self.client.request(method, path, json=body)
        if response.status_code != status:
            raise EvaluationError(
                f"{method} {path} answered {response.status_code}, not {status}: "
                f"{response.text[:500]}"
            )
        data = response.json()
        if not isinstance(data, dict):
            raise EvaluationError(f"{method} {path} answered {type(data).__name__}, not an object")
        return data


@contextmanager
def http_interview_client() -> Iterator[InterviewClient]:
    """The real app (with its own knowledge base), in-process, on a throwaway
    SQLite database: one per evaluation run, not one per case."""
    from starlette.testclient import TestClient

    from nightlegs.app import create_app
    from nightlegs.settings import Settings
    from nightlegs.store.migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="nightlegs-eval-") as directory:
        # Cases start interviews back to back: no rate limit here.
        settings = Settings(
            database_url=f"sqlite:///{Path(directory) / 'eval.db'}", start_rate_limit="0"
        )
        upgrade(settings)
        with TestClient(create_app(settings)) as client:
            yield HttpInterviewClient(client)
