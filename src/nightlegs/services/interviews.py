"""The interview's use-cases: start, find, answer, acknowledge an emergency, assess.

The JSON API and the pages call these as plain functions inside their own
transaction (``with session.begin():``): a request that is refused halfway
leaves nothing behind. The interview's bookkeeping between requests is
:mod:`nightlegs.services.interview_flow` (pure); the rows are
:mod:`nightlegs.store.repository`'s, which hold plain JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from nightlegs.engine import AskedQuestion, Assessment, KnowledgeBase, Value, assess, decide
from nightlegs.services import interview_flow
from nightlegs.services.interview_flow import Step
from nightlegs.settings import Settings
from nightlegs.store import repository
from nightlegs.store.models import Interview

__all__ = [
    "EMERGENCY_LEVELS",
    "Interview",
    "Step",
    "acknowledge",
    "answer",
    "assessment_of",
    "find",
    "interrupted",
    "start",
]

#: The triage levels that interrupt the questions with a page of their own.
EMERGENCY_LEVELS = ("emergency", "emergency_ambulance")


def ttl(settings: Settings) -> timedelta:
    return timedelta(hours=settings.interview_ttl_hours)


def find(
    session: Session, settings: Settings, interview_id: str, *, for_update: bool = False
) -> Interview | None:
    """The interview, or None when there is none or it has expired."""
    return repository.get(session, interview_id, ttl=ttl(settings), for_update=for_update)


def start(
    session: Session,
    kb: KnowledgeBase,
    settings: Settings,
    language: str,
    values: Mapping[str, Value],
    *,
    browser_key: str | None = None,
    replacing: Interview | None = None,
) -> tuple[Interview, Step]:
    """A new interview from the evidence already known, and its first step.

    ``replacing``: the browser's earlier interview, deleted in the same transaction.
    Expired interviews are swept on the way.
    """
    step = interview_flow.begin(kb, values)
    if replacing is not None:
        session.delete(replacing)
    repository.delete_expired(session, ttl=ttl(settings))
    interview = repository.create(
        session, language=language, browser_key=browser_key, **_columns(kb, step)
    )
    return interview, step


def answer(
    session: Session,
    kb: KnowledgeBase,
    interview: Interview,
    values: Mapping[str, Value],
    answered: Iterable[str],
    *,
    language: str | None = None,
) -> Step:
    """Store ``values`` (the stored evidence with this request's answers merged in, checked
    by the caller) and the next step; ``answered``: the findings this request answered.

    An emergency acknowledged earlier is kept only while the level does not rise, so a
    higher level is shown again (:func:`lowered`).
    """
    step = interview_flow.answer(
        kb, values, asked_of(interview), pending_of(interview), set(answered)
    )
    if language is not None:
        interview.language = language
    repository.save_answers(session, interview, **_columns(kb, step))
    level = kb.levels[step.next.decision.level].id
    interview.acknowledged_level = lowered(kb, level, interview.acknowledged_level)
    return step


def _columns(kb: KnowledgeBase, step: Step) -> dict[str, Any]:
    """What a row keeps of a step, and which knowledge base computed it."""
    return {
        "values": step.values,
        "asked": [record(a) for a in step.asked],
        "pending": record(step.pending) if step.pending else None,
        "done": step.done,
        "kb_version": kb.version,
        "kb_hash": kb.content_hash,
    }


def acknowledge(kb: KnowledgeBase, interview: Interview) -> None:
    """The person has read the emergency page and goes on with the questions."""
    level = level_of(kb, interview.values)
    if level in EMERGENCY_LEVELS:
        interview.acknowledged_level = level


def interrupted(kb: KnowledgeBase, interview: Interview, step: Step | None = None) -> bool:
    """The interview stands at an emergency level the person has not yet acknowledged.
    ``step``: the step just stored, whose decision gives the level without deciding again."""
    level = kb.levels[step.next.decision.level].id if step else level_of(kb, interview.values)
    return needs_interruption(kb, level, interview.acknowledged_level)


def assessment_of(
    kb: KnowledgeBase, settings: Settings, interview: Interview, language: str | None = None
) -> Assessment:
    """The assessment of the evidence so far; provisional until the interview is done."""
    return assess(
        kb,
        interview.values,
        language or interview.language,
        provisional=not interview.done,
        emergency_numbers=settings.emergency_numbers,
    )


def level_of(kb: KnowledgeBase, values: Mapping[str, Value]) -> str:
    return kb.levels[decide(kb, values, notes=False).level].id


def needs_interruption(kb: KnowledgeBase, level: str, acknowledged: str | None) -> bool:
    """An emergency level not yet acknowledged (a higher one than acknowledged counts)."""
    if level not in EMERGENCY_LEVELS:
        return False
    return acknowledged is None or kb.level_rank(level) > kb.level_rank(acknowledged)


def lowered(kb: KnowledgeBase, level: str, acknowledged: str | None) -> str | None:
    """The acknowledgement kept after an answer: none below the emergency levels, and
    never above the level now, so that any rise is shown again."""
    if level not in EMERGENCY_LEVELS or acknowledged is None:
        return None
    return level if kb.level_rank(level) < kb.level_rank(acknowledged) else acknowledged


def asked_of(interview: Interview) -> list[AskedQuestion]:
    """The questions answered so far, in order."""
    return [asked_question(a) for a in interview.asked]


def pending_of(interview: Interview) -> AskedQuestion | None:
    """The question handed out and not yet answered."""
    return asked_question(interview.pending) if interview.pending else None


def record(asked: AskedQuestion) -> dict[str, Any]:
    """The JSON form of an asked question, as rows keep it."""
    return {"question_id": asked.question_id, "findings": list(asked.findings)}


def asked_question(data: Mapping[str, Any]) -> AskedQuestion:
    """An asked question back from its JSON form."""
    return AskedQuestion(str(data["question_id"]), tuple(str(f) for f in data["findings"]))
