"""A question's form, as posted, read into engine answers.

Every answer input is named after its finding (the stable hook): radios carry
``present`` / ``absent`` / ``unknown`` or a choice value; a number item carries
the number, an optional ``{finding}__unit`` and an "I don't know" checkbox whose
``unknown`` wins over a number sent with it. An item left without an answer is
*missing*; a number that cannot be read, or is outside what the finding
accepts, is *invalid*. Nothing is answered unless every item is answered well.

Answers that are each fine can still contradict what the person said before
(sex changed to "male" while a pregnancy is recorded): :func:`consistent`
refuses them on the items of the question involved, naming the other finding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nightlegs.engine import Answer, KnowledgeBase, Question, Value, merge
from nightlegs.engine.evidence import contradictions
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.pages.interview import number_items
from nightlegs.pages.interview.number_items import Problem, Raw

UNIT_SUFFIX = "__unit"


@dataclass(frozen=True, slots=True)
class Submission:
    answers: list[Answer]
    raw: dict[str, Raw]
    problems: dict[str, Problem] = field(default_factory=dict)
    #: For a "contradiction": the other findings the item's answer contradicts.
    conflicts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def read(kb: KnowledgeBase, question: Question, form: Mapping[str, Sequence[str]]) -> Submission:
    """The answers to ``question`` in ``form`` (a mapping of name to every value sent)."""
    answers: list[Answer] = []
    raw: dict[str, Raw] = {}
    problems: dict[str, Problem] = {}
    for item in question.items:
        finding = item.finding
        sent = [value.strip() for value in form.get(finding, ()) if value.strip()]
        units = [value.strip() for value in form.get(finding + UNIT_SUFFIX, ()) if value.strip()]
        unit = units[0] if units else None
        if UNKNOWN in sent:
            numbers = [value for value in sent if value != UNKNOWN]
            raw[finding] = Raw(numbers[0] if numbers else "", unit, unknown=True)
            answers.append(Answer(finding, UNKNOWN))
            continue
        value = sent[0] if sent else ""
        raw[finding] = Raw(value, unit)
        if not value:
            problems[finding] = "missing"
            continue
        if item.choices is not None:
            if value not in {choice.value for choice in item.choices}:
                problems[finding] = "choice"
                continue
            answers.append(Answer(finding, value))
            continue
        answer, problem = number_items.read(kb, finding, value, unit, form)
        if problem is not None:
            problems[finding] = problem
            raw[finding] = Raw(value, unit, asked=problem == "implausible")
            continue
        assert answer is not None
        answers.append(answer)
    return Submission(answers if not problems else [], raw, problems)


def consistent(
    kb: KnowledgeBase, submission: Submission, stored: Mapping[str, Value]
) -> tuple[Submission, dict[str, Value] | None]:
    """The submission, and the stored evidence with its answers merged in.

    When the merged evidence holds a contradiction (policy v2, principle 5) the
    submission comes back with a "contradiction" problem on each of its items
    involved, and no evidence: nothing may be stored. An answer that revises an
    earlier one replaces it before this is checked.
    """
    values = merge(kb, submission.answers, stored)
    found = contradictions(kb, values)
    if not found:
        return submission, values
    sent = [answer.finding for answer in submission.answers]
    problems: dict[str, Problem] = {}
    conflicts: dict[str, tuple[str, ...]] = {}
    for contradiction in found:
        involved = tuple(contradiction.source.findings)
        mine = [f for f in sent if f in involved] or sent[:1]
        for finding in mine:
            problems[finding] = "contradiction"
            others = tuple(f for f in involved if f != finding)
            conflicts[finding] = tuple(dict.fromkeys((*conflicts.get(finding, ()), *others)))
    return Submission([], submission.raw, problems, conflicts), None
