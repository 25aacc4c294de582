"""Coffee and alcohol in a complaint: cups a day, drinks a week.

"3 чашки кави", "4 cups of coffee" -> ``caffeine_cups_per_day``; "14 drinks a week",
«2 бутылки пива в день», «пляшку пива кожен вечір» -> ``alcohol_drinks_per_week``, each
glass, bottle, can or pint a drink, as the question counts them.
"""

from __future__ import annotations

from nightlegs.complaints.number_text import DAYS_PER_WEEK, NumberReading, NumberText
from nightlegs.complaints.numbers_grammar import Quantity
from nightlegs.knowledge.phrases import PhraseRules

__all__ = ["DRINKS", "alcohol", "coffee", "drinks_every_day", "every_day"]

#: The number finding of alcohol.
DRINKS = "alcohol_drinks_per_week"


def every_day(text: NumberText, position: int) -> bool:
    """ "Щовечора", "кожен вечір", "every night": every day of the week."""
    return text.kind(position, "every_night") or (
        text.kind(position, "every") and text.kind(position + 1, "night")
    )


def _drinks_said(text: NumberText, position: int) -> tuple[float, tuple[int, ...]] | None:
    """The drinks of one day in the segment of an "every night" at ``position``: the
    number before a glass, bottle or can ("2 бокала вина"), or one ("пляшку пива");
    None when no container is named ("п'ю пиво щовечора": the question asks how much)."""
    own = text.segment[position]
    for at, kinds in enumerate(text.kinds):
        if text.segment[at] != own or "drink" not in kinds:
            continue
        before = text.values[at - 1] if at > 0 and text.segment[at - 1] == own else None
        count = before if before is not None else 1.0
        said = (at - 1, at) if before is not None else (at,)
        every = (position, position + 1) if text.kind(position, "every") else (position,)
        return count, (*said, *every)
    return None


def coffee(text: NumberText, q: Quantity, _rules: PhraseRules) -> NumberReading | None:
    """ "3 чашки кави", "кави чашок 5", "4 cups of coffee", "2 кави на день"."""
    after = q.end + 1
    cup_after = text.kind(after, "cup")
    if not (q.unit == "cup" or cup_after or text.kind(after, "coffee")):
        return None
    near = range(q.positions[0] - 2, after + 3)
    if not any(text.kind(p, "coffee") for p in near):
        return None
    extra = (after,) if cup_after or text.kind(after, "coffee") else ()
    return NumberReading("caffeine_cups_per_day", q.value, (*q.positions, *extra))


def alcohol(text: NumberText, q: Quantity, _rules: PhraseRules) -> NumberReading | None:
    """ "14 drinks a week", "3 келихи вина на тиждень", «2 бутылки пива в день» (seven a
    week): each glass, bottle, can or pint counted as a drink, as the question counts
    them; without "a week" or "a day" the number is left to the question."""
    after = q.end + 1
    if q.unit is not None or not text.kind(after, "drink"):
        return None
    near = range(q.positions[0] - 3, after + 4)
    if any(text.kind(p, "coffee") for p in near) or not any(text.kind(p, "alcohol") for p in near):
        return None
    for position in range(after + 1, after + 5):
        if text.kind(position, "vague"):
            return None  # "most days": the question asks for the number
        if text.kind(position, "week"):
            days = 1
        elif text.kind(position, "day") or text.kind(position, "night"):
            days = DAYS_PER_WEEK  # "a day", "a night": every day of the week
        else:
            continue
        words = (*q.positions, after, position)
        return NumberReading(DRINKS, q.value * days, words)
    return None


def drinks_every_day(text: NumberText, position: int) -> NumberReading | None:
    """«Пляшку пива кожен вечір», "a glass of wine every night" (an "every night" at
    ``position`` in a segment that names alcohol): the drinks of a week, or None when no
    glass or bottle says how many ("п'ю пиво щовечора": the question asks)."""
    drinks = _drinks_said(text, position)
    if drinks is None:
        return None
    count, words = drinks
    return NumberReading(DRINKS, count * DAYS_PER_WEEK, words)
