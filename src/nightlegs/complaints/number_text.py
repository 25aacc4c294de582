"""The words of a complaint as the number readers see them, and what they read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nightlegs.complaints.text import Token

__all__ = ["DAYS_PER_WEEK", "NumberReading", "NumberText"]

#: Days in a week: "щоночі" is 7 nights a week, "через ніч" half of them, and
#: "2 бутылки в день" 14 drinks a week.
DAYS_PER_WEEK = 7


@dataclass(frozen=True, slots=True)
class NumberReading:
    finding: str
    value: float | str
    positions: tuple[int, ...]
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class NumberText:
    words: Sequence[Token]
    kinds: Sequence[frozenset[str]]
    segment: Sequence[int]
    sentence: Sequence[int]
    gaps: Sequence[str]
    #: Each word's number value ("10", "десяти", "ten"), None for a word that is none.
    values: Sequence[float | None]
    #: Written for someone else ("пишу за батька"): "йому 67" is the patient's age.
    for_someone: bool = False

    def kind(self, position: int, name: str) -> bool:
        return 0 <= position < len(self.kinds) and name in self.kinds[position]

    def segment_has(self, position: int, name: str) -> bool:
        own = self.segment[position]
        return any(name in k for k, s in zip(self.kinds, self.segment, strict=True) if s == own)

    def sentence_has(self, position: int, name: str) -> bool:
        own = self.sentence[position]
        return any(name in k for k, s in zip(self.kinds, self.sentence, strict=True) if s == own)
