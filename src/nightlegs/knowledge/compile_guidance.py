"""Compile what a person is told beyond urgency: contributing factors
(``factors.yaml``), whom to see (``specialists.yaml``), tests to discuss
(``tests.yaml``), advice (``advice.yaml``) and the interview (``questions.yaml``)."""

from __future__ import annotations

from nightlegs.knowledge import schema
from nightlegs.knowledge.checker import Checker
from nightlegs.knowledge.compiled import (
    CompiledAdvice,
    CompiledContraindication,
    CompiledFactorRule,
    CompiledItem,
    CompiledQuestion,
    CompiledRouting,
    CompiledTestRule,
    CompiledVariant,
)
from nightlegs.knowledge.yaml_source import NodePath


def factor_rules(check: Checker, factors: list[schema.Factor]) -> tuple[CompiledFactorRule, ...]:
    result = []
    for i, factor in enumerate(factors):
        if factor.id not in check.factor_ids:
            check.complain("factors", (i,), f"unknown factor {factor.id}")
        for j, rule in enumerate(factor.rules):
            path: NodePath = (i, "rules", j)
            check.sources_exist("factors", path, rule.sources)
            for condition in rule.relevant_to or []:
                if condition not in check.condition_ids:
                    check.complain("factors", path, f"unknown {condition}")
            compiled = check.expr("factors", (*path, "when"), rule.when)
            if compiled:
                result.append(CompiledFactorRule(factor.id, rule, compiled))
    return tuple(result)


def routing(
    check: Checker, rules: list[schema.RoutingRule], key: str
) -> tuple[CompiledRouting, ...]:
    """The rules of one list of ``specialists.yaml`` (``first``, ``also``, ``fallback``)."""
    known = set(check.vocabulary.get("specialists", {}))
    result = []
    for i, item in enumerate(rules):
        if item.specialist not in known:
            check.complain("specialists", (key, i), f"unknown specialist {item.specialist}")
        check.sources_exist("specialists", (key, i), item.sources)
        rule = check.expr("specialists", (key, i, "when"), item.when)
        if rule:
            result.append(CompiledItem(item, rule))
    return tuple(result)


def rules_for_tests(check: Checker, tests: schema.Tests) -> tuple[CompiledTestRule, ...]:
    known = set(tests.names)
    result = []
    for i, item in enumerate(tests.rules):
        for test in item.tests:
            if test not in known:
                check.complain("tests", ("rules", i), f"unknown test {test}")
        check.sources_exist("tests", ("rules", i), item.sources)
        rule = check.expr("tests", ("rules", i, "when"), item.when)
        if rule:
            result.append(CompiledItem(item, rule))
    return tuple(result)


def advice(check: Checker, items: list[schema.AdviceItem]) -> tuple[CompiledAdvice, ...]:
    result = []
    for i, item in enumerate(items):
        path: NodePath = ("items", i)
        check.sources_exist("advice", path, item.sources)
        give = check.expr("advice", (*path, "give_when"), item.give_when)
        contras: list[CompiledContraindication] = []
        for j, contra in enumerate(item.contraindications):
            check.sources_exist("advice", (*path, "contraindications", j), contra.sources)
            rule = check.expr("advice", (*path, "contraindications", j, "when"), contra.when)
            if rule:
                contras.append(CompiledItem(contra, rule))
        variants = _variants(check, item.variants, (*path, "variants"))
        caveats = _variants(check, item.caveats, (*path, "caveats"))
        if give:
            result.append(CompiledAdvice(item, give, tuple(contras), variants, caveats))
    return tuple(result)


def _variants(
    check: Checker, variants: list[schema.TextVariant], path: NodePath
) -> tuple[CompiledVariant, ...]:
    return tuple(
        CompiledVariant(rule, variant.text)
        for j, variant in enumerate(variants)
        if (rule := check.expr("advice", (*path, j, "when"), variant.when))
    )


def questions(check: Checker, texts: schema.Questions) -> tuple[CompiledQuestion, ...]:
    stages = list(texts.stages)
    result = []
    for i, item in enumerate(texts.questions):
        path: NodePath = ("questions", i)
        if item.stage not in stages:
            check.complain("questions", path, f"unknown stage {item.stage}")
        ask_if = check.optional_expr("questions", (*path, "ask_if"), item.ask_if)
        required_if = check.optional_expr("questions", (*path, "required_if"), item.required_if)
        rank = stages.index(item.stage) if item.stage in stages else 0
        result.append(CompiledQuestion(item, ask_if, rank, i, required_if))
    return tuple(result)
