"""The results page's view model, in the order a person acts on it: what to do, by when,
whom to see first and how; then why (the reasons, the factors and the advice, each with
the person's own answers); then the details (conditions with their evidence, tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from nightlegs.engine import Assessment, KnowledgeBase, Value
from nightlegs.i18n import N_, Translator
from nightlegs.pages.results.urgent import AdviceView, UrgentView, urgent_view
from nightlegs.pages.views import Deployment, Labels
from nightlegs.services.interviews import EMERGENCY_LEVELS

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


#: How to reach a specialist: the clinic's booking link, the clinic's phone, or neither
#: (the clinic does not offer this specialist, or has given neither).
How = Literal["book", "call", ""]


@dataclass(frozen=True, slots=True)
class SpecialistView:
    id: str
    name: str
    why: str
    how: How


@dataclass(frozen=True, slots=True)
class FactorView:
    id: str
    name: str
    detail: str
    findings: list[Reason]


@dataclass(frozen=True, slots=True)
class WithheldView:
    id: str
    text: str
    why: str


@dataclass(frozen=True, slots=True)
class ResultsView:
    assessment: Assessment
    emergency: bool
    #: The emergency levels' action, as on the emergency page (None below them).
    urgent: UrgentView | None
    conditions: list[ConditionView]
    factors: list[FactorView]
    first: SpecialistView | None
    others: list[SpecialistView]
    safety_advice: list[AdviceView]
    self_care_advice: list[AdviceView]
    withheld: list[WithheldView]


def how_to_reach(specialist: str, deployment: Deployment) -> How:
    if deployment.bookable(specialist):
        return "book"
    if deployment.clinic_phone and specialist in deployment.specialists:
        return "call"
    return ""


def results_view(
    kb: KnowledgeBase,
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
        SpecialistView(s.id, s.name, s.why, how_to_reach(s.id, deployment))
        for s in assessment.specialists
    ]
    emergency = assessment.triage.level in EMERGENCY_LEVELS
    return ResultsView(
        assessment=assessment,
        emergency=emergency,
        urgent=urgent_view(kb, labels, assessment, values, t, deployment) if emergency else None,
        conditions=conditions,
        factors=[
            FactorView(f.id, f.name, f.detail, reasons(f.findings)) for f in assessment.factors
        ],
        first=specialists[0] if specialists else None,
        others=specialists[1:],
        safety_advice=[AdviceView(a.id, a.text) for a in assessment.advice if a.kind == "safety"],
        self_care_advice=[
            AdviceView(a.id, a.text) for a in assessment.advice if a.kind == "self_care"
        ],
        withheld=[WithheldView(w.id, w.text, w.why) for w in assessment.withheld_advice],
    )
