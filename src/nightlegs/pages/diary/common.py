"""What the diary's pages share: titles and messages, the sign-in cookie, the one-time
cookies, the night in a path, and a page with one message.

Two things are shown exactly once and carried from the POST that made them to the page
that shows them in a short-lived HttpOnly cookie, deleted by that page: the recovery code
of a new diary and the address of a new share link (the server keeps neither, only their
hashes). URLs, hooks and decisions: docs/diary.md, "Pages".
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from nightlegs.http import cookies
from nightlegs.http.deps import Context
from nightlegs.http.diary_access import attempt_wait, signed_in_diary
from nightlegs.i18n import N_, Translator
from nightlegs.pages.common import PageNotFound, Screen, Web, redirect, render, web_of
from nightlegs.services import diaries

logger = logging.getLogger(__name__)


#: The new diary's recovery code, from the POST that made it to the page that shows it.
CODE_COOKIE = "nightlegs_diary_code"


#: A new share link's id and token, likewise.
SHARE_COOKIE = "nightlegs_diary_share"


#: Seconds a code or link waits in its cookie to be shown.
ONCE_AGE = 15 * 60


#: Nights listed on the diary page (newest first, recorded or not).
RECENT_NIGHTS = 7


#: The word to type to delete everything (translated in the catalogues).
CONFIRM_WORD = N_("delete")


TITLES = {
    "start": N_("My night diary"),
    "code": N_("Your recovery code"),
    "diary": N_("My night diary"),
    "entry": N_("The night of %(dates)s"),
    "share": N_("Share with a doctor"),
    "shared": N_("Night diary (shared)"),
    "delete": N_("Delete everything"),
    "deleted": N_("Your diary is deleted"),
    "off": N_("The night diary is off"),
    "gone": N_("This link does not work"),
    "no_report": N_("The report is not available"),
    "preview": N_("Night diary (shared)"),
}


MESSAGES = {
    "off": N_("The night diary is not switched on on this server. The check itself still works."),
    "too_many": N_("Too many attempts from your network. Please wait a minute and try again."),
    "code_unknown": N_(
        "We do not know this recovery code. Please check each group of digits and try again."
    ),
    "code_malformed": N_(
        "This does not look like a recovery code: it is 25 digits in 5 groups. "
        "Please check that no digit is missing or extra."
    ),
    "gone": N_(
        "This diary link does not work: it may have expired or been withdrawn. "
        "Please ask for a new link."
    ),
    "deleted": N_(
        "Your diary, its nights, saved checks and share links are deleted from our server. "
        "The recovery code no longer works."
    ),
    "no_report": N_(
        "The report cannot be made on this server right now. The diary is still on this page."
    ),
    "preview": N_(
        "A night diary of leg symptoms, shared with a doctor. Open the link in a browser "
        "to read it."
    ),
}


def code_file_text(t: Translator, code: str, start: str) -> str:
    """The text file of a new diary's recovery code: the code and how to use it."""
    lines = [
        t(N_("Night diary: your recovery code")),
        "",
        code,
        "",
        t(N_("This code is the only key to your diary. Keep it safe and do not share it.")),
        t(N_("To open your diary on another phone or computer, go to %(address)s"), address=start),
        t(N_("and type the code there. Spaces and dashes do not matter.")),
    ]
    return "\r\n".join(lines) + "\r\n"


def sign_in_cookie(response: Response, request: Request, web: Web, token: str) -> None:
    age = web.context.settings.diary_session_ttl_hours * 3600
    cookies.put(response, request, diaries.SESSION_COOKIE, token, age)


class NotSignedIn(Exception):
    """No diary signs in with the request's cookie: answered with the diary's start page
    (:func:`not_signed_in`, installed by :func:`nightlegs.pages.install`)."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.lang = lang


@contextmanager
def signed_in(context: Context, request: Request, lang: str) -> Iterator[tuple[Session, str]]:
    """A transaction on the diary the request's cookie signs in to, with its id; raises
    :class:`NotSignedIn` (the start page) when the cookie signs in to none."""
    with context.sessions() as session, session.begin():
        diary_id = signed_in_diary(session, request)
        if diary_id is None:
            raise NotSignedIn(lang)
        yield session, diary_id


async def not_signed_in(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotSignedIn)
    return to_start(request, web_of(request), exc.lang)


def to_start(request: Request, web: Web, lang: str) -> RedirectResponse:
    """Back to the diary's start page (the cookie, if any, no longer signs in)."""
    response = redirect(f"/{lang}/diary/")
    if cookies.read(request, diaries.SESSION_COOKIE) is not None:
        cookies.forget(response, request, diaries.SESSION_COOKIE)
    return response


def limited(request: Request) -> str | None:
    """The seconds to wait (as the Retry-After value) when past the rate limit, else None."""
    seconds = attempt_wait(request)
    return None if seconds is None else str(seconds)


def night_of(text: str, web: Web) -> dt.date:
    """A night that may have an entry (2000-01-01 to the latest allowed); else no page."""
    try:
        night = dt.date.fromisoformat(text)
    except ValueError:
        raise PageNotFound(text) from None
    if len(text) != 10 or not diaries.EARLIEST_DATE <= night <= diaries.latest_entry_date_allowed(
        web.context.settings
    ):
        raise PageNotFound(text)
    return night


def message_page(
    web: Web,
    request: Request,
    lang: str,
    *,
    page: str,
    here: str,
    key: str,
    status: int,
    back: tuple[str, str] | None = None,
    home: bool = False,
) -> HTMLResponse:
    """A page with one message: ``key`` names its title and text (TITLES, MESSAGES);
    ``back`` a link (address, words) under it, ``home`` one to the start page."""
    t = web.pages.translators[lang]
    if home:
        back = (f"/{lang}/", t(N_("Go to the start page")))
    return render(
        web,
        request,
        lang,
        Screen("diary/message.html", page, "", TITLES[key]),
        here=here,
        status=status,
        message=t(MESSAGES[key]),
        back=back,
    )


def off_page(web: Web, request: Request, lang: str) -> HTMLResponse:
    return message_page(
        web,
        request,
        lang,
        page="diary-start",
        here="/diary/",
        key="off",
        status=503,
        home=True,
    )
