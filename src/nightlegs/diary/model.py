"""What a night's entry holds, and the checks an entry must pass (pure; no I/O).

The lists of symptoms, triggers and measures are fixed here, in the order they
are shown and exported. An entry's lists are kept in that order, whatever
order they arrived in.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, model_validator

from nightlegs.languages import Language

__all__ = [
    "MAX_EPISODES",
    "MAX_MEDICINES",
    "MAX_MINUTES_AWAKE",
    "MAX_NOTE_LENGTH",
    "MAX_SEVERITY",
    "MEASURES",
    "SYMPTOMS",
    "TRIGGERS",
    "Entry",
    "EntryBody",
    "Measure",
    "SavedInterview",
    "SavedMedicine",
    "Symptom",
    "Tried",
    "Trigger",
]

Symptom = Literal["cramp", "urge_to_move", "pain_burning", "heaviness_swelling"]
Trigger = Literal[
    "caffeine", "alcohol", "long_sitting_standing", "unusual_exertion", "new_medicine"
]
Measure = Literal[
    "stretching", "walking", "warmth_massage", "leg_elevation", "compression", "medicine"
]

SYMPTOMS: tuple[str, ...] = get_args(Symptom)
TRIGGERS: tuple[str, ...] = get_args(Trigger)
MEASURES: tuple[str, ...] = get_args(Measure)

MAX_EPISODES = 50
MAX_SEVERITY = 10
#: Twelve hours: a whole night awake.
MAX_MINUTES_AWAKE = 720
MAX_NOTE_LENGTH = 500
#: Medicines noted on one night: more than anyone takes, few enough to show.
MAX_MEDICINES = 20

# Tab, line feed and carriage return are the only control characters a note may hold
# (PostgreSQL cannot store NUL at all).
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


class SavedMedicine(BaseModel):
    """A medicine the person confirmed by name: never the words they typed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    inn: str = Field(description="the international non-proprietary name (English)")
    atc: str = Field(description="the WHO ATC code")


class Tried(BaseModel):
    """A measure tried that night, and whether it helped."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    measure: Measure
    helped: StrictBool


class EntryBody(BaseModel):
    """One night, as the person records it. A night without symptoms has ``symptoms: []``."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "examples": [
                {
                    "symptoms": ["cramp"],
                    "episodes": 2,
                    "severity": 6,
                    "minutes_awake": 30,
                    "triggers": ["long_sitting_standing"],
                    "tried": [{"measure": "stretching", "helped": True}],
                    "note": "calf, right leg",
                    "medicines": [{"inn": "furosemide", "atc": "C03CA01"}],
                },
                {"symptoms": []},
            ]
        },
    )

    symptoms: list[Symptom] = Field(
        description="what happened; an empty list is a night without symptoms"
    )
    episodes: StrictInt = Field(default=0, ge=0, le=MAX_EPISODES, description="how many times")
    severity: StrictInt = Field(
        default=0, ge=0, le=MAX_SEVERITY, description="the worst moment, 0 (none) to 10"
    )
    minutes_awake: StrictInt = Field(
        default=0,
        ge=0,
        le=MAX_MINUTES_AWAKE,
        description="time lying awake because of the legs, in minutes",
    )
    triggers: list[Trigger] = Field(default_factory=list, description="possible triggers")
    tried: list[Tried] = Field(
        default_factory=list, description="what was tried (each measure once) and if it helped"
    )
    note: StrictStr = Field(default="", max_length=MAX_NOTE_LENGTH, description="a short note")
    medicines: list[SavedMedicine] = Field(
        default_factory=list,
        max_length=MAX_MEDICINES,
        description=(
            "medicines taken that day or night, each confirmed by name: its INN and WHO ATC "
            "code as POST /medicines/lookup gives them (never the words typed)"
        ),
    )

    @model_validator(mode="after")
    def _consistent(self) -> EntryBody:
        for name, values in (("symptoms", self.symptoms), ("triggers", self.triggers)):
            if len(set(values)) != len(values):
                raise ValueError(f"{name} lists an item twice")
        measures = [item.measure for item in self.tried]
        if len(set(measures)) != len(measures):
            raise ValueError("tried lists a measure twice")
        if len(set(self.medicines)) != len(self.medicines):
            raise ValueError("medicines lists a medicine twice")
        if any(char not in _ALLOWED_CONTROLS and ord(char) < 32 for char in self.note):
            raise ValueError("note holds a control character")
        if not self.symptoms and (self.episodes or self.severity or self.minutes_awake):
            raise ValueError(
                "a night without symptoms has no episodes, severity 0 and no minutes awake"
            )
        return self

    def canonical(self) -> EntryBody:
        """The same entry with its lists in the fixed order."""
        return self.model_copy(
            update={
                "symptoms": sorted(self.symptoms, key=SYMPTOMS.index),
                "triggers": sorted(self.triggers, key=TRIGGERS.index),
                "tried": sorted(self.tried, key=lambda item: MEASURES.index(item.measure)),
                # By ATC code: medicines of one group side by side, as a doctor lists them.
                "medicines": sorted(self.medicines, key=lambda m: (m.atc, m.inn)),
            }
        )

    @property
    def has_symptoms(self) -> bool:
        return bool(self.symptoms)


class Entry(EntryBody):
    """A night's entry with its date: the evening the night began (YYYY-MM-DD)."""

    date: dt.date = Field(description="the evening the night began")

    @classmethod
    def of(cls, night: dt.date, body: EntryBody) -> Entry:
        return cls(date=night, **body.canonical().model_dump())

    def body(self) -> EntryBody:
        """The entry as a body to send again (only the body's own fields)."""
        return EntryBody.model_validate(self.model_dump(include=set(EntryBody.model_fields)))


class SavedInterview(BaseModel):
    """An interview saved in a diary: the copy of its evidence kept there."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interview_id: str = Field(description="the interview it was copied from")
    language: Language
    values: dict[str, str | float] = Field(description="finding -> normalised value")
    done: bool = Field(description="whether the interview had asked everything")
    kb_version: str
    medicines: list[SavedMedicine] | None = Field(
        default=None, description="the medicines confirmed by name on the medicines question"
    )
    interview_created_at: dt.datetime
    saved_at: dt.datetime
