"""Check your answers (the GOV.UK pattern): when the questions are done, every question
asked with the person's answers in plain words and a link to change each, before the
results.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from nightlegs.engine import AskedQuestion, KnowledgeBase, Value
from nightlegs.engine.models import QuestionItem
from nightlegs.i18n import N_, Translator
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, LangDep, WebDep
from nightlegs.pages.interview import groups, medicine_names, navigation
from nightlegs.pages.interview.views import ReadBack, localized, read_back
from nightlegs.pages.views import Labels
from nightlegs.services import interviews

router = APIRouter(include_in_schema=False)

CHECK_PAGE = page.Screen("check.html", "check", navigation.CHECK, N_("Check your answers"))

NONE_OF_THESE = N_("None of these")
#: A sign of a group answered "I don't know": the sign, then the answer.
SIGN_NOT_KNOWN = N_("%(sign)s: I don't know")


@dataclass(frozen=True, slots=True)
class Row:
    """One question asked, its answers in plain words, and the link to change them."""

    number: int
    question: str
    answers: list[str]
    change_href: str


@router.get("/{lang}/interview/check")
def check_page(
    lang: LangDep,
    request: Request,
    web: WebDep,
    context: ContextDep,
    changed: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """Every answer; ``changed``: the step just changed from here (else the last one),
    whose numbers are read back."""
    kb = context.kb
    with page.browser_interview(context, request, lang) as (_session, interview):
        where = navigation.current(kb, interview)
        if where != navigation.CHECK:
            return page.redirect(f"/{lang}{where}")
        asked = interviews.asked_of(interview)
        values = dict(interview.values)
        medicines = medicine_names.named(interview.medicines, lang)
    t = web.pages.translators[lang]
    rows = summary(kb, web.labels, asked, values, t)
    step = changed if changed is not None and changed <= len(asked) else len(asked)
    readback: ReadBack | None = None
    if asked:
        href = f"/{lang}{navigation.step_path(step, from_check=True)}"
        readback = read_back(kb, asked[step - 1], values, t, href)
    return page.render(
        web,
        request,
        lang,
        CHECK_PAGE,
        rows=rows,
        readback=readback,
        medicines=medicines,
        reset_href=f"/{lang}/interview/reset?back=/{lang}{navigation.CHECK}",
    )


@router.post("/{lang}/interview/check")
def checked_page(lang: LangDep, request: Request, context: ContextDep) -> Response:
    """The answers are checked: to the results (or to where the person still stands)."""
    with page.browser_interview(context, request, lang) as (_session, interview):
        where = navigation.current(context.kb, interview)
    return page.redirect(f"/{lang}/results" if where == navigation.CHECK else f"/{lang}{where}")


def summary(
    kb: KnowledgeBase,
    labels: Labels,
    asked: list[AskedQuestion],
    values: Mapping[str, Value],
    t: Translator,
) -> list[Row]:
    rows = []
    for number, step in enumerate(asked, start=1):
        question = localized(kb, step.question_id, step.findings, t.language)
        # One item: its label is the short name of what was asked ("Age"), as GOV.UK's
        # summary lists name each answer; a group is named by its question.
        text = question.items[0].label if len(question.items) == 1 else question.text
        if groups.is_group(kb, question):
            answers = group_answers(question.items, values, t)
        else:
            answers = [
                labels.answer(item.finding, values[item.finding], t.language)
                for item in question.items
                if item.finding in values
            ]
        href = f"/{t.language}{navigation.step_path(number, from_check=True)}"
        rows.append(Row(number, text, answers, href))
    return rows


def group_answers(
    items: Sequence[QuestionItem], values: Mapping[str, Value], t: Translator
) -> list[str]:
    """The signs the person has, those they do not know, or "none of these"."""
    present = [item.label for item in items if values.get(item.finding) == groups.PRESENT]
    unknown = [
        t(SIGN_NOT_KNOWN, sign=item.label) for item in items if values.get(item.finding) == UNKNOWN
    ]
    return present + unknown or [t(NONE_OF_THESE)]
