"""The decision: evidence in, ids and the rules behind them out (no texts, no I/O).

Stages run in a fixed order, each seeing what the earlier ones decided:
conditions, scope, factors, triage, specialists, tests, advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from nightlegs.engine.scoring import ConditionScore, score_conditions
from nightlegs.knowledge.compiled import (
    CompiledAdvice,
    CompiledContraindication,
    CompiledFactorRule,
    CompiledRouting,
    CompiledScopeRule,
    CompiledTestRule,
    CompiledTriageRule,
    KnowledgeBase,
)
from nightlegs.knowledge.expressions import UNKNOWN, EvalContext, Value
from nightlegs.knowledge.schema import LText

#: Answers that mean "no" for a red flag (``none`` for a choice such as foot_wound).
_NO = frozenset({"absent", "none"})


@dataclass(frozen=True, slots=True)
class AdviceNote:
    """How one given advice item is worded for this person."""

    text: LText
    caveats: tuple[LText, ...] = ()
    #: Contraindication findings nobody answered, taken as absent (direct API).
    assumes_absent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Withheld:
    advice: CompiledAdvice
    why: LText
    contraindication: CompiledContraindication | None


@dataclass(frozen=True, slots=True)
class Decision:
    values: Mapping[str, Value]
    conditions: tuple[ConditionScore, ...]
    probabilities: Mapping[str, float]
    out_of_scope: bool
    scope_rules: tuple[CompiledScopeRule, ...]
    level: int
    triage_rules: tuple[CompiledTriageRule, ...]
    unknown_red_flags: tuple[CompiledTriageRule, ...]
    unasked_red_flags: tuple[str, ...]
    factors: tuple[tuple[str, tuple[CompiledFactorRule, ...]], ...]
    specialists: tuple[CompiledRouting, ...]
    tests: tuple[tuple[str, CompiledTestRule], ...]
    advice: tuple[CompiledAdvice, ...]
    withheld: tuple[Withheld, ...]
    notes: Mapping[str, AdviceNote] = field(default_factory=dict)
    #: Every emergency-level red flag that matters here was answered "no".
    all_urgent_signs_absent: bool = False

    @property
    def leading(self) -> str | None:
        return self.conditions[0].id if self.conditions else None

    def key(self, kb: KnowledgeBase) -> tuple[object, ...]:
        """What the interview must settle: a question whose answer cannot change
        this is not worth asking. At an emergency only urgency and the leading
        condition matter: the person should be calling for help, not answering."""
        if self.level >= kb.suppression_rank:
            return (self.level, self.leading)
        if self.out_of_scope:
            # Out of scope the person is sent to a family doctor; details wait.
            first = self.specialists[0].source.specialist if self.specialists else None
            return (self.level, self.leading, True, first)
        return (
            self.level,
            self.leading,
            frozenset(c.id for c in self.conditions if c.likelihood != "low"),
            self.out_of_scope,
            self.specialists[0].source.specialist if self.specialists else None,
            tuple(f for f, _ in self.factors),
            tuple(a.id for a in self.advice),
        )


def decide(kb: KnowledgeBase, values: Mapping[str, Value], *, notes: bool = True) -> Decision:
    """The decision for these answers. ``notes=False`` skips what only the person
    reads (advice wording and assumptions, tests, unasked red flags): the
    interview's trial decisions compare only what :meth:`Decision.key` holds."""
    conditions, probabilities = score_conditions(kb, values)
    ctx = EvalContext(
        values=values,
        probabilities=probabilities,
        moderate=kb.meta.likelihood.moderate,
        listed=frozenset(c.id for c in conditions),
        leading=None,
        predicates=kb.predicates,
    )
    # Each stage sees what the earlier ones decided, through the context.
    scope = tuple(r for r in kb.scope_rules if r.rule.test(ctx) is True)
    ctx.out_of_scope = bool(scope)
    factors = _factors(kb, ctx)
    ctx.factors = frozenset(factors)
    level, fired, unknown = _triage(kb, ctx)
    ctx.level = level
    conditions = _lead_order(kb, ctx, conditions, fired)
    ctx.leading = conditions[0].id if conditions else None
    given, withheld, advice_notes = _advice(kb, ctx, notes)
    # What the person reads; a trial decision of the interview needs none of it.
    unasked, quiet = _unasked_red_flags(kb, ctx) if notes else ((), False)
    return Decision(
        values=values,
        conditions=conditions,
        probabilities=probabilities,
        out_of_scope=bool(scope),
        scope_rules=scope,
        level=level,
        triage_rules=tuple(r for r in fired if r.rank == level),
        unknown_red_flags=unknown,
        unasked_red_flags=unasked,
        factors=tuple((f, tuple(rules)) for f, rules in factors.items()),
        specialists=_specialists(kb, ctx),
        tests=_tests(kb, ctx) if notes else (),
        advice=given,
        withheld=withheld,
        notes=advice_notes,
        all_urgent_signs_absent=quiet,
    )


def _factors(kb: KnowledgeBase, ctx: EvalContext) -> dict[str, list[CompiledFactorRule]]:
    """The contributing factors named, each with the rules that name it; a rule
    ``relevant_to`` some conditions counts only while one of them is listed."""
    factors: dict[str, list[CompiledFactorRule]] = {}
    for factor_rule in kb.factor_rules:
        relevant = factor_rule.source.relevant_to
        if relevant and not ctx.listed.intersection(relevant):
            continue
        if factor_rule.rule.test(ctx) is True:
            factors.setdefault(factor_rule.factor, []).append(factor_rule)
    return factors


def _triage(
    kb: KnowledgeBase, ctx: EvalContext
) -> tuple[int, list[CompiledTriageRule], tuple[CompiledTriageRule, ...]]:
    """The level, every rule that fired, and the red flags above the level that
    stayed unknown because a finding they read was answered "I don't know"."""
    level = 0
    fired: list[CompiledTriageRule] = []
    unknown_flags: list[CompiledTriageRule] = []
    floor = max((u.rank for u in kb.urgent_only if u.rule.test(ctx) is True), default=0)
    for rule in kb.triage_rules:
        result = rule.rule.test(ctx)
        if result is True and rule.rank < floor:
            continue  # e.g. no leg symptoms: only urgent rules still count
        if result is True:
            fired.append(rule)
            level = max(level, rule.rank)
        elif result is None and rule.source.red_flag and _answered_unknown(kb, rule, ctx.values):
            unknown_flags.append(rule)
    return level, fired, tuple(r for r in unknown_flags if r.rank > level)


def _unasked_red_flags(kb: KnowledgeBase, ctx: EvalContext) -> tuple[tuple[str, ...], bool]:
    """The red flags that apply here but were not answered, and whether every
    emergency-level red flag that applies was answered "no"."""
    applicable = tuple(f for f in sorted(kb.red_flags) if _relevant(kb, ctx, f))
    unasked = tuple(f for f in applicable if f not in ctx.values)
    urgent = [f for f in kb.emergency_red_flags if _relevant(kb, ctx, f)]
    return unasked, all(ctx.values.get(f) in _NO for f in urgent)


def _relevant(kb: KnowledgeBase, ctx: EvalContext, finding: str) -> bool:
    """A red flag matters unless the question that asks it does not apply
    (suicidal thoughts are asked only with a medicine that may cause akathisia)."""
    question = kb.question_by_finding.get(finding)
    if question is None or question.ask_if is None:
        return True
    return question.ask_if.test(ctx) is not False


def _lead_order(
    kb: KnowledgeBase,
    ctx: EvalContext,
    conditions: tuple[ConditionScore, ...],
    fired: list[CompiledTriageRule],
) -> tuple[ConditionScore, ...]:
    """Which condition leads (policy v2): the one whose own rule sets the
    highest level; on a tie the knowledge base's tie order, then likelihood.
    Rules without a ``lead`` do not choose; ``listed`` rules count for all."""
    if len(conditions) < 2:
        return conditions
    level: dict[str, int] = {}
    for rule in fired:
        lead = rule.source.lead
        for c in conditions:
            if lead == c.id or lead == "listed":
                level[c.id] = max(level.get(c.id, -1), rule.rank)

    def may_lead(c: ConditionScore) -> bool:
        gate = c.condition.may_lead
        return gate is None or gate.test(ctx) is not False

    ordered = sorted(
        conditions,
        key=lambda c: (not may_lead(c), -level.get(c.id, -1), -c.probability),
    )
    for tie in kb.lead_ties:
        if tie.rule is not None and tie.rule.test(ctx) is not True:
            continue
        ids = [c.id for c in ordered]
        if tie.source.first not in ids:
            continue
        first = ids.index(tie.source.first)
        rivals = [
            ids.index(b)
            for b in tie.source.before
            if b in ids
            and ids.index(b) < first
            and level.get(b, -1) == level.get(tie.source.first, -1)
            and may_lead(ordered[ids.index(b)]) == may_lead(ordered[first])
        ]
        if rivals:
            moved = ordered.pop(first)
            ordered.insert(min(rivals), moved)
    return tuple(ordered)


def context(kb: KnowledgeBase, decision: Decision) -> EvalContext:
    """The evaluation context a decision was made in, for follow-up questions."""
    return EvalContext(
        values=decision.values,
        probabilities=decision.probabilities,
        moderate=kb.meta.likelihood.moderate,
        listed=frozenset(c.id for c in decision.conditions),
        leading=decision.leading,
        factors=frozenset(f for f, _ in decision.factors),
        level=decision.level,
        out_of_scope=decision.out_of_scope,
        predicates=kb.predicates,
    )


def _answered_unknown(
    kb: KnowledgeBase, rule: CompiledTriageRule, values: Mapping[str, Value]
) -> bool:
    return any(values.get(f) == UNKNOWN for f in kb.direct_findings(rule.rule.expr))


def _specialists(kb: KnowledgeBase, ctx: EvalContext) -> tuple[CompiledRouting, ...]:
    first = next((r for r in kb.first_specialist if r.rule.test(ctx) is True), None)
    chosen: list[CompiledRouting] = []
    if first is not None:
        chosen.append(first)
    seen = {r.source.specialist for r in chosen}
    for rule in kb.also_specialists:
        if rule.source.specialist not in seen and rule.rule.test(ctx) is True:
            chosen.append(rule)
            seen.add(rule.source.specialist)
    if not chosen:
        chosen.append(kb.fallback_specialist)
    return tuple(chosen)


def _tests(kb: KnowledgeBase, ctx: EvalContext) -> tuple[tuple[str, CompiledTestRule], ...]:
    chosen: dict[str, CompiledTestRule] = {}
    for rule in kb.test_rules:
        if rule.rule.test(ctx) is True:
            for test in rule.source.tests:
                chosen.setdefault(test, rule)
    return tuple(chosen.items())


def _advice(
    kb: KnowledgeBase, ctx: EvalContext, with_notes: bool = True
) -> tuple[tuple[CompiledAdvice, ...], tuple[Withheld, ...], dict[str, AdviceNote]]:
    # "Cannot be ruled out": a finding nobody was asked about counts as absent,
    # but one answered "I don't know" stays unknown, and unknown withholds.
    cautious = replace(ctx, missing=False)
    given: list[CompiledAdvice] = []
    withheld: list[Withheld] = []
    for item in kb.advice:
        if item.give_when.test(ctx) is not True:
            continue
        contra = next(
            (c for c in item.contraindications if c.rule.test(cautious) is not False), None
        )
        if contra is not None:
            withheld.append(Withheld(item, contra.source.why, contra))
        elif item.source.kind == "self_care" and ctx.level >= kb.suppression_rank:
            withheld.append(Withheld(item, kb.advice_suppression.why, None))
        elif item.source.kind == "self_care" and ctx.out_of_scope:
            withheld.append(Withheld(item, kb.out_of_scope_suppression.why, None))
        else:
            given.append(item)
    notes = {item.id: _note(kb, ctx, item) for item in given} if with_notes else {}
    return tuple(given), tuple(withheld), notes


def _note(kb: KnowledgeBase, ctx: EvalContext, item: CompiledAdvice) -> AdviceNote:
    text = next((v.text for v in item.variants if v.rule.test(ctx) is True), item.source.text)
    caveats = tuple(c.text for c in item.caveats if c.rule.test(ctx) is True)
    return AdviceNote(text, caveats, assumed_absent(kb, ctx, item))


def assumed_absent(kb: KnowledgeBase, ctx: EvalContext, item: CompiledAdvice) -> tuple[str, ...]:
    """Contraindication findings of a given item that nobody answered: the
    item was given on the assumption that they are absent (policy v2, principle 3)."""
    assumed: list[str] = []
    for contra in item.contraindications:
        if contra.rule.test(ctx) is not None:
            continue  # settled by what is known, whatever the missing answers
        for finding in sorted(kb.findings_of(contra.rule.expr)):
            # A finding whose question does not apply (dialysis when kidney
            # disease was answered "no") is settled by that answer.
            if finding not in ctx.values and finding not in assumed and _relevant(kb, ctx, finding):
                assumed.append(finding)
    return tuple(assumed)
