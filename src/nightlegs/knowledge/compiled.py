"""The knowledge base as the engine uses it: validated, indexed and compiled."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from nightlegs.knowledge import schema
from nightlegs.knowledge.expressions import Compiled, Expr

FindingType = Literal["boolean", "number", "choice"]
#: The YAML model a compiled item came from.
S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class FindingDef:
    id: str
    type: FindingType
    means: str
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """A parsed expression and the closure compiled from it."""

    expr: Expr
    test: Compiled


@dataclass(frozen=True, slots=True)
class CompiledItem(Generic[S]):
    """A YAML item whose meaning is one rule (a criterion, a scope rule, a routing
    rule, a test rule, a contraindication, a contradiction) with its compiled ``when``."""

    source: S
    rule: Rule


CompiledCriterion = CompiledItem[schema.Criterion]
CompiledContradiction = CompiledItem[schema.Contradiction]
CompiledScopeRule = CompiledItem[schema.ScopeRule]
CompiledRouting = CompiledItem[schema.RoutingRule]
CompiledTestRule = CompiledItem[schema.TestRule]
CompiledContraindication = CompiledItem[schema.Contraindication]


@dataclass(frozen=True, slots=True)
class ScoredFeature:
    """Evidence that moves a condition's score; weights are log-odds points."""

    findings: tuple[str, ...]
    finding: str | None
    present: float
    absent: float
    values: dict[str, float]
    rule: Rule | None
    weight: float


@dataclass(frozen=True, slots=True)
class CompiledCondition:
    source: schema.Condition
    features: tuple[ScoredFeature, ...]
    criteria: tuple[CompiledCriterion, ...]
    hidden_when: Rule | None = None
    may_lead: Rule | None = None

    @property
    def id(self) -> str:
        return self.source.id


@dataclass(frozen=True, slots=True)
class CompiledTriageRule:
    source: schema.TriageRule
    rank: int
    rule: Rule
    #: For an unresolved red flag: the sign that could not be ruled out.
    sign: str | None = None


@dataclass(frozen=True, slots=True)
class CompiledLeadTie:
    source: schema.LeadTie
    rule: Rule | None


@dataclass(frozen=True, slots=True)
class CompiledUrgentOnly:
    rank: int
    rule: Rule


@dataclass(frozen=True, slots=True)
class CompiledFactorRule:
    factor: str
    source: schema.FactorRule
    rule: Rule


@dataclass(frozen=True, slots=True)
class CompiledVariant:
    rule: Rule
    text: schema.LText


@dataclass(frozen=True, slots=True)
class CompiledAdvice:
    source: schema.AdviceItem
    give_when: Rule
    contraindications: tuple[CompiledContraindication, ...]
    variants: tuple[CompiledVariant, ...] = ()
    caveats: tuple[CompiledVariant, ...] = ()

    @property
    def id(self) -> str:
        return self.source.id


@dataclass(frozen=True, slots=True)
class CompiledQuestion:
    source: schema.Question
    ask_if: Rule | None
    stage_rank: int
    order: int
    required_if: Rule | None = None

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def findings(self) -> tuple[str, ...]:
        return tuple(item.finding for item in self.source.items)


@dataclass(frozen=True, slots=True)
class UnitConversion:
    name: str
    factor: float
    offset: float
    #: The values plausible in this unit, [low, high] (kb/units.yaml).
    plausible: tuple[float, float] | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    meta: schema.Meta
    content_hash: str
    sources: dict[str, schema.Source]
    findings: dict[str, FindingDef]
    units: dict[str, dict[str, UnitConversion]]
    predicates: dict[str, Compiled]
    conditions: tuple[CompiledCondition, ...]
    levels: tuple[schema.TriageLevel, ...]
    triage_rules: tuple[CompiledTriageRule, ...]
    scope_rules: tuple[CompiledScopeRule, ...]
    factors: dict[str, schema.Factor]
    factor_rules: tuple[CompiledFactorRule, ...]
    specialist_names: dict[str, schema.LText]
    first_specialist: tuple[CompiledRouting, ...]
    also_specialists: tuple[CompiledRouting, ...]
    fallback_specialist: CompiledRouting
    test_names: dict[str, schema.LText]
    test_rules: tuple[CompiledTestRule, ...]
    advice: tuple[CompiledAdvice, ...]
    advice_suppression: schema.EmergencySuppression
    out_of_scope_suppression: schema.OutOfScopeSuppression
    suppression_rank: int
    questions: tuple[CompiledQuestion, ...]
    question_texts: schema.Questions
    texts: schema.Texts
    red_flags: frozenset[str]
    #: The closed list of emergency-level red flags (policy v2, principle 2).
    emergency_red_flags: tuple[str, ...] = ()
    lead_ties: tuple[CompiledLeadTie, ...] = ()
    urgent_only: tuple[CompiledUrgentOnly, ...] = ()
    contradictions: tuple[CompiledContradiction, ...] = ()
    #: For every finding, the question item that asks it (label, re-ask words).
    items: dict[str, schema.QuestionItem] = field(default_factory=dict)
    question_by_finding: dict[str, CompiledQuestion] = field(default_factory=dict)
    # Caches keyed by the expression's id, holding the expression itself so a
    # reused id can never return another expression's answer.
    _findings_cache: dict[int, tuple[Expr, frozenset[str]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _direct_cache: dict[int, tuple[Expr, frozenset[str]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    predicate_exprs: dict[str, Expr] = field(default_factory=dict)
    #: For every number finding, answers on both sides of every limit the rules use.
    probe_values: dict[str, tuple[float, ...]] = field(default_factory=dict)
    #: For every laboratory finding, its LOINC code (kb/units.yaml).
    loinc: dict[str, str] = field(default_factory=dict)
    #: Every laboratory unit's label per language, and every way of typing a unit
    #: (compared as knowledge.numbers.unit_key) to its id (kb/units.yaml).
    unit_labels: dict[str, schema.LText] = field(default_factory=dict)
    unit_spellings: dict[str, str] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.meta.kb_version

    def level_rank(self, level: str) -> int:
        for rank, item in enumerate(self.levels):
            if item.id == level:
                return rank
        raise KeyError(level)

    def findings_of(self, expr: Expr) -> set[str]:
        """Every finding an expression reads, through named predicates too."""
        cached = self._findings_cache.get(id(expr))
        if cached is not None and cached[0] is expr:
            return set(cached[1])
        found = self._findings_of(expr)
        self._findings_cache[id(expr)] = (expr, frozenset(found))
        return found

    def direct_findings(self, expr: Expr) -> frozenset[str]:
        """The findings an expression names itself (not through predicates), cached."""
        cached = self._direct_cache.get(id(expr))
        if cached is not None and cached[0] is expr:
            return cached[1]
        found = frozenset(expr.findings())
        self._direct_cache[id(expr)] = (expr, found)
        return found

    def _findings_of(self, expr: Expr) -> set[str]:
        found = set(expr.findings())
        pending = list(expr.refs("ref"))
        seen: set[str] = set()
        while pending:
            name = pending.pop()
            if name in seen or name not in self.predicate_exprs:
                continue
            seen.add(name)
            found.update(self.predicate_exprs[name].findings())
            pending.extend(self.predicate_exprs[name].refs("ref"))
        return found

    def condition(self, condition_id: str) -> CompiledCondition:
        for condition in self.conditions:
            if condition.id == condition_id:
                return condition
        raise KeyError(condition_id)

    def question(self, question_id: str) -> CompiledQuestion:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)
