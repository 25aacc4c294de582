"""Compile ``triage.yaml`` (levels, rules, unresolved red flags, lead ties,
urgent-only and scope rules) and ``consistency.yaml`` (answers that contradict)."""

from __future__ import annotations

from nightlegs.knowledge import schema
from nightlegs.knowledge.checker import Checker
from nightlegs.knowledge.compiled import (
    CompiledContradiction,
    CompiledItem,
    CompiledLeadTie,
    CompiledScopeRule,
    CompiledTriageRule,
    CompiledUrgentOnly,
)
from nightlegs.knowledge.yaml_source import NodePath


def check_levels(check: Checker, levels: tuple[schema.TriageLevel, ...]) -> None:
    """The levels are the vocabulary's, in its order (lowest first)."""
    wanted = list(check.vocabulary.get("triage_levels", {}))
    have = [level.id for level in levels]
    if wanted != have:
        check.complain("triage", ("levels",), f"levels must be {wanted}, got {have}")


def triage_rules(check: Checker, triage: schema.Triage) -> tuple[CompiledTriageRule, ...]:
    """The written rules, then one generated rule per unresolved red flag."""
    written = tuple(
        CompiledTriageRule(rule, check.level_ranks.get(rule.level, 0), r)
        for i, rule in enumerate(triage.rules)
        if (r := check.expr("triage", ("rules", i, "when"), rule.when))
    )
    for i, rule in enumerate(triage.rules):
        if rule.level not in check.level_ranks:
            check.complain("triage", ("rules", i, "level"), f"unknown level {rule.level}")
        if rule.lead not in (None, "listed") and rule.lead not in check.condition_ids:
            check.complain("triage", ("rules", i, "lead"), f"unknown lead {rule.lead}")
        check.sources_exist("triage", ("rules", i), rule.sources)
    return written + _unresolved(check, triage.unresolved)


def _unresolved(
    check: Checker, unresolved: schema.UnresolvedRedFlags
) -> tuple[CompiledTriageRule, ...]:
    """One rule per emergency-level red flag: answered "I don't know", it
    gives at least ``unresolved.level`` and names the sign."""
    path: NodePath = ("unresolved",)
    check.sources_exist("triage", path, unresolved.sources)
    if unresolved.level not in check.level_ranks:
        check.complain("triage", path, f"unknown level {unresolved.level}")
        return ()
    rules = []
    for finding in unresolved.findings:
        if finding not in check.findings:
            check.complain("triage", path, f"unknown finding {finding}")
            continue
        source = schema.TriageRule(
            id=f"unresolved-{finding}",
            level=unresolved.level,
            when={"answered_unknown": finding},
            reason=unresolved.reason,
            sources=unresolved.sources,
        )
        rule = check.expr("triage", path, source.when)
        if rule:
            rank = check.level_ranks[unresolved.level]
            rules.append(CompiledTriageRule(source, rank, rule, finding))
    return tuple(rules)


def red_flags(rules: tuple[CompiledTriageRule, ...]) -> frozenset[str]:
    """Every finding a red-flag rule reads."""
    return frozenset(f for rule in rules if rule.source.red_flag for f in rule.rule.expr.findings())


def lead_ties(check: Checker, ties: list[schema.LeadTie]) -> tuple[CompiledLeadTie, ...]:
    result = []
    for i, tie in enumerate(ties):
        path: NodePath = ("lead_ties", i)
        check.sources_exist("triage", path, tie.sources)
        for condition in (tie.first, *tie.before):
            if condition not in check.condition_ids:
                check.complain("triage", path, f"unknown condition {condition}")
        result.append(
            CompiledLeadTie(tie, check.optional_expr("triage", (*path, "when"), tie.when))
        )
    return tuple(result)


def urgent_only(check: Checker, items: list[schema.UrgentOnly]) -> tuple[CompiledUrgentOnly, ...]:
    result = []
    for i, only in enumerate(items):
        check.sources_exist("triage", ("urgent_only", i), only.sources)
        if only.level not in check.level_ranks:
            check.complain("triage", ("urgent_only", i), f"unknown level {only.level}")
        elif rule := check.expr("triage", ("urgent_only", i, "when"), only.when):
            result.append(CompiledUrgentOnly(check.level_ranks[only.level], rule))
    return tuple(result)


def scope_rules(check: Checker, scope: list[schema.ScopeRule]) -> tuple[CompiledScopeRule, ...]:
    return tuple(
        CompiledItem(rule, r)
        for i, rule in enumerate(scope)
        if (r := check.expr("triage", ("scope", i, "when"), rule.when))
    )


def contradictions(check: Checker) -> tuple[CompiledContradiction, ...]:
    data = check.files["consistency"].data
    items = check.model("consistency", list[schema.Contradiction], data)
    result = []
    for i, item in enumerate(items or []):
        check.sources_exist("consistency", (i,), item.sources)
        check.findings_exist("consistency", (i,), item.findings)
        rule = check.expr("consistency", (i, "when"), item.when)
        if rule:
            result.append(CompiledItem(item, rule))
    return tuple(result)
