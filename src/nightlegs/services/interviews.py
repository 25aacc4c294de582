"""Storing an interview step: the one place the API and the pages write interviews.

A :class:`~nightlegs.services.interview_flow.Step` and the knowledge base that computed it say
everything the row needs, so callers pass those rather than eight fields.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from nightlegs.engine import KnowledgeBase
from nightlegs.services.interview_flow import Step
from nightlegs.store import repository
from nightlegs.store.models import Interview


def store_new(
    session: Session,
    kb: KnowledgeBase,
    language: str,
    step: Step,
    *,
    browser_key: str | None = None,
) -> Interview:
    """A new interview row for the first step (``browser_key``: started by a page)."""
    return repository.create(
        session,
        language=language,
        values=step.values,
        asked=step.asked,
        pending=step.pending,
        done=step.done,
        kb_version=kb.version,
        kb_hash=kb.content_hash,
        browser_key=browser_key,
    )


def store_step(session: Session, kb: KnowledgeBase, interview: Interview, step: Step) -> Interview:
    """The interview after an answer; records which knowledge base computed it."""
    return repository.save_answers(
        session,
        interview,
        values=step.values,
        asked=step.asked,
        pending=step.pending,
        done=step.done,
        kb_version=kb.version,
        kb_hash=kb.content_hash,
    )
