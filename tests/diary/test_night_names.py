"""Nights named as people name them: both dates ("з 26 на 27 листопада"), or the weekdays
("з четверга на п'ятницю"), in uk, ru and en; across a month's and a year's end."""

# ruff: noqa: RUF001 - Ukrainian and Russian words are meant to be Cyrillic

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from hypothesis import example, given
from hypothesis import strategies as st

from nightlegs.diary.night_names import night_dates, night_name, night_weekdays
from nightlegs.languages import LANGUAGES

THURSDAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    ("evening", "language", "expected"),
    [
        (THURSDAY, "uk", "ніч з 26 на 27 листопада"),
        (THURSDAY, "ru", "ночь с 26 на 27 ноября"),
        (THURSDAY, "en", "the night of 26 to 27 November"),
        (dt.date(2026, 11, 30), "uk", "ніч з 30 листопада на 1 грудня"),
        (dt.date(2026, 11, 30), "ru", "ночь с 30 ноября на 1 декабря"),
        (dt.date(2026, 11, 30), "en", "the night of 30 November to 1 December"),
        (dt.date(2025, 12, 31), "uk", "ніч з 31 грудня 2025 на 1 січня 2026"),
        (dt.date(2025, 12, 31), "ru", "ночь с 31 декабря 2025 на 1 января 2026"),
        (dt.date(2025, 12, 31), "en", "the night of 31 December 2025 to 1 January 2026"),
        (dt.date(2028, 2, 28), "uk", "ніч з 28 на 29 лютого"),
        (dt.date(2028, 2, 29), "uk", "ніч з 29 лютого на 1 березня"),
        (dt.date(2027, 2, 28), "ru", "ночь с 28 февраля на 1 марта"),
        (dt.date(2026, 3, 28), "uk", "ніч з 28 на 29 березня"),  # the clocks go forward
        (dt.date(2026, 10, 24), "ru", "ночь с 24 на 25 октября"),  # and back
    ],
)
def test_a_night_is_named_by_both_its_dates(evening, language, expected):
    assert night_name(evening, language) == expected


def test_the_year_is_added_when_asked():
    assert night_dates(THURSDAY, "uk", year=True) == "з 26 на 27 листопада 2026"
    assert night_dates(dt.date(2026, 11, 30), "en", year=True) == "30 November to 1 December 2026"


@pytest.mark.parametrize(
    ("evening", "uk", "ru", "en"),
    [
        (dt.date(2026, 11, 23), "ніч з понеділка на вівторок", "ночь с понедельника на вторник",
         "the night from Monday to Tuesday"),
        (dt.date(2026, 11, 24), "ніч з вівторка на середу", "ночь со вторника на среду",
         "the night from Tuesday to Wednesday"),
        (dt.date(2026, 11, 25), "ніч із середи на четвер", "ночь со среды на четверг",
         "the night from Wednesday to Thursday"),
        (dt.date(2026, 11, 26), "ніч з четверга на п'ятницю", "ночь с четверга на пятницу",
         "the night from Thursday to Friday"),
        (dt.date(2026, 11, 27), "ніч з п'ятниці на суботу", "ночь с пятницы на субботу",
         "the night from Friday to Saturday"),
        (dt.date(2026, 11, 28), "ніч із суботи на неділю", "ночь с субботы на воскресенье",
         "the night from Saturday to Sunday"),
        (dt.date(2026, 11, 29), "ніч з неділі на понеділок", "ночь с воскресенья на понедельник",
         "the night from Sunday to Monday"),
    ],
)  # fmt: skip
def test_a_night_is_named_by_its_weekdays(evening, uk, ru, en):
    assert [night_weekdays(evening, language) for language in ("uk", "ru", "en")] == [uk, ru, en]


@given(
    evening=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 30)),
    language=st.sampled_from(LANGUAGES),
)
@example(evening=dt.date(2000, 12, 31), language="uk")
@example(evening=dt.date(2026, 11, 30), language="ru")
def test_every_night_names_its_evening_and_its_morning(evening, language):
    morning = evening + dt.timedelta(days=1)
    named = night_dates(evening, language)
    numbers = [int(part) for part in named.replace(",", " ").split() if part.isdigit()]
    # The two days in order; each with its year only when the night crosses into a new one.
    if evening.year != morning.year:
        assert numbers == [evening.day, evening.year, morning.day, morning.year]
    else:
        assert numbers == [evening.day, morning.day]
    months = {format_date(d, "MMMM", locale=language) for d in (evening, morning)}
    for month in months:
        assert named.count(month) == 1, named
    if evening.month == morning.month:
        assert (
            named.index(str(evening.day))
            < named.index(str(morning.day))
            < named.index(months.pop())
        )
    # Each weekday's name differs from the next one's.
    assert night_weekdays(evening, language) != night_weekdays(morning, language)
