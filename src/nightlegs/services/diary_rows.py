"""Diary rows and the pure diary model: the one place that turns one into the other, so
that :mod:`nightlegs.store` imports nothing above it."""

from __future__ import annotations

from typing import Any

from nightlegs.diary.model import Entry, EntryBody
from nightlegs.store.diary_models import DiaryEntry


def entry_of(row: DiaryEntry) -> Entry:
    """The pure form of a stored entry."""
    return Entry.model_validate(
        {
            "date": row.night,
            "symptoms": row.symptoms,
            "episodes": row.episodes,
            "severity": row.severity,
            "minutes_awake": row.minutes_awake,
            "triggers": row.triggers,
            "tried": row.tried,
            "note": row.note,
            "medicines": row.medicines or [],
        }
    )


def entry_fields(body: EntryBody) -> dict[str, Any]:
    """The columns of an entry (its canonical form: lists sorted, duplicates dropped)."""
    body = body.canonical()
    return {
        "symptoms": list(body.symptoms),
        "episodes": body.episodes,
        "severity": body.severity,
        "minutes_awake": body.minutes_awake,
        "triggers": list(body.triggers),
        "tried": [item.model_dump() for item in body.tried],
        "note": body.note,
        # None for none: a night without medicines is stored as the rows written before.
        "medicines": [m.model_dump() for m in body.medicines] or None,
    }
