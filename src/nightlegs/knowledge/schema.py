"""Strict pydantic models of the knowledge-base YAML files, as written by hand.

These models only check shape; cross-references (ids, sources) are checked by
:mod:`nightlegs.knowledge.checker` while compiling, coverage and reachability by
:mod:`nightlegs.knowledge.lint`.
Expressions stay as plain mappings here and are parsed by
:mod:`nightlegs.knowledge.expressions`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from nightlegs.languages import Language

Band = Literal["low", "moderate"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LText(Strict):
    """A patient-facing text in every language the product speaks."""

    uk: str = Field(min_length=1)
    ru: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return str(getattr(self, language))


ExprData = dict[str, Any]


class Likelihood(Strict):
    high: float = Field(gt=0, lt=1)
    moderate: float = Field(gt=0, lt=1)
    list_floor: float = Field(ge=0, lt=1)
    cap_low: float = Field(gt=0, lt=1)
    cap_moderate: float = Field(gt=0, lt=1)


class InterviewSettings(Strict):
    max_questions: int = Field(ge=1, le=100)


class EmergencyNumbers(Strict):
    ambulance: str
    general: str


class Meta(Strict):
    kb_version: str = Field(pattern=r"^\d{4}\.\d{1,2}\.\d+$")
    default_language: Language
    likelihood: Likelihood
    interview: InterviewSettings
    emergency_numbers: EmergencyNumbers


class Source(Strict):
    id: str
    citation: str
    year: int = Field(ge=1900, le=2100)
    url: str | None = None
    note: str | None = None


class UnitAlias(Strict):
    unit: str
    factor: float = 1.0
    offset: float = 0.0
    #: The values plausible in this unit, [low, high] (kb/units.yaml).
    plausible: tuple[float, float] | None = None


class LabUnits(Strict):
    finding: str
    accepts: list[UnitAlias]
    #: The LOINC code of this laboratory value in the vocabulary's unit, as
    #: checked against the published LOINC table (kb/CHANGELOG.md).
    loinc: str | None = None
    sources: list[str] = Field(min_length=1)


class UnitName(Strict):
    """A laboratory unit as written in each language, and as people also type it."""

    label: LText
    spellings: list[str] = Field(default_factory=list)


class Units(Strict):
    units: dict[str, UnitName]
    findings: list[LabUnits]


class Predicate(Strict):
    when: ExprData
    sources: list[str] = Field(min_length=1)


class Criterion(Strict):
    id: str
    text: LText
    when: ExprData
    required_cap: Band | None = None
    unknown_cap: Band | None = None
    sources: list[str] = Field(min_length=1)


class Feature(Strict):
    """One piece of evidence for (positive weight) or against a condition."""

    finding: str | None = None
    present: float | None = None
    absent: float | None = None
    values: dict[str, float] | None = None
    when: ExprData | None = None
    weight: float | None = None
    sources: list[str] | None = None


class Codes(Strict):
    #: WHO ICD-10; a code that exists only in ICD-10-CM goes under ``icd10cm``.
    icd10: str | None = None
    icd10cm: str | None = None
    icpc2: str | None = None
    snomed: str | None = None


class Condition(Strict):
    id: str
    name: LText
    codes: Codes
    emergency: bool = False
    prior: float
    sources: list[str] = Field(min_length=1)
    criteria: list[Criterion] = Field(min_length=1)
    features: list[Feature] = Field(min_length=1)
    #: Red-flag findings whose explicit "I don't know" lists this condition as
    #: "cannot be ruled out" (policy v2, principle 2).
    unresolved_signs: list[str] = []
    #: Not listed at all while this holds (policy v2: RLS with a criterion answered "no").
    hidden_when: ExprData | None = None
    #: Leads only while this holds (policy v2: akathisia without whole-body
    #: restlessness is a low-likelihood alternative that never leads).
    may_lead: ExprData | None = None


class TriageLevel(Strict):
    id: str
    name: LText
    safety_net: LText


class TriageRule(Strict):
    id: str
    level: str
    when: ExprData
    reason: LText
    red_flag: bool = False
    warning_if_unknown: LText | None = None
    #: The condition this rule belongs to (it leads when this rule sets the
    #: level), or ``listed`` for a rule about any listed covered condition.
    lead: str | None = None
    #: What to do if it gets worse, for this situation (added to the level's).
    safety_net: LText | None = None
    sources: list[str] = Field(min_length=1)


class UnresolvedRedFlags(Strict):
    """Emergency-level red flags: each one left unknown gives at least ``level``."""

    level: str
    findings: list[str] = Field(min_length=1)
    reason: LText
    sources: list[str] = Field(min_length=1)


class LeadTie(Strict):
    """On a tie in level, ``first`` leads before ``before`` (when ``when`` holds)."""

    first: str
    before: list[str] = Field(min_length=1)
    when: ExprData | None = None
    sources: list[str] = Field(min_length=1)


class ScopeRule(Strict):
    id: str
    when: ExprData
    reason: LText
    sources: list[str] = Field(min_length=1)


class UrgentOnly(Strict):
    """While ``when`` holds only rules from ``level`` up count (policy v2,
    Scope: no leg symptoms is self-care, but every urgent rule still applies)."""

    when: ExprData
    level: str
    sources: list[str] = Field(min_length=1)


class Triage(Strict):
    levels: list[TriageLevel]
    rules: list[TriageRule]
    unresolved: UnresolvedRedFlags
    urgent_only: list[UrgentOnly] = []
    lead_ties: list[LeadTie] = []
    scope: list[ScopeRule]


class FactorRule(Strict):
    when: ExprData
    detail: LText
    relevant_to: list[str] | None = None
    sources: list[str] = Field(min_length=1)


class Factor(Strict):
    id: str
    name: LText
    rules: list[FactorRule] = Field(min_length=1)


class RoutingRule(Strict):
    when: ExprData
    specialist: str
    why: LText
    sources: list[str] = Field(min_length=1)


class Specialists(Strict):
    names: dict[str, LText]
    first: list[RoutingRule]
    also: list[RoutingRule]
    fallback: RoutingRule


class TestRule(Strict):
    when: ExprData
    tests: list[str] = Field(min_length=1)
    why: LText
    sources: list[str] = Field(min_length=1)


class Tests(Strict):
    names: dict[str, LText]
    rules: list[TestRule]


class Contraindication(Strict):
    id: str
    when: ExprData
    why: LText
    sources: list[str] = Field(min_length=1)


class TextVariant(Strict):
    """A text used instead of (variant) or added to (caveat) an item's text."""

    when: ExprData
    text: LText


class AdviceItem(Strict):
    id: str
    kind: Literal["self_care", "safety"]
    text: LText
    give_when: ExprData
    contraindications: list[Contraindication] = []
    #: The first variant whose condition holds replaces the text.
    variants: list[TextVariant] = []
    #: Every caveat whose condition holds is added after the text.
    caveats: list[TextVariant] = []
    sources: list[str] = Field(min_length=1)


class EmergencySuppression(Strict):
    level: str
    why: LText


class OutOfScopeSuppression(Strict):
    why: LText


class Advice(Strict):
    emergency_suppression: EmergencySuppression
    out_of_scope_suppression: OutOfScopeSuppression
    items: list[AdviceItem]


class QuestionItem(Strict):
    finding: str
    label: LText
    again: LText | None = None
    choices: dict[str, LText] | None = None
    unit_label: LText | None = None


class Question(Strict):
    id: str
    stage: str
    type: Literal["single", "group_single", "group_multiple", "number", "choice"]
    mandatory: bool = False
    #: The items are read together as a pattern: when no single answer matters
    #: but all of them together would, the whole question is asked.
    joint: bool = False
    text: LText
    why: LText
    ask_if: ExprData | None = None
    #: Asked whenever this holds, like a mandatory question (an unresolved red
    #: flag needs the answers that would corroborate it, policy v2 principle 2).
    required_if: ExprData | None = None
    #: Questions about results of one laboratory panel: when one was answered
    #: "I don't know", the person does not have that panel and the rest are skipped.
    panel: str | None = None
    items: list[QuestionItem] = Field(min_length=1)


class Questions(Strict):
    stages: dict[str, LText]
    answers: dict[Literal["present", "absent", "unknown"], LText]
    recheck: LText
    recheck_why: LText
    questions: list[Question]


class Texts(Strict):
    """Engine-level sentences that belong to no single rule."""

    disclaimer: LText
    provisional: LText
    unchecked_red_flags: LText
    red_flag_unknown_intro: LText
    out_of_scope: LText
    no_reason: LText
    #: Said instead of ``no_reason`` while some urgent sign was not answered "no".
    no_reason_unchecked: LText
    assumes_absent: LText
    cannot_be_ruled_out: LText
    withheld_prefix: LText


class Contradiction(Strict):
    """Answers that cannot both be true; refused naming ``findings`` (policy principle 5)."""

    id: str
    findings: list[str] = Field(min_length=2)
    when: ExprData
    message: str
    sources: list[str] = Field(min_length=1)
