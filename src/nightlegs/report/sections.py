"""The report's sections of answers: urgency and red flags, venous signs, the history
(what is there, what the patient denies, what they did not know) and medicines.

Every urgent sign asked is listed with its answer; "not known" answers are shown as such
and never folded into "no"; a question the interview left out is "not asked".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nightlegs.engine.decide import Decision
from nightlegs.engine.models import Assessment
from nightlegs.report import terms
from nightlegs.report.answers import ENTRY, Answer, Words

__all__ = [
    "History",
    "MedicineRow",
    "Medicines",
    "NamedMedicine",
    "Urgency",
    "Venous",
    "factor_findings",
    "history",
    "medicines",
    "urgency",
    "urgent_signs",
    "venous",
]

#: Medicine classes are the findings named ``med_*`` (kb/vocabulary.yaml, "medicines").
MEDICINE_PREFIX = "med_"
#: The questions of this stage are the urgent signs, asked before anything else.
URGENT_STAGE = "urgent"


@dataclass(frozen=True, slots=True)
class Urgency:
    level: str
    #: The level as a doctor says it.
    name: str
    #: The answers behind the level.
    basis: tuple[str, ...]
    present: tuple[Answer, ...]
    unknown: tuple[Answer, ...]
    absent: tuple[Answer, ...]
    #: Urgent signs the interview did not ask (follow-ups that did not apply).
    not_asked: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Venous:
    #: Every venous sign asked, what is there first, then "not known", then "no".
    answers: tuple[Answer, ...]
    not_asked: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class History:
    #: Other findings that are there: known conditions, habits, family (line, a factor?).
    present: tuple[tuple[str, bool], ...]
    #: Relevant negatives: the complaint's and the history's "no" answers.
    denied: tuple[str, ...]
    #: Questions answered "I don't know" (urgent signs and laboratory values aside).
    unknown: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NamedMedicine:
    """A medicine the patient named, with its ATC code when the name was recognised
    (the medicine-name table, ``POST /api/v1/medicines/lookup``) and the interview's
    class it belongs to, if any."""

    name: str
    atc: str | None = None
    finding: str | None = None


@dataclass(frozen=True, slots=True)
class MedicineRow:
    #: The class in the doctor's words; empty for a named medicine of no asked class.
    drug_class: str
    #: Names with ATC codes ("sertraline (N06AB06)"); empty when none was given.
    names: tuple[str, ...]
    #: The assessment counts it as a contributing factor.
    factor: bool


@dataclass(frozen=True, slots=True)
class Medicines:
    asked: bool
    rows: tuple[MedicineRow, ...]
    denied: tuple[str, ...]
    unknown: tuple[str, ...]


def urgent_signs(words: Words) -> tuple[str, ...]:
    """The urgent signs in interview order: the urgent stage's items and every red flag."""
    kb = words.kb
    found = {
        item.finding
        for question in kb.questions
        if question.source.stage == URGENT_STAGE
        for item in question.source.items
    }
    return tuple(sorted(found | kb.red_flags, key=words.rank))


def urgency(words: Words, assessment: Assessment, decision: Decision) -> Urgency:
    t = words.t
    level = assessment.triage.level
    answers = [words.answer(f) for f in urgent_signs(words)]
    return Urgency(
        level=level,
        name=t(terms.LEVELS[level]) if level in terms.LEVELS else assessment.triage.name,
        basis=_basis(words, decision),
        present=tuple(a for a in answers if a.status in ("present", "value")),
        unknown=tuple(a for a in answers if a.status == "unknown"),
        absent=tuple(a for a in answers if a.status == "absent"),
        not_asked=tuple(a.term for a in answers if a.status == "not_asked"),
    )


def _basis(words: Words, decision: Decision) -> tuple[str, ...]:
    """The answers behind the rules that set the level."""
    lines: list[str] = []
    for rule in decision.triage_rules:
        if rule.rank == decision.level:
            lines += [line for line in words.reasons(rule.rule.expr) if line not in lines]
    return tuple(lines)


def venous(words: Words) -> Venous:
    answers = words.answers(terms.VENOUS)
    return Venous(
        answers=tuple(a for a in answers if a.status != "not_asked"),
        not_asked=tuple(a.term for a in answers if a.status == "not_asked"),
    )


def history(words: Words, factors: frozenset[str]) -> History:
    """The rest of the answers: conditions, habits and family that are there; the
    complaint's and history's "no" answers; and what the patient did not know."""
    kb = words.kb
    elsewhere = (
        set(terms.PATIENT) | set(terms.COURSE) | set(terms.VENOUS) | set(urgent_signs(words))
    )
    elsewhere |= set(kb.units) | {ENTRY}
    rest = [f for f in kb.findings if f not in elsewhere and not f.startswith(MEDICINE_PREFIX)]
    said = set(terms.COMPLAINT) | set(terms.IMPACT)
    answers = words.answers(rest)
    return History(
        present=tuple(
            (a.line, a.finding in factors)
            for a in answers
            if a.status in ("present", "value") and a.finding not in said
        ),
        denied=tuple(a.term for a in answers if a.status == "absent"),
        unknown=tuple(a.term for a in answers if a.status == "unknown"),
    )


def medicines(words: Words, factors: frozenset[str], named: Sequence[NamedMedicine]) -> Medicines:
    """The medicine classes taken (with the names given for each), denied and not known."""
    classes = sorted(
        (f for f in words.kb.findings if f.startswith(MEDICINE_PREFIX)), key=words.rank
    )
    answers = [words.answer(f) for f in classes]
    rows = [
        MedicineRow(
            drug_class=a.term,
            names=tuple(_named(m) for m in named if m.finding == a.finding),
            factor=a.finding in factors,
        )
        for a in answers
        if a.status == "present"
    ]
    taken = {a.finding for a in answers if a.status == "present"}
    rows += [
        MedicineRow(drug_class="", names=(_named(m),), factor=False)
        for m in named
        if m.finding not in taken
    ]
    return Medicines(
        asked=any(a.status != "not_asked" for a in answers),
        rows=tuple(rows),
        denied=tuple(a.term for a in answers if a.status == "absent"),
        unknown=tuple(a.term for a in answers if a.status == "unknown"),
    )


def _named(medicine: NamedMedicine) -> str:
    return f"{medicine.name} ({medicine.atc})" if medicine.atc else medicine.name


def factor_findings(assessment: Assessment, decision: Decision, words: Words) -> frozenset[str]:
    """The findings behind the contributing factors, the ones read through named
    predicates included (a factor's own list leaves those out)."""
    found = {f for factor in assessment.factors for f in factor.findings}
    listed = {factor.id for factor in assessment.factors}
    for factor_id, rules in decision.factors:
        if factor_id in listed:
            for rule in rules:
                found |= words.kb.findings_of(rule.rule.expr)
    return frozenset(f for f in found if words.status(f) in ("present", "value"))
