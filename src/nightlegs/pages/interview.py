"""The patient's pages: start, one question at a time, the emergency interruption, results.

Server-rendered and complete without JavaScript: every form posts and is
answered with a redirect (Post/Redirect/Get, 303), or with the same page and
422 when something is missing. With JavaScript, htmx boosts the same links and
interview_forms. The interview is the JSON API's row, advanced by the same bookkeeping
(:mod:`nightlegs.services.interview_flow`); the browser keeps only its id and its own secret,
in the ``nightlegs_interview`` cookie (:mod:`nightlegs.http.cookies`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from nightlegs import __version__
from nightlegs.engine import Assessment, KnowledgeBase, Question, Value, assess, decide
from nightlegs.http import cookies
from nightlegs.http.deps import Context, get_context
from nightlegs.http.ratelimit import limit_starts
from nightlegs.i18n import LANGUAGE_NAMES, LANGUAGES, N_, format_date, negotiate
from nightlegs.pages import interview_forms, interview_views
from nightlegs.pages.templating import Pages
from nightlegs.report.pdf import ReportUnavailable, render_pdf
from nightlegs.services import interview_flow
from nightlegs.services import interviews as interview_service
from nightlegs.store import repository
from nightlegs.store.models import Interview

logger = logging.getLogger(__name__)

INTERVIEW_COOKIE = "nightlegs_interview"
LANGUAGE_COOKIE = "nightlegs_lang"
#: The night diary's sign-in cookie (``diary.service.SESSION_COOKIE``).
DIARY_COOKIE = "nightlegs_diary"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
QUESTION_FIELD = "_question"
STEP_FIELD = "_step"

router = APIRouter(include_in_schema=False)

TITLES = {
    "question": N_("Question %(num)d"),
    "emergency": N_("Get help now"),
    "results": N_("Your results"),
}


class PageNotFound(Exception):
    """No such page (an unknown language prefix, for instance)."""


class Web:
    """What the pages share: the templates and the knowledge base's labels."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.labels = interview_views.Labels(context.kb)
        self.deployment = interview_views.Deployment.from_settings(context.settings)
        self.pages = Pages(
            {
                "version": __version__,
                "deployment": self.deployment,
                "tel": interview_views.tel,
                "language_names": LANGUAGE_NAMES,
                "languages": LANGUAGES,
            }
        )


def get_web(request: Request) -> Web:
    web = request.app.state.nightlegs_web
    assert isinstance(web, Web)
    return web


WebDep = Annotated[Web, Depends(get_web)]
ContextDep = Annotated[Context, Depends(get_context)]


async def form_data(request: Request) -> dict[str, list[str]]:
    """The posted form, as every value sent under each name (files are ignored)."""
    form = await request.form()
    data: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if isinstance(value, str):
            data.setdefault(key, []).append(value)
    return data


FormDep = Annotated[dict[str, list[str]], Depends(form_data)]


def language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise PageNotFound(lang)
    return lang


LangDep = Annotated[str, Depends(language)]


# --- helpers ----------------------------------------------------------------------


def ttl(context: Context) -> timedelta:
    return timedelta(hours=context.settings.interview_ttl_hours)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def render(
    web: Web,
    request: Request,
    lang: str,
    template: str,
    *,
    page: str,
    here: str,
    title: str,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    """A full page; ``here`` is its path after the language prefix (for the switch)."""
    t = web.pages.translators[lang]
    body = web.pages.render(
        lang,
        template,
        {
            "page": page,
            "here": here,
            "title": title,
            "settings": web.context.settings,
            "emergency_numbers": [web.deployment.ambulance, web.deployment.general],
            "t": t,
            "diary_signed_in": cookies.read(request, DIARY_COOKIE) is not None,
            **context,
        },
    )
    response = HTMLResponse(body, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    remember_language(response, request, web, lang)
    return response


def remember_language(response: Response, request: Request, web: Web, lang: str) -> None:
    if cookies.read(request, LANGUAGE_COOKIE) != lang:
        cookies.put(response, request, LANGUAGE_COOKIE, lang, LANGUAGE_COOKIE_AGE)


def keep_interview(response: Response, request: Request, context: Context, value: str) -> None:
    """Set (or renew) the interview cookie: ``value`` is ``<id>.<browser secret>``."""
    age = context.settings.interview_ttl_hours * 3600
    cookies.put(response, request, INTERVIEW_COOKIE, value, age)


def forget_interview(response: Response, request: Request, context: Context) -> None:
    cookies.forget(response, request, INTERVIEW_COOKIE)


def find(
    session: Session, request: Request, context: Context, *, for_update: bool = False
) -> Interview | None:
    """The interview of this browser's cookie: its id, and the secret of the browser that
    started it (a cookie with a known id alone resumes nothing)."""
    found = cookies.split_interview_cookie(cookies.read(request, INTERVIEW_COOKIE))
    if found is None:
        return None
    interview_id, secret = found
    interview = repository.get(session, interview_id, ttl=ttl(context), for_update=for_update)
    if interview is None or not cookies.same_browser(interview.browser_key, secret):
        return None
    return interview


def gone(request: Request, context: Context, lang: str) -> RedirectResponse:
    """Back to the start: the interview the cookie names is not (or no longer) kept."""
    had_cookie = cookies.read(request, INTERVIEW_COOKIE) is not None
    response = redirect(f"/{lang}/?gone=1" if had_cookie else f"/{lang}/")
    if had_cookie:
        forget_interview(response, request, context)
    return response


def level_of(kb: KnowledgeBase, values: Mapping[str, Value]) -> str:
    return kb.levels[decide(kb, values).level].id


def needs_interruption(kb: KnowledgeBase, level: str, acknowledged: str | None) -> bool:
    """An emergency level not yet acknowledged (a higher one than acknowledged counts)."""
    if level not in interview_views.EMERGENCY_LEVELS:
        return False
    return acknowledged is None or kb.level_rank(level) > kb.level_rank(acknowledged)


def lowered(kb: KnowledgeBase, level: str, acknowledged: str | None) -> str | None:
    """The acknowledgement kept after an answer: none below the emergency levels, and
    never above the level now, so that any rise is shown again."""
    if level not in interview_views.EMERGENCY_LEVELS or acknowledged is None:
        return None
    return level if kb.level_rank(level) < kb.level_rank(acknowledged) else acknowledged


def assessment_of(context: Context, interview: Interview, lang: str) -> Assessment:
    return assess(
        context.kb,
        interview.values,
        lang,
        provisional=not interview.done,
        emergency_numbers=context.settings.emergency_numbers,
    )


# --- routes ------------------------------------------------------------------------


@router.get("/")
def home(request: Request, context: ContextDep) -> RedirectResponse:
    """To the start page in the person's language."""
    chosen = cookies.read(request, LANGUAGE_COOKIE)
    if chosen not in LANGUAGES:
        chosen = negotiate(request.headers.get("accept-language"))
    return redirect(f"/{chosen or context.settings.default_language}/")


@router.get("/{lang}")
def language_root(lang: LangDep) -> RedirectResponse:
    return redirect(f"/{lang}/")


@router.get("/{lang}/")
def start_page(
    lang: LangDep,
    request: Request,
    web: WebDep,
    context: ContextDep,
    gone: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    with context.sessions() as session, session.begin():
        interview = find(session, request, context)
        unfinished = interview is not None
    return start_response(web, request, lang, unfinished=unfinished, gone=gone is not None)


def start_response(
    web: Web,
    request: Request,
    lang: str,
    *,
    unfinished: bool = False,
    gone: bool = False,
    consent_missing: bool = False,
) -> HTMLResponse:
    return render(
        web,
        request,
        lang,
        "start.html",
        page="start",
        here="/",
        title="",
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
    kb = context.kb
    step = interview_flow.begin(kb, {})
    secret, key = cookies.browser_secret()
    with context.sessions() as session, session.begin():
        previous = find(session, request, context)
        if previous is not None:
            session.delete(previous)
        repository.delete_expired(session, ttl=ttl(context))
        interview = interview_service.store_new(session, kb, lang, step, browser_key=key)
        interview_id = interview.id
    response = redirect(f"/{lang}/interview")
    keep_interview(response, request, context, cookies.interview_cookie(interview_id, secret))
    return response


@router.get("/{lang}/interview")
def interview_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The pending question; or the emergency page first; or, when done, the results."""
    kb = context.kb
    with context.sessions() as session, session.begin():
        interview = find(session, request, context)
        if interview is None:
            return gone(request, context, lang)
        level = level_of(kb, interview.values)
        if needs_interruption(kb, level, interview.acknowledged_level):
            return emergency_response(web, request, lang, assessment_of(context, interview, lang))
        if interview.done or interview.pending is None:
            return redirect(f"/{lang}/results")
        pending = repository.asked_question(interview.pending)
        count = len(interview.asked)
    question = interview_views.localized(kb, pending.question_id, pending.findings, lang)
    return question_response(
        web,
        request,
        lang,
        question,
        number=count + 1,
        back_href=f"/{lang}/interview/back" if count else None,
    )


def question_response(
    web: Web,
    request: Request,
    lang: str,
    question: Question,
    *,
    number: int,
    raw: Mapping[str, interview_forms.Raw] | None = None,
    problems: Mapping[str, interview_forms.Problem] | None = None,
    conflicts: Mapping[str, tuple[str, ...]] | None = None,
    step: int | None = None,
    back_href: str | None = None,
) -> HTMLResponse:
    t = web.pages.translators[lang]
    view = interview_views.question_view(
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
    return render(
        web,
        request,
        lang,
        "question.html",
        page="question",
        here=here,
        title=t(TITLES["question"], num=number),
        status=422 if problems else 200,
        q=view,
    )


def emergency_response(
    web: Web, request: Request, lang: str, assessment: Assessment
) -> HTMLResponse:
    t = web.pages.translators[lang]
    return render(
        web,
        request,
        lang,
        "emergency.html",
        page="emergency",
        here="/interview",
        title=t(TITLES["emergency"]),
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
    with context.sessions() as session, session.begin():
        interview = find(session, request, context, for_update=True)
        if interview is None:
            return gone(request, context, lang)
        asked = [repository.asked_question(a) for a in interview.asked]
        pending = repository.asked_question(interview.pending) if interview.pending else None
        step: int | None = None
        if step_text.isdigit() and int(step_text) < len(asked):
            step = int(step_text)
            target = asked[step]
        elif pending is not None:
            target = pending
        else:
            return redirect(f"/{lang}/interview")
        if target.question_id != question_id:
            # A form from another tab or an older page: show what is current instead.
            return redirect(f"/{lang}/interview")
        question = interview_views.localized(kb, target.question_id, target.findings, lang)
        submission = interview_forms.read(kb, question, form)
        values = None
        if submission.ok:
            # Refused, like an invalid number, when it contradicts what is stored.
            submission, values = interview_forms.consistent(kb, submission, interview.values)
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
        result = interview_flow.answer(
            kb, values, asked, pending, {a.finding for a in submission.answers}
        )
        interview.language = lang
        interview_service.store_step(session, kb, interview, result)
        level = kb.levels[result.next.decision.level].id
        interview.acknowledged_level = lowered(kb, level, interview.acknowledged_level)
        interrupt = needs_interruption(kb, level, interview.acknowledged_level)
    done = result.done and not interrupt
    response = redirect(f"/{lang}/results" if done else f"/{lang}/interview")
    keep_interview(response, request, context, cookies.read(request, INTERVIEW_COOKIE) or "")
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
    with context.sessions() as session, session.begin():
        interview = find(session, request, context)
        if interview is None:
            return gone(request, context, lang)
        asked = [repository.asked_question(a) for a in interview.asked]
        values = dict(interview.values)
    if not asked:
        return redirect(f"/{lang}/interview")
    index = len(asked) - 1 if step is None else min(step, len(asked) - 1)
    target = asked[index]
    question = interview_views.localized(kb, target.question_id, target.findings, lang)
    return question_response(
        web,
        request,
        lang,
        question,
        number=index + 1,
        raw=interview_views.prefill(question, values),
        step=index,
        back_href=_back_href(lang, index) if index else None,
    )


@router.post("/{lang}/interview/continue")
def continue_page(lang: LangDep, request: Request, context: ContextDep) -> Response:
    """The person has read the emergency page and goes on with the questions."""
    with context.sessions() as session, session.begin():
        interview = find(session, request, context, for_update=True)
        if interview is None:
            return gone(request, context, lang)
        level = level_of(context.kb, interview.values)
        if level in interview_views.EMERGENCY_LEVELS:
            interview.acknowledged_level = level
    return redirect(f"/{lang}/interview")


@router.post("/{lang}/interview/reset")
def reset_page(lang: LangDep, request: Request, context: ContextDep) -> Response:
    """Start over: the interview is deleted, and the cookie with it."""
    with context.sessions() as session, session.begin():
        interview = find(session, request, context, for_update=True)
        if interview is not None:
            session.delete(interview)
    response = redirect(f"/{lang}/")
    forget_interview(response, request, context)
    return response


@router.get("/{lang}/results")
def results_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    kb = context.kb
    with context.sessions() as session, session.begin():
        interview = find(session, request, context)
        if interview is None:
            return gone(request, context, lang)
        level = level_of(kb, interview.values)
        if not interview.done or needs_interruption(kb, level, interview.acknowledged_level):
            return redirect(f"/{lang}/interview")
        assessment = assessment_of(context, interview, lang)
        values = dict(interview.values)
        answered = len(interview.asked)
        updated = interview.updated_at
    t = web.pages.translators[lang]
    view = interview_views.results_view(web.labels, assessment, values, t, web.deployment)
    return render(
        web,
        request,
        lang,
        "results.html",
        page="results",
        here="/results",
        title=t(TITLES["results"]),
        r=view,
        stages=interview_views.stages(kb, lang, "results"),
        answered=answered,
        date=format_date(updated.date(), lang),
    )


@router.get("/{lang}/report.pdf")
def report_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The doctor's one-page summary (WeasyPrint)."""
    kb = context.kb
    with context.sessions() as session, session.begin():
        interview = find(session, request, context)
        if interview is None:
            return gone(request, context, lang)
        if not interview.done:
            return redirect(f"/{lang}/interview")
        assessment = assessment_of(context, interview, lang)
        values = dict(interview.values)
    try:
        pdf = render_pdf(kb, assessment, values, lang, context.settings, datetime.now(UTC))
    except (ReportUnavailable, ImportError, OSError) as error:
        logger.warning("the PDF report is unavailable: %s", error)
        t = web.pages.translators[lang]
        return render(
            web,
            request,
            lang,
            "error.html",
            page="error",
            here="/results",
            title=t(N_("The report is not available")),
            status=503,
            message=t(
                N_(
                    "The report for your doctor cannot be made on this server right now. "
                    "Your results are still here; you can print this page instead."
                )
            ),
            back_to_results=True,
        )
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": 'inline; filename="nightlegs-report.pdf"',
            "Cache-Control": "no-store",
        },
    )


ERROR_MESSAGES = {
    404: N_("We could not find this page."),
    405: N_("This page cannot be opened this way."),
    429: N_(
        "Too many new checks were started from your network. Please wait a minute and try again."
    ),
}
GENERIC_ERROR = N_("Something went wrong. Please try again.")


def error_response(
    request: Request, status: int, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    """An error as a page, in the language of its path (else the person's or the default)."""
    web = get_web(request)
    prefix = request.url.path.strip("/").split("/")[0]
    lang = prefix if prefix in LANGUAGES else cookies.read(request, LANGUAGE_COOKIE) or ""
    if lang not in LANGUAGES:
        lang = web.context.settings.default_language
    t = web.pages.translators[lang]
    message = t(ERROR_MESSAGES.get(status, GENERIC_ERROR))
    response = render(
        web,
        request,
        lang,
        "error.html",
        page="error",
        here="/",
        title=message,
        status=status,
        message=message,
        back_to_results=False,
    )
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response
