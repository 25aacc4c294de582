"""Turn the parsed YAML files into a :class:`KnowledgeBase`, or list why not.

Files are validated first (shapes, then the ids other files refer to); rules
are compiled only when every file has its shape, so that one broken file gives
its own issues rather than a cascade in the files that use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nightlegs.knowledge import compile_conditions, compile_guidance, compile_triage, schema
from nightlegs.knowledge.checker import Checker, finding_defs
from nightlegs.knowledge.compiled import CompiledCondition, KnowledgeBase
from nightlegs.knowledge.expressions import Compiled, Expr
from nightlegs.knowledge.probes import probe_values
from nightlegs.knowledge.units import UnitTables, units
from nightlegs.knowledge.yaml_source import Issue, SourceFile


@dataclass(frozen=True, slots=True)
class _Files:
    """The files validated against their models (shapes only)."""

    meta: schema.Meta
    sources: list[schema.Source]
    triage: schema.Triage
    factors: list[schema.Factor]
    specialists: schema.Specialists
    tests: schema.Tests
    advice: schema.Advice
    questions: schema.Questions
    texts: schema.Texts


@dataclass(frozen=True, slots=True)
class _Content:
    """What compiles even while some file has the wrong shape, for its issues."""

    predicates: dict[str, Compiled]
    predicate_exprs: dict[str, Expr]
    conditions: tuple[CompiledCondition, ...]
    units: UnitTables


def compile_kb(
    files: dict[str, SourceFile], digest: str
) -> tuple[KnowledgeBase | None, list[Issue]]:
    """The knowledge base of ``files`` (None if any issue was found) and the issues."""
    check = Checker(files)
    validated = _validate(check)
    predicates, predicate_exprs = compile_conditions.predicates(check)
    conditions = compile_conditions.conditions(check)
    unit_tables = units(check)
    if validated is None or check.issues:
        return None, check.issues
    content = _Content(predicates, predicate_exprs, conditions, unit_tables)
    kb = _assemble(check, validated, content, digest)
    return (None if check.issues else kb), check.issues


def _validate(check: Checker) -> _Files | None:
    """Every file against its model; records the ids that rules may name."""
    data = {name: source.data for name, source in check.files.items()}
    meta = check.model("meta", schema.Meta, data["meta"])
    sources = check.model("sources", list[schema.Source], data["sources"]) or []
    check.source_ids = {s.id for s in sources}
    check.vocabulary = data["vocabulary"] or {}
    check.findings = finding_defs(check.vocabulary.get("findings", {}))
    check.condition_ids = set(check.vocabulary.get("conditions", {}))
    check.factor_ids = set(check.vocabulary.get("factors", {}))
    triage = check.model("triage", schema.Triage, data["triage"])
    if triage is not None:
        check.level_ranks = {level.id: rank for rank, level in enumerate(triage.levels)}
        compile_triage.check_levels(check, tuple(triage.levels))
    parts: dict[str, Any] = {
        "meta": meta,
        "sources": sources,
        "triage": triage,
        "factors": check.model("factors", list[schema.Factor], data["factors"]) or [],
        "specialists": check.model("specialists", schema.Specialists, data["specialists"]),
        "tests": check.model("tests", schema.Tests, data["tests"]),
        "advice": check.model("advice", schema.Advice, data["advice"]),
        "questions": check.model("questions", schema.Questions, data["questions"]),
        "texts": check.model("texts", schema.Texts, data["texts"]),
    }
    return None if None in parts.values() else _Files(**parts)


def _assemble(check: Checker, files: _Files, content: _Content, digest: str) -> KnowledgeBase:
    triage, specialists, advice = files.triage, files.specialists, files.advice
    triage_rules = compile_triage.triage_rules(check, triage)
    kb = KnowledgeBase(
        meta=files.meta,
        content_hash=digest,
        sources={s.id: s for s in files.sources},
        findings=check.findings,
        units=content.units.conversions,
        predicates=content.predicates,
        conditions=content.conditions,
        levels=tuple(triage.levels),
        triage_rules=triage_rules,
        scope_rules=compile_triage.scope_rules(check, triage.scope),
        factors={f.id: f for f in files.factors},
        factor_rules=compile_guidance.factor_rules(check, files.factors),
        specialist_names=specialists.names,
        first_specialist=compile_guidance.routing(check, specialists.first, "first"),
        also_specialists=compile_guidance.routing(check, specialists.also, "also"),
        fallback_specialist=compile_guidance.routing(check, [specialists.fallback], "fallback")[0],
        test_names=files.tests.names,
        test_rules=compile_guidance.rules_for_tests(check, files.tests),
        advice=compile_guidance.advice(check, advice.items),
        advice_suppression=advice.emergency_suppression,
        out_of_scope_suppression=advice.out_of_scope_suppression,
        suppression_rank=check.level_ranks.get(advice.emergency_suppression.level, 0),
        questions=compile_guidance.questions(check, files.questions),
        question_texts=files.questions,
        texts=files.texts,
        red_flags=compile_triage.red_flags(triage_rules),
        emergency_red_flags=tuple(triage.unresolved.findings),
        lead_ties=compile_triage.lead_ties(check, triage.lead_ties),
        urgent_only=compile_triage.urgent_only(check, triage.urgent_only),
        contradictions=compile_triage.contradictions(check),
        items={item.finding: item for q in files.questions.questions for item in q.items},
        predicate_exprs=dict(content.predicate_exprs),
        loinc=dict(content.units.loinc),
        unit_labels=content.units.labels,
        unit_spellings=content.units.spellings,
    )
    # Indexes over what was just compiled: set on the frozen instance once.
    object.__setattr__(kb, "question_by_finding", {f: q for q in kb.questions for f in q.findings})
    object.__setattr__(kb, "probe_values", probe_values(kb, content.predicate_exprs))
    return kb
