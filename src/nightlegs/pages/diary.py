"""The night diary's pages, and the doctor's read-only view of a shared diary.

Server-rendered like the interview's pages (:mod:`nightlegs.pages.interview`): every
form posts and is answered with a redirect (303), or with the same page and
422 when something is wrong; htmx boosts the same links and forms when
JavaScript is on. The pages call :mod:`nightlegs.services.diaries` and
:mod:`nightlegs.services.sharing` directly, one transaction per request. A diary
is reached with the token in the ``nightlegs_diary`` cookie, the same one the
JSON API accepts (so the export links are plain API GETs).

Two things are shown exactly once and carried from the POST that made them to
the page that shows them in a short-lived HttpOnly cookie, deleted by that
page: the recovery code of a new diary and the address of a new share link
(the server keeps neither, only their hashes).

URLs, hooks and decisions: docs/diary.md, "Pages".
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nightlegs.api.diaries import EARLIEST_DATE, diary_keys, limit_diary_attempts
from nightlegs.diary.codes import RecoveryCodeError
from nightlegs.diary.evidence import merge_with_interview
from nightlegs.engine import Assessment
from nightlegs.http import cookies
from nightlegs.i18n import N_, Translator, format_date
from nightlegs.pages import diary_views, interview_views
from nightlegs.pages.diary_forms import EntryRaw, raw_of, read_entry
from nightlegs.pages.interview import (
    ContextDep,
    FormDep,
    LangDep,
    PageNotFound,
    Web,
    WebDep,
    find,
    redirect,
    render,
)
from nightlegs.report.pdf import ReportUnavailable, render_pdf
from nightlegs.services import diaries, sharing
from nightlegs.services.hashing import hashing

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

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
    "entry": N_("The night of %(date)s"),
    "share": N_("Share with a doctor"),
    "shared": N_("Night diary (shared)"),
    "delete": N_("Delete everything"),
    "deleted": N_("Your diary is deleted"),
    "off": N_("The night diary is off"),
    "gone": N_("This link does not work"),
    "no_report": N_("The report is not available"),
}
MESSAGES = {
    "off": N_("The night diary is not switched on on this server. The check itself still works."),
    "too_many": N_("Too many attempts from your network. Please wait a minute and try again."),
    "code_unknown": N_("We do not know this recovery code. Please check the words and try again."),
    "code_malformed": N_(
        "This does not look like a recovery code: it is 8 words from our list. "
        "Please check the spelling."
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
}


# --- sessions and cookies ------------------------------------------------------------


def _diary_of(session: Session, request: Request) -> str | None:
    """The diary the request's cookie signs in to, or None."""
    return diaries.authorised_diary(session, cookies.read(request, diaries.SESSION_COOKIE))


def _set_cookie(
    response: Response, request: Request, web: Web, name: str, value: str, age: int
) -> None:
    cookies.put(response, request, name, value, age)


def _forget_cookie(response: Response, request: Request, web: Web, name: str) -> None:
    cookies.forget(response, request, name)


def _signed_in(response: Response, request: Request, web: Web, token: str) -> None:
    age = web.context.settings.diary_session_ttl_hours * 3600
    _set_cookie(response, request, web, diaries.SESSION_COOKIE, token, age)


def _to_start(request: Request, web: Web, lang: str) -> RedirectResponse:
    """Back to the diary's start page (the cookie, if any, no longer signs in)."""
    response = redirect(f"/{lang}/diary/")
    if cookies.read(request, diaries.SESSION_COOKIE) is not None:
        _forget_cookie(response, request, web, diaries.SESSION_COOKIE)
    return response


def _keys(request: Request) -> diaries.Keys | None:
    """The diary's keys, or None when the diary is off on this server."""
    try:
        return diary_keys(request)
    except HTTPException as error:
        if error.status_code == 503:
            return None
        raise


def _limited(request: Request) -> str | None:
    """The seconds to wait (as the Retry-After value) when past the rate limit, else None."""
    try:
        limit_diary_attempts(request)
    except HTTPException as error:
        if error.status_code == 429:
            return (error.headers or {}).get("Retry-After", "60")
        raise
    return None


def _night(text: str) -> dt.date:
    """A night that may have an entry (2000-01-01 to the latest allowed); else no page."""
    try:
        night = dt.date.fromisoformat(text)
    except ValueError:
        raise PageNotFound(text) from None
    if len(text) != 10 or not EARLIEST_DATE <= night <= diaries.latest_entry_date_allowed():
        raise PageNotFound(text)
    return night


def _message(
    web: Web,
    request: Request,
    lang: str,
    *,
    page: str,
    here: str,
    key: str,
    status: int,
    back: tuple[str, str] | None = None,
) -> HTMLResponse:
    """A page with one message: ``key`` names its title and text (TITLES, MESSAGES)."""
    t = web.pages.translators[lang]
    return render(
        web,
        request,
        lang,
        "diary/message.html",
        page=page,
        here=here,
        title=t(TITLES[key]),
        status=status,
        message=t(MESSAGES[key]),
        back=back,
    )


def _off(web: Web, request: Request, lang: str) -> HTMLResponse:
    t = web.pages.translators[lang]
    return _message(
        web,
        request,
        lang,
        page="diary-start",
        here="/diary/",
        key="off",
        status=503,
        back=(f"/{lang}/", t(N_("Go to the start page"))),
    )


# --- start, create, sign in, the code --------------------------------------------------


@router.get("/{lang}/diary/")
def diary_start(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
    if diary_id is not None:
        return redirect(f"/{lang}/diary")
    if _keys(request) is None:
        return _off(web, request, lang)
    return _start_response(web, request, lang)


def _start_response(
    web: Web,
    request: Request,
    lang: str,
    *,
    problem: str | None = None,
    status: int = 200,
    code: str = "",
) -> HTMLResponse:
    t = web.pages.translators[lang]
    return render(
        web,
        request,
        lang,
        "diary/start.html",
        page="diary-start",
        here="/diary/",
        title=t(TITLES["start"]),
        status=status,
        problem=t(MESSAGES[problem]) if problem else None,
        code=code,
    )


def _too_many(web: Web, request: Request, lang: str, wait: str) -> HTMLResponse:
    response = _start_response(web, request, lang, problem="too_many", status=429)
    response.headers["Retry-After"] = wait
    return response


@router.post("/{lang}/diary/new")
async def create_diary(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep
) -> Response:
    """A new diary: sign in, and show its recovery code once."""
    keys = _keys(request)
    if keys is None:
        return _off(web, request, lang)
    wait = _limited(request)
    if wait is not None:
        return _too_many(web, request, lang, wait)
    with context.sessions() as session:
        created = await hashing(diaries.create_diary, session, keys, context.settings)
    response = redirect(f"/{lang}/diary/code")
    _signed_in(response, request, web, created.token)
    _set_cookie(
        response, request, web, CODE_COOKIE, created.recovery_code.replace(" ", "-"), ONCE_AGE
    )
    return response


@router.post("/{lang}/diary/sign-in")
async def sign_in(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    keys = _keys(request)
    if keys is None:
        return _off(web, request, lang)
    text = next(iter(form.get("recovery_code", [])), "")[:200]
    wait = _limited(request)
    if wait is not None:
        return _too_many(web, request, lang, wait)
    try:
        with context.sessions() as session:
            signed = await hashing(diaries.sign_in, session, keys, context.settings, text)
    except RecoveryCodeError:
        return _start_response(web, request, lang, problem="code_malformed", status=422, code=text)
    if signed is None:
        return _start_response(web, request, lang, problem="code_unknown", status=401, code=text)
    response = redirect(f"/{lang}/diary")
    _signed_in(response, request, web, signed.token)
    return response


@router.get("/{lang}/diary/code")
def code_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The new diary's recovery code, this once; afterwards the page says it was shown."""
    code = (cookies.read(request, CODE_COOKIE) or "").replace("-", " ").strip()
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
    if diary_id is None and not code:
        return _to_start(request, web, lang)
    t = web.pages.translators[lang]
    response = render(
        web,
        request,
        lang,
        "diary/code.html",
        page="diary-code",
        here="/diary/code",
        title=t(TITLES["code"]),
        words=code.split(),
    )
    if cookies.read(request, CODE_COOKIE) is not None:
        _forget_cookie(response, request, web, CODE_COOKIE)
    return response


@router.post("/{lang}/diary/sign-out")
def sign_out(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    token = cookies.read(request, diaries.SESSION_COOKIE)
    if token:
        with context.sessions() as session, session.begin():
            diaries.sign_out(session, token)
    return _to_start(request, web, lang)


# --- the diary ---------------------------------------------------------------------------


@router.get("/{lang}/diary")
def diary_page(
    lang: LangDep,
    request: Request,
    web: WebDep,
    context: ContextDep,
    saved: str | None = None,
    removed: str | None = None,
    interview: str | None = None,
    bad_date: str | None = None,
) -> Response:
    kb = context.kb
    t = web.pages.translators[lang]
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        entries = diaries.entries(session, diary_id)
        summary = diaries.summary(session, diary_id)
        saved_interviews = diaries.saved_interviews(session, diary_id)
        latest = saved_interviews[-1] if saved_interviews else None
        assessment = (
            diaries.assessment(session, kb, context.settings, diary_id, lang) if latest else None
        )
        current = find(session, request, context)
        can_save = current is not None and current.done
    yesterday = diaries.today() - dt.timedelta(days=1)
    newest = max([yesterday, *(e.date for e in entries)])
    recent = diary_views.recent_nights(entries, newest, RECENT_NIGHTS, t)
    shown = {night.date for night in recent}
    earlier = [
        diary_views.night_view(e, t) for e in reversed(entries) if e.date.isoformat() not in shown
    ]
    notices = _notices(t, lang, saved=saved, removed=removed, interview=interview)
    return render(
        web,
        request,
        lang,
        "diary/diary.html",
        page="diary",
        here="/diary",
        title=t(TITLES["diary"]),
        diary_id=diary_id,
        entries=len(entries),
        yesterday=yesterday.isoformat(),
        yesterday_label=diary_views.short_date(yesterday, lang),
        yesterday_recorded=any(e.date == yesterday for e in entries),
        latest_allowed=diaries.latest_entry_date_allowed().isoformat(),
        earliest=EARLIEST_DATE.isoformat(),
        bad_date=bad_date is not None,
        recent=recent,
        earlier=earlier,
        s=diary_views.summary_view(summary, t),
        charts=diary_views.chart_views(summary, entries, lang) if entries else [],
        assessment=_assessment_view(assessment, t) if assessment else None,
        saved_on=format_date(latest.saved_at.date(), lang) if latest else None,
        can_save=can_save,
        notices=notices,
    )


def _notices(
    t: Translator, lang: str, *, saved: str | None, removed: str | None, interview: str | None
) -> list[str]:
    notices = []
    for text, message in (
        (saved, N_("Saved: the night of %(date)s.")),
        (removed, N_("Deleted: the night of %(date)s.")),
    ):
        if text:
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                continue
            notices.append(t(message, date=diary_views.short_date(day, lang)))
    if interview == "saved":
        notices.append(t(N_("Your check is saved in your diary.")))
    elif interview == "missing":
        notices.append(
            t(N_("There is no finished check to save. Its answers may have been deleted."))
        )
    return notices


@router.get("/{lang}/diary/entry")
def choose_night(
    lang: LangDep,
    request: Request,
    web: WebDep,
    date: str = "",
) -> Response:
    """The "another night" form: to that night's page, or back with a message."""
    try:
        night = _night(date)
    except PageNotFound:
        return redirect(f"/{lang}/diary?bad_date=1#another-night")
    return redirect(f"/{lang}/diary/entry/{night.isoformat()}")


@router.get("/{lang}/diary/entry/{night}")
def entry_page(
    lang: LangDep, night: str, request: Request, web: WebDep, context: ContextDep
) -> Response:
    day = _night(night)
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        listed = diaries.entries(session, diary_id, start=day, end=day)
    raw = raw_of(listed[0]) if listed else EntryRaw()
    return _entry_response(web, request, lang, day, raw, stored=bool(listed))


def _entry_response(
    web: Web,
    request: Request,
    lang: str,
    day: dt.date,
    raw: EntryRaw,
    *,
    stored: bool,
    problems: Mapping[Any, Any] | None = None,
) -> HTMLResponse:
    t = web.pages.translators[lang]
    form = diary_views.entry_form(day, raw, t, problems=problems, stored=stored)
    return render(
        web,
        request,
        lang,
        "diary/entry.html",
        page="diary-entry",
        here=f"/diary/entry/{day.isoformat()}",
        title=t(TITLES["entry"], date=form.label),
        status=422 if problems else 200,
        f=form,
    )


@router.post("/{lang}/diary/entry/{night}")
def save_entry(
    lang: LangDep, night: str, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    day = _night(night)
    read = read_entry(form)
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        if read.body is None:
            stored = bool(diaries.entries(session, diary_id, start=day, end=day))
            return _entry_response(
                web, request, lang, day, read.raw, stored=stored, problems=read.problems
            )
        try:
            diaries.put_entry(session, diary_id, day, read.body)
        except IntegrityError:  # the diary was deleted meanwhile
            return _to_start(request, web, lang)
    return redirect(f"/{lang}/diary?saved={day.isoformat()}")


@router.post("/{lang}/diary/entry/{night}/delete")
def delete_entry(
    lang: LangDep, night: str, request: Request, web: WebDep, context: ContextDep
) -> Response:
    day = _night(night)
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        diaries.delete_entry(session, diary_id, day)
    return redirect(f"/{lang}/diary?removed={day.isoformat()}")


@router.post("/{lang}/diary/save-interview")
def save_interview(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """Save the check of this browser (its interview cookie) in the diary."""
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        interview = find(session, request, context)
        saved = (
            diaries.save_interview(session, diary_id, interview.id, context.settings)
            if interview is not None and interview.done
            else None
        )
    return redirect(f"/{lang}/diary?interview={'saved' if saved else 'missing'}")


# --- sharing -----------------------------------------------------------------------------


@router.get("/{lang}/diary/share")
def share_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        shares = sharing.list_shares(session, diary_id)
    new_url = None
    flash = cookies.read(request, SHARE_COOKIE) or ""
    share_id, _, token = flash.partition(".")
    if token and any(s.id == share_id and s.active for s in shares):
        new_url = _absolute(request, f"/{lang}/shared/{token}")
    response = _share_response(
        web, request, lang, shares, new_id=share_id if new_url else None, new_url=new_url
    )
    if cookies.read(request, SHARE_COOKIE) is not None:
        _forget_cookie(response, request, web, SHARE_COOKIE)
    return response


def _absolute(request: Request, path: str) -> str:
    return str(request.base_url).rstrip("/") + path


def _share_response(
    web: Web,
    request: Request,
    lang: str,
    shares: list[sharing.ShareInfo],
    *,
    new_id: str | None = None,
    new_url: str | None = None,
    days: str = str(sharing.DEFAULT_DAYS),
    days_problem: bool = False,
) -> HTMLResponse:
    t = web.pages.translators[lang]
    return render(
        web,
        request,
        lang,
        "diary/share.html",
        page="diary-share",
        here="/diary/share",
        title=t(TITLES["share"]),
        status=422 if days_problem else 200,
        shares=diary_views.share_rows(shares, t),
        new_id=new_id,
        new_url=new_url,
        days=days,
        days_problem=days_problem,
        min_days=sharing.MIN_DAYS,
        max_days=sharing.MAX_DAYS,
    )


@router.post("/{lang}/diary/share")
def create_share(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    text = next(iter(form.get("days", [])), "").strip() or str(sharing.DEFAULT_DAYS)
    days = int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else 0
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        if not sharing.MIN_DAYS <= days <= sharing.MAX_DAYS:
            shares = sharing.list_shares(session, diary_id)
            return _share_response(web, request, lang, shares, days=text[:3], days_problem=True)
        share, token = sharing.create_share(session, diary_id, days=days)
    response = redirect(f"/{lang}/diary/share#new-link")
    _set_cookie(response, request, web, SHARE_COOKIE, f"{share.id}.{token}", ONCE_AGE)
    return response


@router.post("/{lang}/diary/share/{share_id}/revoke")
def revoke_share(
    lang: LangDep,
    share_id: str,
    request: Request,
    web: WebDep,
    context: ContextDep,
) -> Response:
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        sharing.revoke_share(session, diary_id, share_id)
    return redirect(f"/{lang}/diary/share")


# --- delete everything ---------------------------------------------------------------------


@router.get("/{lang}/diary/delete")
def delete_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with context.sessions() as session, session.begin():
        if _diary_of(session, request) is None:
            return _to_start(request, web, lang)
    return _delete_response(web, request, lang)


def _delete_response(
    web: Web, request: Request, lang: str, *, typed: str = "", wrong: bool = False
) -> HTMLResponse:
    t = web.pages.translators[lang]
    return render(
        web,
        request,
        lang,
        "diary/delete.html",
        page="diary-delete",
        here="/diary/delete",
        title=t(TITLES["delete"]),
        status=422 if wrong else 200,
        word=t(CONFIRM_WORD),
        typed=typed,
        wrong=wrong,
    )


@router.post("/{lang}/diary/delete")
def delete_everything(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    t = web.pages.translators[lang]
    typed = next(iter(form.get("confirm", [])), "")[:100]
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        if _confirmed(typed, t(CONFIRM_WORD)):
            diaries.delete_diary(session, diary_id)
        else:
            return _delete_response(web, request, lang, typed=typed, wrong=True)
    response = redirect(f"/{lang}/diary/deleted")
    _forget_cookie(response, request, web, diaries.SESSION_COOKIE)
    return response


def _confirmed(typed: str, word: str) -> bool:
    """Whether the person typed the word (case, spaces and quotes aside)."""
    cleaned = typed.strip().strip("\"'«»“”„").strip().casefold()
    return cleaned == word.casefold()


@router.get("/{lang}/diary/deleted")
def deleted_page(lang: LangDep, request: Request, web: WebDep) -> HTMLResponse:
    t = web.pages.translators[lang]
    return _message(
        web,
        request,
        lang,
        page="diary-deleted",
        here="/diary/deleted",
        key="deleted",
        status=200,
        back=(f"/{lang}/", t(N_("Go to the start page"))),
    )


# --- the doctor's view ---------------------------------------------------------------------


@router.get("/{lang}/shared/{token}")
def shared_page(
    lang: LangDep, token: str, request: Request, web: WebDep, context: ContextDep
) -> Response:
    """A shared diary, read-only: each opening is logged for the owner to see."""
    kb = context.kb
    t = web.pages.translators[lang]
    with context.sessions() as session, session.begin():
        diary_id = sharing.open_share(session, token, user_agent=request.headers.get("user-agent"))
        if diary_id is None:
            return _gone(web, request, lang, token)
        entries = diaries.entries(session, diary_id)
        summary = diaries.summary(session, diary_id)
        saved_interviews = diaries.saved_interviews(session, diary_id)
        assessment = diaries.assessment(session, kb, context.settings, diary_id, lang)
    latest = saved_interviews[-1] if saved_interviews else None
    response = render(
        web,
        request,
        lang,
        "shared.html",
        page="shared",
        here=f"/shared/{token}",
        title=t(TITLES["shared"]),
        token=token,
        entries=[diary_views.night_view(e, t) for e in reversed(entries[-28:])],
        total=len(entries),
        s=diary_views.summary_view(summary, t),
        charts=diary_views.chart_views(summary, entries, lang) if entries else [],
        assessment=_assessment_view(assessment, t),
        saved_on=format_date(latest.saved_at.date(), lang) if latest else None,
    )
    _private(response)
    return response


def _private(response: Response) -> None:
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"


def _gone(web: Web, request: Request, lang: str, token: str) -> HTMLResponse:
    response = _message(
        web,
        request,
        lang,
        page="error",
        here=f"/shared/{token}",
        key="gone",
        status=404,
    )
    _private(response)
    return response


@router.get("/{lang}/shared/{token}/report.pdf")
def shared_report(
    lang: LangDep, token: str, request: Request, web: WebDep, context: ContextDep
) -> Response:
    """The doctor's PDF: the latest assessment with the diary's figures and charts."""
    kb = context.kb
    with context.sessions() as session, session.begin():
        diary_id = sharing.open_share(session, token, user_agent=request.headers.get("user-agent"))
        if diary_id is None:
            return _gone(web, request, lang, token)
        entries = diaries.entries(session, diary_id)
        summary = diaries.summary(session, diary_id)
        saved_interviews = diaries.saved_interviews(session, diary_id)
        assessment = diaries.assessment(session, kb, context.settings, diary_id, lang)
    latest = saved_interviews[-1] if saved_interviews else None
    values = merge_with_interview(latest.values if latest else {}, summary.evidence)
    try:
        pdf = render_pdf(
            kb,
            assessment,
            values,
            lang,
            context.settings,
            dt.datetime.now(dt.UTC),
            diary_summary=summary,
            diary_entries=entries,
        )
    except (ReportUnavailable, ImportError, OSError) as error:
        logger.warning("the PDF report is unavailable: %s", error)
        t = web.pages.translators[lang]
        unavailable = _message(
            web,
            request,
            lang,
            page="error",
            here=f"/shared/{token}",
            key="no_report",
            status=503,
            back=(f"/{lang}/shared/{token}", t(N_("Back to the diary"))),
        )
        _private(unavailable)
        return unavailable
    response = Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": 'inline; filename="nightlegs-diary-report.pdf"',
            "Cache-Control": "no-store",
        },
    )
    _private(response)
    return response


# --- the assessment, as both pages show it -----------------------------------------------


def _assessment_view(assessment: Assessment, t: Translator) -> dict[str, Any]:
    return {
        "a": assessment,
        "emergency": assessment.triage.level in interview_views.EMERGENCY_LEVELS,
        "conditions": [
            {
                "id": c.id,
                "name": c.name,
                "likelihood": c.likelihood,
                "likelihood_label": t(interview_views.LIKELIHOOD_LABELS[c.likelihood]),
                "icd10": c.codes.get("icd10", ""),
                "icd10cm": c.codes.get("icd10cm", ""),
            }
            for c in assessment.conditions
        ],
    }
