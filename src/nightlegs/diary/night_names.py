"""Nights named as people name them.

A diary's night is stored as the date of its evening (docs/diary.md, "Entries"), but
nobody calls the night from Thursday 26 to Friday 27 November "the night of 26
November": people say "ніч з 26 на 27 листопада", "ночь с 26 на 27 ноября", "the night
of 26 to 27 November", or by the weekdays, "ніч з четверга на п'ятницю". These functions
give both, in the interface catalogues' words, with the month in the form a date takes
("листопада") from Babel.

Pure: a date in, words out; which night is "last night" is the services' question
(``services.diaries.last_night``, on the clinic's calendar).
"""

# ruff: noqa: RUF002 - Ukrainian and Russian examples are meant to be Cyrillic

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from nightlegs.i18n import N_, translator

__all__ = ["night_dates", "night_name", "night_weekdays"]

#: The night from each weekday (Monday first, as ``date.weekday()``) to the next.
_WEEKDAY_NIGHTS = (
    N_("the night from Monday to Tuesday"),
    N_("the night from Tuesday to Wednesday"),
    N_("the night from Wednesday to Thursday"),
    N_("the night from Thursday to Friday"),
    N_("the night from Friday to Saturday"),
    N_("the night from Saturday to Sunday"),
    N_("the night from Sunday to Monday"),
)


def night_dates(evening: dt.date, language: str, *, year: bool = False) -> str:
    """The two dates of the night that began on ``evening``: ``з 26 на 27 листопада``,
    ``с 30 ноября на 1 декабря``, ``26 to 27 November``; with the year when asked for
    or when the night crosses into a new year."""
    t = translator(language)
    morning = evening + dt.timedelta(days=1)
    if evening.year != morning.year:
        return t.gettext(
            "%(evening)s to %(morning)s",
            evening=format_date(evening, "d MMMM y", locale=language),
            morning=format_date(morning, "d MMMM y", locale=language),
        )
    if evening.month != morning.month:
        pattern = "d MMMM y" if year else "d MMMM"
        return t.gettext(
            "%(evening)s to %(morning)s",
            evening=format_date(evening, "d MMMM", locale=language),
            morning=format_date(morning, pattern, locale=language),
        )
    month = format_date(morning, "MMMM y" if year else "MMMM", locale=language)
    return t.gettext(
        "%(evening)d to %(morning)d %(month)s",
        evening=evening.day,
        morning=morning.day,
        month=month,
    )


def night_name(evening: dt.date, language: str, *, year: bool = False) -> str:
    """``ніч з 26 на 27 листопада`` / ``ночь с 26 на 27 ноября`` / ``the night of 26 to 27
    November`` (lower case: it is put into sentences)."""
    dates = night_dates(evening, language, year=year)
    return translator(language).gettext("the night of %(dates)s", dates=dates)


def night_weekdays(evening: dt.date, language: str) -> str:
    """``ніч з четверга на п'ятницю`` / ``ночь с четверга на пятницу`` / ``the night from
    Thursday to Friday``: how people name a night of this week, "last night" above all."""
    return translator(language).gettext(_WEEKDAY_NIGHTS[evening.weekday()])
