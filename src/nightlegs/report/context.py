"""What the doctor's report shows, worked out from an assessment and its answers.

Pure code (no WeasyPrint): :func:`build_view` turns a localised assessment and the
normalised evidence into a :class:`ReportView` that ``templates/report.html`` lays out,
in the doctor's voice: the case in one line, urgency and every urgent sign with its
answer, the likely conditions, venous signs, the history, laboratory values, medicines,
tests and what the patient was told. Dates are the clinic's (``settings.zone``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Literal

from babel.dates import format_time

from nightlegs.engine.decide import decide
from nightlegs.engine.models import Assessment
from nightlegs.i18n import format_date, translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import Value
from nightlegs.report.answers import Words
from nightlegs.report.case import CaseLine, case_line
from nightlegs.report.guidance import ConditionRow, Guidance, conditions, guidance
from nightlegs.report.labs import LabTable, lab_table
from nightlegs.report.sections import (
    History,
    Medicines,
    NamedMedicine,
    Urgency,
    Venous,
    factor_findings,
    history,
    medicines,
    urgency,
    venous,
)
from nightlegs.settings import Settings

__all__ = ["HASH_CHARS", "Provisional", "ReportView", "build_view", "clinic_time", "provisional"]

#: Characters of the knowledge base's content hash printed in the header.
HASH_CHARS = 12
#: The levels whose page stops the interview and offers this report before the questions
#: are done (the emergency page): a provisional report at one of them says why.
INTERRUPTING_LEVELS = frozenset({"emergency", "emergency_ambulance"})

#: Why a report is provisional: "urgent", the interview stopped at an emergency level
#: before all questions were asked; "unfinished", it was not finished; None, it is final.
Provisional = Literal["urgent", "unfinished"] | None


@dataclass(frozen=True, slots=True)
class ReportView:
    language: str
    clinic: tuple[str, ...]
    #: The day it was made, written out in the language, in the clinic's time zone.
    date: str
    #: The same moment as a W3C datetime with the zone's offset (the PDF's metadata).
    created: str
    #: When the patient answered ("27 November 2026, 11:30"); None if not known.
    interviewed: str | None
    kb_version: str
    kb_hash: str
    assessment: Assessment
    provisional: Provisional
    case: CaseLine
    urgency: Urgency
    conditions: tuple[ConditionRow, ...]
    venous: Venous
    history: History
    labs: LabTable
    medicines: Medicines
    guidance: Guidance


def build_view(
    kb: KnowledgeBase,
    assessment: Assessment,
    values: Mapping[str, Value],
    settings: Settings,
    now: datetime,
    *,
    interviewed_at: datetime | None = None,
    named_medicines: Sequence[NamedMedicine] = (),
) -> ReportView:
    """The report of ``assessment`` (in its language) made at ``now``, of an interview
    answered at ``interviewed_at`` (both UTC; a naive datetime is read as UTC), dated in
    the clinic's time zone (``settings.zone``)."""
    language = assessment.language
    words = Words(kb, values, translator(language))
    decision = decide(kb, values)
    factors = factor_findings(assessment, decision, words)
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
        interviewed=(moment(interviewed_at, settings.zone, language) if interviewed_at else None),
        kb_version=kb.version,
        kb_hash=kb.content_hash[:HASH_CHARS],
        assessment=assessment,
        provisional=provisional(assessment),
        case=case_line(words),
        urgency=urgency(words, assessment, decision),
        conditions=conditions(words, assessment),
        venous=venous(words),
        history=history(words, factors),
        labs=lab_table(words),
        medicines=medicines(words, factors, named_medicines),
        guidance=guidance(words, assessment, decision),
    )


def provisional(assessment: Assessment) -> Provisional:
    """Why ``assessment`` is provisional, if it is (:data:`Provisional`)."""
    if not assessment.provisional:
        return None
    return "urgent" if assessment.triage.level in INTERRUPTING_LEVELS else "unfinished"


def clinic_time(now: datetime, zone: tzinfo) -> datetime:
    """``now`` (UTC; a naive datetime is read as UTC) on the clinic's clock."""
    if now.tzinfo is None or now.utcoffset() is None:
        now = now.replace(tzinfo=UTC)
    return now.astimezone(zone)


def moment(when: datetime, zone: tzinfo, language: str) -> str:
    """A date and time on the clinic's clock: "27 November 2026, 11:30"."""
    local = clinic_time(when, zone)
    return f"{format_date(local.date(), language)}, {format_time(local, 'HH:mm', locale=language)}"
