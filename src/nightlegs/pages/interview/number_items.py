"""A number item of a question: read as people type it, and shown with its unit.

The number parsing and the units' names in the page's language live here, apart
from the question's other items, so that one module owns how a typed number
becomes an answer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from nightlegs.engine import Answer, EvidenceError, KnowledgeBase, Question, Value, normalise_answer
from nightlegs.engine.models import QuestionItem as Item
from nightlegs.i18n import N_, Translator
from nightlegs.knowledge.loader import normalise_unit
from nightlegs.pages.views import Option

Problem = Literal["missing", "number", "range", "unit", "choice", "contradiction"]

RANGE_MESSAGE = N_("Please enter a number from %(low)s to %(high)s.")


@dataclass(frozen=True, slots=True)
class Raw:
    """What the form said about one item, to show it again."""

    value: str = ""
    unit: str | None = None
    unknown: bool = False


def read(
    kb: KnowledgeBase, finding: str, value: str, unit: str | None
) -> tuple[Answer | None, Problem | None]:
    """The answer a typed number gives ``finding``, or the problem with it."""
    number = read_number(value)
    if number is None:
        return None, "number"
    table = kb.units.get(finding)
    if table and unit is not None and normalise_unit(unit) not in table:
        return None, "unit"
    answer = Answer(finding, number, unit if table else None)
    try:
        normalise_answer(kb, answer)
    except EvidenceError:
        return None, "range"
    return answer, None


def read_number(text: str) -> float | None:
    """A number as people type it: ``4``, ``4.5``, ``4,5`` or ``1 200``; None if it is not one."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True, slots=True)
class NumberParts:
    """What the number item's template shows besides the label and the error."""

    units: list[Option]
    unit_label: str | None
    hint: str | None


def parts(kb: KnowledgeBase, item: Item, given: Raw, t: Translator) -> NumberParts:
    """A number with its unit (a list when the knowledge base converts units), or its
    plain range as a hint."""
    conversions = list((kb.units.get(item.finding) or {}).values())
    selected = given.unit or (conversions[0].name if conversions else None)
    units = [Option(c.name, c.name, c.name == selected) for c in conversions]
    hint = None
    if not conversions and item.min is not None and item.max is not None:
        hint = t(RANGE_MESSAGE, low=plain_number(item.min), high=plain_number(item.max))
    return NumberParts(units, None if conversions else item.unit_label, hint)


def plain_number(value: float) -> str:
    """A number as an ``<input type="number">`` takes it (``54``, ``4.5``)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def read_back(
    kb: KnowledgeBase, question: Question, values: Mapping[str, Value], t: Translator
) -> list[str]:
    """What the person entered for the number items of ``question``, as they should read
    it back ("ferritin 18.5 µg/L"), one line per item answered with a number.

    A first version: the stored value and the vocabulary's unit, untranslated.
    """
    lines = []
    for item in question.items:
        if item.choices is not None:
            continue
        value = values.get(item.finding)
        if isinstance(value, float | int) and not isinstance(value, bool):
            unit = f" {item.unit_label}" if item.unit_label else ""
            lines.append(f"{item.label}: {plain_number(float(value))}{unit}")
    return lines
