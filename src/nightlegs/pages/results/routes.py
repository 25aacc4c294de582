"""The results page and the doctor's PDF of a finished interview."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from nightlegs.i18n import N_
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, LangDep, WebDep
from nightlegs.pages.interview import medicine_names
from nightlegs.pages.results.views import results_view
from nightlegs.pages.views import stages
from nightlegs.report.pdf import ReportUnavailable, render_pdf
from nightlegs.services import interviews

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


TITLE = N_("Your results")


RESULTS_PAGE = page.Screen("results.html", "results", "/results", TITLE)
ERROR_PAGE = page.Screen("error.html", "error", "/results", "")


@router.get("/{lang}/results")
def results_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    kb = context.kb
    with page.browser_interview(context, request, lang) as (_session, interview):
        if not interview.done or interviews.interrupted(kb, interview):
            return page.redirect(f"/{lang}/interview")
        assessment = interviews.assessment_of(kb, context.settings, interview, lang)
        values = dict(interview.values)
        answered = len(interview.asked)
        updated = interview.updated_at
    t = web.pages.translators[lang]
    view = results_view(kb, web.labels, assessment, values, t, web.deployment)
    return page.render(
        web,
        request,
        lang,
        RESULTS_PAGE,
        r=view,
        stages=stages(kb, lang, "results"),
        answered=answered,
        date=page.local_date(updated, lang, context.settings),
    )


@router.get("/{lang}/report.pdf")
def report_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The doctor's one-page summary (WeasyPrint): at the end, or from the emergency page
    (the person takes it to the hospital with what is known so far)."""
    kb = context.kb
    with page.browser_interview(context, request, lang) as (_session, interview):
        urgent = interviews.level_of(kb, interview.values) in interviews.EMERGENCY_LEVELS
        if not interview.done and not urgent:
            return page.redirect(f"/{lang}/interview")
        assessment = interviews.assessment_of(kb, context.settings, interview, lang)
        values = dict(interview.values)
        answered = interview.updated_at
        named = medicine_names.for_report(interview.medicines, lang)
    try:
        pdf = render_pdf(
            kb,
            assessment,
            values,
            lang,
            context.settings,
            datetime.now(UTC),
            interviewed_at=answered,
            named_medicines=named,
        )
    except (ReportUnavailable, ImportError, OSError) as error:
        logger.warning("the PDF report is unavailable: %s", error)
        t = web.pages.translators[lang]
        return page.render(
            web,
            request,
            lang,
            ERROR_PAGE,
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
