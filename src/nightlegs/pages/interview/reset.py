"""Start over, asked first: the control leads to a page that asks "Delete your answers and
start again?", whose POST button deletes the interview and its cookie; "No, go back"
returns to the page the person came from.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from nightlegs.i18n import N_
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, FormDep, LangDep, WebDep

router = APIRouter(include_in_schema=False)

RESET_PAGE = page.Screen(
    "reset.html", "reset", "/interview/reset", N_("Delete your answers and start again?")
)

CONFIRM_FIELD = "confirm"

#: The pages "No, go back" may return to (a path of this site only, never another's).
_BACK = re.compile(r"/(?P<lang>[a-z]{2})/(interview(/\d{1,3}(/each)?|/check)?|results)")


def back_to(lang: str, back: str | None, referer: str | None) -> str:
    """Where "No, go back" leads: the page named in ``back`` (or the one the request came
    from), if it is one of the interview's pages in this language; else where the person
    stands."""
    for candidate in (back, _path(referer)):
        if candidate:
            path, _, query = candidate.partition("?")
            match = _BACK.fullmatch(path)
            if match and match["lang"] == lang and query in ("", "from=check"):
                return candidate
    return f"/{lang}/interview"


def _path(url: str | None) -> str | None:
    if not url:
        return None
    rest = url.split("://", 1)[-1]
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else None


@router.get("/{lang}/interview/reset")
def reset_question_page(
    lang: LangDep,
    request: Request,
    web: WebDep,
    context: ContextDep,
    back: Annotated[str | None, Query()] = None,
) -> Response:
    with context.sessions() as session, session.begin():
        kept = page.find(session, request, context) is not None
    if not kept:
        return page.redirect(f"/{lang}/")
    return page.render(
        web,
        request,
        lang,
        RESET_PAGE,
        back_href=back_to(lang, back, request.headers.get("referer")),
    )


@router.post("/{lang}/interview/reset")
def reset_page(lang: LangDep, request: Request, context: ContextDep, form: FormDep) -> Response:
    """Start over: the interview is deleted, and the cookie with it; only from the
    confirmation page's form (anything else is asked first)."""
    if "yes" not in form.get(CONFIRM_FIELD, []):
        return page.redirect(f"/{lang}/interview/reset")
    with context.sessions() as session, session.begin():
        interview = page.find(session, request, context, for_update=True)
        if interview is not None:
            session.delete(interview)
    response = page.redirect(f"/{lang}/")
    page.forget_interview(response, request, context)
    return response
