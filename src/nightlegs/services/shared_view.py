"""What a doctor's share link opens: the diary's nights, figures, saved checks and the
latest assessment, read in one transaction (the JSON API and the doctor's pages alike)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from nightlegs.diary.model import SavedInterview
from nightlegs.engine import Assessment, KnowledgeBase
from nightlegs.services import diaries, sharing
from nightlegs.settings import Settings


@dataclass(frozen=True, slots=True)
class SharedDiary:
    entries: list[diaries.StoredEntry]
    summary: diaries.DiarySummary
    saved: list[SavedInterview]
    assessment: Assessment

    @property
    def latest(self) -> SavedInterview | None:
        """The interview saved last, if any."""
        return self.saved[-1] if self.saved else None


def open_shared(
    session: Session,
    kb: KnowledgeBase,
    settings: Settings,
    token: str,
    *,
    user_agent: str | None,
    language: str | None,
) -> SharedDiary | None:
    """The diary a live share link opens (the opening is logged for its owner), or None
    for a link unknown, expired or withdrawn."""
    diary_id = sharing.open_share(session, token, user_agent=user_agent)
    if diary_id is None:
        return None
    return SharedDiary(
        entries=diaries.entries(session, diary_id),
        summary=diaries.summary(session, diary_id, settings),
        saved=diaries.saved_interviews(session, diary_id),
        assessment=diaries.assessment(session, kb, settings, diary_id, language),
    )
