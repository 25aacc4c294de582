"""Where each step of the interview lives, and where the person goes after an answer.

Every step has its own address, so that the browser's history holds one entry per
question and Back and Forward walk through them (paths after the language prefix):

- ``/interview/{n}``: question number ``n`` (1-based): the questions answered so far,
  to change an answer, then the pending one;
- ``/interview/{n}/each``: a group of signs asked one by one (Yes, No, I don't know);
- ``/interview/emergency``: the interruption when the answers point to an emergency;
- ``/interview/check``: every answer, to check before the results.

Pure: the interview row in, paths out.
"""

from __future__ import annotations

from dataclasses import dataclass

from nightlegs.engine import AskedQuestion, KnowledgeBase
from nightlegs.services import interviews

EMERGENCY = "/interview/emergency"
CHECK = "/interview/check"
#: The query a step's address carries when the person came from the check page.
FROM_CHECK = "from=check"


def step_path(number: int, *, each: bool = False, from_check: bool = False) -> str:
    path = f"/interview/{number}" + ("/each" if each else "")
    return f"{path}?{FROM_CHECK}" if from_check else path


@dataclass(frozen=True, slots=True)
class StepAt:
    """The question at one step: answered (to change it) or the pending one."""

    number: int
    question: AskedQuestion
    answered: bool


def step_at(interview: interviews.Interview, number: int) -> StepAt | None:
    """The question at step ``number``, or None when there is no such step yet."""
    asked = interviews.asked_of(interview)
    if 1 <= number <= len(asked):
        return StepAt(number, asked[number - 1], answered=True)
    pending = interviews.pending_of(interview)
    if number == len(asked) + 1 and pending is not None and not interview.done:
        return StepAt(number, pending, answered=False)
    return None


def pending_number(interview: interviews.Interview) -> int | None:
    """The step of the question waiting for an answer; None when the interview is done."""
    if interview.done or interview.pending is None:
        return None
    return len(interview.asked) + 1


def current(kb: KnowledgeBase, interview: interviews.Interview) -> str:
    """Where the person stands: the emergency page first, else the pending question, else
    the check page."""
    if interviews.interrupted(kb, interview):
        return EMERGENCY
    number = pending_number(interview)
    return CHECK if number is None else step_path(number)


def after_answer(
    interview: interviews.Interview, number: int, *, interrupted: bool, from_check: bool
) -> str:
    """Where the person goes once step ``number`` is stored: the emergency page first;
    back to the check page when they came from it and nothing new needs asking (else to
    the new question); otherwise on to the next step, answered or pending."""
    if interrupted:
        return EMERGENCY
    pending = pending_number(interview)
    if pending is None:
        # From the check page, the step just changed is named: its numbers are read back.
        return f"{CHECK}?changed={number}" if from_check else CHECK
    return step_path(pending if from_check else min(number + 1, pending))
