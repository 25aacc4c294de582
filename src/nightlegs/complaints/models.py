"""What the parser answers: candidates for the person to confirm, and what it did not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finding the text seems to state, with the words it was read from.

    ``value`` follows the evidence rules: present/absent for a yes/no finding, one of a
    choice finding's values, a number (with ``unit`` when the text gave one).
    """

    finding: str
    value: str | float
    start: int
    end: int
    text: str
    unit: str | None = None

    def to_json(self) -> dict[str, Any]:
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 63, not 63.0
        body: dict[str, Any] = {"finding": self.finding, "value": value}
        if self.unit is not None:
            body["unit"] = self.unit
        body.update(start=self.start, end=self.end, text=self.text)
        return body


@dataclass(frozen=True, slots=True)
class MedicineMention:
    """A medicine named in the text (from :mod:`nightlegs.medicines`), in the contract's shape."""

    text: str
    start: int
    end: int
    inn: str
    atc: str
    name: str
    findings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "inn": self.inn,
            "atc": self.atc,
            "name": self.name,
            "findings": list(self.findings),
        }


@dataclass(frozen=True, slots=True)
class ParseResult:
    language: str
    candidates: tuple[Candidate, ...]
    medicines: tuple[MedicineMention, ...] = ()
    unrecognised: tuple[str, ...] = field(default=())
    #: Medicines named but said not to be taken now, by (start, end); not in the answer.
    not_taken: tuple[tuple[int, int], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "candidates": [c.to_json() for c in self.candidates],
            "medicines": [m.to_json() for m in self.medicines],
            "unrecognised": list(self.unrecognised),
        }
