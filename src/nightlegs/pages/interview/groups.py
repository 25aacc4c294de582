"""A group of yes/no signs on one page: a checkbox per sign, and three ways on.

The hooks are a published interface: each checkbox is named after its finding with
``value="present"``; the buttons are ``action=next`` (ticked: present, the rest: absent;
refused when nothing is ticked), ``none_of_these`` (every sign absent; refused when a box
is ticked) and ``not_sure`` (to the page that asks each sign with Yes / No / I don't
know, so that "I don't know" is never taken for "no").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from nightlegs.engine import Answer, KnowledgeBase, Question
from nightlegs.pages.interview.forms import Submission
from nightlegs.pages.interview.number_items import Problem, Raw

PRESENT = "present"
ABSENT = "absent"
NONE_OF_THESE = "none_of_these"
NOT_SURE = "not_sure"

Press = Literal["next", "none_of_these", "not_sure"]
GroupProblem = Literal["nothing_ticked", "ticked_and_none", "named_only"]


def is_group(kb: KnowledgeBase, question: Question) -> bool:
    """Two or more items, every one a yes/no sign: asked with checkboxes."""
    return len(question.items) >= 2 and all(
        kb.findings[item.finding].type == "boolean" for item in question.items
    )


def pressed(form: Mapping[str, Sequence[str]]) -> Press:
    """Which button sent the form (Enter in the form sends the first one: Next)."""
    if form.get(NOT_SURE):
        return "not_sure"
    if form.get(NONE_OF_THESE):
        return "none_of_these"
    return "next"


def ticked(question: Question, form: Mapping[str, Sequence[str]]) -> list[str]:
    """The findings whose box is ticked, in the question's order."""
    return [item.finding for item in question.items if PRESENT in form.get(item.finding, ())]


def read(
    question: Question, form: Mapping[str, Sequence[str]], press: Press
) -> tuple[Submission, GroupProblem | None]:
    """The answers of a checkbox group sent with ``next`` or ``none_of_these``.

    A box carries only ``present``: any other value for a sign was not sent by this
    page, and is refused rather than read as "no".
    """
    chosen = ticked(question, form)
    raw = {finding: Raw(PRESENT) for finding in chosen}
    problems: dict[str, Problem] = {}
    for item in question.items:
        if any(value.strip() not in ("", PRESENT) for value in form.get(item.finding, ())):
            problems[item.finding] = "choice"
    if problems:
        return Submission([], raw, problems), None
    if press == "none_of_these" and chosen:
        return Submission([], raw), "ticked_and_none"
    if press == "next" and not chosen:
        return Submission([], raw), "nothing_ticked"
    answers = [
        Answer(item.finding, PRESENT if item.finding in chosen else ABSENT)
        for item in question.items
    ]
    return Submission(answers, raw), None


def positions(question: Question, findings: Sequence[str]) -> list[int]:
    """The 1-based places of ``findings`` among the question's items (for an address that
    names no finding)."""
    order = [item.finding for item in question.items]
    return [order.index(f) + 1 for f in findings if f in order]


def at_positions(question: Question, text: str | None) -> list[str]:
    """The findings at the places written in ``text`` ("1,4"); anything else is ignored."""
    order = [item.finding for item in question.items]
    found = []
    for part in (text or "").split(","):
        part = part.strip()
        # ASCII digits only: "²".isdigit() is true, and int("²") raises.
        if part.isascii() and part.isdigit() and 1 <= int(part) <= len(order):
            found.append(order[int(part) - 1])
    return list(dict.fromkeys(found))
