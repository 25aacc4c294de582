"""View models: what each page shows, built from engine output and the knowledge base.

Clinical text (questions, answers, reasons, advice) comes from the knowledge
base or the engine's assessment, already in the page's language; the few
interface words added here (error messages, bands, statuses) come from the
catalogues through a :class:`~nightlegs.i18n.Translator`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from nightlegs.engine import Assessment, KnowledgeBase, Question, Value
from nightlegs.engine.interview import RECHECK_ID, PlannedQuestion, localize
from nightlegs.engine.models import Level
from nightlegs.i18n import N_, Translator, format_number
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.knowledge.schema import QuestionItem as ItemSource
from nightlegs.pages.interview_forms import Problem, Raw
from nightlegs.settings import Settings

EMERGENCY_LEVELS: tuple[Level, ...] = ("emergency", "emergency_ambulance")
STAGES = ("urgent", "about_you", "legs", "health", "results")

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
RANGE_MESSAGE = N_("Please enter a number from %(low)s to %(high)s.")
LIKELIHOOD_LABELS = {
    "high": N_("high"),
    "moderate": N_("moderate"),
    "low": N_("low"),
}
CRITERION_LABELS = {
    "met": N_("yes"),
    "not_met": N_("no"),
    "unknown": N_("not known"),
}


@dataclass(frozen=True, slots=True)
class Deployment:
    """The deployment profile the pages show (see :class:`Settings`)."""

    clinic_name: str
    clinic_address: str
    clinic_phone: str
    booking_url: str
    specialists: frozenset[str]
    ambulance: str
    general: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Deployment:
        return cls(
            clinic_name=settings.clinic_name,
            clinic_address=settings.clinic_address,
            clinic_phone=settings.clinic_phone,
            booking_url=settings.clinic_booking_url,
            specialists=frozenset(settings.clinic_specialists),
            ambulance=settings.emergency_ambulance,
            general=settings.emergency_general,
        )

    def bookable(self, specialist: str) -> bool:
        return bool(self.booking_url) and specialist in self.specialists


def tel(number: str) -> str:
    """A ``tel:`` URL for a phone number as written (spaces and dashes dropped)."""
    kept = "".join(char for char in number if char.isdigit() or char == "+")
    return "tel:" + kept


# --- the knowledge base's labels for findings and answers -----------------------


class Labels:
    """Each finding's question item, to name findings and answers in plain words."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.items: dict[str, ItemSource] = {}
        for question in kb.questions:
            for item in question.source.items:
                self.items.setdefault(item.finding, item)

    def label(self, finding: str, language: str) -> str:
        item = self.items.get(finding)
        return item.label.get(language) if item else finding

    def answer(self, finding: str, value: Value, language: str) -> str:
        """The answer as the person chose it (``Yes``, a choice, ``4,5 mmol/L``)."""
        answers = self.kb.question_texts.answers
        if value in ("present", "absent", UNKNOWN):
            return answers[value].get(language)  # type: ignore[index]
        item = self.items.get(finding)
        if isinstance(value, str):
            choices = item.choices if item else None
            return choices[value].get(language) if choices and value in choices else value
        number = format_number(value, language)
        unit = self.unit(finding, language)
        return f"{number} {unit}" if unit else number

    def unit(self, finding: str, language: str) -> str | None:
        """A unit to write after a number: a laboratory unit, or an invariant one
        such as "out of 10" (words that change with the number are left out)."""
        table = self.kb.units.get(finding)
        if table:
            return next(iter(table.values())).name
        item = self.items.get(finding)
        label = item.unit_label.get(language) if item and item.unit_label else None
        return label if label and any(char.isdigit() for char in label) else None


# --- the question page ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    label: str
    state: Literal["done", "current", "todo"]


def stages(kb: KnowledgeBase, language: str, current: str) -> list[Stage]:
    names = kb.question_texts.stages
    position = STAGES.index(current) if current in STAGES else 0
    return [
        Stage(
            stage,
            names[stage].get(language),
            "done" if index < position else "current" if index == position else "todo",
        )
        for index, stage in enumerate(STAGES)
    ]


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    checked: bool


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
            raw[item.finding] = Raw(_plain_number(value))
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
            chosen = "unknown" if given.unknown else given.value
            items.append(
                ItemView(
                    finding=item.finding,
                    label=item.label,
                    kind="choice",
                    options=[Option(c.value, c.label, c.value == chosen) for c in item.choices],
                    error=message,
                )
            )
            continue
        table = kb.units.get(item.finding) or {}
        conversions = list(table.values())
        selected = given.unit or (conversions[0].name if conversions else None)
        units = [Option(c.name, c.name, c.name == selected) for c in conversions]
        hint = None
        if not conversions and item.min is not None and item.max is not None:
            hint = t(RANGE_MESSAGE, low=_plain_number(item.min), high=_plain_number(item.max))
        items.append(
            ItemView(
                finding=item.finding,
                label=item.label,
                kind="number",
                number=given.value,
                unknown=given.unknown,
                unit_label=None if conversions else item.unit_label,
                units=units,
                hint=hint,
                error=message,
            )
        )
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
            low=_plain_number(definition.minimum),
            high=_plain_number(definition.maximum),
        )
    return t(PROBLEM_MESSAGES[problem])


def _plain_number(value: float) -> str:
    """A number as an ``<input type="number">`` takes it (``54``, ``4.5``)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- the results page -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    label: str
    answer: str


@dataclass(frozen=True, slots=True)
class CriterionView:
    text: str
    status: str
    status_label: str


@dataclass(frozen=True, slots=True)
class ConditionView:
    id: str
    name: str
    likelihood: str
    likelihood_label: str
    supporting: list[Reason]
    against: list[Reason]
    criteria: list[CriterionView]


@dataclass(frozen=True, slots=True)
class SpecialistView:
    id: str
    name: str
    why: str
    bookable: bool


@dataclass(frozen=True, slots=True)
class FactorView:
    name: str
    detail: str
    findings: list[Reason]


@dataclass(frozen=True, slots=True)
class ResultsView:
    assessment: Assessment
    emergency: bool
    conditions: list[ConditionView]
    factors: list[FactorView]
    first: SpecialistView | None
    others: list[SpecialistView]
    safety_advice: list[str]
    self_care_advice: list[str]


def results_view(
    labels: Labels,
    assessment: Assessment,
    values: Mapping[str, Value],
    t: Translator,
    deployment: Deployment,
) -> ResultsView:
    language = t.language

    def reasons(findings: list[str]) -> list[Reason]:
        return [
            Reason(labels.label(f, language), labels.answer(f, values[f], language))
            for f in findings
            if f in values
        ]

    conditions = [
        ConditionView(
            id=c.id,
            name=c.name,
            likelihood=c.likelihood,
            likelihood_label=t(LIKELIHOOD_LABELS[c.likelihood]),
            supporting=reasons(c.supporting),
            against=reasons(c.against),
            criteria=[
                CriterionView(cr.text, cr.status, t(CRITERION_LABELS[cr.status]))
                for cr in c.criteria
            ],
        )
        for c in assessment.conditions
    ]
    specialists = [
        SpecialistView(s.id, s.name, s.why, deployment.bookable(s.id))
        for s in assessment.specialists
    ]
    return ResultsView(
        assessment=assessment,
        emergency=assessment.triage.level in EMERGENCY_LEVELS,
        conditions=conditions,
        factors=[FactorView(f.name, f.detail, reasons(f.findings)) for f in assessment.factors],
        first=specialists[0] if specialists else None,
        others=specialists[1:],
        safety_advice=[a.text for a in assessment.advice if a.kind == "safety"],
        self_care_advice=[a.text for a in assessment.advice if a.kind == "self_care"],
    )
