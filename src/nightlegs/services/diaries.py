"""What the diary does, over a database session: the JSON API and the web pages share it.

Every function takes an open :class:`~sqlalchemy.orm.Session` and leaves the
transaction to the caller (``with session.begin(): ...``), except
:func:`create_diary` and :func:`sign_in`, which open their own short ones: they
hash with argon2 (about 0.2 s and 64 MiB) outside any transaction, since
on SQLite a transaction holds the write lock of the whole database. Whoever
calls a function that takes a ``diary_id`` must first have checked that the
request may use that diary (:func:`authorised_diary`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nightlegs.diary import codes, csv_export, fhir
from nightlegs.diary.evidence import evidence_from_summary, merge_with_interview
from nightlegs.diary.model import Entry, EntryBody, SavedInterview
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, summarise
from nightlegs.engine import Assessment, KnowledgeBase, assess
from nightlegs.services import sharing
from nightlegs.services.diary_rows import entry_fields, entry_of
from nightlegs.settings import Settings
from nightlegs.store import diary_repository as repo
from nightlegs.store import repository as interview_store
from nightlegs.store.diary_models import DiaryEntry, DiaryInterview
from nightlegs.store.models import utcnow

#: The cookie that may carry a diary token (set by the web pages).
SESSION_COOKIE = "nightlegs_diary"
#: The earliest night a diary takes (a typo guard: 2000 for 2026, say).
EARLIEST_DATE = dt.date(2000, 1, 1)

__all__ = [
    "SESSION_COOKIE",
    "Created",
    "DiaryOff",
    "DiarySummary",
    "Keys",
    "SignedIn",
    "StoredEntry",
    "assessment",
    "authorised_diary",
    "create_diary",
    "delete_diary",
    "delete_entry",
    "entries",
    "export_csv",
    "export_everything",
    "export_fhir",
    "info",
    "last_night",
    "latest_entry_date_allowed",
    "put_entry",
    "save_interview",
    "saved_interviews",
    "sign_in",
    "sign_out",
    "summary",
    "today",
]


class DiaryOff(Exception):
    """The server has no secret key, so diaries cannot be made or signed in to."""


@dataclass(frozen=True, slots=True)
class Keys:
    """The server secret and the code hasher (one per app)."""

    secret: bytes
    hasher: codes.CodeHasher

    @classmethod
    def from_settings(cls, settings: Settings) -> Keys:
        if settings.diary_secret is None:
            raise DiaryOff("set NIGHTLEGS_SECRET_KEY (or NIGHTLEGS_SECRET_KEY_FILE)")
        return cls(settings.diary_secret, codes.CodeHasher(settings.recovery_code_hashing))


@dataclass(frozen=True, slots=True)
class Created:
    id: str
    recovery_code: str
    token: str
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SignedIn:
    id: str
    token: str
    expires_at: dt.datetime


class StoredEntry(Entry):
    created_at: dt.datetime
    updated_at: dt.datetime


class DiarySummary(Summary):
    evidence: dict[str, str | float] = Field(
        description=(
            "what the diary gives the assessment: nights_per_week, worsening, "
            "sleep_disturbance (each only with enough data)"
        )
    )


def today(settings: Settings, now: dt.datetime | None = None) -> dt.date:
    """Today's date in the clinic's time zone (``NIGHTLEGS_TIMEZONE``): at 00:30 in Kyiv
    it is already the next day, whatever the server's clock says. The clock is this
    module's ``utcnow``, the one the tests set."""
    return (now or utcnow()).astimezone(settings.zone).date()


def last_night(settings: Settings, now: dt.datetime | None = None) -> dt.date:
    """The night people mean by "last night", as the date of its evening: the one that began
    the evening before today on the clinic's calendar. At 00:30 on Friday that is the night
    from Thursday to Friday, still going on; all through Friday it stays that night."""
    return today(settings, now) - dt.timedelta(days=1)


def latest_entry_date_allowed(settings: Settings, on: dt.date | None = None) -> dt.date:
    """The latest date an entry may have: today (in the clinic's zone) plus the allowed
    tolerance."""
    return (on or today(settings)) + dt.timedelta(days=THRESHOLDS.future_days_allowed)


def _ttl(settings: Settings) -> dt.timedelta:
    return dt.timedelta(hours=settings.diary_session_ttl_hours)


def create_diary(session: Session, keys: Keys, settings: Settings) -> Created:
    """A new diary, its recovery code (to show once) and a first sign-in token.

    Opens its own transaction, after the slow hashing.
    """
    code = codes.generate_code()
    # Kept as a sign-in will read it back: the digits without their hyphens.
    normalised = codes.normalise_code(code)
    code_hash = keys.hasher.hash(normalised)
    token = codes.new_token()
    with session.begin():
        now = utcnow()
        lookup_key = codes.lookup_key(keys.secret, normalised)
        diary = repo.create_diary(session, lookup_key=lookup_key, code_hash=code_hash, now=now)
        stored = repo.create_token(
            session, diary.id, codes.token_digest(token), ttl=_ttl(settings), now=now
        )
    return Created(diary.id, code, token, stored.expires_at)


def sign_in(session: Session, keys: Keys, settings: Settings, text: str) -> SignedIn | None:
    """A new token for the diary of this recovery code, or None if no diary has it.

    Raises :class:`codes.RecoveryCodeError` for a text that cannot be a code.
    An unknown code costs as much time as a known one. Opens two short
    transactions, to find the diary and to store the token; the code is
    checked between them.
    """
    code = codes.normalise_code(text)
    with session.begin():
        diary = repo.find_by_lookup_key(session, codes.lookup_key(keys.secret, code))
        found = (diary.id, diary.code_hash) if diary is not None else None
    if found is None:
        keys.hasher.waste_time(code)
        return None
    diary_id, code_hash = found
    if not keys.hasher.verify(code_hash, code):
        return None
    rehashed = keys.hasher.hash(code) if keys.hasher.needs_rehash(code_hash) else None
    token = codes.new_token()
    try:
        with session.begin():
            if rehashed is not None:
                repo.set_code_hash(session, diary_id, rehashed)
            now = utcnow()
            repo.delete_expired_tokens(session, now=now)
            stored = repo.create_token(
                session, diary_id, codes.token_digest(token), ttl=_ttl(settings), now=now
            )
    except IntegrityError:  # the diary was deleted meanwhile
        return None
    return SignedIn(diary_id, token, stored.expires_at)


def info(session: Session, diary_id: str) -> dict[str, Any]:
    """The diary's id, creation time and how many entries and saved interviews it has."""
    diary = repo.get_diary(session, diary_id)
    assert diary is not None
    return {
        "id": diary.id,
        "created_at": diary.created_at,
        "entries": repo.count_entries(session, diary_id),
        "interviews": len(repo.list_interviews(session, diary_id)),
    }


def sign_out(session: Session, token: str) -> None:
    repo.delete_token(session, codes.token_digest(token))


def authorised_diary(session: Session, token: str | None) -> str | None:
    """The diary a token signs in to, or None (no token, unknown, expired)."""
    if not token:
        return None
    return repo.token_diary_id(session, codes.token_digest(token))


def put_entry(
    session: Session, diary_id: str, night: dt.date, body: EntryBody
) -> tuple[StoredEntry, bool]:
    row, created = repo.put_entry(session, diary_id, night, entry_fields(body))
    return _stored(row), created


def delete_entry(session: Session, diary_id: str, night: dt.date) -> bool:
    return repo.delete_entry(session, diary_id, night)


def entries(
    session: Session,
    diary_id: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[StoredEntry]:
    return [_stored(row) for row in repo.list_entries(session, diary_id, start=start, end=end)]


def summary(
    session: Session, diary_id: str, settings: Settings, *, on: dt.date | None = None
) -> DiarySummary:
    """The diary's figures as of the later of today (in the clinic's zone) and its newest
    entry."""
    listed = [entry_of(row) for row in repo.list_entries(session, diary_id)]
    return _summary_of(listed, on or today(settings))


def _summary_of(listed: list[Entry], on: dt.date) -> DiarySummary:
    as_of = max([on, *(e.date for e in listed)])
    figures = summarise(listed, as_of)
    return DiarySummary(**dict(figures), evidence=evidence_from_summary(figures))


def save_interview(
    session: Session, diary_id: str, interview_id: str, settings: Settings
) -> SavedInterview | None:
    """Copy an interview (that has not expired) into the diary; None if there is none."""
    interview = interview_store.get(
        session, interview_id, ttl=dt.timedelta(hours=settings.interview_ttl_hours)
    )
    if interview is None:
        return None
    return _saved(repo.save_interview(session, diary_id, interview))


def saved_interviews(session: Session, diary_id: str) -> list[SavedInterview]:
    """The interviews saved in the diary, the latest saved last."""
    return [_saved(row) for row in repo.list_interviews(session, diary_id)]


def assessment(
    session: Session,
    kb: KnowledgeBase,
    settings: Settings,
    diary_id: str,
    language: str | None = None,
) -> Assessment:
    """The latest saved interview's evidence with the diary's findings in its place, assessed.

    Provisional unless that interview was done; with no interview saved, the
    diary's findings alone (provisional).
    """
    saved = saved_interviews(session, diary_id)
    figures = summary(session, diary_id, settings)
    return _assess(kb, settings, saved[-1] if saved else None, figures, language)


def _assess(
    kb: KnowledgeBase,
    settings: Settings,
    latest: SavedInterview | None,
    figures: DiarySummary,
    language: str | None,
) -> Assessment:
    values = merge_with_interview(latest.values if latest else {}, figures.evidence)
    chosen = language or (latest.language if latest else settings.default_language)
    return assess(
        kb,
        values,
        chosen,
        provisional=latest is None or not latest.done,
        emergency_numbers=settings.emergency_numbers,
    )


def export_csv(session: Session, diary_id: str) -> bytes:
    return csv_export.entries_csv(entry_of(row) for row in repo.list_entries(session, diary_id))


def export_fhir(
    session: Session,
    kb: KnowledgeBase,
    settings: Settings,
    diary_id: str,
    language: str | None = None,
) -> dict[str, Any]:
    listed = [entry_of(row) for row in repo.list_entries(session, diary_id)]
    figures = _summary_of(listed, today(settings))
    saved = saved_interviews(session, diary_id)
    latest = saved[-1] if saved else None
    return fhir.bundle(
        kb=kb,
        diary_id=diary_id,
        entries=listed,
        summary=figures,
        interviews=saved,
        assessment=_assess(kb, settings, latest, figures, language) if latest else None,
        now=utcnow(),
    )


def export_everything(
    session: Session, kb: KnowledgeBase, settings: Settings, diary_id: str
) -> dict[str, Any]:
    """Everything the server holds about the diary, without its secrets.

    The recovery code's hash and look-up key and the tokens' digests are left
    out; sign-ins appear with their times only.
    """
    diary = repo.get_diary(session, diary_id)
    assert diary is not None
    listed = entries(session, diary_id)
    figures = _summary_of(list(listed), today(settings))
    saved = saved_interviews(session, diary_id)
    return {
        "format": "nightlegs-diary-export",
        "version": 1,
        "exported_at": utcnow().isoformat(),
        "diary": {"id": diary.id, "created_at": diary.created_at.isoformat()},
        "sign_ins": [
            {"created_at": t.created_at.isoformat(), "expires_at": t.expires_at.isoformat()}
            for t in repo.list_tokens(session, diary_id)
        ],
        "entries": [entry.model_dump(mode="json") for entry in listed],
        "interviews": [
            {
                **item.model_dump(mode="json"),
                "assessment": assess(
                    kb,
                    item.values,
                    item.language,
                    provisional=not item.done,
                    emergency_numbers=settings.emergency_numbers,
                ).model_dump(mode="json"),
            }
            for item in saved
        ],
        "summary": figures.model_dump(mode="json"),
        "assessment": _assess(kb, settings, saved[-1] if saved else None, figures, None).model_dump(
            mode="json"
        ),
        # Each link to the diary (never its token), with its log of views.
        "share_links": sharing.export_shares(session, diary_id),
    }


def delete_diary(session: Session, diary_id: str) -> bool:
    """Delete the diary, its entries, sign-ins, share links and their view logs, and saved
    interviews (and those interviews)."""
    sharing.delete_shares(session, diary_id)
    return repo.delete_diary(session, diary_id)


def _stored(row: DiaryEntry) -> StoredEntry:
    entry = entry_of(row)
    return StoredEntry(**dict(entry), created_at=row.created_at, updated_at=row.updated_at)


def _saved(row: DiaryInterview) -> SavedInterview:
    # The row's columns carry the model's field names.
    return SavedInterview.model_validate(row, from_attributes=True)
