"""The answers the interview tries for a number finding, to see whether asking it
could change the result."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import pairwise

from nightlegs.knowledge.compiled import KnowledgeBase
from nightlegs.knowledge.expressions import Expr, thresholds


def probe_values(kb: KnowledgeBase, predicates: Mapping[str, Expr]) -> dict[str, tuple[float, ...]]:
    """Answers just either side of every numeric limit any rule or feature uses."""
    limits: dict[str, set[float]] = {}
    for expr in _all_exprs(kb, predicates):
        for finding, values in thresholds(expr).items():
            limits.setdefault(finding, set()).update(values)
    probes: dict[str, tuple[float, ...]] = {}
    for finding, values in limits.items():
        definition = kb.findings[finding]
        low = definition.minimum if definition.minimum is not None else float("-inf")
        high = definition.maximum if definition.maximum is not None else float("inf")
        # Every comparison with every limit gives the same answer anywhere
        # strictly between two neighbouring limits, so one point there is
        # enough: each limit itself, the midpoints, and one point beyond each end.
        limits_sorted = sorted(values)
        first, last = limits_sorted[0], limits_sorted[-1]
        points: set[float] = set(limits_sorted)
        points.update((a + b) / 2 for a, b in pairwise(limits_sorted))
        points.add(first - max(abs(first) * 0.01, 0.01))
        points.add(last + max(abs(last) * 0.01, 0.01))
        probes[finding] = tuple(sorted(p for p in points if low <= p <= high))
    return probes


def _all_exprs(kb: KnowledgeBase, predicates: Mapping[str, Expr]) -> Iterable[Expr]:
    exprs: list[Expr] = list(predicates.values())
    for condition in kb.conditions:
        exprs.extend(c.rule.expr for c in condition.criteria)
        exprs.extend(r.expr for r in (condition.hidden_when, condition.may_lead) if r)
        exprs.extend(f.rule.expr for f in condition.features if f.rule)
    exprs.extend(r.rule.expr for r in kb.triage_rules)
    exprs.extend(r.rule.expr for r in kb.scope_rules)
    exprs.extend(r.rule.expr for r in kb.factor_rules)
    exprs.extend(r.rule.expr for r in (*kb.first_specialist, *kb.also_specialists))
    exprs.extend(r.rule.expr for r in kb.test_rules)
    for item in kb.advice:
        exprs.append(item.give_when.expr)
        exprs.extend(c.rule.expr for c in item.contraindications)
        exprs.extend(v.rule.expr for v in (*item.variants, *item.caveats))
    exprs.extend(c.rule.expr for c in kb.contradictions)
    exprs.extend(u.rule.expr for u in kb.urgent_only)
    return exprs
