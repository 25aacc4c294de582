"""What every page shares: the templates and labels (:class:`Web`), the path's language, the
posted form, rendering, redirects, the interview cookie and error pages.

Server-rendered and complete without JavaScript: every form posts and is answered with a
redirect (Post/Redirect/Get, 303), or with the same page and 422 when something is
missing; with JavaScript, htmx boosts the same links and forms. The browser keeps only the
interview's id and its own secret, in the ``nightlegs_interview`` cookie
(:mod:`nightlegs.http.cookies`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from nightlegs import __version__
from nightlegs.http import cookies
from nightlegs.http.deps import Context, get_context
from nightlegs.i18n import LANGUAGE_NAMES, LANGUAGES, N_, format_date
from nightlegs.pages.templating import Pages
from nightlegs.pages.views import Deployment, Labels, tel
from nightlegs.services import interviews
from nightlegs.settings import Settings

logger = logging.getLogger(__name__)


INTERVIEW_COOKIE = "nightlegs_interview"


LANGUAGE_COOKIE = "nightlegs_lang"


#: The night diary's sign-in cookie (``diary.service.SESSION_COOKIE``).
DIARY_COOKIE = "nightlegs_diary"


LANGUAGE_COOKIE_AGE = 365 * 24 * 3600


class PageNotFound(Exception):
    """No such page (an unknown language prefix, for instance)."""


class Web:
    """What the pages share: the templates and the knowledge base's labels."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.labels = Labels(context.kb)
        self.deployment = Deployment.from_settings(context.settings)
        self.pages = Pages(
            {
                "version": __version__,
                "deployment": self.deployment,
                "tel": tel,
                "language_names": LANGUAGE_NAMES,
                "languages": LANGUAGES,
            }
        )


def web_of(request: Request) -> Web:
    web = request.app.state.nightlegs_web
    assert isinstance(web, Web)
    return web


async def get_web(request: Request) -> Web:
    """The dependency (a coroutine: no thread-pool hop for reading the app's state)."""
    return web_of(request)


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


async def language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise PageNotFound(lang)
    return lang


LangDep = Annotated[str, Depends(language)]


def local_date(when: datetime, lang: str, settings: Settings) -> str:
    """The date of a stored (UTC) moment on the clinic's calendar, written out."""
    return format_date(when.astimezone(settings.zone).date(), lang)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@dataclass(frozen=True, slots=True)
class Screen:
    """A kind of page: its template, its id (``data-page``), its path after the language
    prefix (for the language switch; empty when :func:`render` is given one) and its title,
    a catalogue message (empty: none)."""

    template: str
    page: str
    here: str
    title: str


ERROR_PAGE = Screen("error.html", "error", "/", "")


def render(
    web: Web,
    request: Request,
    lang: str,
    screen: Screen,
    *,
    status: int = 200,
    here: str | None = None,
    title: str | None = None,
    title_values: Mapping[str, Any] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A full page of ``screen``; ``title`` (already in ``lang``) replaces the screen's,
    ``title_values`` fill its placeholders."""
    t = web.pages.translators[lang]
    if title is None:
        title = t(screen.title, **(title_values or {})) if screen.title else ""
    body = web.pages.render(
        lang,
        screen.template,
        {
            "page": screen.page,
            "here": here or screen.here,
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
) -> interviews.Interview | None:
    """The interview of this browser's cookie: its id, and the secret of the browser that
    started it (a cookie with a known id alone resumes nothing)."""
    found = cookies.split_interview_cookie(cookies.read(request, INTERVIEW_COOKIE))
    if found is None:
        return None
    interview_id, secret = found
    interview = interviews.find(session, context.settings, interview_id, for_update=for_update)
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


class InterviewGone(Exception):
    """This browser has no interview kept: answered with :func:`gone` (installed by
    :func:`nightlegs.pages.install`)."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.lang = lang


@contextmanager
def browser_interview(
    context: Context, request: Request, lang: str, *, for_update: bool = False
) -> Iterator[tuple[Session, interviews.Interview]]:
    """A transaction on this browser's interview; raises :class:`InterviewGone` (back to
    the start) when it has none."""
    with context.sessions() as session, session.begin():
        interview = find(session, request, context, for_update=for_update)
        if interview is None:
            raise InterviewGone(lang)
        yield session, interview


async def interview_gone(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InterviewGone)
    return gone(request, web_of(request).context, exc.lang)


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
    web = web_of(request)
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
        ERROR_PAGE,
        title=message,
        status=status,
        message=message,
        back_to_results=False,
    )
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response
