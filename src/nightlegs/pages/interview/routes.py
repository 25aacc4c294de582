"""The interview's pages: the start page, the way in (to where the person stands), the
emergency interruption, and the old addresses kept as redirects. The question steps are
:mod:`.questions`, the check of the answers :mod:`.check`, start over :mod:`.reset`; each
step's address is :mod:`.navigation`'s.

The interview is the JSON API's row, advanced by the same use-cases
(:mod:`nightlegs.services.interviews`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nightlegs.engine import Assessment, Value
from nightlegs.http import cookies
from nightlegs.http.ratelimit import limit_starts
from nightlegs.i18n import LANGUAGES, N_, negotiate
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, FormDep, LangDep, WebDep
from nightlegs.pages.interview import check, complaint, navigation, questions, reset
from nightlegs.pages.results import urgent
from nightlegs.services import interviews

router = APIRouter(include_in_schema=False)


START_PAGE = page.Screen("start.html", "start", "/", "")
EMERGENCY_PAGE = page.Screen(
    "emergency.html", "emergency", navigation.EMERGENCY, N_("Get help now")
)


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
        minutes=web.context.settings.interview_minutes,
    )


@router.post("/{lang}/interview", dependencies=[Depends(limit_starts)])
def start_interview_page(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    """Start an interview (consent required) and go to its first question."""
    if "yes" not in form.get("consent", []):
        return start_response(web, request, lang, consent_missing=True)
    return complaint.begin(web, request, lang, {})


@router.get("/{lang}/interview")
def interview_page(lang: LangDep, request: Request, context: ContextDep) -> Response:
    """To where the person stands: the emergency page first, else the pending question,
    else the check of the answers."""
    with page.browser_interview(context, request, lang) as (_session, interview):
        return page.redirect(f"/{lang}{navigation.current(context.kb, interview)}")


@router.get("/{lang}/interview/emergency")
def emergency_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The interruption; shown again (from the history) while the level is an emergency."""
    kb = context.kb
    with page.browser_interview(context, request, lang) as (_session, interview):
        if interviews.level_of(kb, interview.values) not in interviews.EMERGENCY_LEVELS:
            return page.redirect(f"/{lang}{navigation.current(kb, interview)}")
        assessment = interviews.assessment_of(kb, context.settings, interview, lang)
        values = dict(interview.values)
    return emergency_response(web, request, lang, assessment, values)


def emergency_response(
    web: page.Web,
    request: Request,
    lang: str,
    assessment: Assessment,
    values: Mapping[str, Value],
) -> HTMLResponse:
    """The emergency page, with what to do and what to tell them (:mod:`..results.urgent`)."""
    view = urgent.for_page(web, assessment, values, lang)
    return page.render(web, request, lang, EMERGENCY_PAGE, assessment=assessment, u=view)


@router.post("/{lang}/interview/continue")
def continue_page(lang: LangDep, request: Request, context: ContextDep) -> Response:
    """The person has read the emergency page and goes on with the questions."""
    with page.browser_interview(context, request, lang, for_update=True) as (_session, interview):
        interviews.acknowledge(context.kb, interview)
        where = navigation.current(context.kb, interview)
    return page.redirect(f"/{lang}{where}")


@router.get("/{lang}/interview/back")
def back_page(
    lang: LangDep,
    request: Request,
    context: ContextDep,
    step: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    """The old address of an earlier question (``step``: 0-based): a redirect to its step;
    without ``step``, to the check page of a finished interview, else the last answer."""
    with page.browser_interview(context, request, lang) as (_session, interview):
        answered = len(interview.asked)
        done = interview.done
    if step is not None:
        return page.redirect(f"/{lang}{navigation.step_path(min(step, answered) + 1)}")
    if done:
        return page.redirect(f"/{lang}{navigation.CHECK}")
    return page.redirect(f"/{lang}{navigation.step_path(max(answered, 1))}")


@router.post("/{lang}/interview/answer")
def answer_page(lang: LangDep, request: Request, web: WebDep, form: FormDep) -> Response:
    """The old address of every answer (a page open from before): ``_step`` (0-based) names
    an earlier question, else the pending one. Read item by item, as those pages asked."""
    step = questions.first(form, "_step") or ""
    number = int(step) + 1 if step.isdigit() else None
    return questions.store_step(web, request, lang, number, form, each=True)


# The other modules' pages are this router's too (as routes of their own, so that anyone
# reading ``router.routes`` sees every path).
for area in (questions, check, reset, complaint):
    router.routes.extend(area.router.routes)
