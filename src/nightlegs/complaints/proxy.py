"""A complaint typed for someone else: «пишу за батька», "typing this for my husband".

Relatives often fill in the form for an older parent or a spouse. Then the findings the
text states are the patient's, not the writer's, and three things change:

- the patient's sex is that of the person named («за батька»: a man), and the writer's
  own grammar («я дивилась»: the daughter) says nothing of it;
- the person named is not "another person" whose complaint is family history at most;
- "йому 67", "she's 80" give the patient's age (``age_of_them`` of the phrase book),
  which in a text written for oneself would be someone else's.

The phrases are the phrase book's (``words: for_a_man``, ``for_a_woman``), each with the
person in it, so "пишу за порадою" (for advice) is nobody.

Many write without saying so: «Сину 15, по вечорах ниють ноги», «Мама на гемодіалізі,
їй 59», "My mum is 84 and has a red leg ... she's muddled". A text that opens with a
relative (``opens_for_a_man``, ``opens_for_a_woman``; after a greeting at most), speaks
of them (``them``: «їй», «у нее», "she"; a dative opener, «сину 15», is such a word
itself) and never of the writer (no ``self`` word: «у мене», «я», "me"; no ``same``
word: «у неї теж» is family history) is written for them. «Дочка помогла набрать: ...»
(no word for "her" after it) stays the writer's own.
"""

# ruff: noqa: RUF002, RUF003 - Ukrainian and Russian examples are meant

from __future__ import annotations

from collections.abc import Sequence

from nightlegs.complaints.matcher import Match
from nightlegs.complaints.resolve import Reading

__all__ = ["FOR_A_MAN", "FOR_A_WOMAN", "Proxy"]

FOR_A_MAN = "for_a_man"
FOR_A_WOMAN = "for_a_woman"
_OPENS = {"opens_for_a_man": "male", "opens_for_a_woman": "female"}
_SEX = {FOR_A_MAN: "male", FOR_A_WOMAN: "female", **_OPENS}
_RELATIVES = frozenset({"relatives_first", "relatives_other"})
#: Words that say who the text is about, for the opener rule.
_THEM, _SELF, _SAME, _GREETING = "them", "self", "same", "greeting"


class Proxy:
    """Who the text is written for, from its context phrases."""

    def __init__(self, matches: Sequence[Match]) -> None:
        self.phrases = [m for m in matches if m.phrase.value in (FOR_A_MAN, FOR_A_WOMAN)]
        if not self.phrases:
            self.phrases = _opener(matches)
        self.words = frozenset(p for m in self.phrases for p in m.positions)

    @property
    def for_someone(self) -> bool:
        return bool(self.phrases)

    def sex(self) -> list[Reading]:
        """The patient's sex, when every person the text is written for has the same."""
        values = {_SEX[m.phrase.value] for m in self.phrases}
        if len(values) != 1:
            return []
        (value,) = values
        return [Reading("sex", value, m.positions) for m in self.phrases]

    def context(self, matches: Sequence[Match]) -> list[Match]:
        """The context phrases without the relatives the text is written for: «батька» in
        «пишу за батька» is the patient."""
        return [
            m
            for m in matches
            if not (m.phrase.value in _RELATIVES and self.words & set(m.positions))
        ]


def _opener(matches: Sequence[Match]) -> list[Match]:
    """The relative a text opens with, when it speaks of them and never of the writer."""
    first = 0  # the first word after the greetings the text opens with, if any
    for m in sorted((m for m in matches if m.phrase.value == _GREETING), key=lambda m: m.first):
        if m.first == first:
            first = m.last + 1
    openers = [m for m in matches if m.phrase.value in _OPENS and m.first == first]
    if not openers:
        return []
    opener = max(openers, key=lambda m: len(m.positions))
    inside = set(opener.positions)
    # "у мене", "me": the writer's own; «в неї теж», "she has it too": theirs is family history.
    if any(
        m.phrase.value == _SAME or (m.phrase.value == _SELF and inside.isdisjoint(m.positions))
        for m in matches
    ):
        return []
    # A dative opener («сину 15», «мамі 72») is in ``them`` too: a word about them itself.
    return [opener] if any(m.phrase.value == _THEM for m in matches) else []
