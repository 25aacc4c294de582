"""The interview's bookkeeping between requests (pure; the caller stores the result).

The question handed out is kept as *pending*. It joins the questions *asked*
only when a request answers every one of its items. A request that answers
something else instead (going "back" to revise an earlier answer) leaves it
out, so its items can still be asked; the next question is always planned
afresh from the evidence, and so never asks about a finding already known.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from nightlegs.engine import AskedQuestion, InterviewState, KnowledgeBase, NextStep, Value
from nightlegs.engine import next_step as plan


@dataclass(frozen=True, slots=True)
class Step:
    values: dict[str, Value]
    asked: tuple[AskedQuestion, ...]
    pending: AskedQuestion | None
    next: NextStep

    @property
    def done(self) -> bool:
        return self.next.done


def begin(kb: KnowledgeBase, values: Mapping[str, Value]) -> Step:
    """The first step of a new interview, given the evidence already known."""
    return _advance(kb, values, ())


def answer(
    kb: KnowledgeBase,
    values: Mapping[str, Value],
    asked: Iterable[AskedQuestion],
    pending: AskedQuestion | None,
    answered: Iterable[str],
) -> Step:
    """The step after a request answered the findings ``answered``.

    ``values`` already holds the merged evidence; ``asked`` and ``pending`` are
    as stored before the request.
    """
    asked = tuple(asked)
    if pending is not None and set(pending.findings) <= set(answered):
        asked = (*asked, pending)
    return _advance(kb, values, asked)


def _advance(
    kb: KnowledgeBase, values: Mapping[str, Value], asked: tuple[AskedQuestion, ...]
) -> Step:
    step = plan(kb, InterviewState(values, asked))
    pending = step.planned.record() if step.planned is not None and not step.done else None
    return Step(dict(values), asked, pending, step)
