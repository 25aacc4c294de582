"""The diary page (recent nights, figures, charts) and one night's entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.exc import IntegrityError

from nightlegs.diary.night_names import night_dates, night_name, night_weekdays
from nightlegs.i18n import N_, Translator
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, FormDep, LangDep, WebDep
from nightlegs.pages.diary import common as diary_common
from nightlegs.pages.diary import medicines
from nightlegs.pages.diary.form_views import entry_form
from nightlegs.pages.diary.forms import EntryRaw, raw_of, read_entry
from nightlegs.pages.diary.medicines import MedicinesView
from nightlegs.pages.diary.summary_views import (
    assessment_view,
    chart_views,
    night_view,
    recent_nights,
    summary_view,
)
from nightlegs.services import diaries

router = APIRouter(include_in_schema=False)


DIARY_PAGE = page.Screen("diary/diary.html", "diary", "/diary", diary_common.TITLES["diary"])
DIARY_ENTRY_PAGE = page.Screen("diary/entry.html", "diary-entry", "", diary_common.TITLES["entry"])


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
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        entries = diaries.entries(session, diary_id)
        summary = diaries.summary(session, diary_id, context.settings)
        saved_interviews = diaries.saved_interviews(session, diary_id)
        latest = saved_interviews[-1] if saved_interviews else None
        assessment = (
            diaries.assessment(session, kb, context.settings, diary_id, lang) if latest else None
        )
        current = page.find(session, request, context)
        can_save = current is not None and current.done
    today = diaries.today(context.settings)
    yesterday = diaries.last_night(context.settings)
    newest = max([yesterday, *(e.date for e in entries)])
    recent = recent_nights(entries, newest, diary_common.RECENT_NIGHTS, t, today)
    shown = {night.date for night in recent}
    earlier = [
        night_view(e, t, today) for e in reversed(entries) if e.date.isoformat() not in shown
    ]
    notices = _notices(t, lang, saved=saved, removed=removed, interview=interview)
    return page.render(
        web,
        request,
        lang,
        DIARY_PAGE,
        diary_id=diary_id,
        entries=len(entries),
        yesterday=yesterday.isoformat(),
        last_night=t(
            N_("Last night: %(weekdays)s, %(dates)s."),
            weekdays=night_weekdays(yesterday, lang),
            dates=night_dates(yesterday, lang),
        ),
        yesterday_recorded=any(e.date == yesterday for e in entries),
        latest_allowed=diaries.latest_entry_date_allowed(context.settings).isoformat(),
        earliest=diaries.EARLIEST_DATE.isoformat(),
        bad_date=bad_date is not None,
        recent=recent,
        earlier=earlier,
        s=summary_view(summary, t),
        charts=chart_views(summary, entries, lang) if entries else [],
        assessment=assessment_view(assessment, t) if assessment else None,
        saved_on=page.local_date(latest.saved_at, lang, web.context.settings) if latest else None,
        can_save=can_save,
        notices=notices,
    )


def _notices(
    t: Translator, lang: str, *, saved: str | None, removed: str | None, interview: str | None
) -> list[str]:
    notices = []
    for text, message in (
        (saved, N_("Saved: %(night)s.")),
        (removed, N_("Deleted: %(night)s.")),
    ):
        if text:
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                continue
            notices.append(t(message, night=night_name(day, lang)))
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
        night = diary_common.night_of(date, web)
    except page.PageNotFound:
        return page.redirect(f"/{lang}/diary?bad_date=1#another-night")
    return page.redirect(f"/{lang}/diary/entry/{night.isoformat()}")


@router.get("/{lang}/diary/entry/{night}")
def entry_page(
    lang: LangDep, night: str, request: Request, web: WebDep, context: ContextDep
) -> Response:
    day = diary_common.night_of(night, web)
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        listed = diaries.entries(session, diary_id, start=day, end=day)
    raw = raw_of(listed[0]) if listed else EntryRaw()
    return _entry_response(web, request, lang, day, raw, stored=bool(listed))


def _entry_response(
    web: page.Web,
    request: Request,
    lang: str,
    day: dt.date,
    raw: EntryRaw,
    *,
    stored: bool,
    problems: Mapping[Any, Any] | None = None,
    found: MedicinesView | None = None,
) -> HTMLResponse:
    t = web.pages.translators[lang]
    today = diaries.today(web.context.settings)
    form = entry_form(day, raw, t, today=today, problems=problems, stored=stored, medicines=found)
    response = page.render(
        web,
        request,
        lang,
        DIARY_ENTRY_PAGE,
        here=f"/diary/entry/{day.isoformat()}",
        title_values={"dates": form.label},
        status=422 if problems else 200,
        f=form,
    )
    if found is not None:
        # With htmx: the form shown again with what "Find" found stays the same entry of
        # the history, as it keeps the same address.
        response.headers["HX-Push-Url"] = "false"
        if not found.pending:
            # Shown at the medicines, as "#medicines" in the button's address does without
            # JavaScript (htmx would otherwise scroll a boosted page back to its top).
            response.headers["HX-Reswap"] = "innerHTML show:#medicines:top"
    return response


@router.post("/{lang}/diary/entry/{night}")
def save_entry(
    lang: LangDep, night: str, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    day = diary_common.night_of(night, web)
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        listed = diaries.entries(session, diary_id, start=day, end=day)
        read = read_entry(form, listed[0].medicines if listed else ())
        if medicines.looking_up(form):
            # "Find", or "Save" with names typed: the names looked up, nothing saved.
            t = web.pages.translators[lang]
            found = medicines.found(form, lang, t, pending=not medicines.finding(form))
            return _entry_response(
                web, request, lang, day, read.raw, stored=bool(listed), found=found
            )
        if read.body is None:
            return _entry_response(
                web, request, lang, day, read.raw, stored=bool(listed), problems=read.problems
            )
        try:
            diaries.put_entry(session, diary_id, day, read.body)
        except IntegrityError:  # the diary was deleted meanwhile
            return diary_common.to_start(request, web, lang)
    return page.redirect(f"/{lang}/diary?saved={day.isoformat()}")


@router.post("/{lang}/diary/entry/{night}/delete")
def delete_entry(
    lang: LangDep, night: str, request: Request, web: WebDep, context: ContextDep
) -> Response:
    day = diary_common.night_of(night, web)
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        diaries.delete_entry(session, diary_id, day)
    return page.redirect(f"/{lang}/diary?removed={day.isoformat()}")


@router.post("/{lang}/diary/save-interview")
def save_interview(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """Save the check of this browser (its interview cookie) in the diary."""
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        interview = page.find(session, request, context)
        saved = (
            diaries.save_interview(session, diary_id, interview.id, context.settings)
            if interview is not None and interview.done
            else None
        )
    return page.redirect(f"/{lang}/diary?interview={'saved' if saved else 'missing'}")
