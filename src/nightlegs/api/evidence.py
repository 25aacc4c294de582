"""Evidence from a request body, checked by the engine before anything is used."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nightlegs.api.errors import EvidenceRejected, evidence_problem
from nightlegs.api.schemas import Evidence
from nightlegs.engine import Answer, EvidenceError, KnowledgeBase, Value, merge, normalise_answer


def merge_evidence(
    kb: KnowledgeBase,
    items: Sequence[Evidence],
    field: str,
    base: Mapping[str, Value] | None = None,
) -> dict[str, Value]:
    """``base`` with the items merged in (a later item wins).

    Raises :class:`EvidenceRejected` naming every item refused, ``field`` being
    the request field they came from; then nothing is merged.
    """
    answers = [Answer(item.finding, item.value, item.unit) for item in items]
    problems = []
    for index, answer in enumerate(answers):
        try:
            normalise_answer(kb, answer)
        except EvidenceError as exc:
            problems.append(evidence_problem(field, index, exc.finding, exc.message))
    if problems:
        raise EvidenceRejected(problems)
    return merge(kb, answers, base)
