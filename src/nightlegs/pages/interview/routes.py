"""The interview's pages: start, one question at a time (and back to change an answer), the
emergency interruption, start over.

The interview is the JSON API's row, advanced by the same use-cases
(:mod:`nightlegs.services.interviews`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nightlegs.engine import Assessment, Question
from nightlegs.http import cookies
from nightlegs.http.ratelimit import limit_starts
from nightlegs.i18n import LANGUAGES, N_, negotiate
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, FormDep, LangDep, WebDep
from nightlegs.pages.interview import forms
from nightlegs.pages.interview.number_items import Problem, Raw
from nightlegs.pages.interview.views import localized, prefill, question_view
from nightlegs.services import interviews

QUESTION_FIELD = "_question"


STEP_FIELD = "_step"


router = APIRouter(include_in_schema=False)


TITLES = {
    "question": N_("Question %(num)d"),
    "emergency": N_("Get help now"),
    "results": N_("Your results"),
}


START_PAGE = page.Screen("start.html", "start", "/", "")
QUESTION_PAGE = page.Screen("question.html", "question", "", TITLES["question"])
EMERGENCY_PAGE = page.Screen("emergency.html", "emergency", "/interview", TITLES["emergency"])


@router.get("/")
def home(request: Request, context: ContextDep) -> RedirectResponse:
    """To the start page in the person's language."""
    chosen = cookies.read(request, page.LANGUAGE_COOKIE)
    if chosen not in LANGUAGES:
        chosen = negotiate(request.headers.get("accept-language"))
    return page.redirect(f"/{chosen or context.settings.default_language}/")


@router.get("/{lang}")
def language_root(lang: LangDep) -> RedirectResponse:
    return page.redirect(f"/{lang}/")


@router.get("/{lang}/")
def start_page(
    lang: LangDep,
    request: Request,
    web: WebDep,
    context: ContextDep,
    gone: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    with context.sessions() as session, session.begin():
        interview = page.find(session, request, context)
        unfinished = interview is not None
    return start_response(web, request, lang, unfinished=unfinished, gone=gone is not None)


def start_response(
    web: page.Web,
    request: Request,
    lang: str,
    *,
    unfinished: bool = False,
    gone: bool = False,
    consent_missing: bool = False,
) -> HTMLResponse:
    return page.render(
        web,
        request,
        lang,
        START_PAGE,
        status=422 if consent_missing else 200,
        unfinished=unfinished,
        gone=gone,
        consent_missing=consent_missing,
        ttl_hours=web.context.settings.interview_ttl_hours,
    )


@router.post("/{lang}/interview", dependencies=[Depends(limit_starts)])
def start_interview_page(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    """Start an interview (consent required) and go to its first question."""
    if "yes" not in form.get("consent", []):
        return start_response(web, request, lang, consent_missing=True)
    secret, key = cookies.browser_secret()
    with context.sessions() as session, session.begin():
        previous = page.find(session, request, context)
        interview, _step = interviews.start(
            session, context.kb, context.settings, lang, {}, browser_key=key, replacing=previous
        )
        interview_id = interview.id
    response = page.redirect(f"/{lang}/interview")
    page.keep_interview(response, request, context, cookies.interview_cookie(interview_id, secret))
    return response


@router.get("/{lang}/interview")
def interview_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The pending question; or the emergency page first; or, when done, the results."""
    kb = context.kb
    with page.browser_interview(context, request, lang) as (_session, interview):
        if interviews.interrupted(kb, interview):
            assessment = interviews.assessment_of(kb, context.settings, interview, lang)
            return emergency_response(web, request, lang, assessment)
        pending = interviews.pending_of(interview)
        if interview.done or pending is None:
            return page.redirect(f"/{lang}/results")
        count = len(interview.asked)
    question = localized(kb, pending.question_id, pending.findings, lang)
    return question_response(
        web,
        request,
        lang,
        question,
        number=count + 1,
        back_href=f"/{lang}/interview/back" if count else None,
    )


def question_response(
    web: page.Web,
    request: Request,
    lang: str,
    question: Question,
    *,
    number: int,
    raw: Mapping[str, Raw] | None = None,
    problems: Mapping[str, Problem] | None = None,
    conflicts: Mapping[str, tuple[str, ...]] | None = None,
    step: int | None = None,
    back_href: str | None = None,
) -> HTMLResponse:
    t = web.pages.translators[lang]
    view = question_view(
        web.context.kb,
        question,
        t,
        number=number,
        raw=raw,
        problems=problems,
        conflicts=conflicts,
        step=step,
        back_href=back_href,
    )
    here = "/interview" if step is None else f"/interview/back?step={step}"
    return page.render(
        web,
        request,
        lang,
        QUESTION_PAGE,
        here=here,
        title_values={"num": number},
        status=422 if problems else 200,
        q=view,
    )


def emergency_response(
    web: page.Web, request: Request, lang: str, assessment: Assessment
) -> HTMLResponse:
    return page.render(
        web,
        request,
        lang,
        EMERGENCY_PAGE,
        assessment=assessment,
    )


@router.post("/{lang}/interview/answer")
def answer_page(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    """The answers to one question (the pending one, or an earlier one being changed)."""
    kb = context.kb
    question_id = next(iter(form.get(QUESTION_FIELD, [])), "")
    step_text = next(iter(form.get(STEP_FIELD, [])), "")
    with page.browser_interview(context, request, lang, for_update=True) as (session, interview):
        asked = interviews.asked_of(interview)
        pending = interviews.pending_of(interview)
        step: int | None = None
        if step_text.isdigit() and int(step_text) < len(asked):
            step = int(step_text)
            target = asked[step]
        elif pending is not None:
            target = pending
        else:
            return page.redirect(f"/{lang}/interview")
        if target.question_id != question_id:
            # A form from another tab or an older page: show what is current instead.
            return page.redirect(f"/{lang}/interview")
        question = localized(kb, target.question_id, target.findings, lang)
        submission = forms.read(kb, question, form)
        values = None
        if submission.ok:
            # Refused, like an invalid number, when it contradicts what is stored.
            submission, values = forms.consistent(kb, submission, interview.values)
        if values is None:
            if step is None:
                number, back = len(asked) + 1, f"/{lang}/interview/back" if asked else None
            else:
                number, back = step + 1, _back_href(lang, step) if step else None
            return question_response(
                web,
                request,
                lang,
                question,
                number=number,
                raw=submission.raw,
                problems=submission.problems,
                conflicts=submission.conflicts,
                step=step,
                back_href=back,
            )
        answered = [a.finding for a in submission.answers]
        result = interviews.answer(session, kb, interview, values, answered, language=lang)
        interrupt = interviews.interrupted(kb, interview, result)
    done = result.done and not interrupt
    response = page.redirect(f"/{lang}/results" if done else f"/{lang}/interview")
    page.keep_interview(
        response, request, context, cookies.read(request, page.INTERVIEW_COOKIE) or ""
    )
    return response


def _back_href(lang: str, step: int) -> str:
    """The link to the question answered before question number ``step + 1``."""
    return f"/{lang}/interview/back?step={step - 1}"


@router.get("/{lang}/interview/back")
def back_page(
    lang: LangDep,
    request: Request,
    web: WebDep,
    context: ContextDep,
    step: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    """An earlier question with its answers, to change them (each step back goes further)."""
    kb = context.kb
    with page.browser_interview(context, request, lang) as (_session, interview):
        asked = interviews.asked_of(interview)
        values = dict(interview.values)
    if not asked:
        return page.redirect(f"/{lang}/interview")
    index = len(asked) - 1 if step is None else min(step, len(asked) - 1)
    target = asked[index]
    question = localized(kb, target.question_id, target.findings, lang)
    return question_response(
        web,
        request,
        lang,
        question,
        number=index + 1,
        raw=prefill(question, values),
        step=index,
        back_href=_back_href(lang, index) if index else None,
    )


@router.post("/{lang}/interview/continue")
def continue_page(lang: LangDep, request: Request, context: ContextDep) -> Response:
    """The person has read the emergency page and goes on with the questions."""
    with page.browser_interview(context, request, lang, for_update=True) as (_session, interview):
        interviews.acknowledge(context.kb, interview)
    return page.redirect(f"/{lang}/interview")


@router.post("/{lang}/interview/reset")
def reset_page(lang: LangDep, request: Request, context: ContextDep) -> Response:
    """Start over: the interview is deleted, and the cookie with it."""
    with context.sessions() as session, session.begin():
        interview = page.find(session, request, context, for_update=True)
        if interview is not None:
            session.delete(interview)
    response = page.redirect(f"/{lang}/")
    page.forget_interview(response, request, context)
    return response
