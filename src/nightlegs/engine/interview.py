"""The adaptive interview: which question to ask next, and when to stop.

Order of business:

1. a red flag answered "I don't know" is asked once more, in other words;
2. the mandatory questions (urgent signs, then the basics) in their order;
3. then, stage by stage, the question whose answers weigh most among the
   conditions still plausible, asking only the items whose answer could change
   what the person is told (urgency, leading condition, whom to see first,
   contributing factors, advice);
4. stop when no remaining answer can change any of that, or after the
   knowledge base's maximum number of questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nightlegs.engine import models
from nightlegs.engine.decide import Decision, context, decide
from nightlegs.knowledge.compiled import CompiledQuestion, KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN, Value

RECHECK_ID = "q-recheck-urgent"


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    question_id: str
    findings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InterviewState:
    values: Mapping[str, Value]
    asked: tuple[AskedQuestion, ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedQuestion:
    """A question to ask: the knowledge-base question (None for a re-check) and
    the items of it still worth asking."""

    question: CompiledQuestion | None
    findings: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.question.id if self.question else RECHECK_ID

    def record(self) -> AskedQuestion:
        return AskedQuestion(self.id, self.findings)


@dataclass(frozen=True, slots=True)
class NextStep:
    done: bool
    progress: float
    planned: PlannedQuestion | None
    decision: Decision


def next_step(kb: KnowledgeBase, state: InterviewState) -> NextStep:
    values = state.values
    decision = decide(kb, values)
    asked_count = len(state.asked)
    asked = {f for a in state.asked for f in a.findings}
    rechecked = {f for a in state.asked if a.question_id == RECHECK_ID for f in a.findings}

    recheck = tuple(
        f
        for f in sorted(kb.red_flags)
        if values.get(f) == UNKNOWN and f in asked and f not in rechecked
    )
    if recheck:
        return _step(asked_count, 1, PlannedQuestion(None, recheck), decision)
    # Safety questions come before the question limit: advice is never given on
    # a contraindication nobody was asked about (policy v2, principle 3).
    followup = _contraindication_followup(kb, decision, asked)
    if asked_count >= kb.meta.interview.max_questions:
        if followup is not None:
            return _step(asked_count, 1, followup, decision)
        return NextStep(True, 1.0, None, decision)

    ctx = context(kb, decision)
    for question in kb.questions:
        required = question.required_if is not None and question.required_if.test(ctx) is True
        if question.source.mandatory or required:
            open_items = _open_items(question, values, asked)
            if open_items:
                remaining = 1 + sum(1 for q in kb.questions if not q.source.mandatory)
                return _step(
                    asked_count, remaining, PlannedQuestion(question, open_items), decision
                )

    asked_questions = {a.question_id for a in state.asked}
    candidates = _candidates(kb, decision, values, asked, asked_questions)
    base_key = decision.key(kb)
    for question, items in candidates:
        informative = tuple(f for f in items if _informative(kb, values, f, base_key))
        joint = question.source.joint and len(items) > 1
        if (
            joint
            and len(informative) < len(items)
            and _jointly_informative(kb, values, items, base_key)
        ):
            # Some conditions need several answers together before any one counts.
            informative = items
        if not informative:
            continue
        chosen = informative if question.source.type == "group_multiple" else items
        return _step(asked_count, len(candidates), PlannedQuestion(question, chosen), decision)
    if followup is not None:
        return _step(asked_count, 1, followup, decision)
    return NextStep(True, 1.0, None, decision)


def _contraindication_followup(
    kb: KnowledgeBase, decision: Decision, asked: set[str]
) -> PlannedQuestion | None:
    """A short question about the contraindications of advice about to be given
    that were never asked, or None when there are none."""
    pending = [
        f
        for item in decision.advice
        for f in decision.notes[item.id].assumes_absent
        if f not in asked and f in kb.question_by_finding
    ]
    if not pending:
        return None
    question = kb.question_by_finding[pending[0]]
    return PlannedQuestion(question, tuple(f for f in question.findings if f in pending))


def _step(asked: int, remaining: int, planned: PlannedQuestion, decision: Decision) -> NextStep:
    progress = round(asked / (asked + max(remaining, 1)), 3)
    return NextStep(False, progress, planned, decision)


def _open_items(
    question: CompiledQuestion, values: Mapping[str, Value], asked: set[str]
) -> tuple[str, ...]:
    return tuple(f for f in question.findings if f not in values and f not in asked)


def _candidates(
    kb: KnowledgeBase,
    decision: Decision,
    values: Mapping[str, Value],
    asked: set[str],
    asked_questions: set[str],
) -> list[tuple[CompiledQuestion, tuple[str, ...]]]:
    ctx = context(kb, decision)
    critical = _critical(kb)
    panels_without_results = {
        q.source.panel
        for q in kb.questions
        if q.source.panel
        and not critical.intersection(q.findings)
        and any(values.get(f) == UNKNOWN for f in q.findings)
    }
    weights = _weights(kb)
    # Findings that a rule above the current level reads: answering them may raise it.
    higher = {
        f
        for r in kb.triage_rules
        if r.rank > decision.level
        for f in kb.direct_findings(r.rule.expr)
    }
    ranked: list[tuple[tuple[bool, int, float, int], CompiledQuestion, tuple[str, ...]]] = []
    for question in kb.questions:
        # A result that can make an emergency on its own (potassium, calcium ...)
        # is asked even when the person did not know the panel's first result.
        panel = None if critical.intersection(question.findings) else question.source.panel
        if question.source.mandatory or panel in panels_without_results:
            continue
        items = _open_items(question, values, asked)
        if not items:
            continue
        if question.ask_if is not None and question.ask_if.test(ctx) is False:
            continue
        if panel and any(
            earlier.source.panel == question.source.panel
            and earlier.order < question.order
            and _open_items(earlier, values, asked)
            and (earlier.ask_if is None or earlier.ask_if.test(ctx) is not False)
            for earlier in kb.questions
        ):
            continue  # a panel is asked in its order: the first result decides the rest
        if question.id in asked_questions:
            # Asked before with only the items that mattered then: come back for
            # an item that matters now (a medicine once a result is known), but
            # after the questions not yet asked at all.
            pass
        value = 0.0
        for finding in items:
            for condition_id, spread in weights.get(finding, ()):
                value += decision.probabilities.get(condition_id, 0.0) * spread
            if finding in higher:
                value += 1.0
        again = question.id in asked_questions
        ranked.append(((again, question.stage_rank, -value, question.order), question, items))
    ranked.sort(key=lambda item: item[0])
    return [(question, items) for _, question, items in ranked]


def _informative(
    kb: KnowledgeBase, values: Mapping[str, Value], finding: str, base_key: tuple[object, ...]
) -> bool:
    trial = dict(values)
    for answer in _probes(kb, finding):
        trial[finding] = answer
        if decide(kb, trial, notes=False).key(kb) != base_key:
            return True
    return False


def _jointly_informative(
    kb: KnowledgeBase,
    values: Mapping[str, Value],
    items: tuple[str, ...],
    base_key: tuple[object, ...],
) -> bool:
    if any(kb.findings[f].type != "boolean" for f in items):
        return False
    trial = dict(values)
    trial.update(dict.fromkeys(items, "present"))
    return decide(kb, trial, notes=False).key(kb) != base_key


def _probes(kb: KnowledgeBase, finding: str) -> tuple[Value, ...]:
    definition = kb.findings[finding]
    if definition.type == "boolean":
        return ("present", "absent", UNKNOWN)
    if definition.type == "choice":
        return (*definition.values, UNKNOWN)
    return (*kb.probe_values.get(finding, ()), UNKNOWN)


_CRITICAL: dict[str, tuple[KnowledgeBase, frozenset[str]]] = {}


def _critical(kb: KnowledgeBase) -> frozenset[str]:
    """Number findings that a rule at an emergency level reads (critical results)."""
    cached = _CRITICAL.get(kb.content_hash)
    if cached is not None and cached[0] is kb:
        return cached[1]
    found = frozenset(
        f
        for rule in kb.triage_rules
        if rule.rank >= kb.suppression_rank
        for f in kb.direct_findings(rule.rule.expr)
        if kb.findings[f].type == "number"
    )
    _CRITICAL[kb.content_hash] = (kb, found)
    return found


_WEIGHTS: dict[str, tuple[KnowledgeBase, dict[str, list[tuple[str, float]]]]] = {}


def _weights(kb: KnowledgeBase) -> dict[str, list[tuple[str, float]]]:
    """For each finding, how far each condition's score can swing on its answer."""
    cached = _WEIGHTS.get(kb.content_hash)
    if cached is not None and cached[0] is kb:
        return cached[1]
    index: dict[str, list[tuple[str, float]]] = {}
    for condition in kb.conditions:
        for feature in condition.features:
            options = [
                feature.present,
                feature.absent,
                feature.weight,
                *feature.values.values(),
                0.0,
            ]
            spread = max(options) - min(options)
            for finding in feature.findings:
                index.setdefault(finding, []).append((condition.id, spread))
    _WEIGHTS[kb.content_hash] = (kb, index)
    return index


def localize(kb: KnowledgeBase, planned: PlannedQuestion, language: str) -> models.Question:
    """The contract's question shape, in one language."""
    texts = kb.question_texts
    answers = [
        models.Choice(value=value, label=texts.answers[value].get(language))  # type: ignore[index]
        for value in ("present", "absent", UNKNOWN)
    ]
    if planned.question is None:
        items = []
        for finding in planned.findings:
            item = _item_source(kb, finding)
            label = (item.again or item.label).get(language)
            choices = answers
            if kb.findings[finding].type == "choice":  # a red flag with its own answers
                choices = [
                    models.Choice(value=v, label=(item.choices or {})[v].get(language))
                    for v in kb.findings[finding].values
                ] + [answers[2]]
            items.append(models.QuestionItem(finding=finding, label=label, choices=choices))
        return models.Question(
            id=RECHECK_ID,
            type="group_multiple",
            stage="urgent",
            stage_label=texts.stages["urgent"].get(language),
            text=texts.recheck.get(language),
            explanation=texts.recheck_why.get(language),
            items=items,
        )
    source = planned.question.source
    rendered = []
    for item in source.items:
        if item.finding not in planned.findings:
            continue
        definition = kb.findings[item.finding]
        question_item = models.QuestionItem(finding=item.finding, label=item.label.get(language))
        if definition.type == "boolean":
            question_item.choices = answers
        elif definition.type == "choice":
            question_item.choices = [
                models.Choice(value=v, label=(item.choices or {})[v].get(language))
                for v in definition.values
            ] + [answers[2]]
        else:
            question_item.unit = definition.unit
            question_item.unit_label = item.unit_label.get(language) if item.unit_label else None
            question_item.min = definition.minimum
            question_item.max = definition.maximum
            others = [u for u in kb.units.get(item.finding, {}) if u]
            question_item.units = others or None
        rendered.append(question_item)
    return models.Question(
        id=source.id,
        type=source.type,
        stage=source.stage,
        stage_label=texts.stages[source.stage].get(language),
        text=source.text.get(language),
        explanation=source.why.get(language),
        items=rendered,
    )


def _item_source(kb: KnowledgeBase, finding: str):  # type: ignore[no-untyped-def]
    for question in kb.questions:
        for item in question.source.items:
            if item.finding == finding:
                return item
    raise KeyError(finding)
