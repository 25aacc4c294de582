"""Share links (make, list, withdraw) and the doctor's read-only view of a shared diary."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nightlegs.diary.evidence import merge_with_interview
from nightlegs.http import cookies
from nightlegs.i18n import N_, format_date
from nightlegs.pages.common import (
    ContextDep,
    FormDep,
    LangDep,
    Web,
    WebDep,
    logger,
    redirect,
    render,
)
from nightlegs.pages.diary.common import (
    ONCE_AGE,
    SHARE_COOKIE,
    TITLES,
    _diary_of,
    _forget_cookie,
    _message,
    _set_cookie,
    _to_start,
)
from nightlegs.pages.diary.form_views import share_rows
from nightlegs.pages.diary.summary_views import (
    assessment_view,
    chart_views,
    night_view,
    summary_view,
)
from nightlegs.report.pdf import ReportUnavailable, render_pdf
from nightlegs.services import diaries, sharing

router = APIRouter(include_in_schema=False)


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
        shares=share_rows(shares, t),
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
        entries=[night_view(e, t) for e in reversed(entries[-28:])],
        total=len(entries),
        s=summary_view(summary, t),
        charts=chart_views(summary, entries, lang) if entries else [],
        assessment=assessment_view(assessment, t),
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
