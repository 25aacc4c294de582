"""The question page's view model: a planned question with its items, answers, problems
and the person's earlier answers (to change them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from nightlegs.engine import KnowledgeBase, Question, Value
from nightlegs.engine.interview import RECHECK_ID, PlannedQuestion, localize
from nightlegs.engine.models import QuestionItem as Item
from nightlegs.i18n import N_, Translator
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.pages.interview import number_items
from nightlegs.pages.interview.number_items import RANGE_MESSAGE, Problem, Raw, plain_number
from nightlegs.pages.views import Option, Stage, stages

PROBLEM_MESSAGES: dict[Problem, str] = {
    "missing": N_("Please choose an answer, or “I don't know”."),
    "number": N_("Please enter a number, for example 4 or 4.5."),
    "range": N_("This number is outside the possible range. Please check it."),
    "unit": N_("Please choose a unit from the list."),
    "choice": N_("Please choose one of the answers."),
    "contradiction": N_("This answer contradicts another of your answers. Please check both."),
}


#: A contradiction (policy v2, principle 5), naming the other answer's item.
CONFLICT_MESSAGE = N_(
    "This answer contradicts your answer under “%(other)s”. Please check both; "
    "the other answer can be changed with “Back”."
)


@dataclass(frozen=True, slots=True)
class ItemView:
    finding: str
    label: str
    kind: Literal["choice", "number"]
    options: list[Option] = field(default_factory=list)
    number: str = ""
    unknown: bool = False
    unit_label: str | None = None
    units: list[Option] = field(default_factory=list)
    hint: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ProblemView:
    finding: str
    label: str
    message: str


@dataclass(frozen=True, slots=True)
class QuestionView:
    id: str
    text: str
    explanation: str | None
    stages: list[Stage]
    number: int
    items: list[ItemView]
    single: bool
    step: int | None
    back_href: str | None
    problems: list[ProblemView]


def planned(kb: KnowledgeBase, question_id: str, findings: tuple[str, ...]) -> PlannedQuestion:
    """A question as asked (or pending), to show it again."""
    source = None if question_id == RECHECK_ID else kb.question(question_id)
    return PlannedQuestion(source, findings)


def localized(
    kb: KnowledgeBase, question_id: str, findings: tuple[str, ...], language: str
) -> Question:
    return localize(kb, planned(kb, question_id, findings), language)


def prefill(question: Question, values: Mapping[str, Value]) -> dict[str, Raw]:
    """The stored answers to a question's items, to show them again for a change."""
    raw: dict[str, Raw] = {}
    for item in question.items:
        value = values.get(item.finding)
        if value is None:
            continue
        if value == UNKNOWN:
            raw[item.finding] = Raw(unknown=True)
        elif isinstance(value, float):
            raw[item.finding] = Raw(plain_number(value))
        else:
            raw[item.finding] = Raw(str(value))
    return raw


def question_view(
    kb: KnowledgeBase,
    question: Question,
    t: Translator,
    *,
    number: int,
    raw: Mapping[str, Raw] | None = None,
    problems: Mapping[str, Problem] | None = None,
    conflicts: Mapping[str, tuple[str, ...]] | None = None,
    step: int | None = None,
    back_href: str | None = None,
) -> QuestionView:
    raw = raw or {}
    problems = problems or {}
    conflicts = conflicts or {}
    items = []
    listed = []
    for item in question.items:
        given = raw.get(item.finding, Raw())
        problem = problems.get(item.finding)
        message = None
        if problem is not None:
            message = _problem_message(kb, item.finding, problem, t, conflicts)
            listed.append(ProblemView(item.finding, item.label, message))
        if item.choices is not None:
            items.append(_choice_item(item, given, message))
        else:
            items.append(_number_item(kb, item, given, message, t))
    return QuestionView(
        id=question.id,
        text=question.text,
        explanation=question.explanation,
        stages=stages(kb, t.language, question.stage),
        number=number,
        items=items,
        single=len(items) == 1,
        step=step,
        back_href=back_href,
        problems=listed,
    )


def _choice_item(item: Item, given: Raw, message: str | None) -> ItemView:
    chosen = "unknown" if given.unknown else given.value
    return ItemView(
        finding=item.finding,
        label=item.label,
        kind="choice",
        options=[Option(c.value, c.label, c.value == chosen) for c in item.choices or ()],
        error=message,
    )


def _number_item(
    kb: KnowledgeBase, item: Item, given: Raw, message: str | None, t: Translator
) -> ItemView:
    shown = number_items.parts(kb, item, given, t)
    return ItemView(
        finding=item.finding,
        label=item.label,
        kind="number",
        number=given.value,
        unknown=given.unknown,
        unit_label=shown.unit_label,
        units=shown.units,
        hint=shown.hint,
        error=message,
    )


def _problem_message(
    kb: KnowledgeBase,
    finding: str,
    problem: Problem,
    t: Translator,
    conflicts: Mapping[str, tuple[str, ...]],
) -> str:
    definition = kb.findings[finding]
    if problem == "contradiction":
        others = [
            kb.items[f].label.get(t.language) for f in conflicts.get(finding, ()) if f in kb.items
        ]
        if others:
            return t(CONFLICT_MESSAGE, other=", ".join(others))
    if (
        problem == "range"
        and not kb.units.get(finding)
        and definition.minimum is not None
        and definition.maximum is not None
    ):
        return t(
            RANGE_MESSAGE,
            low=plain_number(definition.minimum),
            high=plain_number(definition.maximum),
        )
    return t(PROBLEM_MESSAGES[problem])
