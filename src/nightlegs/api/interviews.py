"""The interview: start it, answer its questions, read its result."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path
from sqlalchemy.orm import Session

from nightlegs.api.errors import INTERVIEW_NOT_FOUND, NOT_FOUND, TOO_LARGE, UNPROCESSABLE
from nightlegs.api.evidence import merge_evidence
from nightlegs.api.schemas import Answers, InterviewStart, InterviewStep
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.engine import Assessment, KnowledgeBase
from nightlegs.engine.interview import localize
from nightlegs.http.deps import KbDep, SessionDep, SettingsDep
from nightlegs.http.ratelimit import TOO_MANY_STARTS, limit_starts
from nightlegs.services import interviews
from nightlegs.services.interview_flow import Step
from nightlegs.settings import Settings

router = APIRouter(prefix="/interviews", tags=["interviews"], route_class=StrictJsonRoute)

InterviewId = Annotated[str, Path(alias="id", description="the id the interview was given")]


@router.post(
    "",
    status_code=201,
    response_model=InterviewStep,
    responses={**TOO_LARGE, **UNPROCESSABLE, **TOO_MANY_STARTS},
    dependencies=[Depends(limit_starts)],
)
def start_interview(
    body: InterviewStart, kb: KbDep, settings: SettingsDep, session: SessionDep
) -> InterviewStep:
    """Start an interview, optionally with evidence already known; answers the first question."""
    language = body.language or settings.default_language
    values = merge_evidence(kb, body.evidence, "evidence")
    with session.begin():
        interview, step = interviews.start(session, kb, settings, language, values)
    return _step(kb, interview.id, language, step)


@router.post(
    "/{id}/answers",
    response_model=InterviewStep,
    responses={**NOT_FOUND, **TOO_LARGE, **UNPROCESSABLE},
)
def answer_interview(
    interview_id: InterviewId,
    body: Answers,
    kb: KbDep,
    settings: SettingsDep,
    session: SessionDep,
) -> InterviewStep:
    """Answer the question given (or revise earlier answers; the later wins)."""
    with session.begin():
        interview = _find(session, interview_id, settings, for_update=True)
        values = merge_evidence(kb, body.answers, "answers", base=interview.values)
        answered = [item.finding for item in body.answers]
        step = interviews.answer(session, kb, interview, values, answered)
    return _step(kb, interview.id, interview.language, step)


@router.get("/{id}/result", response_model=Assessment, responses=NOT_FOUND)
def get_interview_result(
    interview_id: InterviewId, kb: KbDep, settings: SettingsDep, session: SessionDep
) -> Assessment:
    """The assessment of the evidence so far; provisional until the interview is done."""
    with session.begin():
        interview = _find(session, interview_id, settings)
        return interviews.assessment_of(kb, settings, interview)


def _find(
    session: Session, interview_id: str, settings: Settings, *, for_update: bool = False
) -> interviews.Interview:
    interview = interviews.find(session, settings, interview_id, for_update=for_update)
    if interview is None:
        raise HTTPException(status_code=404, detail=INTERVIEW_NOT_FOUND)
    return interview


def _step(kb: KnowledgeBase, interview_id: str, language: str, step: Step) -> InterviewStep:
    planned = step.next.planned
    question = localize(kb, planned, language) if planned is not None and not step.done else None
    return InterviewStep(
        id=interview_id,
        done=step.done,
        progress=1.0 if step.done else step.next.progress,
        question=question,
    )
