"""The question page's view model: a planned question with its items, answers, problems
and the person's earlier answers (to change them), shown as its kind asks (:data:`Mode`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from nightlegs.engine import KnowledgeBase, Question, Value
from nightlegs.engine.interview import RECHECK_ID, AskedQuestion, PlannedQuestion, localize
from nightlegs.engine.models import QuestionItem as Item
from nightlegs.i18n import N_, Translator
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.pages.interview import groups, number_items
from nightlegs.pages.interview.number_items import Problem, Raw, plain_number
from nightlegs.pages.views import Option, Stage, stages

PROBLEM_MESSAGES: dict[Problem, str] = {
    "missing": N_("Please choose an answer, or “I don't know”."),
    "number": N_("Please enter a number, for example 4 or 4.5."),
    "range": N_("This number is outside the possible range. Please check it."),
    "unit": N_("Please choose a unit from the list."),
    "choice": N_("Please choose one of the answers."),
    "contradiction": N_("This answer contradicts another of your answers. Please check both."),
    "implausible": N_("Please check this number."),
}


#: A contradiction (policy v2, principle 5), naming the other answer's item.
CONFLICT_MESSAGE = N_(
    "This answer contradicts your answer under “%(other)s”. Please check both; "
    "the other answer can be changed with “Back”."
)


Mode = Literal["plain", "group", "each", "lone"]
"""How a question is shown: ``plain`` (its items as they are), ``group`` (a checkbox per
sign), ``each`` (the group's signs one by one, Yes / No / I don't know), ``lone`` (one item
left of a question that has several: the item is the question)."""


GROUP_PROBLEMS: dict[groups.GroupProblem, str] = {
    "nothing_ticked": N_("Tick each sign you have, or press “None of these”."),
    "ticked_and_none": N_(
        "You ticked a sign and pressed “None of these”. Untick it, or press “Next”."
    ),
    "named_only": N_(
        "We have kept the medicines you named. Do you also take any medicine from the list? "
        "Tick it, or press “None of these”."
    ),
}


@dataclass(frozen=True, slots=True)
class ItemView:
    finding: str
    label: str
    kind: Literal["choice", "number", "check"]
    options: list[Option] = field(default_factory=list)
    number: str = ""
    unknown: bool = False
    checked: bool = False
    unit_label: str | None = None
    units: list[Option] = field(default_factory=list)
    hint: str | None = None
    error: str | None = None
    #: A number item's unit labels, read-back and "did you mean ...?" (number_items).
    number_parts: number_items.NumberParts | None = None


@dataclass(frozen=True, slots=True)
class ProblemView:
    finding: str
    label: str
    message: str


@dataclass(frozen=True, slots=True)
class ReadBack:
    """The numbers of the step before, read back ("You entered: ..."), with a link to it."""

    lines: list[str]
    change_href: str


@dataclass(frozen=True, slots=True)
class Place:
    """Where a question page stands: its step, the form's address and the links around."""

    number: int
    answered: bool
    #: The form's address, and the page's own (after the language prefix).
    action: str
    here: str
    back_href: str | None
    reset_href: str
    from_check: bool = False
    readback: ReadBack | None = None

    def with_readback(self, readback: ReadBack | None) -> Place:
        return replace(self, readback=readback)


@dataclass(frozen=True, slots=True)
class QuestionView:
    id: str
    #: The question, or for a ``lone`` item the item's label (``lead`` is then the question).
    text: str
    lead: str | None
    explanation: str | None
    stages: list[Stage]
    mode: Mode
    items: list[ItemView]
    single: bool
    #: The findings shown, so that a form from an older page is known (``_items``).
    items_key: str
    place: Place
    problems: list[ProblemView]
    group_error: str | None
    #: An answered group whose every sign was "no": said, as no box shows it.
    none_before: bool

    @property
    def number(self) -> int:
        return self.place.number


def items_key(findings: Sequence[str]) -> str:
    return ",".join(findings)


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


def mode_of(kb: KnowledgeBase, question: Question, *, each: bool = False) -> Mode:
    if groups.is_group(kb, question):
        return "each" if each else "group"
    if len(question.items) == 1 and _cut_down(kb, question.id):
        return "lone"
    return "plain"


def _cut_down(kb: KnowledgeBase, question_id: str) -> bool:
    """A question asked with fewer items than it has: its text does not name the one left."""
    if question_id == RECHECK_ID:
        return True
    return len(kb.question(question_id).source.items) > 1


def shown_text(kb: KnowledgeBase, question: Question) -> tuple[str | None, str]:
    """The lead-in and the question as shown: a lone item's label is the question."""
    if len(question.items) == 1 and _cut_down(kb, question.id):
        return question.text, question.items[0].label
    return None, question.text


def read_back(
    kb: KnowledgeBase,
    asked: AskedQuestion,
    values: Mapping[str, Value],
    t: Translator,
    change_href: str,
) -> ReadBack | None:
    """The numbers given at an earlier step, read back on the page after it."""
    question = localized(kb, asked.question_id, asked.findings, t.language)
    lines = number_items.read_back(kb, question, values, t)
    return ReadBack(lines, change_href) if lines else None


def question_view(
    kb: KnowledgeBase,
    question: Question,
    t: Translator,
    *,
    place: Place,
    mode: Mode,
    raw: Mapping[str, Raw] | None = None,
    problems: Mapping[str, Problem] | None = None,
    conflicts: Mapping[str, tuple[str, ...]] | None = None,
    group_problem: groups.GroupProblem | None = None,
    messages: Mapping[str, str] | None = None,
) -> QuestionView:
    """``messages``: a problem's own words, said instead of its kind's (a sign answered
    "No" against a medicine the person named)."""
    raw = raw or {}
    problems = problems or {}
    conflicts = conflicts or {}
    messages = messages or {}
    items = []
    listed = []
    for item in question.items:
        given = raw.get(item.finding, Raw())
        problem = problems.get(item.finding)
        message = None
        if problem is not None:
            message = messages.get(item.finding) or _problem_message(
                kb, item.finding, problem, t, conflicts
            )
            listed.append(ProblemView(item.finding, item.label, message))
        if mode == "group":
            checked = given.value == groups.PRESENT
            items.append(ItemView(item.finding, item.label, "check", checked=checked))
        elif item.choices is not None:
            items.append(_choice_item(item, given, message))
        else:
            items.append(_number_item(kb, item, given, message, t))
    lead, text = shown_text(kb, question)
    return QuestionView(
        id=question.id,
        text=text,
        lead=lead,
        explanation=question.explanation,
        stages=stages(kb, t.language, question.stage),
        mode=mode,
        items=items,
        single=len(items) == 1,
        items_key=items_key([item.finding for item in question.items]),
        place=place,
        problems=listed,
        group_error=t(GROUP_PROBLEMS[group_problem]) if group_problem else None,
        none_before=mode == "group"
        and place.answered
        and all(raw.get(i.finding, Raw()).value == "absent" for i in question.items),
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
        number=shown.value,
        unknown=given.unknown,
        unit_label=shown.unit_label,
        units=shown.units,
        hint=shown.hint,
        error=message,
        number_parts=shown,
    )


def _problem_message(
    kb: KnowledgeBase,
    finding: str,
    problem: Problem,
    t: Translator,
    conflicts: Mapping[str, tuple[str, ...]],
) -> str:
    if problem == "contradiction":
        others = [
            kb.items[f].label.get(t.language) for f in conflicts.get(finding, ()) if f in kb.items
        ]
        if others:
            return t(CONFLICT_MESSAGE, other=", ".join(others))
    if problem == "range" and (message := number_items.range_message(kb, finding, t)):
        return message
    return t(PROBLEM_MESSAGES[problem])
