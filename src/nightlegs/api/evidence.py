"""Evidence from a request body, checked by the engine before anything is used."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nightlegs.api.errors import EvidenceRejected, contradiction_problem, evidence_problem
from nightlegs.api.schemas import Evidence
from nightlegs.engine import Answer, EvidenceError, KnowledgeBase, Value, merge, normalise_answer
from nightlegs.engine.evidence import contradictions


def merge_evidence(
    kb: KnowledgeBase,
    items: Sequence[Evidence],
    field: str,
    base: Mapping[str, Value] | None = None,
) -> dict[str, Value]:
    """``base`` with the items merged in (a later item wins).

    Raises :class:`EvidenceRejected` naming every item refused, ``field`` being
    the request field they came from; then nothing is merged. The merged
    evidence must also hold no contradiction (policy v2, principle 5): an item
    that revises an earlier answer replaces it before this is checked, so a
    request may correct both sides of a contradiction at once.
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
    merged = merge(kb, answers, base)
    found = contradictions(kb, merged)
    if found:
        last_sent = {answer.finding: index for index, answer in enumerate(answers)}
        for contradiction in found:
            involved = list(contradiction.source.findings)
            sent = [(last_sent[f], f) for f in involved if f in last_sent]
            # Point at the item of this request that made the answers clash (the
            # last one sent); the other side may be an answer stored earlier.
            loc: list[str | int] = ["body", field]
            finding = involved[0]
            if sent:
                index, finding = max(sent)
                loc.append(index)
            problems.append(
                contradiction_problem(loc, finding, involved, contradiction.source.message)
            )
        raise EvidenceRejected(problems)
    return merged
