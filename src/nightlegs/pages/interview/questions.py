"""The question steps, each at its own address (:mod:`.navigation`): shown, answered, and
changed later.

Every form posts to its own step and is answered with a redirect (303) to where the person
goes next, so the browser's history holds one entry per step; a form that cannot be used
is shown again with 422. A form from an older page (another tab) names its question and
items: when they are no longer the step's, nothing is stored and the step as it is now is
shown instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from nightlegs.engine import Question, Value
from nightlegs.http import cookies
from nightlegs.i18n import N_
from nightlegs.pages import common as page
from nightlegs.pages.common import FormDep, LangDep, WebDep
from nightlegs.pages.interview import forms, groups, medicine_names, navigation
from nightlegs.pages.interview.navigation import StepAt, step_path
from nightlegs.pages.interview.number_items import Problem, Raw
from nightlegs.pages.interview.views import (
    Mode,
    Place,
    items_key,
    localized,
    mode_of,
    prefill,
    question_view,
    read_back,
)
from nightlegs.services import interviews

QUESTION_FIELD = "_question"
ITEMS_FIELD = "_items"
FROM_FIELD = "_from"

QUESTION_PAGE = page.Screen("question.html", "question", "", N_("Question %(num)d"))

router = APIRouter(include_in_schema=False)

FromQuery = Annotated[str | None, Query(alias="from")]


@router.get("/{lang}/interview/{number:int}")
def step_page(
    lang: LangDep, number: int, request: Request, web: WebDep, came_from: FromQuery = None
) -> Response:
    """Question ``number``: answered (prefilled, to change it) or the pending one."""
    return show_step(web, request, lang, number, each=False, from_check=came_from == "check")


@router.get("/{lang}/interview/{number:int}/each")
def each_page(
    lang: LangDep,
    number: int,
    request: Request,
    web: WebDep,
    came_from: FromQuery = None,
    ticked: Annotated[str | None, Query()] = None,
) -> Response:
    """A group's signs one by one; ``ticked``: the places of the signs ticked before (the
    medicines confirmed there come in a cookie, :mod:`.medicine_names`)."""
    from_check = came_from == "check"
    carried = None
    if ticked is not None:
        carried = medicine_names.carried_ids(cookies.read(request, medicine_names.CARRIED_COOKIE))
    return show_step(
        web,
        request,
        lang,
        number,
        each=True,
        from_check=from_check,
        ticked=ticked,
        carried=carried,
    )


def show_step(
    web: page.Web,
    request: Request,
    lang: str,
    number: int,
    *,
    each: bool,
    from_check: bool,
    ticked: str | None = None,
    carried: list[str] | None = None,
) -> Response:
    context = web.context
    kb = context.kb
    with page.browser_interview(context, request, lang) as (_session, interview):
        at = navigation.step_at(interview, number)
        if at is None or (not at.answered and interviews.interrupted(kb, interview)):
            return page.redirect(f"/{lang}{navigation.current(kb, interview)}")
        values = dict(interview.values)
        asked = interviews.asked_of(interview)
        # Also on a step not yet answered: the medicines named at the question's other
        # step are offered again, so that sending this one keeps them.
        medicines = interview.medicines
    question = localized(kb, at.question.question_id, at.question.findings, lang)
    mode = mode_of(kb, question, each=each)
    if each and mode != "each":
        return page.redirect(f"/{lang}{step_path(number, from_check=from_check)}")
    raw = prefill(question, values) if at.answered else {}
    if mode == "group" and any(given.unknown for given in raw.values()):
        # "I don't know" cannot be shown by a box: the signs one by one, as answered.
        return page.redirect(f"/{lang}{step_path(number, each=True, from_check=from_check)}")
    if mode == "each" and ticked is not None:
        raw = {f: Raw(groups.PRESENT) for f in groups.at_positions(question, ticked)}
    previous = asked[number - 2] if number >= 2 else None
    place = place_of(web, lang, at, each=each, from_check=from_check)
    if previous is not None:
        here = step_path(number - 1, from_check=from_check)
        t = web.pages.translators[lang]
        place = place.with_readback(read_back(kb, previous, values, t, f"/{lang}{here}"))
    t = web.pages.translators[lang]
    # From "Not sure" (``ticked``): the medicines confirmed on the page of boxes.
    # (No cookie, as after an hour: the medicines stored with the interview instead.)
    from_boxes = carried if mode == "each" and ticked is not None else None
    names = medicine_names.for_step(question, mode, medicines, from_boxes, lang, t)
    return question_response(web, request, lang, question, place, mode, raw=raw, names=names)


def place_of(web: page.Web, lang: str, at: StepAt, *, each: bool, from_check: bool) -> Place:
    number = at.number
    if from_check:
        back: str | None = f"/{lang}{navigation.CHECK}"
    else:
        back = f"/{lang}{step_path(number - 1)}" if number > 1 else None
    here = step_path(number, each=each, from_check=from_check)
    return Place(
        number=number,
        answered=at.answered,
        action=f"/{lang}{step_path(number, each=each)}",
        back_href=back,
        reset_href=f"/{lang}/interview/reset?back={quote(f'/{lang}{here}', safe='/')}",
        here=here,
        from_check=from_check,
    )


def question_response(
    web: page.Web,
    request: Request,
    lang: str,
    question: Question,
    place: Place,
    mode: Mode,
    *,
    raw: Mapping[str, Raw] | None = None,
    problems: Mapping[str, Problem] | None = None,
    conflicts: Mapping[str, tuple[str, ...]] | None = None,
    group_problem: groups.GroupProblem | None = None,
    names: medicine_names.NamesView | None = None,
    messages: Mapping[str, str] | None = None,
) -> HTMLResponse:
    t = web.pages.translators[lang]
    if names is None and mode == "group" and medicine_names.asks_names(question):
        names = medicine_names.NamesView()
    view = question_view(
        web.context.kb,
        question,
        t,
        place=place,
        mode=mode,
        raw=raw,
        problems=problems,
        conflicts=conflicts,
        group_problem=group_problem,
        messages=messages,
    )
    refused = bool(problems or group_problem)
    response = page.render(
        web,
        request,
        lang,
        QUESTION_PAGE,
        here=place.here,
        title_values={"num": place.number},
        status=422 if refused else 200,
        q=view,
        m=names,
    )
    if refused:
        # With htmx: the page shown again stays the same entry of the history.
        response.headers["HX-Push-Url"] = "false"
    return response


@router.post("/{lang}/interview/{number:int}")
def answer_step(
    lang: LangDep, number: int, request: Request, web: WebDep, form: FormDep
) -> Response:
    """The answers to question ``number`` (the pending one, or an earlier one changed)."""
    return store_step(web, request, lang, number, form, each=False)


@router.post("/{lang}/interview/{number:int}/each")
def answer_each(
    lang: LangDep, number: int, request: Request, web: WebDep, form: FormDep
) -> Response:
    """The answers to a group's signs, one by one."""
    return store_step(web, request, lang, number, form, each=True)


def store_step(
    web: page.Web,
    request: Request,
    lang: str,
    number: int | None,
    form: Mapping[str, list[str]],
    *,
    each: bool,
) -> Response:
    """Store the answers to step ``number`` (None: the pending one) and go on; ``each``:
    every item answered by its radios (never read as ticks)."""
    context = web.context
    kb = context.kb
    from_check = first(form, FROM_FIELD) == "check"
    with page.browser_interview(context, request, lang, for_update=True) as (session, interview):
        number = number or navigation.pending_number(interview) or 0
        at = navigation.step_at(interview, number)
        if at is None:
            return page.redirect(f"/{lang}{navigation.current(kb, interview)}")
        if not fresh(form, at, each=each):
            # A form from another tab or an older page: show what is current instead.
            return page.redirect(f"/{lang}{step_path(number, from_check=from_check)}")
        question = localized(kb, at.question.question_id, at.question.findings, lang)
        mode = mode_of(kb, question, each=each)
        names = mode in ("group", "each") and medicine_names.asks_names(question)
        if names and mode == "group" and medicine_names.finding(form):
            return _names_found(web, request, lang, question, at, form)
        clashes: dict[str, str] = {}
        if names and mode == "each":
            read = medicine_names.one_by_one(question, form, lang, web.pages.translators[lang])
            form, clashes = read.form, read.clashes
        elif names:
            form = medicine_names.with_confirmed(question, form)
        if mode == "group" and groups.pressed(form) == "not_sure":
            return _to_each_sign(request, lang, number, question, form, names, from_check)
        refused = _refused(web, request, lang, question, at, mode, form, interview.values, clashes)
        if isinstance(refused, HTMLResponse):
            return refused
        submission, values = refused
        if names:
            values = medicine_names.with_implied(kb, form, values)
        answered = [a.finding for a in submission.answers]
        result = interviews.answer(session, kb, interview, values, answered, language=lang)
        if names:
            interview.medicines = medicine_names.kept(form)
        interrupt = interviews.interrupted(kb, interview, result)
        target = navigation.after_answer(
            interview, number, interrupted=interrupt, from_check=from_check
        )
    response = page.redirect(f"/{lang}{target}")
    page.keep_interview(
        response, request, context, cookies.read(request, page.INTERVIEW_COOKIE) or ""
    )
    if cookies.read(request, medicine_names.CARRIED_COOKIE) is not None:
        cookies.forget(response, request, medicine_names.CARRIED_COOKIE)  # its step is done
    return response


def _to_each_sign(
    request: Request,
    lang: str,
    number: int,
    question: Question,
    form: Mapping[str, list[str]],
    names: bool,
    from_check: bool,
) -> Response:
    """ "Not sure": the page of each sign, with the signs ticked (their places) and the
    medicines confirmed by name, which go in a cookie: an address stays in the browser's
    history."""
    places = ",".join(map(str, groups.positions(question, groups.ticked(question, form))))
    here = step_path(number, each=True, from_check=from_check)
    moved = page.redirect(f"/{lang}{here}{'&' if from_check else '?'}ticked={places}")
    if names:
        carried = medicine_names.carried(form)
        cookies.put(
            moved, request, medicine_names.CARRIED_COOKIE, carried, medicine_names.CARRIED_AGE
        )
    return moved


def _refused(
    web: page.Web,
    request: Request,
    lang: str,
    question: Question,
    at: StepAt,
    mode: Mode,
    form: Mapping[str, list[str]],
    stored: Mapping[str, Value],
    clashes: Mapping[str, str] | None = None,
) -> HTMLResponse | tuple[forms.Submission, dict[str, Value]]:
    """The form read (with the stored evidence it makes), or the page shown again (422)
    when it cannot be stored; ``clashes``: signs answered "No" against a medicine named
    (:func:`.medicine_names.one_by_one`), refused with their own message."""
    kb = web.context.kb
    group_problem = None
    if mode == "group":
        submission, group_problem = groups.read(question, form, groups.pressed(form))
        if group_problem == "nothing_ticked" and medicine_names.confirmed_ids(form):
            # Medicines named whose classes this step does not list: the list still
            # needs its own answer (an empty "Next" is not "none of these").
            group_problem = "named_only"
    else:
        submission = forms.read(kb, question, form)
    if clashes:
        clashed: dict[str, Problem] = dict.fromkeys(clashes, "contradiction")
        problems = {**submission.problems, **clashed}
        submission = forms.Submission([], submission.raw, problems, submission.conflicts)
    values = None
    if submission.ok and group_problem is None:
        # Refused, like an invalid number, when it contradicts what is stored.
        submission, values = forms.consistent(kb, submission, stored)
    if values is not None:
        return submission, values
    place = place_of(
        web, lang, at, each=mode == "each", from_check=first(form, FROM_FIELD) == "check"
    )
    return question_response(
        web,
        request,
        lang,
        question,
        place,
        mode,
        raw=submission.raw,
        problems=submission.problems,
        conflicts=submission.conflicts,
        group_problem=group_problem,
        names=medicine_names.again(question, mode, form, lang, web.pages.translators[lang]),
        messages=clashes,
    )


def _names_found(
    web: page.Web,
    request: Request,
    lang: str,
    question: Question,
    at: StepAt,
    form: Mapping[str, list[str]],
) -> HTMLResponse:
    """The question again, with the medicines "Find" found offered for confirmation."""
    t = web.pages.translators[lang]
    names = medicine_names.view(form, lang, t)
    place = place_of(web, lang, at, each=False, from_check=first(form, FROM_FIELD) == "check")
    raw = {f: Raw(groups.PRESENT) for f in groups.ticked(question, form)}
    response = question_response(web, request, lang, question, place, "group", raw=raw, names=names)
    # With htmx: the page shown again stays the same entry of the history.
    response.headers["HX-Push-Url"] = "false"
    return response


def fresh(form: Mapping[str, list[str]], at: StepAt, *, each: bool) -> bool:
    """The form was made for the question now at its step. A form without its items
    (from before the items were sent) is read only item by item, never as ticks."""
    if first(form, QUESTION_FIELD) != at.question.question_id:
        return False
    sent = first(form, ITEMS_FIELD)
    if sent is None:
        return each
    return sent == items_key(at.question.findings)


def first(form: Mapping[str, list[str]], name: str) -> str | None:
    return next(iter(form.get(name, [])), None)
