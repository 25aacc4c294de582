"""View models every page shares: the deployment profile, the knowledge base's labels for
findings and answers, and the stages of the interview.

Clinical text comes from the knowledge base, already in the page's language; the few
interface words come from the catalogues through a :class:`~nightlegs.i18n.Translator`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from nightlegs.engine import KnowledgeBase, Value
from nightlegs.i18n import format_number
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.knowledge.schema import QuestionItem as ItemSource
from nightlegs.knowledge.units import base_unit, unit_label
from nightlegs.settings import Settings

STAGES = ("urgent", "about_you", "legs", "health", "results")


@dataclass(frozen=True, slots=True)
class Deployment:
    """The deployment profile the pages show (see :class:`Settings`)."""

    clinic_name: str
    clinic_address: str
    clinic_phone: str
    booking_url: str
    specialists: frozenset[str]
    ambulance: str
    general: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Deployment:
        return cls(
            clinic_name=settings.clinic_name,
            clinic_address=settings.clinic_address,
            clinic_phone=settings.clinic_phone,
            booking_url=settings.clinic_booking_url,
            specialists=frozenset(settings.clinic_specialists),
            ambulance=settings.emergency_ambulance,
            general=settings.emergency_general,
        )

    def bookable(self, specialist: str) -> bool:
        return bool(self.booking_url) and specialist in self.specialists


def tel(number: str) -> str:
    """A ``tel:`` URL for a phone number as written (spaces and dashes dropped)."""
    kept = "".join(char for char in number if char.isdigit() or char == "+")
    return "tel:" + kept


class Labels:
    """Each finding's question item, to name findings and answers in plain words."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.items: dict[str, ItemSource] = {}
        for question in kb.questions:
            for item in question.source.items:
                self.items.setdefault(item.finding, item)

    def label(self, finding: str, language: str) -> str:
        item = self.items.get(finding)
        return item.label.get(language) if item else finding

    def answer(self, finding: str, value: Value, language: str) -> str:
        """The answer as the person chose it (``Yes``, a choice, ``4,5 mmol/L``)."""
        answers = self.kb.question_texts.answers
        if value in ("present", "absent", UNKNOWN):
            return answers[value].get(language)  # type: ignore[index]
        item = self.items.get(finding)
        if isinstance(value, str):
            choices = item.choices if item else None
            return choices[value].get(language) if choices and value in choices else value
        number = format_number(value, language)
        unit = self.unit(finding, language)
        return f"{number} {unit}" if unit else number

    def unit(self, finding: str, language: str) -> str | None:
        """A unit to write after a number: a laboratory unit, or an invariant one
        such as "out of 10" (words that change with the number are left out)."""
        base = base_unit(self.kb, finding)
        if base is not None:
            return unit_label(self.kb, base.name, language)
        item = self.items.get(finding)
        label = item.unit_label.get(language) if item and item.unit_label else None
        return label if label and any(char.isdigit() for char in label) else None


@dataclass(frozen=True, slots=True)
class Option:
    """A choice on a form (a radio button, a checkbox): its value, label and whether it is
    chosen."""

    value: str
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    label: str
    state: Literal["done", "current", "todo"]


def stages(kb: KnowledgeBase, language: str, current: str) -> list[Stage]:
    names = kb.question_texts.stages
    position = STAGES.index(current) if current in STAGES else 0
    return [
        Stage(
            stage,
            names[stage].get(language),
            "done" if index < position else "current" if index == position else "todo",
        )
        for index, stage in enumerate(STAGES)
    ]
