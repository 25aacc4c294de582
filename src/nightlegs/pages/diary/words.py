"""The diary pages' words and number formats: the labels of symptoms, triggers and measures,
form problems, and numbers and dates as people write them in each language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from babel.dates import format_date, format_skeleton, format_time

from nightlegs.i18n import N_, format_number
from nightlegs.pages.diary.forms import Field, Problem

SYMPTOM_LABELS: Mapping[str, str] = {
    "cramp": N_("Cramp"),
    "urge_to_move": N_("Urge to move the legs"),
    "pain_burning": N_("Pain or burning"),
    "heaviness_swelling": N_("Heaviness or swelling"),
}


TRIGGER_LABELS: Mapping[str, str] = {
    "caffeine": N_("Coffee or strong tea"),
    "alcohol": N_("Alcohol"),
    "long_sitting_standing": N_("Long sitting or standing"),
    "unusual_exertion": N_("Unusual physical effort"),
    "new_medicine": N_("A new medicine"),
}


MEASURE_LABELS: Mapping[str, str] = {
    "stretching": N_("Stretching"),
    "walking": N_("Walking"),
    "warmth_massage": N_("Warmth or massage"),
    "leg_elevation": N_("Raising the legs"),
    "compression": N_("Compression stockings"),
    "medicine": N_("A medicine"),
}


PROBLEM_MESSAGES: Mapping[Problem, str] = {
    "symptoms_missing": N_("Please tick what happened, or “No symptoms”."),
    "symptoms_both": N_("Please tick either the symptoms or “No symptoms”, not both."),
    "episodes": N_("Please enter a whole number from 0 to %(max)d."),
    "severity": N_("Please enter a whole number from 0 to %(max)d."),
    "minutes_awake": N_("Please enter a whole number from 0 to %(max)d."),
    "note_long": N_("The note is too long: at most %(max)d characters, please."),
    "note_characters": N_("The note holds characters that cannot be saved. Please retype it."),
    "invalid": N_("Something in the form could not be saved. Please check it."),
}


FIELD_LABELS: Mapping[Field, str] = {
    "symptoms": N_("What happened"),
    "episodes": N_("How many times"),
    "severity": N_("How bad at its worst"),
    "minutes_awake": N_("Minutes awake because of the legs"),
    "note": N_("Note"),
    "form": N_("The form"),
}


#: Where each problem's link in the error summary leads.
FIELD_ANCHORS: Mapping[Field, str] = {
    "symptoms": "symptom-cramp",
    "episodes": "episodes",
    "severity": "severity",
    "minutes_awake": "minutes_awake",
    "note": "note",
    "form": "entry-form",
}


def number(value: float, language: str, places: int = 1) -> str:
    """A number rounded to ``places`` decimals, as written in the language."""
    return format_number(round(value, places), language)


def signed(value: float, language: str) -> str:
    """``+0,4`` / ``-0,4`` (with a minus sign) / ``0``: a change, with its sign."""
    rounded = round(value, 1)
    text = format_number(abs(rounded), language)
    if rounded > 0:
        return "+" + text
    if rounded < 0:
        return "\u2212" + text
    return text


def short_date(day: dt.date, language: str) -> str:
    """``Mon, Nov 23`` / ``пн, 23 листопада``."""
    return format_skeleton("MMMMEd", day, locale=language)


def long_date(day: dt.date, language: str) -> str:
    return format_date(day, format="long", locale=language)


def moment(when: dt.datetime, language: str, zone: dt.tzinfo) -> str:
    """A moment with its date, on the clinic's clock (``NIGHTLEGS_TIMEZONE``):
    ``Nov 23, 2026, 16:05``; stored times are UTC."""
    utc = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    local = utc.astimezone(zone)
    day = format_date(local.date(), format="medium", locale=language)
    return f"{day} {format_time(local.time(), format='short', locale=language)}"
