"""The results page's view model: the triage level with its reasons, the likely conditions
with their criteria, whom to see, the contributing factors, tests and advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nightlegs.engine import Assessment, Value
from nightlegs.i18n import N_, Translator
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
