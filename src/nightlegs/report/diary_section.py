"""The night diary's part of the doctor's report: its figures and its two charts.

Pure code (no WeasyPrint): :func:`diary_section` turns a diary's summary (and,
for one point per night in the severity chart, its entries) into what
``templates/report.html`` lays out when the report is made from a shared
diary. The charts are the pages' own (:mod:`nightlegs.diary.charts`), inline SVG.
"""

# ruff: noqa: RUF001 - en dashes in ranges and names (Theil-Sen) are meant

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from nightlegs.diary import charts
from nightlegs.diary.model import Entry, Measure
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, WindowFigures
from nightlegs.i18n import N_, Translator, translator

__all__ = ["DiarySection", "diary_section"]

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
class DiarySection:
    figures: tuple[tuple[str, str], ...]
    charts: tuple[charts.Chart, ...]


def diary_section(
    summary: Summary, language: str, entries: Sequence[Entry] | None = None
) -> DiarySection:
    """The diary's figures (label, value) and charts, in ``language``."""
    t = translator(language)
    regular = t.gettext(
        "Regular (≥ %(threshold)s nights a week, 4 weeks)",
        threshold=_number(THRESHOLDS.regular_nights_per_week, language),
    )
    figures = (
        (t.gettext("Entries"), _period(summary, t)),
        (
            t.gettext("Nights with symptoms a week, last 4 weeks"),
            _window(summary.last_4_weeks, t),
        ),
        (
            t.gettext("Nights with symptoms a week, last 12 weeks"),
            _window(summary.last_12_weeks, t),
        ),
        (regular, _yes_no(summary.regular, t)),
        (t.gettext("Severity trend (Theil–Sen, Mann–Kendall, 12 weeks)"), _trend(summary, t)),
        (t.gettext("Sleep disturbed (awake ≥ 2 nights a week, 4 weeks)"), _sleep(summary, t)),
        (t.gettext("What helped (nights with symptoms, 12 weeks)"), _helped(summary, t)),
    )
    drawn = (
        charts.nights_chart(summary, language, id_prefix="report-nights"),
        charts.severity_chart(summary, language, entries=entries, id_prefix="report-severity"),
    )
    return DiarySection(figures=figures, charts=drawn)


def _number(value: float, language: str) -> str:
    return format_decimal(round(value, 1), locale=language)


def _signed(value: float, language: str) -> str:
    text = _number(abs(value), language)
    return ("+" if value > 0 else "\u2212" if value < 0 else "") + text


def _period(summary: Summary, t: Translator) -> str:
    if not (summary.first_date and summary.last_date):
        return "—"
    return t.ngettext(
        "%(num)d night, %(first)s – %(last)s",
        "%(num)d nights, %(first)s – %(last)s",
        summary.entries,
        first=format_date(summary.first_date, format="medium", locale=t.language),
        last=format_date(summary.last_date, format="medium", locale=t.language),
    )


def _window(figures: WindowFigures, t: Translator) -> str:
    language = t.language
    counts = t.ngettext(
        "%(recorded)d of %(num)d night recorded, %(symptom)d with symptoms",
        "%(recorded)d of %(num)d nights recorded, %(symptom)d with symptoms",
        figures.days,
        recorded=figures.recorded_nights,
        symptom=figures.symptom_nights,
    )
    if figures.nights_per_week is None:
        return t.gettext("not enough data") + f" ({counts})"
    bounds = t.gettext(
        "%(low)s–%(high)s if every unrecorded night was quiet / had symptoms",
        low=_number(figures.nights_per_week_low, language),
        high=_number(figures.nights_per_week_high, language),
    )
    return f"{_number(figures.nights_per_week, language)} ({counts}; {bounds})"


def _yes_no(value: bool | None, t: Translator) -> str:
    if value is None:
        return t.gettext("not enough data")
    return t.gettext("yes") if value else t.gettext("no")


def _sleep(summary: Summary, t: Translator) -> str:
    awake = summary.last_4_weeks.awake_nights_per_week
    sleep = _yes_no(summary.sleep_disturbance, t)
    return sleep if awake is None else f"{sleep} ({_number(awake, t.language)})"


def _trend(summary: Summary, t: Translator) -> str:
    language = t.language
    trend = summary.severity_trend
    if not trend.enough_data or trend.mann_kendall is None or trend.slope_per_week is None:
        return t.ngettext(
            "not enough data (%(num)d night with symptoms; needs ≥ %(min)d over ≥ %(span)d days)",
            "not enough data (%(num)d nights with symptoms; needs ≥ %(min)d over ≥ %(span)d days)",
            trend.nights,
            min=THRESHOLDS.trend_min_nights,
            span=THRESHOLDS.trend_min_span_days,
        )
    worsening = t.gettext("worsening")
    verdict = worsening if trend.worsening else t.gettext("no significant worsening")
    p = trend.mann_kendall.p_value
    p_text = (
        "p < " + format_decimal(0.001, locale=language)
        if p < 0.001
        else "p = " + format_decimal(round(p, 3), locale=language)
    )
    return t.gettext(
        "%(slope)s points a week (95 %% CI %(low)s to %(high)s), %(p)s, n = %(n)d: %(verdict)s",
        slope=_signed(trend.slope_per_week, language),
        low=_signed(trend.ci_low_per_week or 0.0, language),
        high=_signed(trend.ci_high_per_week or 0.0, language),
        p=p_text,
        n=trend.nights,
        verdict=verdict,
    )


def _helped(summary: Summary, t: Translator) -> str:
    parts = [
        # The same in every language: "stretching 3/5 (60 %)".
        f"{t.gettext(MEASURES[item.measure])} {item.helped}/{item.tried} "
        f"({format_percent(item.share or 0.0, locale=t.language)})"
        for item in summary.what_helped
        if item.tried
    ]
    return "; ".join(parts) if parts else t.gettext("nothing recorded")
