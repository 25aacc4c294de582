"""The patient's answers in the doctor's words: a term for each finding, and the answer.

:class:`Words` holds one report's answers, knowledge base and language; every section of
the report asks it how a finding is named and what was answered. An answer is one of
present, absent, not known, a value (a number or a choice) or not asked: a question the
interview left out is never shown as "no", and "I don't know" is never shown as "no".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from nightlegs.i18n import Translator, format_number
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN, EvalContext, Expr, Value, compile_expr
from nightlegs.report import course, terms

__all__ = ["Answer", "Status", "Words"]

Status = Literal["present", "absent", "unknown", "value", "not_asked"]

#: The order answers are listed in: what is there first, what nobody knows next.
STATUS_ORDER: Mapping[Status, int] = {
    "present": 0,
    "value": 1,
    "unknown": 2,
    "absent": 3,
    "not_asked": 4,
}

#: The entry question ("any leg symptoms?"): the case line says it.
ENTRY = "leg_symptoms"

#: A choice answer that says "nothing of the kind" (no ulcer, no wound).
NONE_CHOICE = "none"


@dataclass(frozen=True, slots=True)
class Answer:
    finding: str
    #: The finding in the doctor's words.
    term: str
    #: The answer in words: yes, no, not known, not asked, a number with its unit, a choice.
    answer: str
    status: Status
    #: "term: answer"; the term alone for a plain "yes" (the list it stands in says so).
    line: str


class Words:
    """One report's answers, named and answered in its language."""

    def __init__(self, kb: KnowledgeBase, values: Mapping[str, Value], t: Translator) -> None:
        self.kb = kb
        self.values = values
        self.t = t
        self.language = t.language
        self.order = _interview_order(kb)

    def term(self, finding: str) -> str:
        """The finding as a doctor names it (the knowledge base's label if it has no term)."""
        message = terms.FINDINGS.get(finding)
        if message is not None:
            return self.t(message)
        item = self.kb.items.get(finding)
        return item.label.get(self.language) if item is not None else finding

    def status(self, finding: str) -> Status:
        value = self.values.get(finding)
        if value is None:
            return "not_asked"
        if value == UNKNOWN:
            return "unknown"
        if value == "present":
            return "present"
        if value in ("absent", NONE_CHOICE):
            return "absent"
        definition = self.kb.findings.get(finding)
        if definition is not None and NONE_CHOICE in (definition.values or ()):
            # A choice that offers "none" (an ulcer, a wound): any other answer is a sign.
            return "present"
        return "value"

    def answer(self, finding: str) -> Answer:
        status = self.status(finding)
        term, text = self.term(finding), self._answer_text(finding, status)
        value = self.values.get(finding)
        said = None
        if isinstance(value, float | int):
            said = course.phrase(finding, float(value), self.t)
        if said is not None:
            return Answer(finding, term, said, status, said)
        plain = value == "present"
        return Answer(finding, term, text, status, term if plain else f"{term}: {text}")

    def answers(self, findings: Iterable[str]) -> tuple[Answer, ...]:
        """The answers to ``findings``, what is there first, each group in interview order."""
        found = [self.answer(finding) for finding in findings]
        return tuple(sorted(found, key=lambda a: (STATUS_ORDER[a.status], self.rank(a.finding))))

    def reasons(self, expr: Expr) -> tuple[str, ...]:
        """The answers that make parts of ``expr`` hold, in interview order: each test of
        one finding (through the named predicates it refers to) that holds on its own, said
        as an answer ("varicose veins", "nights a week: not asked"). A part that holds
        only because a number is compared with a limit is said with the number."""
        found: dict[str, Answer] = {}
        for leaf in _leaves(self.kb, expr):
            finding = leaf.finding
            if finding is None or finding in found or leaf.op == "known":
                continue
            if finding == ENTRY or (leaf.op == "unknown" and finding in terms.PATIENT):
                # "Has leg complaints" is every patient's; "sex not given" only picks a limit.
                continue
            if compile_expr(leaf)(EvalContext(values=self.values, missing=None)) is True:
                found[finding] = self.answer(finding)
        return tuple(found[f].line for f in sorted(found, key=self.rank))

    def rank(self, finding: str) -> int:
        """The finding's place in the interview (findings it never asks come last)."""
        return self.order.get(finding, len(self.order))

    def number(self, finding: str, value: float) -> str:
        """A number as the language writes it, with the unit the interview asked it in."""
        text = format_number(value, self.language)
        unit = self.unit(finding)
        return f"{text} {unit}" if unit else text

    def unit(self, finding: str) -> str:
        """The unit a number was asked in, in the language (the part before any "(= ...)")."""
        item = self.kb.items.get(finding)
        if item is not None and item.unit_label is not None:
            # "мкг/л (= нг/мл)": the equivalence helps the patient type, not the doctor read.
            return item.unit_label.get(self.language).split(" (", 1)[0]
        definition = self.kb.findings.get(finding)
        unit = definition.unit if definition is not None else None
        return unit or ""

    def choice(self, finding: str, value: str) -> str:
        """A choice's value in the doctor's words (the knowledge base's label without one)."""
        message = terms.CHOICES.get(finding, {}).get(value)
        if message is not None:
            return self.t(message)
        item = self.kb.items.get(finding)
        if item is not None and item.choices and value in item.choices:
            return item.choices[value].get(self.language)
        return value

    def _answer_text(self, finding: str, status: Status) -> str:
        if status == "not_asked":
            return self.t.gettext("not asked")
        if status == "unknown":
            return self.t.gettext("not known")
        value = self.values[finding]
        if isinstance(value, float | int):
            return self.number(finding, float(value))
        if value == "present":
            return self.t.gettext("yes")
        if value == "absent":
            return self.t.gettext("no")
        return self.choice(finding, str(value))


def _leaves(kb: KnowledgeBase, expr: Expr, seen: frozenset[str] = frozenset()) -> list[Expr]:
    """The tests of one finding in ``expr`` and in the predicates it names, in order."""
    found = [e for e in expr.walk() if e.finding is not None]
    for e in expr.walk():
        if e.op == "ref" and e.arg not in seen and e.arg in kb.predicate_exprs:
            found += _leaves(kb, kb.predicate_exprs[e.arg], seen | {e.arg})
    return found


def _interview_order(kb: KnowledgeBase) -> dict[str, int]:
    """Each finding's place in the interview: its first question item's."""
    order: dict[str, int] = {}
    for question in kb.questions:
        for item in question.source.items:
            order.setdefault(item.finding, len(order))
    return order
