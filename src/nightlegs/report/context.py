"""What the doctor's report shows, worked out from an assessment and its answers.

Pure code (no WeasyPrint): :func:`build_view` turns a localised assessment and the
normalised evidence into a :class:`ReportView` that ``templates/report.html`` lays out,
in the assessment's language, its date in the clinic's time zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from babel.numbers import format_decimal

from nightlegs.engine.decide import decide
from nightlegs.engine.models import Assessment
from nightlegs.i18n import Translator, format_date, translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.compiled import FindingDef
from nightlegs.knowledge.expressions import UNKNOWN, Expr, Value
from nightlegs.knowledge.schema import QuestionItem
from nightlegs.settings import Settings

#: Findings shown in the header line about the patient rather than in the table.
PATIENT_FINDINGS = ("age", "sex", "pregnancy")

#: Characters of the knowledge base's content hash printed in the header.
HASH_CHARS = 12


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer that mattered: the question item, the answer in words, and why."""

    finding: str
    question: str
    answer: str
    red_flag: bool
    relevance: tuple[str, ...]
    #: The LOINC code of a laboratory value the person gave (kb/units.yaml).
    loinc: str | None = None


@dataclass(frozen=True, slots=True)
class ReportView:
    language: str
    clinic: tuple[str, ...]
    #: The day it was made, written out in the language, in the clinic's time zone.
    date: str
    #: The same moment as a W3C datetime with the zone's offset (the PDF's metadata).
    created: str
    kb_version: str
    kb_hash: str
    patient: tuple[tuple[str, str], ...]
    assessment: Assessment
    answers: tuple[AnswerRow, ...]
    red_flags_denied: str | None


def build_view(
    kb: KnowledgeBase,
    assessment: Assessment,
    values: Mapping[str, Value],
    settings: Settings,
    now: datetime,
) -> ReportView:
    """The report of ``assessment`` (in its language) made at ``now`` (UTC; a naive
    datetime is read as UTC), dated in the clinic's time zone (``settings.zone``)."""
    language = assessment.language
    t = translator(language)
    items = _items(kb)
    patient = tuple(
        (
            _question_label(kb, items, finding, language),
            _answer(kb, items, finding, value, language),
        )
        for finding in PATIENT_FINDINGS
        if (value := values.get(finding)) is not None
    )
    rows = _answer_rows(kb, assessment, values, t, items)
    shown = {row.finding for row in rows}
    denied = sum(1 for f in kb.red_flags if values.get(f) == "absent" and f not in shown)
    local = clinic_time(now, settings.zone)
    return ReportView(
        language=language,
        clinic=tuple(
            text.strip()
            for text in (settings.clinic_name, settings.clinic_address, settings.clinic_phone)
            if text.strip()
        ),
        date=format_date(local.date(), language),
        created=local.isoformat(timespec="seconds"),
        kb_version=kb.version,
        kb_hash=kb.content_hash[:HASH_CHARS],
        patient=patient,
        assessment=assessment,
        answers=rows,
        red_flags_denied=(
            t.gettext("Other red flags the patient answered “no”: %(count)d", count=denied)
            if denied
            else None
        ),
    )


def clinic_time(now: datetime, zone: tzinfo) -> datetime:
    """``now`` (UTC; a naive datetime is read as UTC) on the clinic's clock."""
    if now.tzinfo is None or now.utcoffset() is None:
        now = now.replace(tzinfo=UTC)
    return now.astimezone(zone)


def _answer_rows(
    kb: KnowledgeBase,
    assessment: Assessment,
    values: Mapping[str, Value],
    t: Translator,
    items: Mapping[str, tuple[int, QuestionItem]],
) -> tuple[AnswerRow, ...]:
    """The findings behind the result, in interview order, each with why it mattered."""
    language = t.language
    why: dict[str, list[str]] = {}

    def note(finding: str, reason: str, *, answers_only: bool = False) -> None:
        if answers_only and values.get(finding) in ("absent", UNKNOWN):
            return
        if finding in values and finding not in PATIENT_FINDINGS:
            reasons = why.setdefault(finding, [])
            if reason and reason not in reasons:
                reasons.append(reason)

    for finding in sorted(kb.red_flags):
        if values.get(finding) in ("present", UNKNOWN):
            note(finding, "")
    decision = decide(kb, values)
    triage = t.gettext("Triage").lower()
    for rule in decision.triage_rules:
        for finding in sorted(_expr_findings(kb, rule.rule.expr)):
            note(finding, triage, answers_only=True)
    for rank, condition in enumerate(assessment.conditions, start=1):
        for finding in condition.supporting:
            note(finding, t.gettext("for %(rank)d", rank=rank))
        for finding in condition.against:
            note(finding, t.gettext("against %(rank)d", rank=rank))
    # A factor's own finding list leaves out findings read through named
    # predicates ({ref: ...}), so the rules that fired are read again here. A rule
    # that fired rests on what was there: an "I don't know" never fires one, and
    # the "no" answers beside the one that did are left out.
    fired = dict(decision.factors)
    for factor in assessment.factors:
        found = set(factor.findings)
        for factor_rule in fired.get(factor.id, ()):
            found |= _expr_findings(kb, factor_rule.rule.expr)
        for finding in sorted(found):
            note(finding, factor.name, answers_only=True)

    def order(finding: str) -> tuple[int, str]:
        return (items[finding][0] if finding in items else len(items), finding)

    return tuple(
        AnswerRow(
            finding=finding,
            question=_question_label(kb, items, finding, language),
            answer=_answer(kb, items, finding, values[finding], language),
            red_flag=finding in kb.red_flags,
            relevance=tuple(why[finding]),
            loinc=_loinc(kb, finding, values[finding]),
        )
        for finding in sorted(why, key=order)
    )


def _loinc(kb: KnowledgeBase, finding: str, value: Value) -> str | None:
    """A laboratory value's LOINC code; none for an answer that is not a number."""
    if isinstance(value, bool) or not isinstance(value, float | int):
        return None
    return kb.loinc.get(finding)


def _expr_findings(kb: KnowledgeBase, expr: Expr, seen: frozenset[str] = frozenset()) -> set[str]:
    """The findings an expression reads, through the named predicates it refers to."""
    found = expr.findings()
    for name in expr.refs("ref") - seen:
        predicate = kb.predicate_exprs.get(name)
        if predicate is not None:
            found |= _expr_findings(kb, predicate, seen | {name})
    return found


def _items(kb: KnowledgeBase) -> dict[str, tuple[int, QuestionItem]]:
    """Each finding's first question item, with its position in the interview."""
    found: dict[str, tuple[int, QuestionItem]] = {}
    for question in kb.questions:
        for item in question.source.items:
            found.setdefault(item.finding, (len(found), item))
    return found


def _question_label(
    kb: KnowledgeBase,
    items: Mapping[str, tuple[int, QuestionItem]],
    finding: str,
    language: str,
) -> str:
    definition = kb.findings.get(finding)
    if finding not in items:
        return definition.means if definition else finding
    item = items[finding][1]
    text = item.label.get(language)
    if definition is not None and definition.type == "number":
        unit = _unit(item, definition, language)
        if unit and unit.casefold() != text.casefold():
            text = f"{text}, {unit}"
    return text


def _unit(item: QuestionItem, definition: FindingDef, language: str) -> str | None:
    if item.unit_label is not None:
        return item.unit_label.get(language)
    return definition.unit


def _answer(
    kb: KnowledgeBase,
    items: Mapping[str, tuple[int, QuestionItem]],
    finding: str,
    value: Value,
    language: str,
) -> str:
    """An answer in words: yes / no / don't know, a choice's label, or a number."""
    answers = kb.question_texts.answers
    if value == UNKNOWN:
        return answers["unknown"].get(language)
    if isinstance(value, float | int):
        return format_decimal(value, locale=language)
    if value == "present":
        return answers["present"].get(language)
    if value == "absent":
        return answers["absent"].get(language)
    item = items[finding][1] if finding in items else None
    if item is not None and item.choices and value in item.choices:
        return item.choices[value].get(language)
    return value
