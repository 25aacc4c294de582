"""Turn a decision into the localized assessment a person (or a clinic) reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from nightlegs.engine import models
from nightlegs.engine.decide import Decision
from nightlegs.engine.scoring import ConditionScore
from nightlegs.knowledge.compiled import CompiledAdvice, CompiledTriageRule, KnowledgeBase
from nightlegs.knowledge.expressions import Value
from nightlegs.knowledge.schema import LText
from nightlegs.languages import DECIMAL_COMMA

#: A text in the reader's language with its placeholders filled.
Say = Callable[[LText], str]


class _Filler(dict[str, str]):
    """Placeholder values for texts; unknown placeholders stay visible."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_number(value: float, language: str) -> str:
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", ",") if language in DECIMAL_COMMA else text


def _placeholders(
    values: Mapping[str, Value], numbers: Mapping[str, str], language: str
) -> _Filler:
    filler = _Filler(numbers)
    for finding, value in values.items():
        if isinstance(value, float | int):
            filler[finding] = format_number(float(value), language)
        else:
            filler[finding] = str(value)
    return filler


def render(
    kb: KnowledgeBase,
    decision: Decision,
    language: str,
    *,
    provisional: bool = False,
    emergency_numbers: Mapping[str, str] | None = None,
) -> models.Assessment:
    """The assessment in ``language``: each text of the decision with its
    placeholders filled (answers, emergency numbers, the signs it names)."""
    numbers = dict(emergency_numbers or kb.meta.emergency_numbers.model_dump())
    filler = _placeholders(decision.values, numbers, language)

    def say(text: LText) -> str:
        return text.get(language).format_map(filler)

    # In this order: the reasons fill {sign}, then the warnings fill {signs}.
    reasons, safety_net = _reasons(kb, decision, language, say, filler)
    warnings = _warnings(kb, decision, language, say, filler, provisional)
    level = kb.levels[decision.level]
    return models.Assessment(
        kb_version=kb.version,
        provisional=provisional,
        language=language,  # type: ignore[arg-type]
        triage=models.Triage(
            level=level.id,  # type: ignore[arg-type]
            name=say(level.name),
            reasons=reasons,
            safety_net=safety_net,
        ),
        conditions=[_condition(c, say, kb) for c in decision.conditions],
        out_of_scope=decision.out_of_scope,
        out_of_scope_reasons=[say(r.source.reason) for r in decision.scope_rules],
        factors=_factors(kb, decision, say),
        specialists=[
            models.Specialist(
                id=r.source.specialist,
                name=say(kb.specialist_names[r.source.specialist]),
                why=say(r.source.why),
            )
            for r in decision.specialists
        ],
        tests=[
            models.Test(id=test, name=say(kb.test_names[test]), why=say(rule.source.why))
            for test, rule in decision.tests
        ],
        advice=[_advice(kb, decision, a, language, say) for a in decision.advice],
        withheld_advice=[
            models.WithheldAdvice(
                id=w.advice.id,
                text=say(w.advice.source.text),
                why=say(w.why),
                sources=list(w.contraindication.source.sources if w.contraindication else []),
            )
            for w in decision.withheld
        ],
        warnings=warnings,
        disclaimer=say(kb.texts.disclaimer),
    )


def _reasons(
    kb: KnowledgeBase, decision: Decision, language: str, say: Say, filler: _Filler
) -> tuple[list[str], str]:
    """Why this level (each reason once), and what to do if it gets worse."""

    def reason(rule: CompiledTriageRule) -> str:
        if rule.sign is not None:
            filler["sign"] = _finding_label(kb, rule.sign, language)
        return say(rule.source.reason)

    level = kb.levels[decision.level]
    # "No warning signs" only when every urgent sign that matters was answered "no".
    quiet = kb.texts.no_reason if decision.all_urgent_signs_absent else kb.texts.no_reason_unchecked
    reasons = list(dict.fromkeys(reason(r) for r in decision.triage_rules)) or [say(quiet)]
    nets = [say(level.safety_net)] + [
        say(r.source.safety_net) for r in decision.triage_rules if r.source.safety_net
    ]
    return reasons, " ".join(dict.fromkeys(nets))


def _warnings(
    kb: KnowledgeBase,
    decision: Decision,
    language: str,
    say: Say,
    filler: _Filler,
    provisional: bool,
) -> list[str]:
    """Red flags left unknown or not asked, and whether the result is provisional."""
    warnings = [
        say(r.source.warning_if_unknown)
        for r in decision.unknown_red_flags
        if r.source.warning_if_unknown
    ]
    if decision.unasked_red_flags:
        labels = [_finding_label(kb, f, language) for f in decision.unasked_red_flags]
        filler["signs"] = "; ".join(labels)
        warnings.append(say(kb.texts.unchecked_red_flags))
    if provisional:
        warnings.insert(0, say(kb.texts.provisional))
    return warnings


def _condition(score: ConditionScore, say: Say, kb: KnowledgeBase) -> models.ConditionOut:
    source = score.condition.source
    name = say(source.name)
    if score.cannot_be_ruled_out:
        name += f" ({say(kb.texts.cannot_be_ruled_out)})"
    return models.ConditionOut(
        id=score.id,
        name=name,
        likelihood=score.likelihood,
        score=round(score.probability, 3),
        criteria=[
            models.Criterion(id=cr.source.id, text=say(cr.source.text), status=status)
            for cr, status in score.criteria
        ],
        supporting=list(score.supporting),
        against=list(score.against),
        codes={k: v for k, v in source.codes.model_dump().items() if v is not None},
        sources=list(source.sources),
        cannot_be_ruled_out=score.cannot_be_ruled_out,
    )


def _factors(kb: KnowledgeBase, decision: Decision, say: Say) -> list[models.Factor]:
    """Each factor named, with the answers its rules read and their sources."""
    factors = []
    for factor_id, rules in decision.factors:
        read = {f for r in rules for f in kb.findings_of(r.rule.expr)}
        findings = sorted(f for f in read if f in decision.values)
        factors.append(
            models.Factor(
                id=factor_id,
                name=say(kb.factors[factor_id].name),
                detail=" ".join(say(r.source.detail) for r in rules),
                findings=findings,
                sources=sorted({s for r in rules for s in r.source.sources}),
            )
        )
    return factors


def _finding_label(kb: KnowledgeBase, finding: str, language: str) -> str:
    item = kb.items.get(finding)
    return item.label.get(language) if item is not None else finding


def _advice(
    kb: KnowledgeBase,
    decision: Decision,
    item: CompiledAdvice,
    language: str,
    say: Say,
) -> models.Advice:
    note = decision.notes.get(item.id)
    parts = [say(note.text if note else item.source.text)]
    assumes: tuple[str, ...] = ()
    if note is not None:
        parts.extend(say(c) for c in note.caveats)
        assumes = note.assumes_absent
    if assumes:
        labels = "; ".join(_finding_label(kb, f, language) for f in assumes)
        parts.append(kb.texts.assumes_absent.get(language).replace("{signs}", labels))
    return models.Advice(
        id=item.id,
        kind=item.source.kind,
        text=" ".join(parts),
        sources=list(item.source.sources),
        assumes_absent=list(assumes),
    )
