"""View models of the night's form (boxes, measures, problems) and of the share links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from nightlegs.diary.model import MAX_NOTE_LENGTH, MEASURES, SYMPTOMS, TRIGGERS
from nightlegs.diary.night_names import night_dates, night_weekdays
from nightlegs.i18n import Translator
from nightlegs.pages.diary.forms import LIMITS, EntryRaw, Field, Problem
from nightlegs.pages.diary.medicines import MedicinesView, kept
from nightlegs.pages.diary.words import (
    FIELD_ANCHORS,
    FIELD_LABELS,
    MEASURE_LABELS,
    PROBLEM_MESSAGES,
    SYMPTOM_LABELS,
    TRIGGER_LABELS,
    browser_on_system,
    capitalised,
    moment,
)
from nightlegs.pages.views import Option
from nightlegs.services.sharing import ShareInfo


@dataclass(frozen=True, slots=True)
class MeasureBox:
    value: str
    label: str
    tried: bool
    helped: bool


@dataclass(frozen=True, slots=True)
class ProblemView:
    field: Field
    anchor: str
    label: str
    message: str


@dataclass(frozen=True, slots=True)
class EntryForm:
    date: str
    #: ``з 26 на 27 листопада`` (for the title) and ``Ніч з четверга на п'ятницю``.
    label: str
    weekdays: str
    symptoms: list[Option]
    no_symptoms: bool
    episodes: str
    severity: str
    minutes_awake: str
    triggers: list[Option]
    measures: list[MeasureBox]
    note: str
    #: The medicines part: the boxes, and what "Find" found.
    medicines: MedicinesView
    problems: list[ProblemView]
    errors: dict[str, str]
    limits: Mapping[str, int]
    note_limit: int
    stored: bool


def entry_form(
    night: dt.date,
    raw: EntryRaw,
    t: Translator,
    *,
    today: dt.date,
    problems: Mapping[Field, Problem] | None = None,
    stored: bool = False,
    medicines: MedicinesView | None = None,
) -> EntryForm:
    listed = []
    errors: dict[str, str] = dict.fromkeys(FIELD_ANCHORS, "")
    for name, problem in (problems or {}).items():
        message = t(PROBLEM_MESSAGES[problem], max=LIMITS.get(name, MAX_NOTE_LENGTH))
        errors[name] = message
        listed.append(ProblemView(name, FIELD_ANCHORS[name], t(FIELD_LABELS[name]), message))
    return EntryForm(
        date=night.isoformat(),
        label=night_dates(night, t.language, year=night.year != today.year),
        weekdays=capitalised(night_weekdays(night, t.language)),
        symptoms=[Option(s, t(SYMPTOM_LABELS[s]), s in raw.symptoms) for s in SYMPTOMS],
        no_symptoms=raw.no_symptoms,
        episodes=raw.episodes,
        severity=raw.severity or "0",
        minutes_awake=raw.minutes_awake,
        triggers=[Option(s, t(TRIGGER_LABELS[s]), s in raw.triggers) for s in TRIGGERS],
        measures=[
            MeasureBox(m, t(MEASURE_LABELS[m]), m in raw.tried, m in raw.helped) for m in MEASURES
        ],
        note=raw.note,
        medicines=medicines or kept(raw.medicines, raw.offered, t.language),
        problems=listed,
        errors=errors,
        limits=LIMITS,
        note_limit=MAX_NOTE_LENGTH,
        stored=stored,
    )


@dataclass(frozen=True, slots=True)
class ShareRow:
    id: str
    status: Literal["active", "revoked", "expired"]
    created: str
    expires: str
    revoked: str | None
    #: Each opening, newest first: ``Chrome на Android, 27 листопада 09:14``.
    views: list[str]


def share_rows(
    shares: Sequence[ShareInfo], t: Translator, zone: dt.tzinfo, today: dt.date
) -> list[ShareRow]:
    """The links as their owner sees them, every time on the clinic's clock."""
    language = t.language
    rows = []
    for share in shares:
        status: Literal["active", "revoked", "expired"] = (
            "active" if share.active else "revoked" if share.revoked_at else "expired"
        )
        rows.append(
            ShareRow(
                id=share.id,
                status=status,
                created=moment(share.created_at, language, zone, today),
                expires=moment(share.expires_at, language, zone, today),
                revoked=(
                    moment(share.revoked_at, language, zone, today) if share.revoked_at else None
                ),
                views=[
                    browser_on_system(view.browser, view.system, t)
                    + ", "
                    + moment(view.viewed_at, language, zone, today)
                    for view in reversed(share.views)
                ],
            )
        )
    return rows
