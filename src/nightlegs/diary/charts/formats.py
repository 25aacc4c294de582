"""Numbers and dates as the charts write them, in the chart's language."""

# ruff: noqa: RUF001 - en dashes in ranges and names (Theil-Sen) are meant

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from nightlegs.languages import DECIMAL_COMMA


def decimal(value: float, language: str, places: int = 1) -> str:
    """A number with ``places`` decimals; a decimal comma in uk and ru."""
    text = f"{value:.{places}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", ",") if language in DECIMAL_COMMA else text


def number(value: float, language: str) -> str:
    """A whole number without decimals, else one decimal."""
    return str(int(value)) if float(value).is_integer() else decimal(value, language)


def short_date(day: dt.date, language: str) -> str:
    return format_date(day, "d MMM", locale=language)


def long_date(day: dt.date, language: str) -> str:
    return format_date(day, "d MMM y", locale=language)


def week_label(start: dt.date, end: dt.date, language: str) -> str:
    return f"{short_date(start, language)} – {long_date(end, language)}"
