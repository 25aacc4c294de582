"""The night diary's part of the doctor's report: the weeks, the last nights and the
trend in plain words.

Pure code (no WeasyPrint): :func:`diary_section` turns a diary's summary and entries
into what ``templates/report.html`` lays out when the report is made from a shared
diary: a table of weeks (nights recorded, nights with symptoms, median intensity) from
the first recorded week on, the last nights ("26–27 Nov", intensity, time awake), and
the intensity's course said as a doctor says it ("falling over 6 weeks"), no method
named, and the medicines the patient noted on the nights of the last 12 weeks with their
nights ("Furosemide (C03CA01): Nov 20–21, Nov 24–25"). A night is named by the evening it
began and the morning after.
"""

# ruff: noqa: RUF001, RUF002, RUF003 - en dashes in ranges of dates are meant

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from babel.dates import format_interval
from babel.numbers import format_decimal

from nightlegs.diary import medicines as diary_medicines
from nightlegs.diary.model import Entry, Measure
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, WindowFigures
from nightlegs.i18n import N_, Translator, format_date, format_number, translator
from nightlegs.report import terms

__all__ = ["DiarySection", "NightRow", "WeekRow", "diary_section", "night_name"]

#: How many of the last recorded nights the report lists.
LAST_NIGHTS = 14

#: A medicine noted on more nights than this: its nights as a count, the first and last.
LISTED_NIGHTS = 4

#: What a person tried for a night, as the report names it (lower case, in a list).
MEASURES: Mapping[Measure, str] = {
    "stretching": N_("stretching"),
    "walking": N_("walking"),
    "warmth_massage": N_("warmth or massage"),
    "leg_elevation": N_("raising the legs"),
    "compression": N_("compression"),
    "medicine": N_("a medicine"),
}


@dataclass(frozen=True, slots=True)
class WeekRow:
    #: The week's nights: "2–8 Nov".
    label: str
    recorded: int
    symptom_nights: int
    #: The median intensity of its nights with symptoms ("—" without one).
    median: str


@dataclass(frozen=True, slots=True)
class NightRow:
    #: "26–27 Nov": the evening it began and the morning after.
    night: str
    symptoms: str
    severity: str
    #: Time awake because of the legs ("40 min"), "—" for none.
    awake: str


@dataclass(frozen=True, slots=True)
class DiarySection:
    #: "41 nights recorded, 3 October 2026 – 26 November 2026".
    period: str
    #: Nights with symptoms a week over 4 and 12 weeks, in words.
    rates: tuple[tuple[str, str], ...]
    trend: str
    helped: str
    weeks: tuple[WeekRow, ...]
    nights: tuple[NightRow, ...]
    #: The medicines noted in the last 12 weeks, each with its nights; "" for none.
    medicines: str = ""


def diary_section(summary: Summary, language: str, entries: Sequence[Entry]) -> DiarySection:
    """The diary's weeks, last nights and trend in ``language``, as of ``summary.as_of``."""
    t = translator(language)
    counted = sorted((e for e in entries if e.date <= summary.as_of), key=lambda e: e.date)
    return DiarySection(
        period=_period(summary, t),
        rates=(
            (
                t.gettext("Nights with symptoms a week, last 4 weeks"),
                _rate(summary.last_4_weeks, t),
            ),
            (
                t.gettext("Nights with symptoms a week, last 12 weeks"),
                _rate(summary.last_12_weeks, t),
            ),
        ),
        trend=trend_words(summary, t),
        helped=_helped(summary, t),
        weeks=_weeks(counted, summary.as_of, t),
        nights=tuple(_night(e, t) for e in reversed(counted[-LAST_NIGHTS:])),
        medicines=_medicines(counted, summary.as_of, t),
    )


def night_name(evening: dt.date, language: str) -> str:
    """A night as people name it: the evening it began and the next morning ("26–27 лист.")."""
    return format_interval(evening, evening + dt.timedelta(days=1), "MMMd", locale=language)


def trend_words(summary: Summary, t: Translator) -> str:
    """The intensity's course over the nights with symptoms, in plain words: rising,
    falling or about the same over so many weeks (the diary's own test and slope
    decide; a fall is judged as a rise is), or too few nights to tell."""
    trend = summary.severity_trend
    if not trend.enough_data or trend.mann_kendall is None or trend.slope_per_week is None:
        return t.ngettext(
            "Too few nights with symptoms to tell a trend: %(num)d (it needs %(min)d over "
            "%(weeks)d weeks)",
            "Too few nights with symptoms to tell a trend: %(num)d (it needs %(min)d over "
            "%(weeks)d weeks)",
            trend.nights,
            min=THRESHOLDS.trend_min_nights,
            weeks=THRESHOLDS.trend_min_span_days // 7,
        )
    weeks = max(1, round(trend.span_days / 7))
    clear = trend.mann_kendall.p_value < THRESHOLDS.trend_alpha
    # Always one decimal: "0,3 бала", "1,0 бала" (a fraction takes the same form).
    points = format_decimal(abs(trend.slope_per_week), format="0.0", locale=t.language)
    if clear and trend.slope_per_week > 0:
        return t.ngettext(
            "Intensity rising over %(num)d week, by about %(points)s points a week",
            "Intensity rising over %(num)d weeks, by about %(points)s points a week",
            weeks,
            points=points,
        )
    if clear and trend.slope_per_week < 0:
        return t.ngettext(
            "Intensity falling over %(num)d week, by about %(points)s points a week",
            "Intensity falling over %(num)d weeks, by about %(points)s points a week",
            weeks,
            points=points,
        )
    return t.ngettext(
        "Intensity about the same over %(num)d week",
        "Intensity about the same over %(num)d weeks",
        weeks,
    )


def _period(summary: Summary, t: Translator) -> str:
    if not (summary.first_date and summary.last_date):
        return t.gettext("No night recorded")
    return t.ngettext(
        "%(num)d night recorded, %(first)s – %(last)s",
        "%(num)d nights recorded, %(first)s – %(last)s",
        summary.entries,
        first=format_date(summary.first_date, t.language),
        last=format_date(summary.last_date, t.language),
    )


def _rate(figures: WindowFigures, t: Translator) -> str:
    recorded = t.ngettext(
        "%(recorded)d of %(num)d night recorded",
        "%(recorded)d of %(num)d nights recorded",
        figures.days,
        recorded=figures.recorded_nights,
    )
    if figures.nights_per_week is None:
        return t.gettext("too few nights recorded") + f" ({recorded})"
    rate = format_number(round(figures.nights_per_week, 1), t.language)
    return f"{rate} ({recorded})"


def _weeks(entries: Sequence[Entry], as_of: dt.date, t: Translator) -> tuple[WeekRow, ...]:
    """The weeks ending at ``as_of``, from the week of the first recorded night on
    (12 at most: the diary's long window)."""
    if not entries:
        return ()
    rows = []
    count = THRESHOLDS.long_window_days // 7
    for back in range(count - 1, -1, -1):
        last = as_of - dt.timedelta(days=7 * back)
        first = last - dt.timedelta(days=6)
        if last < entries[0].date:
            continue
        inside = [e for e in entries if first <= e.date <= last]
        severities = [e.severity for e in inside if e.has_symptoms]
        median = (
            format_number(round(statistics.median(severities), 1), t.language)
            if severities
            else "—"
        )
        label = format_interval(first, last, "MMMd", locale=t.language)
        rows.append(WeekRow(label, len(inside), len(severities), median))
    return tuple(rows)


def _night(entry: Entry, t: Translator) -> NightRow:
    return NightRow(
        night=night_name(entry.date, t.language),
        symptoms=", ".join(t(terms.SYMPTOMS[s]) for s in entry.symptoms)
        or t.gettext("no symptoms"),
        severity=f"{entry.severity}/10" if entry.has_symptoms else "—",
        awake=t.gettext("%(minutes)d min", minutes=entry.minutes_awake)
        if entry.minutes_awake
        else "—",
    )


def _medicines(entries: Sequence[Entry], as_of: dt.date, t: Translator) -> str:
    """The medicines of the long window's nights, by ATC code, each with its nights:
    "Фуросемід (C03CA01): 20–21 лист., 24–25 лист.; Аторвастатин (C10AA05): 9 ночей,
    з 2–3 жовт. до 26–27 лист."."""
    start = as_of - dt.timedelta(days=THRESHOLDS.long_window_days - 1)
    parts = []
    for item in diary_medicines.noted(e for e in entries if start <= e.date <= as_of):
        nights = [night_name(day, t.language) for day in item.nights]
        when = ", ".join(nights)
        if len(nights) > LISTED_NIGHTS:
            when = t.ngettext(
                "%(num)d night, from %(first)s to %(last)s",
                "%(num)d nights, from %(first)s to %(last)s",
                len(nights),
                first=nights[0],
                last=nights[-1],
            )
        name = diary_medicines.name(item.medicine, t.language)
        parts.append(f"{name} ({item.medicine.atc}): {when}")
    return "; ".join(parts)


def _helped(summary: Summary, t: Translator) -> str:
    parts = [
        # "stretching: helped 3 of 5"
        t.gettext(
            "%(measure)s: helped %(helped)d of %(tried)d",
            measure=t(MEASURES[item.measure]),
            helped=item.helped,
            tried=item.tried,
        )
        for item in summary.what_helped
        if item.tried
    ]
    return "; ".join(parts) if parts else t.gettext("nothing recorded")
