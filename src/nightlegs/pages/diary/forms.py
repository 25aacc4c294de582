"""The night's entry form, as posted, read into a :class:`~nightlegs.diary.model.EntryBody`.

The form's names are the stable hooks (docs/diary.md, "Pages"): ``symptoms``
(checkboxes), ``no_symptoms=yes``, ``episodes``, ``severity``,
``minutes_awake``, ``triggers`` (checkboxes), ``tried`` and ``helped``
(a checkbox each per measure), ``note``, and the medicines' ``medicine_text``,
``medicine`` and ``medicine_offered`` (:mod:`nightlegs.pages.diary.medicines`).

Forgiving where the intent is plain, strict where it is not:

- an empty ``episodes`` is 1 on a night with symptoms, else 0; an empty
  ``severity`` or ``minutes_awake`` is 0;
- "it helped" counts as tried;
- "no symptoms" (and no symptom ticked) is a night without symptoms: the
  numbers are then 0, whatever the fields still held;
- a symptom *and* "no symptoms", or neither, is a problem to show; so is a
  number that is not a whole number in its range, or a note over its limit.

Nothing is saved unless the whole form is right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from nightlegs.diary.model import (
    MAX_EPISODES,
    MAX_MINUTES_AWAKE,
    MAX_NOTE_LENGTH,
    MAX_SEVERITY,
    MEASURES,
    SYMPTOMS,
    TRIGGERS,
    EntryBody,
    SavedMedicine,
)
from nightlegs.knowledge.numbers import read_number
from nightlegs.pages.diary import medicines

__all__ = ["EntryRaw", "EntryRead", "Field", "Problem", "raw_of", "read_entry"]

Field = Literal["symptoms", "episodes", "severity", "minutes_awake", "note", "form"]
Problem = Literal[
    "symptoms_missing",
    "symptoms_both",
    "episodes",
    "severity",
    "minutes_awake",
    "note_long",
    "note_characters",
    "invalid",
]

#: The numbers' limits, for the fields and their messages.
LIMITS: Mapping[str, int] = {
    "episodes": MAX_EPISODES,
    "severity": MAX_SEVERITY,
    "minutes_awake": MAX_MINUTES_AWAKE,
}


@dataclass(frozen=True, slots=True)
class EntryRaw:
    """What the form shows: as posted (to show it again) or from the stored entry."""

    symptoms: tuple[str, ...] = ()
    no_symptoms: bool = False
    episodes: str = ""
    severity: str = "0"
    minutes_awake: str = "0"
    triggers: tuple[str, ...] = ()
    tried: tuple[str, ...] = ()
    helped: tuple[str, ...] = ()
    note: str = ""
    #: The medicine table's ids: ticked, and every one offered (ticked or not).
    medicines: tuple[str, ...] = ()
    offered: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntryRead:
    raw: EntryRaw
    body: EntryBody | None
    problems: dict[Field, Problem] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.body is not None and not self.problems


def raw_of(body: EntryBody) -> EntryRaw:
    """A stored entry as the form shows it, to change it."""
    return EntryRaw(
        symptoms=tuple(body.symptoms),
        no_symptoms=not body.symptoms,
        episodes=str(body.episodes) if body.symptoms else "",
        severity=str(body.severity),
        minutes_awake=str(body.minutes_awake),
        triggers=tuple(body.triggers),
        tried=tuple(item.measure for item in body.tried),
        helped=tuple(item.measure for item in body.tried if item.helped),
        note=body.note,
        medicines=medicines.ids_of(body.medicines),
        offered=medicines.ids_of(body.medicines),
    )


def _first(form: Mapping[str, Sequence[str]], name: str) -> str:
    values = form.get(name) or [""]
    return values[0].strip()


def _known(values: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    """The allowed values that were sent, once each, in the fixed order."""
    sent = set(values)
    return tuple(value for value in allowed if value in sent)


def _whole(text: str, default: int, limit: int) -> int | None:
    """A whole number 0..limit, ``default`` when empty; None when it is not one.

    Read as the interview reads numbers (knowledge/numbers.py): "3", "3,0", "3." and
    "1 200" are whole numbers; "2,5" is not, and is refused rather than rounded.
    """
    if not text:
        return default
    number = read_number(text)
    if number is None or not number.is_integer() or not 0 <= number <= limit:
        return None
    return int(number)


def _numbers(raw: EntryRaw, problems: dict[Field, Problem]) -> dict[str, int]:
    """The night's numbers (all 0 without symptoms); each one that is wrong, a problem."""
    if not raw.symptoms:
        return {"episodes": 0, "severity": 0, "minutes_awake": 0}
    numbers: dict[str, int] = {}
    checks: tuple[tuple[Literal["episodes", "severity", "minutes_awake"], str, int], ...] = (
        ("episodes", raw.episodes, 1),
        ("severity", raw.severity, 0),
        ("minutes_awake", raw.minutes_awake, 0),
    )
    for name, text, default in checks:
        value = _whole(text, default, LIMITS[name])
        if value is None:
            problems[name] = name
        else:
            numbers[name] = value
    return numbers


def read_entry(
    form: Mapping[str, Sequence[str]], stored: Sequence[SavedMedicine] = ()
) -> EntryRead:
    """The posted entry form: an entry body, or the problems to show. ``stored``: the
    medicines of the night's entry as saved (one the table has since dropped is kept only
    when it is among them)."""
    sent_symptoms = form.get("symptoms", [])
    symptoms = _known(sent_symptoms, SYMPTOMS)
    no_symptoms = "yes" in form.get("no_symptoms", [])
    helped = _known(form.get("helped", []), MEASURES)
    tried = _known([*form.get("tried", []), *helped], MEASURES)
    note = (form.get("note") or [""])[0].replace("\r\n", "\n").replace("\r", "\n").rstrip()
    raw = EntryRaw(
        symptoms=symptoms,
        no_symptoms=no_symptoms,
        episodes=_first(form, "episodes"),
        severity=_first(form, "severity"),
        minutes_awake=_first(form, "minutes_awake"),
        triggers=_known(form.get("triggers", []), TRIGGERS),
        tried=tried,
        helped=helped,
        note=note,
        medicines=medicines.ticked_ids(form),
        offered=medicines.offered_ids(form),
    )
    problems: dict[Field, Problem] = {}
    if len(symptoms) != len(set(sent_symptoms)):
        problems["symptoms"] = "symptoms_missing"
    elif symptoms and no_symptoms:
        problems["symptoms"] = "symptoms_both"
    elif not symptoms and not no_symptoms:
        problems["symptoms"] = "symptoms_missing"
    numbers = _numbers(raw, problems)
    if len(note) > MAX_NOTE_LENGTH:
        problems["note"] = "note_long"
    elif any(ord(char) < 32 and char not in "\t\n" for char in note):
        problems["note"] = "note_characters"
    if problems:
        return EntryRead(raw, None, problems)
    try:
        body = EntryBody.model_validate(
            {
                "symptoms": list(symptoms),
                **numbers,
                "triggers": list(raw.triggers),
                "tried": [{"measure": m, "helped": m in helped} for m in tried],
                "note": note,
                "medicines": [m.model_dump() for m in medicines.confirmed(form, stored)],
            }
        )
    except ValidationError:  # every rule is checked above; this is a safety net
        return EntryRead(raw, None, {"form": "invalid"})
    return EntryRead(raw, body.canonical(), {})
