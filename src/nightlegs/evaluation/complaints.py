"""Does a typed complaint make the interview shorter? (issue 10, "Done when")

Each public case has a complaint of its own in ``tests/cases/complaints.yaml``, written as
its patient would type it. The simulated person of :mod:`.simulate` reads the statements
of the page "We understood it like this:" (made by the page's own code,
:mod:`nightlegs.services.complaint_answers`) and, knowing what they would answer to each
finding if asked:

- confirms a statement that agrees with that answer;
- corrects a yes/no statement that says the opposite (the page's "No, that's wrong"; about
  an urgent sign it stores nothing, and the urgent questions ask it);
- removes the rest: a finding they could not tell, a number that is not theirs, a
  medicine whose classes are not all theirs (the page offers no opposite for a medicine);

then the interview starts with that evidence (``POST /api/v1/interviews`` with
``evidence``) and runs as usual. :func:`compare` sets each case's questions with the text
against the same case without it, and whether the triage level and the first condition
are the same both ways.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from nightlegs.evaluation.cases import Case, ProfileValue
from nightlegs.evaluation.simulate import Evidence, SimulatedPerson
from nightlegs.evaluation.ways import (
    QUESTION_LIMIT,
    EvaluationError,
    HttpInterviewClient,
    http_interview_client,
    run_interview,
)
from nightlegs.knowledge.compiled import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.services.complaint_answers import Choice, Statement, evidence, understand

__all__ = [
    "Comparison",
    "Complaint",
    "Row",
    "compare",
    "confirmed",
    "everything_typed",
    "load_complaints",
]

_OPPOSITE = {"present": "absent", "absent": "present"}


@dataclass(frozen=True, slots=True)
class Complaint:
    case: str
    language: str
    text: str


@dataclass(frozen=True, slots=True)
class Row:
    case: str
    without: int
    with_text: int
    #: The evidence the person confirmed from the text.
    confirmed: int
    #: The questions when the person typed every finding of their profile.
    everything: int
    same_triage: bool
    same_first: bool
    triage: tuple[str, str]
    first: tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class Comparison:
    rows: tuple[Row, ...]

    @property
    def median_without(self) -> float:
        return float(statistics.median(r.without for r in self.rows))

    @property
    def median_with(self) -> float:
        return float(statistics.median(r.with_text for r in self.rows))

    @property
    def median_everything(self) -> float:
        return float(statistics.median(r.everything for r in self.rows))

    @property
    def fall(self) -> float:
        """The share by which the median fell (0.33: by a third)."""
        return 1 - self.median_with / self.median_without

    @property
    def most_fall(self) -> float:
        """The share by which the median falls when everything is typed: no text can
        save more than this with the same interview."""
        return 1 - self.median_everything / self.median_without

    @property
    def different(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if not (r.same_triage and r.same_first))


def load_complaints(path: Path) -> dict[str, Complaint]:
    """``- {case: id, lang: uk, text: ...}`` entries, by case id."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    found: dict[str, Complaint] = {}
    for entry in data:
        complaint = Complaint(str(entry["case"]), str(entry["lang"]), str(entry["text"]))
        if complaint.case in found:
            raise ValueError(f"{path}: two complaints for {complaint.case}")
        found[complaint.case] = complaint
    return found


def confirmed(
    kb: KnowledgeBase, profile: Mapping[str, ProfileValue], complaint: Complaint
) -> list[Evidence]:
    """The evidence the simulated person keeps of what the page "We understood it like
    this:" offers them: the page's own statements and its own rules for the choices
    (:mod:`nightlegs.services.complaint_answers`), with the person's answers as truth."""
    person = SimulatedPerson(kb, profile)
    statements = understand(kb, complaint.text, complaint.language)
    chosen = [(s, _choice(person, s)) for s in statements]
    # The values come back normalised (numbers in the knowledge base's units).
    return [{"finding": f, "value": v} for f, v in evidence(kb, chosen).items()]


def _choice(person: SimulatedPerson, statement: Statement) -> Choice:
    """Confirm what agrees with what the person would answer, correct a yes/no finding
    that says the opposite, remove the rest (a finding they would not know, a number that
    is not theirs, a medicine whose classes are not all theirs)."""
    truths = [(value, person.answer_value(f)) for f, value, _unit in statement.answers]
    if all(truth != UNKNOWN and _same(value, truth) for value, truth in truths):
        return "confirm"
    if statement.kind == "finding" and all(
        isinstance(value, str) and _OPPOSITE.get(value) == truth for value, truth in truths
    ):
        return "correct"
    return "remove"


def _same(value: str | float, truth: ProfileValue) -> bool:
    if isinstance(value, float) and isinstance(truth, int | float):
        return abs(value - float(truth)) <= 1e-6 * max(1.0, abs(float(truth)))
    return value == truth


def run_with_complaint(
    kb: KnowledgeBase, client: HttpInterviewClient, case: Case, complaint: Complaint
) -> tuple[Mapping[str, Any], int, int]:
    """The interview started from the complaint's confirmed evidence: the assessment, the
    questions asked and the answers confirmed."""
    return run_with_evidence(
        kb, client, case, complaint.language, confirmed(kb, case.profile, complaint)
    )


def everything_typed(case: Case) -> list[Evidence]:
    """The most any complaint could say: every finding of the profile the person knows.
    The interview that starts from it still asks what the person does not have (the
    urgent signs, the other causes to rule out), so it bounds what a text can save."""
    return [{"finding": f, "value": v} for f, v in case.profile.items() if v != UNKNOWN]


def run_with_evidence(
    kb: KnowledgeBase,
    client: HttpInterviewClient,
    case: Case,
    language: str,
    kept: Sequence[Evidence],
) -> tuple[Mapping[str, Any], int, int]:
    """The interview started with ``kept`` as its evidence, answered by the case's
    simulated person: the assessment, the questions asked and the evidence given."""
    person = SimulatedPerson(kb, case.profile)
    body = {"language": language, "evidence": list(kept)}
    started = client.client.post("/api/v1/interviews", json=body)
    if started.status_code != 201:
        raise EvaluationError(f"{case.id}: start answered {started.status_code}")
    step = started.json()
    interview_id = str(step["id"])
    while not step["done"]:
        question = step.get("question")
        if not question or person.questions >= QUESTION_LIMIT:
            raise EvaluationError(f"{case.id}: the interview from a complaint does not end")
        step = client.answer(interview_id, person.answer(question))
    if person.asked_twice:
        raise EvaluationError(f"{case.id}: asked again: {', '.join(person.asked_twice)}")
    return client.result(interview_id), person.questions, len(kept)


def compare(
    kb: KnowledgeBase, cases: Sequence[Case], complaints: Mapping[str, Complaint]
) -> Comparison:
    """Every case with a complaint, with and without its text."""
    rows: list[Row] = []
    with http_interview_client() as client:
        assert isinstance(client, HttpInterviewClient)
        for case in cases:
            complaint = complaints[case.id]
            plain = run_interview(kb, client, case, complaint.language)
            typed, questions, kept = run_with_complaint(kb, client, case, complaint)
            whole = everything_typed(case)
            _, everything, _ = run_with_evidence(kb, client, case, complaint.language, whole)
            triage = (_level(plain.assessment), _level(typed))
            first = (_first(plain.assessment), _first(typed))
            rows.append(
                Row(
                    case.id,
                    plain.questions or 0,
                    questions,
                    kept,
                    everything,
                    triage[0] == triage[1],
                    first[0] == first[1],
                    triage,
                    first,
                )
            )
    return Comparison(tuple(rows))


def _level(assessment: Mapping[str, Any]) -> str:
    return str(assessment["triage"]["level"])


def _first(assessment: Mapping[str, Any]) -> str | None:
    if assessment.get("out_of_scope"):
        return "none"
    conditions = assessment.get("conditions") or []
    return str(conditions[0]["id"]) if conditions else None
