"""The public shapes of an assessment and of a question (shared/contract/interview-api.md).

Fields may be added to these models; none may be renamed, dropped or change
meaning while API v1 stands.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nightlegs.languages import Language

Level = Literal["self_care", "consultation", "consultation_24", "emergency", "emergency_ambulance"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Triage(Out):
    level: Level
    name: str = Field(description="the level in plain words")
    reasons: list[str]
    safety_net: str = Field(description="what to do if it gets worse, with emergency numbers")


class Criterion(Out):
    id: str
    text: str
    status: Literal["met", "not_met", "unknown"]


class ConditionOut(Out):
    id: str
    name: str
    likelihood: Literal["high", "moderate", "low"]
    score: float
    criteria: list[Criterion]
    supporting: list[str]
    against: list[str]
    codes: dict[str, str] = Field(description="icd10 (WHO), icd10cm, icpc2 and snomed codes")
    sources: list[str]
    cannot_be_ruled_out: bool = Field(
        default=False,
        description="listed because a red-flag sign of it was answered 'unknown', not on its score",
    )


class Factor(Out):
    id: str
    name: str
    detail: str
    findings: list[str]
    sources: list[str]


class Specialist(Out):
    id: str
    name: str
    why: str


class Test(Out):
    id: str
    name: str
    why: str


class Advice(Out):
    id: str
    kind: Literal["self_care", "safety"]
    text: str
    sources: list[str]
    assumes_absent: list[str] = Field(
        default_factory=list,
        description="contraindication findings nobody answered; the advice assumes they are absent",
    )


class WithheldAdvice(Out):
    id: str
    text: str
    why: str
    sources: list[str]


class Assessment(Out):
    kb_version: str
    provisional: bool
    language: Language
    triage: Triage
    conditions: list[ConditionOut]
    out_of_scope: bool
    out_of_scope_reasons: list[str]
    factors: list[Factor]
    specialists: list[Specialist]
    tests: list[Test]
    advice: list[Advice]
    withheld_advice: list[WithheldAdvice]
    warnings: list[str]
    disclaimer: str


class Choice(Out):
    value: str
    label: str


class QuestionItem(Out):
    finding: str
    label: str
    choices: list[Choice] | None = None
    unit: str | None = None
    unit_label: str | None = None
    units: list[str] | None = Field(default=None, description="other units accepted")
    min: float | None = None
    max: float | None = None


class Question(Out):
    id: str
    type: Literal["single", "group_single", "group_multiple", "number", "choice"]
    stage: str
    stage_label: str
    text: str
    explanation: str | None = None
    items: list[QuestionItem]
