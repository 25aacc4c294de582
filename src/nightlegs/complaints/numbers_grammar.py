"""Quantities in a text: a number (in digits or words) and the unit word next to it.

"3", "три", "двадцять п'ять", "2-3" (2.5), "півтора" (1.5), "пів року", "півроку" (a
number and a unit in one word), "років п'ять" (the unit first: about five years), "раз на
тиждень", "вже рік" and "рік тому" (one, unsaid), "a couple of years" (a word that joins
the number to its unit), "a year and a half", "рік з половиною" (a half added), "рік і
два місяці" (years and months: one length).
"""

# ruff: noqa: RUF001, RUF002, RUF003 - Cyrillic examples and dashes are meant

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from nightlegs.complaints.morphology import Morphology
from nightlegs.complaints.phrasebook import normal, word_keys
from nightlegs.complaints.text import Token
from nightlegs.knowledge.phrases import PhraseBook

#: The units of a length of time, in months (a month is 30.44 days on average).
DAYS_PER_MONTH = 30.44
MONTHS = {"day": 1 / DAYS_PER_MONTH, "week": 7 / DAYS_PER_MONTH, "month": 1.0, "year": 12.0}
#: The unit words a quantity may carry.
UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "night", "times", "cup")
#: Units that "one" may be left unsaid before ("раз на тиждень", "вже рік").
_IMPLICIT = ("times", "month", "year")
#: Units a number may follow when it is said roughly ("років п'ять", "раза 3").
_INVERTED = frozenset({"minute", "hour", "day", "week", "month", "year", "cup", "times"})
_TENS = frozenset({20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0})
_HALF = 0.5
#: The units of a length of time that "half a ..." takes ("half a night" is not one).
_LENGTHS = frozenset({"minute", "hour", "day", "week", "month", "year"})
_PUNCTUATION = frozenset(",.;:!?\n")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    positions: tuple[int, ...]
    #: The unit when the quantity's own words hold it ("півроку", "років п'ять").
    unit: str | None = None
    #: "One" left unsaid.
    implicit: bool = False

    @property
    def end(self) -> int:
        return self.positions[-1]


class NumberWords:
    """Every language's number words and unit words, by the keys the text is matched on."""

    def __init__(self, book: PhraseBook, morphology: Morphology) -> None:
        self.values: dict[str, float] = {}
        self.kinds: dict[str, set[str]] = {}
        #: Plural unit words as written (not their lemmas: «місяць» is not plural).
        self.plural: set[str] = set()
        for language, phrases in book.languages.items():
            self.plural.update(normal(word) for word in phrases.plural_units)
            # Number words as written (their forms are listed): a lemma would make
            # "півгодини" of every "година".
            for word, value in phrases.number_words.items():
                self.values.setdefault(normal(word), value)
            for kind, words in phrases.number_kinds.items():
                for word in words:
                    for key in word_keys(normal(word), language, morphology):
                        self.kinds.setdefault(key, set()).add(kind)

    def kinds_of(self, forms: frozenset[str]) -> frozenset[str]:
        found: set[str] = set()
        for form in forms:
            found.update(self.kinds.get(form, ()))
        return frozenset(found)

    def kinds_of_word(self, token: Token, forms: frozenset[str]) -> frozenset[str]:
        """A word's number kinds, with "plural" for a unit word written in the plural."""
        found = self.kinds_of(forms)
        return found | {"plural"} if token.norm in self.plural else found

    def value_of(self, token: Token) -> float | None:
        if token.kind == "number":
            return token.value
        return self.values.get(token.norm)


def quantities(
    values: Sequence[float | None],
    kinds: Sequence[frozenset[str]],
    gaps: Sequence[str],
) -> Iterator[Quantity]:
    """Each quantity of the text, in order, none sharing a word with another (``values``:
    each word's number value, :meth:`NumberWords.value_of`; ``kinds``: its number kinds,
    :meth:`NumberWords.kinds_of`)."""
    position = 0
    while position < len(values):
        quantity = _at(position, values, kinds, gaps)
        if quantity is None:
            position += 1
            continue
        quantity = _years_and_months(quantity, values, kinds, gaps)
        yield quantity
        position = quantity.end + 1


def _years_and_months(
    quantity: Quantity,
    values: Sequence[float | None],
    kinds: Sequence[frozenset[str]],
    gaps: Sequence[str],
) -> Quantity:
    """ "рік і два місяці", "2 years and 3 months": one length, in months."""
    unit, unit_at = _unit_of(quantity, kinds)
    joining = unit_at + 1
    if unit != "year" or joining + 1 >= len(kinds) or "joins" not in kinds[joining]:
        return quantity
    start = quantity.positions[0]
    if _PUNCTUATION.intersection(gaps[joining] + gaps[joining + 1]) or (
        start > 0 and "age_before" in kinds[start - 1]
    ):
        return quantity  # "мені 60 років і 3 місяці як болять": an age, then a length
    months = _at(joining + 1, values, kinds, gaps)
    if months is None and _unit(kinds[joining + 1]) == "month":
        months = Quantity(1.0, (joining + 1,), "month", implicit=True)  # "і місяць"
    if months is None:
        return quantity
    month, months_at = _unit_of(months, kinds)
    if month != "month":
        return quantity
    if _PUNCTUATION.intersection(gaps[months_at]) and months_at > months.end:
        return quantity
    words = tuple(range(quantity.positions[0], months_at + 1))
    return Quantity(quantity.value * 12 + months.value, words, "month")


def _at(
    position: int,
    values: Sequence[float | None],
    kinds: Sequence[frozenset[str]],
    gaps: Sequence[str],
) -> Quantity | None:
    value = values[position]
    unit = _unit(kinds[position])
    if value is None:
        found = _unit_first(position, values, kinds, gaps, unit)
        return _and_a_half(found, values, kinds) if found else None
    positions = [position]
    following = position + 1
    if following < len(values) and values[following] is not None:
        after = values[following]
        assert after is not None
        if value in _TENS and 0 < after < 10:
            value, positions = value + after, [position, following]
        elif "-" in gaps[following] or "–" in gaps[following]:
            value, positions = (value + after) / 2, [position, following]
    quantity = _and_a_half(Quantity(value, tuple(positions), unit), values, kinds)
    return _joined(quantity, kinds)


def _and_a_half(
    quantity: Quantity, values: Sequence[float | None], kinds: Sequence[frozenset[str]]
) -> Quantity:
    """ "a year and a half", "one and a half", "рік з половиною": a half added, the words
    joining it (and an article: "and a half") taken with it."""
    joining = quantity.end + 1
    if joining >= len(kinds) or "joins" not in kinds[joining]:
        return quantity
    for half in (joining + 1, joining + 2):
        if half < len(values) and values[half] == _HALF:
            if half == joining + 2 and values[joining + 1] is not None:
                break  # "and 2 halves": not one half
            words = (*quantity.positions, *range(joining, half + 1))
            value = quantity.value + _HALF
            return replace(quantity, value=value, positions=words, implicit=False)
    return quantity


def _joined(quantity: Quantity, kinds: Sequence[frozenset[str]]) -> Quantity:
    """ "a couple of years", "half a year": the word between the number and its unit goes
    with the number, so that the unit stands right after it. After "half" the word is an
    article ("a", "an"), which elsewhere says "per" ("once a week")."""
    joining = quantity.end + 1
    if quantity.unit is not None or joining + 1 >= len(kinds):
        return quantity
    unit = _unit(kinds[joining + 1])
    joins = "joins" in kinds[joining] and unit is not None
    half = quantity.value == _HALF and "per" in kinds[joining] and unit in _LENGTHS
    if joins or half:
        return replace(quantity, positions=(*quantity.positions, joining))
    return quantity


def _unit_first(
    position: int,
    values: Sequence[float | None],
    kinds: Sequence[frozenset[str]],
    gaps: Sequence[str],
    unit: str | None,
) -> Quantity | None:
    """ "років п'ять" (the unit, then the number, nothing between: "6 cups a day. 31" is
    no 31 days), or a unit whose "one" is unsaid ("вже рік", "рік тому")."""
    if unit is None:
        return None
    following = position + 1
    if (
        following < len(values)
        and values[following] is not None
        and unit in _INVERTED
        and not gaps[following].strip()
    ):
        number = values[following]
        assert number is not None
        after = kinds[following + 1] if following + 1 < len(kinds) else frozenset()
        if _unit(after) is None:
            return Quantity(number, (position, following), unit)
    # "2 рази", "кілька разів": the number is said before ("половиною, раз на місяць" is
    # another number's half, then one time).
    said_before = (
        position > 0
        and (values[position - 1] is not None or "vague" in kinds[position - 1])
        and not _PUNCTUATION.intersection(gaps[position])
    )
    # "вже рік", "рік тому", "a year and a half": one, unsaid, where the words say a time.
    after = kinds[following] if following < len(kinds) else frozenset()
    halved = "joins" in after and _HALF in values[following + 1 : following + 3]
    # "рік і два місяці": the months that follow say it is a length.
    and_months = unit == "year" and "joins" in after and _months_follow(following + 1, kinds)
    marked = (
        any("duration" in kinds[p] for p in range(max(position - 2, 0), position))
        or "ago" in after
        or halved
        or and_months
    )
    plural = "plural" in kinds[position]  # «останні місяці»: some months, not one
    if unit in _IMPLICIT and not said_before and not plural and (unit == "times" or marked):
        return Quantity(1.0, (position,), unit, implicit=True)
    return None


def _unit_of(quantity: Quantity, kinds: Sequence[frozenset[str]]) -> tuple[str | None, int]:
    """A quantity's unit and the word that says it: its own, or the word after it."""
    if quantity.unit is not None:
        return quantity.unit, quantity.end
    after = quantity.end + 1
    return (_unit(kinds[after]) if after < len(kinds) else None), after


def _months_follow(position: int, kinds: Sequence[frozenset[str]]) -> bool:
    """A month word at ``position`` or right after it ("і місяць", "і два місяці")."""
    return any(p < len(kinds) and _unit(kinds[p]) == "month" for p in (position, position + 1))


def _unit(kinds: frozenset[str]) -> str | None:
    return next((unit for unit in UNITS if unit in kinds), None)
