"""Compile ``predicates.yaml`` (named rules) and ``conditions.yaml`` (criteria and
the weighted evidence that scores each condition)."""

from __future__ import annotations

from nightlegs.knowledge import schema
from nightlegs.knowledge.checker import Checker
from nightlegs.knowledge.compiled import CompiledCondition, CompiledItem, ScoredFeature
from nightlegs.knowledge.expressions import Compiled, Expr
from nightlegs.knowledge.yaml_source import NodePath


def predicates(check: Checker) -> tuple[dict[str, Compiled], dict[str, Expr]]:
    """Each named predicate compiled, and its parsed expression (for the probes)."""
    raw = check.files["predicates"].data or {}
    compiled: dict[str, Compiled] = {}
    exprs: dict[str, Expr] = {}
    for name, data in raw.items():
        item = check.model("predicates", schema.Predicate, data, (name,))
        if item is None:
            continue
        check.sources_exist("predicates", (name,), item.sources)
        rule = check.expr("predicates", (name, "when"), item.when)
        if rule:
            compiled[name] = rule.test
            exprs[name] = rule.expr
    return compiled, exprs


def conditions(check: Checker) -> tuple[CompiledCondition, ...]:
    items = check.model("conditions", list[schema.Condition], check.files["conditions"].data)
    return tuple(_condition(check, i, item) for i, item in enumerate(items or []))


def _condition(check: Checker, i: int, item: schema.Condition) -> CompiledCondition:
    if item.id not in check.condition_ids:
        check.complain("conditions", (i,), f"unknown id {item.id}")
    check.sources_exist("conditions", (i,), item.sources)
    criteria = []
    for j, criterion in enumerate(item.criteria):
        check.sources_exist("conditions", (i, "criteria", j), criterion.sources)
        rule = check.expr("conditions", (i, "criteria", j, "when"), criterion.when)
        if rule:
            criteria.append(CompiledItem(criterion, rule))
    features = [
        f
        for j, feature in enumerate(item.features)
        if (f := _feature(check, feature, (i, "features", j)))
    ]
    check.findings_exist("conditions", (i,), item.unresolved_signs)
    hidden = check.optional_expr("conditions", (i, "hidden_when"), item.hidden_when)
    may_lead = check.optional_expr("conditions", (i, "may_lead"), item.may_lead)
    return CompiledCondition(item, tuple(features), tuple(criteria), hidden, may_lead)


def _feature(check: Checker, feature: schema.Feature, path: NodePath) -> ScoredFeature | None:
    """A feature is either a rule (``when`` with a ``weight``) or one finding
    with a weight per answer (``present``, ``absent``, ``values``)."""
    check.sources_exist("conditions", path, feature.sources)
    if feature.when is not None:
        rule = check.expr("conditions", (*path, "when"), feature.when)
        if rule is None or feature.weight is None:
            if feature.weight is None:
                check.complain("conditions", path, "'when' needs 'weight'")
            return None
        findings = tuple(sorted(rule.expr.findings()))
        return ScoredFeature(findings, None, 0.0, 0.0, {}, rule, feature.weight)
    if feature.finding is None or feature.finding not in check.findings:
        check.complain("conditions", path, f"unknown finding {feature.finding}")
        return None
    definition = check.findings[feature.finding]
    for value in feature.values or {}:
        if value not in definition.values:
            check.complain("conditions", path, f"{value} is not a value of {definition.id}")
    return ScoredFeature(
        (feature.finding,),
        feature.finding,
        feature.present or 0.0,
        feature.absent or 0.0,
        dict(feature.values or {}),
        None,
        0.0,
    )
