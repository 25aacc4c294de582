"""Share links (make, list, withdraw) and the doctor's read-only view of a shared diary."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nightlegs.diary.evidence import merge_with_interview
from nightlegs.diary.user_agents import is_link_preview
from nightlegs.http import cookies
from nightlegs.http.deps import Context
from nightlegs.i18n import N_
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, FormDep, LangDep, WebDep
from nightlegs.pages.diary import common as diary_common
from nightlegs.pages.diary.form_views import share_rows
from nightlegs.pages.diary.share_views import new_link
from nightlegs.pages.diary.summary_views import (
    assessment_view,
    chart_views,
    night_view,
    summary_view,
)
from nightlegs.report.pdf import ReportUnavailable, render_pdf
from nightlegs.services import diaries, sharing
from nightlegs.services.shared_view import SharedDiary, open_shared

router = APIRouter(include_in_schema=False)


DIARY_SHARE_PAGE = page.Screen(
    "diary/share.html", "diary-share", "/diary/share", diary_common.TITLES["share"]
)
SHARED_PAGE = page.Screen("shared.html", "shared", "", diary_common.TITLES["shared"])


@router.get("/{lang}/diary/share")
def share_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        shares = sharing.list_shares(session, diary_id)
    new_url = None
    flash = cookies.read(request, diary_common.SHARE_COOKIE) or ""
    share_id, _, token = flash.partition(".")
    if token and any(s.id == share_id and s.active for s in shares):
        new_url = _absolute(request, f"/{lang}/shared/{token}")
    response = _share_response(
        web, request, lang, shares, new_id=share_id if new_url else None, new_url=new_url
    )
    if cookies.read(request, diary_common.SHARE_COOKIE) is not None:
        cookies.forget(response, request, diary_common.SHARE_COOKIE)
    return response


def _absolute(request: Request, path: str) -> str:
    return str(request.base_url).rstrip("/") + path


def _share_response(
    web: page.Web,
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
    settings = web.context.settings
    return page.render(
        web,
        request,
        lang,
        DIARY_SHARE_PAGE,
        status=422 if days_problem else 200,
        shares=share_rows(shares, t, settings.zone, diaries.today(settings)),
        new_id=new_id,
        new=new_link(new_url, t) if new_url else None,
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
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        if not sharing.MIN_DAYS <= days <= sharing.MAX_DAYS:
            shares = sharing.list_shares(session, diary_id)
            return _share_response(web, request, lang, shares, days=text[:3], days_problem=True)
        share, token = sharing.create_share(session, diary_id, days=days)
    response = page.redirect(f"/{lang}/diary/share#new-link")
    cookies.put(
        response,
        request,
        diary_common.SHARE_COOKIE,
        f"{share.id}.{token}",
        diary_common.ONCE_AGE,
    )
    return response


@router.post("/{lang}/diary/share/{share_id}/revoke")
def revoke_share(
    lang: LangDep,
    share_id: str,
    request: Request,
    web: WebDep,
    context: ContextDep,
) -> Response:
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        sharing.revoke_share(session, diary_id, share_id)
    return page.redirect(f"/{lang}/diary/share")


@router.get("/{lang}/shared/{token}")
def shared_page(
    lang: LangDep, token: str, request: Request, web: WebDep, context: ContextDep
) -> Response:
    """A shared diary, read-only: each opening is logged for the owner to see."""
    t = web.pages.translators[lang]
    if is_link_preview(request.headers.get("user-agent")):
        return _preview(web, request, lang, token)
    shared = _open(context, request, token, lang)
    if shared is None:
        return _gone(web, request, lang, token)
    entries, summary, latest = shared.entries, shared.summary, shared.latest
    response = page.render(
        web,
        request,
        lang,
        SHARED_PAGE,
        here=f"/shared/{token}",
        token=token,
        entries=[
            night_view(e, t, diaries.today(context.settings)) for e in reversed(entries[-28:])
        ],
        total=len(entries),
        s=summary_view(summary, t),
        charts=chart_views(summary, entries, lang) if entries else [],
        assessment=assessment_view(shared.assessment, t),
        saved_on=page.local_date(latest.saved_at, lang, web.context.settings) if latest else None,
    )
    _private(response)
    return response


def _open(context: Context, request: Request, token: str, lang: str) -> SharedDiary | None:
    """The diary the link opens (the opening logged with the browser's name), or None."""
    agent = request.headers.get("user-agent")
    with context.sessions() as session, session.begin():
        return open_shared(
            session, context.kb, context.settings, token, user_agent=agent, language=lang
        )


def _preview(web: page.Web, request: Request, lang: str, token: str) -> HTMLResponse:
    """What a messenger's link-preview robot gets: a page that says what the link is,
    without the diary (which stays between the person and their doctor) and without
    counting as an opening."""
    response = diary_common.message_page(
        web, request, lang, page="shared", here=f"/shared/{token}", key="preview", status=200
    )
    _private(response)
    return response


def _private(response: Response) -> None:
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"


def _gone(web: page.Web, request: Request, lang: str, token: str) -> HTMLResponse:
    response = diary_common.message_page(
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
    if is_link_preview(request.headers.get("user-agent")):
        return _preview(web, request, lang, token)
    shared = _open(context, request, token, lang)
    if shared is None:
        return _gone(web, request, lang, token)
    entries, summary, latest = shared.entries, shared.summary, shared.latest
    values = merge_with_interview(latest.values if latest else {}, summary.evidence)
    try:
        pdf = render_pdf(
            context.kb,
            shared.assessment,
            values,
            lang,
            context.settings,
            dt.datetime.now(dt.UTC),
            diary_summary=summary,
            diary_entries=entries,
            # When the laboratory values were given, for the report's note on them.
            interviewed_at=latest.interview_created_at if latest else None,
        )
    except (ReportUnavailable, ImportError, OSError) as error:
        page.logger.warning("the PDF report is unavailable: %s", error)
        t = web.pages.translators[lang]
        unavailable = diary_common.message_page(
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
