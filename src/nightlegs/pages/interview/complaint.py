"""The complaint box (issue 10): after the consent, the person may describe in their own
words what bothers them; "We understood it like this:" then lists what the text seemed to
say, each to confirm, correct or remove, and the interview starts with what was confirmed.

- ``POST /{lang}/interview/agree``: the start page's form (the consent), to the box;
- ``GET /{lang}/interview/about?consent=yes``: the box ("Skip" starts at once);
- ``POST /{lang}/interview/about``: the text read, answered with the statements to
  confirm (no redirect: the statements are not put in an address, which is logged);
- ``POST /{lang}/interview/understood``: the choices; the interview starts.

The typed text is never stored, logged or sent back after it is read: the statements page
carries finding ids and values only (:func:`~nightlegs.services.complaint_answers.encode`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from nightlegs.complaints import MAX_CHARACTERS
from nightlegs.engine import Value
from nightlegs.http import cookies
from nightlegs.http.ratelimit import limit_starts
from nightlegs.i18n import N_
from nightlegs.pages import common as page
from nightlegs.pages.common import FormDep, LangDep, WebDep
from nightlegs.pages.interview import navigation
from nightlegs.services import complaint_answers as answers
from nightlegs.services import interviews
from nightlegs.services.complaint_answers import Statement, StatementError

router = APIRouter(include_in_schema=False)

ABOUT = "/interview/about"
COMPLAINT_PAGE = page.Screen(
    "complaint.html", "complaint", f"{ABOUT}?consent=yes", N_("In your own words")
)
UNDERSTOOD_PAGE = page.Screen(
    "understood.html", "understood", f"{ABOUT}?consent=yes", N_("We understood it like this:")
)
#: The form fields: the text, each statement (``s0``, ``s1``...) and its choice (``c0``...).
TEXT_FIELD = "complaint"
STATEMENT = "s"
CHOICE = "c"

CHOICE_LABELS = {
    "confirm": N_("Yes, that's right"),
    "correct": N_("No, that's wrong"),
    "remove": N_("Remove"),
}
TOO_LONG = N_("Please shorten the text to %(num)d characters.")


@dataclass(frozen=True, slots=True)
class StatementView:
    index: int
    field: str
    text: str


def agreed(form: Mapping[str, list[str]]) -> bool:
    return "yes" in form.get("consent", [])


@router.post("/{lang}/interview/agree")
def agree_page(lang: LangDep, request: Request, web: WebDep, form: FormDep) -> Response:
    """The start page's form: with the consent, on to the complaint box."""
    if not agreed(form):
        from nightlegs.pages.interview.routes import start_response  # the start page's own

        return start_response(web, request, lang, consent_missing=True)
    return page.redirect(f"/{lang}{ABOUT}?consent=yes")


@router.get("/{lang}/interview/about")
def about_page(
    lang: LangDep, request: Request, web: WebDep, consent: Annotated[str | None, Query()] = None
) -> Response:
    """The box; only after the consent (else back to the start page)."""
    if consent != "yes":
        return page.redirect(f"/{lang}/")
    return box(web, request, lang)


def box(
    web: page.Web, request: Request, lang: str, *, text: str = "", too_long: bool = False
) -> Response:
    return page.render(
        web,
        request,
        lang,
        COMPLAINT_PAGE,
        status=422 if too_long else 200,
        text=text,
        too_long=too_long,
        max_characters=MAX_CHARACTERS,
    )


@router.post("/{lang}/interview/about")
def read_page(lang: LangDep, request: Request, web: WebDep, form: FormDep) -> Response:
    """The text read into statements to confirm; an empty text starts at once."""
    if not agreed(form):
        return page.redirect(f"/{lang}/")
    text = next(iter(form.get(TEXT_FIELD, [])), "").strip()
    if not text:
        limit_starts(request)
        return begin(web, request, lang, {})
    if len(text) > MAX_CHARACTERS:
        return box(web, request, lang, text=text, too_long=True)
    context = web.context
    statements = answers.understand(
        context.kb, text, lang, uk_dictionary=context.settings.uk_dictionary
    )
    del text  # read: from here on only the statements
    views = [
        StatementView(i, answers.encode(s), statement_text(web, s, lang))
        for i, s in enumerate(statements)
    ]
    t = web.pages.translators[lang]
    choices = [(value, t(label)) for value, label in CHOICE_LABELS.items()]
    response = page.render(web, request, lang, UNDERSTOOD_PAGE, statements=views, choices=choices)
    # With htmx: not a new entry of the history (its address is the box's).
    response.headers["HX-Push-Url"] = "false"
    return response


def statement_text(web: page.Web, statement: Statement, lang: str) -> str:
    """ "Неприємні відчуття в ногах: Так", "Вік: 54", or the medicine's sentence."""
    if statement.sentence is not None:
        return statement.sentence
    finding, value, _unit = statement.answers[0]
    label = web.labels.label(finding, lang)
    return f"{label}: {web.labels.answer(finding, value, lang)}"


@router.post("/{lang}/interview/understood", dependencies=[Depends(limit_starts)])
def understood_page(lang: LangDep, request: Request, web: WebDep, form: FormDep) -> Response:
    """The person's choices: the interview starts with what they confirmed."""
    if not agreed(form):
        return page.redirect(f"/{lang}/")
    try:
        statements = [answers.decode(f) for f in _statement_fields(form)]
        chosen = answers.choices_of(statements, form, CHOICE)
        values = answers.evidence(web.context.kb, chosen)
    except StatementError:
        # Not a form these pages made: start again from the box.
        return page.redirect(f"/{lang}{ABOUT}?consent=yes")
    return begin(web, request, lang, values)


def _statement_fields(form: Mapping[str, list[str]]) -> list[str]:
    fields: list[str] = []
    while f"{STATEMENT}{len(fields)}" in form:
        fields.append(form[f"{STATEMENT}{len(fields)}"][0])
    return fields


def begin(web: page.Web, request: Request, lang: str, values: Mapping[str, Value]) -> Response:
    """Start an interview with ``values`` (replacing this browser's earlier one) and go to
    where it stands: an emergency page first, else its first question."""
    context = web.context
    secret, key = cookies.browser_secret()
    with context.sessions() as session, session.begin():
        previous = page.find(session, request, context)
        interview, _step = interviews.start(
            session, context.kb, context.settings, lang, values, browser_key=key, replacing=previous
        )
        interview_id = interview.id
        where = navigation.current(context.kb, interview)
    response = page.redirect(f"/{lang}{where}")
    page.keep_interview(response, request, context, cookies.interview_cookie(interview_id, secret))
    return response
