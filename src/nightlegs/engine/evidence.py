"""Evidence: answers about findings, checked against the vocabulary and normalised.

A value is ``"present"``, ``"absent"``, a choice value, a number in the
vocabulary's unit, or ``"unknown"``. Laboratory values may arrive in another
common unit and are converted here. Anything else is refused with a message
that names the finding and says what it accepts.

Answers that are each valid can still contradict each other (a pregnancy with
sex "male"): :func:`check_consistent` refuses those, naming every finding
involved, once the evidence is merged (policy v2, principle 5).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from nightlegs.knowledge.compiled import CompiledContradiction, FindingDef, KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN, EvalContext, Value
from nightlegs.knowledge.units import conversion_for, normalise_unit

BOOLEAN_VALUES = ("present", "absent", UNKNOWN)


class EvidenceError(ValueError):
    """An answer that cannot be accepted; ``finding`` names it (or is None)."""

    def __init__(self, finding: str | None, message: str) -> None:
        super().__init__(message)
        self.finding = finding
        self.message = message


class ContradictionError(EvidenceError):
    """Answers that cannot all be true (policy v2, principle 5).

    ``findings`` names every finding of the contradiction (``finding`` is the
    first of them); ``message`` is the knowledge base's, naming them all.
    """

    def __init__(self, contradiction: CompiledContradiction) -> None:
        source = contradiction.source
        super().__init__(source.findings[0], source.message)
        self.contradiction_id = source.id
        self.findings: tuple[str, ...] = tuple(source.findings)


@dataclass(frozen=True, slots=True)
class Answer:
    finding: str
    value: Any
    unit: str | None = None


def accepted(definition: FindingDef) -> str:
    """A short description of what a finding accepts, for error messages."""
    if definition.type == "boolean":
        return "present, absent or unknown"
    if definition.type == "choice":
        return ", ".join(definition.values) + " or unknown"
    low, high = _fmt(definition.minimum), _fmt(definition.maximum)
    return f"a number from {low} to {high} {definition.unit or ''}".rstrip() + " or unknown"


def normalise_answer(kb: KnowledgeBase, answer: Answer) -> Value:
    definition = kb.findings.get(answer.finding)
    if definition is None:
        raise EvidenceError(answer.finding, f"unknown finding '{answer.finding}'")
    value = answer.value
    if definition.type != "number" and answer.unit is not None and answer.unit.strip():
        raise EvidenceError(
            answer.finding, f"{answer.finding} takes no unit; it takes {accepted(definition)}"
        )
    if value == UNKNOWN:
        return UNKNOWN
    if definition.type == "boolean":
        if value not in ("present", "absent"):
            raise EvidenceError(answer.finding, f"{answer.finding} takes {accepted(definition)}")
        return str(value)
    if definition.type == "choice":
        if value not in definition.values:
            raise EvidenceError(answer.finding, f"{answer.finding} takes {accepted(definition)}")
        return str(value)
    return _number(kb, definition, answer)


def _number(kb: KnowledgeBase, definition: FindingDef, answer: Answer) -> float:
    value = answer.value
    try:
        number = float(value) if isinstance(value, int | float) else math.nan
    except OverflowError:
        number = math.inf
    if isinstance(value, bool) or not math.isfinite(number):
        raise EvidenceError(answer.finding, f"{answer.finding} takes {accepted(definition)}")
    if answer.unit is not None and answer.unit.strip():
        number = _convert(kb, definition, number, answer.unit)
    low = definition.minimum if definition.minimum is not None else -math.inf
    high = definition.maximum if definition.maximum is not None else math.inf
    if not low <= number <= high:
        raise EvidenceError(
            answer.finding,
            f"{answer.finding} = {_fmt(number)} is outside its range; "
            f"it takes {accepted(definition)}",
        )
    return number


def _convert(kb: KnowledgeBase, definition: FindingDef, number: float, unit: str) -> float:
    """``number`` in ``unit`` (any spelling of units.yaml: "нг/мл", "ng/ml") converted
    to the vocabulary's unit."""
    table = kb.units.get(definition.id, {})
    if definition.unit is not None and normalise_unit(unit) == normalise_unit(definition.unit):
        return number
    conversion = conversion_for(kb, definition.id, unit)
    if conversion is None:
        units = [definition.unit or ""] if not table else [c.name for c in table.values()]
        raise EvidenceError(
            definition.id,
            f"unknown unit '{unit}' for {definition.id}; "
            f"it accepts {', '.join(sorted(set(units)))}",
        )
    return number * conversion.factor + conversion.offset


def merge(
    kb: KnowledgeBase,
    answers: Iterable[Answer],
    base: Mapping[str, Value] | None = None,
) -> dict[str, Value]:
    """Validate every answer and merge them into ``base``; a later answer wins.

    Nothing is merged unless every answer is valid, so a refused request changes
    nothing. Contradictions between answers are not checked here: call
    :func:`check_consistent` on the result.
    """
    normalised = [(a.finding, normalise_answer(kb, a)) for a in answers]
    merged = dict(base or {})
    for finding, value in normalised:
        merged[finding] = value
    return merged


def contradictions(
    kb: KnowledgeBase, values: Mapping[str, Value]
) -> tuple[CompiledContradiction, ...]:
    """Every contradiction of the knowledge base that ``values`` (normalised) hold.

    A rule must be *true* to refuse: an answer not given or answered "unknown"
    never contradicts anything (``pregnancy: unknown`` is always accepted).
    """
    ctx = EvalContext(values=values, predicates=kb.predicates)
    return tuple(c for c in kb.contradictions if c.rule.test(ctx) is True)


def check_consistent(kb: KnowledgeBase, values: Mapping[str, Value]) -> None:
    """Raise :class:`ContradictionError` (an :class:`EvidenceError`) for the
    first contradiction ``values`` hold; return None when there is none."""
    found = contradictions(kb, values)
    if found:
        raise ContradictionError(found[0])


def _fmt(number: float | None) -> str:
    if number is None:
        return "?"
    return str(int(number)) if float(number).is_integer() else f"{number:g}"
