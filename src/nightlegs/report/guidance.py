"""What the assessment proposes, as the doctor reads it: the likely conditions with their
criteria counted, the tests grouped by reason (one reason, said once), whom the patient
was sent to, and the advice given or held back (and on which answers)."""

from __future__ import annotations

from dataclasses import dataclass

from nightlegs.engine.decide import Decision
from nightlegs.engine.models import Assessment, ConditionOut
from nightlegs.knowledge.expressions import Expr
from nightlegs.report import terms
from nightlegs.report.answers import Words

__all__ = ["ConditionRow", "Guidance", "TestGroup", "Withheld", "conditions", "guidance"]


@dataclass(frozen=True, slots=True)
class ConditionRow:
    id: str
    name: str
    likelihood: str
    codes: dict[str, str]
    #: "4 of 4 criteria met", "2 of 3 met, 1 not known"; empty for a condition without criteria.
    criteria: str
    cannot_be_ruled_out: bool


@dataclass(frozen=True, slots=True)
class TestGroup:
    names: tuple[str, ...]
    why: str


@dataclass(frozen=True, slots=True)
class Withheld:
    name: str
    #: The answers that held it back.
    because: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Guidance:
    tests: tuple[TestGroup, ...]
    specialists: tuple[str, ...]
    advice: tuple[str, ...]
    withheld: tuple[Withheld, ...]


def conditions(words: Words, assessment: Assessment) -> tuple[ConditionRow, ...]:
    return tuple(
        ConditionRow(
            id=c.id,
            name=c.name,
            likelihood=c.likelihood,
            codes=dict(c.codes),
            criteria=_criteria(words, c),
            cannot_be_ruled_out=c.cannot_be_ruled_out,
        )
        for c in assessment.conditions
    )


def _criteria(words: Words, condition: ConditionOut) -> str:
    t = words.t
    total = len(condition.criteria)
    if not total:
        return ""
    met = sum(1 for c in condition.criteria if c.status == "met")
    unknown = sum(1 for c in condition.criteria if c.status == "unknown")
    text = t.ngettext(
        "%(met)d of %(num)d criterion met",
        "%(met)d of %(num)d criteria met",
        total,
        met=met,
    )
    if unknown:
        text += ", " + t.ngettext("%(num)d not known", "%(num)d not known", unknown)
    return text


def guidance(words: Words, assessment: Assessment, decision: Decision) -> Guidance:
    t = words.t
    advice = tuple(
        t(terms.ADVICE[a.id]) if a.id in terms.ADVICE else a.text for a in assessment.advice
    )
    return Guidance(
        tests=_tests(words, assessment, decision),
        specialists=tuple(s.name for s in assessment.specialists),
        advice=advice,
        withheld=_withheld(words, decision),
    )


def _tests(words: Words, assessment: Assessment, decision: Decision) -> tuple[TestGroup, ...]:
    """The tests, grouped by the reason the assessment proposes them: the conditions the
    rule names and the answers that make it hold (the knowledge base's own sentence
    is written for the patient). A test proposed by two rules takes the first one's."""
    names = {test.id: test.name for test in assessment.tests}
    listed = {c.id: c.name for c in assessment.conditions}
    groups: dict[str, list[str]] = {}
    for test_id, rule in decision.tests:
        if test_id not in names or any(names[test_id] in group for group in groups.values()):
            continue
        expr = rule.rule.expr
        conditions = [listed[c] for c in _conditions(words, expr) if c in listed]
        why = "; ".join(conditions + [r for r in words.reasons(expr) if r not in conditions])
        groups.setdefault(why, []).append(names[test_id])
    return tuple(TestGroup(tuple(group), why) for why, group in groups.items())


def _conditions(words: Words, expr: Expr, seen: frozenset[str] = frozenset()) -> list[str]:
    """The conditions ``expr`` asks to be listed or suspected, through its predicates."""
    found = [str(e.arg) for e in expr.walk() if e.op in ("listed", "suspected")]
    for name in expr.refs("ref") - seen:
        inner = words.kb.predicate_exprs.get(name)
        if inner is not None:
            found += _conditions(words, inner, seen | {name})
    return list(dict.fromkeys(found))


def _withheld(words: Words, decision: Decision) -> tuple[Withheld, ...]:
    """Each advice held back, once, with the answers behind its contraindications."""
    t = words.t
    found: dict[str, list[str]] = {}
    for item in decision.withheld:
        name = t(terms.ADVICE[item.advice.id]) if item.advice.id in terms.ADVICE else item.advice.id
        because = found.setdefault(name, [])
        if item.contraindication is None:
            continue
        because += [
            line for line in words.reasons(item.contraindication.rule.expr) if line not in because
        ]
    return tuple(Withheld(name, tuple(because)) for name, because in found.items())
