"""The diary's part of the report: a table of weeks (nights recorded, nights with symptoms,
median intensity), the last nights named as people name them, the trend in plain words."""

# ruff: noqa: RUF001 - en dashes and Cyrillic are meant

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nightlegs.diary.model import Entry, EntryBody
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import summarise
from nightlegs.languages import LANGUAGES
from nightlegs.report.diary_section import LAST_NIGHTS, diary_section, night_name
from tests.fixtures.profiles import examples

AS_OF = dt.date(2026, 11, 26)


def _night(day: dt.date, severity: int, awake: int = 0) -> Entry:
    if severity == 0:
        return Entry.of(day, EntryBody(symptoms=[]))
    body = EntryBody(symptoms=["urge_to_move"], episodes=1, severity=severity, minutes_awake=awake)
    return Entry.of(day, body)


def _diary(severity_of, days: int = 84, skip=()) -> list[Entry]:
    """One entry a night for ``days`` nights up to AS_OF, ``severity_of(days back)``."""
    return [
        _night(AS_OF - dt.timedelta(days=back), severity_of(back))
        for back in range(days)
        if back not in skip
    ]


@pytest.mark.parametrize(
    ("language", "night", "expected"),
    [
        ("uk", dt.date(2026, 11, 26), "26–27 лист."),
        ("ru", dt.date(2026, 11, 26), "26–27 нояб."),
        ("uk", dt.date(2026, 11, 30), "30 лист. – 1 груд."),
        ("uk", dt.date(2026, 12, 31), "31 груд. – 1 січ."),
        ("en", dt.date(2026, 12, 31), "Dec 31\u2009–\u2009Jan 1"),  # thin spaces in en
    ],
)
def test_a_night_is_named_by_its_evening_and_morning(language, night, expected) -> None:
    assert night_name(night, language) == expected


def test_weeks_from_the_first_recorded_one(kb) -> None:
    """Six weeks recorded of the twelve: six rows, oldest first, each with its counts and
    the median intensity of its nights with symptoms."""
    entries = _diary(lambda back: 2 + back % 5, days=42, skip={3, 10})
    section = diary_section(summarise(entries, AS_OF), "uk", entries)
    assert len(section.weeks) == 6
    last = section.weeks[-1]
    assert last.label == "20–26 лист."
    week = [e for e in entries if AS_OF - dt.timedelta(days=6) <= e.date <= AS_OF]
    assert last.recorded == len(week) == 6
    severities = [e.severity for e in week if e.has_symptoms]
    assert last.symptom_nights == len(severities)
    assert last.median == str(statistics.median(severities)).replace(".", ",").removesuffix(",0")


def test_the_last_nights_newest_first(kb) -> None:
    entries = _diary(lambda back: 0 if back == 1 else 4, days=30)
    entries[0] = _night(AS_OF, 7, awake=40)
    section = diary_section(summarise(entries, AS_OF), "uk", entries)
    assert len(section.nights) == LAST_NIGHTS
    first, second = section.nights[:2]
    assert (first.night, first.severity, first.awake) == ("26–27 лист.", "7/10", "40 хв")
    assert (second.night, second.severity, second.symptoms) == (
        "25–26 лист.",
        "—",
        "без симптомів",
    )


@pytest.mark.parametrize(
    ("severity_of", "uk", "en"),
    [
        (
            lambda back: 3 + back // 14,  # higher long ago: falling
            "Сила відчуттів знижується протягом 12 тижнів",
            "Intensity falling over 12 weeks",
        ),
        (
            lambda back: 3 + back % 3,  # the same three values over and over
            "Сила відчуттів приблизно та сама протягом 12 тижнів",
            "Intensity about the same over 12 weeks",
        ),
        (
            lambda back: 8 - back // 14,  # higher lately: rising
            "Сила відчуттів зростає протягом 12 тижнів",
            "Intensity rising over 12 weeks",
        ),
    ],
)
def test_the_trend_in_plain_words(severity_of, uk: str, en: str) -> None:
    entries = _diary(severity_of)
    summary = summarise(entries, AS_OF)
    assert diary_section(summary, "uk", entries).trend.startswith(uk)
    assert diary_section(summary, "en", entries).trend.startswith(en)


def test_too_few_nights_for_a_trend() -> None:
    entries = _diary(lambda back: 5, days=6)
    section = diary_section(summarise(entries, AS_OF), "en", entries)
    assert section.trend == (
        f"Too few nights with symptoms to tell a trend: 6 (it needs "
        f"{THRESHOLDS.trend_min_nights} over {THRESHOLDS.trend_min_span_days // 7} weeks)"
    )


JARGON = ("Theil", "Mann", "Kendall", "Тейла", "Манна", "Кендалла", "p =", "p <", "95 %")


@settings(deadline=None, max_examples=examples(40))
@given(
    severities=st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=84),
    language=st.sampled_from(LANGUAGES),
)
def test_no_method_names_and_every_night_counted(severities: list[int], language: str) -> None:
    entries = [
        _night(AS_OF - dt.timedelta(days=back), severity)
        for back, severity in enumerate(severities)
    ]
    section = diary_section(summarise(entries, AS_OF), language, entries)
    words = " ".join(
        [section.period, section.trend, section.helped]
        + [f"{name} {value}" for name, value in section.rates]
    )
    assert not [term for term in JARGON if term in words]
    assert sum(week.recorded for week in section.weeks) == len(entries)
    assert sum(week.symptom_nights for week in section.weeks) == sum(
        1 for severity in severities if severity
    )
    assert len(section.nights) == min(LAST_NIGHTS, len(entries))
