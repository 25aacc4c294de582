"""Does a typed complaint make the interview shorter? (issue 10, "Done when")

Each public case has a complaint of its own in ``tests/cases/complaints.yaml``, written as
its patient would type it. The simulated person of :mod:`.simulate` reads what the parser
understood and, as on the page "We understood it like this:":

- confirms a candidate that agrees with the profile;
- corrects one that contradicts it: a yes/no finding gets the profile's value, anything
  else nothing (the page's "No, that's wrong" says nothing of the right number);
- removes one about a finding the profile does not list (and one from a medicine's name
  that is not right: the page offers no opposite for a medicine);

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

from nightlegs.complaints import ParseResult, parse
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

__all__ = ["Comparison", "Complaint", "Row", "compare", "confirmed", "load_complaints"]

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
    def fall(self) -> float:
        """The share by which the median fell (0.33: by a third)."""
        return 1 - self.median_with / self.median_without

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
    kb: KnowledgeBase, profile: Mapping[str, ProfileValue], result: ParseResult
) -> list[Evidence]:
    """The evidence the simulated person keeps of what the parser understood."""
    from_medicine = {(f, m.start, m.end) for m in result.medicines for f in m.findings}
    evidence: list[Evidence] = []
    for candidate in result.candidates:
        finding, value = candidate.finding, candidate.value
        if finding not in profile or profile[finding] == UNKNOWN:
            continue  # removed
        truth = profile[finding]
        if _same(value, truth):
            evidence.append({"finding": finding, "value": value, "unit": candidate.unit})
            continue
        medicine = (finding, candidate.start, candidate.end) in from_medicine
        if not medicine and isinstance(value, str) and _OPPOSITE.get(value) == truth:
            evidence.append({"finding": finding, "value": truth})
    return [{k: v for k, v in e.items() if v is not None} for e in evidence]


def _same(value: str | float, truth: ProfileValue) -> bool:
    if isinstance(value, float) and isinstance(truth, int | float):
        return abs(value - float(truth)) <= 1e-6 * max(1.0, abs(float(truth)))
    return value == truth


def run_with_complaint(
    kb: KnowledgeBase, client: HttpInterviewClient, case: Case, complaint: Complaint
) -> tuple[Mapping[str, Any], int, int]:
    """The interview started from the complaint's confirmed evidence: the assessment, the
    questions asked and the answers confirmed."""
    result = parse(complaint.text, complaint.language, kb)
    evidence = confirmed(kb, case.profile, result)
    person = SimulatedPerson(kb, case.profile)
    body = {"language": complaint.language, "evidence": evidence}
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
    return client.result(interview_id), person.questions, len(evidence)


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
            triage = (_level(plain.assessment), _level(typed))
            first = (_first(plain.assessment), _first(typed))
            rows.append(
                Row(
                    case.id,
                    plain.questions or 0,
                    questions,
                    kept,
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
