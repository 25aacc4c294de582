"""The night diary's part of the doctor's report: its figures and its two charts.

Pure code (no WeasyPrint): :func:`diary_section` turns a diary's summary (and,
for one point per night in the severity chart, its entries) into what
``templates/report.html`` lays out when the report is made from a shared
diary. The charts are the pages' own (:mod:`nightlegs.diary.charts`), inline SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from nightlegs.diary import charts
from nightlegs.diary.model import Entry
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, WindowFigures
from nightlegs.report.labels import label

__all__ = ["DiaryChart", "DiarySection", "diary_section"]


@dataclass(frozen=True, slots=True)
class DiaryChart:
    title: str
    svg: str


@dataclass(frozen=True, slots=True)
class DiarySection:
    figures: tuple[tuple[str, str], ...]
    charts: tuple[DiaryChart, ...]


def _number(value: float, language: str) -> str:
    return format_decimal(round(value, 1), locale=language)


def _signed(value: float, language: str) -> str:
    text = _number(abs(value), language)
    return ("+" if value > 0 else "\u2212" if value < 0 else "") + text


def _window(figures: WindowFigures, language: str) -> str:
    counts = label(
        "diary_counts",
        language,
        recorded=figures.recorded_nights,
        days=figures.days,
        symptom=figures.symptom_nights,
    )
    if figures.nights_per_week is None:
        return f"{label('diary_not_enough', language)} ({counts})"
    bounds = label(
        "diary_bounds",
        language,
        low=_number(figures.nights_per_week_low, language),
        high=_number(figures.nights_per_week_high, language),
    )
    return f"{_number(figures.nights_per_week, language)} ({counts}; {bounds})"


def _yes_no(value: bool | None, language: str) -> str:
    if value is None:
        return label("diary_not_enough", language)
    return label("diary_yes" if value else "diary_no", language)


def _trend(summary: Summary, language: str) -> str:
    trend = summary.severity_trend
    if not trend.enough_data or trend.mann_kendall is None or trend.slope_per_week is None:
        return label(
            "diary_trend_unknown",
            language,
            nights=trend.nights,
            min=THRESHOLDS.trend_min_nights,
            span=THRESHOLDS.trend_min_span_days,
        )
    p = trend.mann_kendall.p_value
    p_text = (
        "p < " + format_decimal(0.001, locale=language)
        if p < 0.001
        else "p = " + format_decimal(round(p, 3), locale=language)
    )
    verdict = label("diary_worsening" if trend.worsening else "diary_not_worsening", language)
    return label(
        "diary_trend",
        language,
        slope=_signed(trend.slope_per_week, language),
        low=_signed(trend.ci_low_per_week or 0.0, language),
        high=_signed(trend.ci_high_per_week or 0.0, language),
        p=p_text,
        n=trend.nights,
        verdict=verdict,
    )


def _helped(summary: Summary, language: str) -> str:
    parts = [
        label(
            "diary_helped_item",
            language,
            measure=label(f"measure_{item.measure}", language),
            helped=item.helped,
            tried=item.tried,
            share=format_percent(item.share or 0.0, locale=language),
        )
        for item in summary.what_helped
        if item.tried
    ]
    return "; ".join(parts) if parts else label("diary_nothing_tried", language)


def diary_section(
    summary: Summary, language: str, entries: Sequence[Entry] | None = None
) -> DiarySection:
    """The diary's figures (label, value) and charts, in ``language``."""
    period = "—"
    if summary.first_date and summary.last_date:
        period = label(
            "diary_period",
            language,
            n=summary.entries,
            first=format_date(summary.first_date, format="medium", locale=language),
            last=format_date(summary.last_date, format="medium", locale=language),
        )
    awake = summary.last_4_weeks.awake_nights_per_week
    sleep = _yes_no(summary.sleep_disturbance, language)
    if awake is not None:
        sleep = f"{sleep} ({_number(awake, language)})"
    figures = (
        (label("diary_entries", language), period),
        (label("diary_rate_4w", language), _window(summary.last_4_weeks, language)),
        (label("diary_rate_12w", language), _window(summary.last_12_weeks, language)),
        (
            label(
                "diary_regular",
                language,
                n=_number(THRESHOLDS.regular_nights_per_week, language),
            ),
            _yes_no(summary.regular, language),
        ),
        (label("diary_severity_trend", language), _trend(summary, language)),
        (label("diary_sleep", language), sleep),
        (label("diary_helped", language), _helped(summary, language)),
    )
    drawn = (
        charts.nights_chart(summary, language, id_prefix="report-nights"),
        charts.severity_chart(summary, language, entries=entries, id_prefix="report-severity"),
    )
    return DiarySection(
        figures=figures,
        charts=tuple(DiaryChart(chart.title, chart.svg) for chart in drawn),
    )
