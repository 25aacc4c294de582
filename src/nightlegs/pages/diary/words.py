"""The diary pages' words and number formats: the labels of symptoms, triggers and measures,
form problems, numbers, dates and nights as people write them in each language, and the
browsers that opened a share link.
"""

# ruff: noqa: RUF002 - Ukrainian and Russian examples are meant to be Cyrillic

# ruff: noqa: RUF002 - Ukrainian and Russian examples are meant to be Cyrillic

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from babel.dates import format_date, format_time

from nightlegs.diary.night_names import night_dates
from nightlegs.diary.user_agents import BROWSER_NAMES, SYSTEM_NAMES
from nightlegs.i18n import N_, Translator, format_number
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


def long_date(day: dt.date, language: str) -> str:
    return format_date(day, format="long", locale=language)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def night_label(evening: dt.date, language: str, today: dt.date) -> str:
    """A night in a list: ``З 26 на 27 листопада`` (with the year when it is not this
    year's)."""
    return capitalised(night_dates(evening, language, year=evening.year != today.year))


def moment(when: dt.datetime, language: str, zone: dt.tzinfo, today: dt.date) -> str:
    """A moment on the clinic's clock (``NIGHTLEGS_TIMEZONE``; stored times are UTC):
    ``27 листопада 09:14``, with the year when it is not this year's
    (``27 листопада 2025, 09:14``)."""
    utc = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    local = utc.astimezone(zone)
    clock = format_time(local.time(), "HH:mm", locale=language)
    if local.year == today.year:
        return f"{format_date(local.date(), 'd MMMM', locale=language)} {clock}"
    return f"{format_date(local.date(), 'd MMMM y', locale=language)}, {clock}"


def browser_on_system(browser: str, system: str, t: Translator) -> str:
    """``Chrome на Android``; ``Chrome`` or ``Браузер на Android`` when one of the two is
    not known; ``Невідомий браузер`` when neither is."""
    browser_name = BROWSER_NAMES.get(browser)
    system_name = SYSTEM_NAMES.get(system)
    if browser_name and system_name:
        return t(N_("%(browser)s on %(system)s"), browser=browser_name, system=system_name)
    if browser_name:
        return browser_name
    if system_name:
        return t(N_("A browser on %(system)s"), system=system_name)
    return t(N_("An unknown browser"))
