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
"""

from __future__ import annotations

from collections.abc import Sequence

from nightlegs.complaints.matcher import Match
from nightlegs.complaints.resolve import Reading

__all__ = ["FOR_A_MAN", "FOR_A_WOMAN", "Proxy"]

FOR_A_MAN = "for_a_man"
FOR_A_WOMAN = "for_a_woman"
_SEX = {FOR_A_MAN: "male", FOR_A_WOMAN: "female"}
_RELATIVES = frozenset({"relatives_first", "relatives_other"})


class Proxy:
    """Who the text is written for, from its context phrases."""

    def __init__(self, matches: Sequence[Match]) -> None:
        self.phrases = [m for m in matches if m.phrase.value in _SEX]
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
