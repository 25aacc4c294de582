"""Figures and trends of a diary: pure functions of its entries (no I/O, no clock).

- **Nights with symptoms per week** over the last 4 and 12 weeks. A night
  without an entry is *unknown*, not a night without symptoms, so each window
  reports the count of symptom nights and of recorded nights, the rate among
  recorded nights (``nights_per_week`` = 7 * symptom nights / recorded nights,
  given from a minimum of recorded nights) and the range the true figure lies
  in whatever the unrecorded nights were.
- **Severity trend** of the nights with symptoms over the last 12 weeks:
  Theil-Sen slope (median of the pairwise slopes, per week) with the
  distribution-free confidence interval from Kendall's statistic (Sen 1968),
  and the Mann-Kendall test (S, its variance corrected for ties, z with the
  continuity correction, two-sided p).
- **Regular**, **worsening**, **sleep disturbance** and **what helped**, by
  the rules and numbers of :mod:`nightlegs.diary.thresholds`.

docs/diary.md describes every figure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from pydantic import Field

from nightlegs.diary.model import MEASURES, Entry, Measure
from nightlegs.diary.thresholds import THRESHOLDS, Thresholds
from nightlegs.diary.trend_statistics import (
    Figures,
    MannKendall,
    TheilSen,
    mann_kendall,
    theil_sen,
)

__all__ = [
    "Helped",
    "MannKendall",
    "SeverityTrend",
    "Summary",
    "TheilSen",
    "WeekFigures",
    "WindowFigures",
    "mann_kendall",
    "summarise",
    "theil_sen",
    "window",
]


class WindowFigures(Figures):
    """Nights of one window (the ``days`` nights ending at ``end``)."""

    start: dt.date
    end: dt.date
    days: int
    recorded_nights: int = Field(description="nights with an entry")
    symptom_nights: int = Field(description="recorded nights with symptoms")
    nights_per_week: float | None = Field(
        description=(
            "7 * symptom nights / recorded nights: the rate among recorded nights; null "
            "below the minimum of recorded nights"
        )
    )
    nights_per_week_low: float = Field(
        description="7 * symptom nights / days: if every unrecorded night had no symptoms"
    )
    nights_per_week_high: float = Field(
        description=(
            "7 * (symptom + unrecorded nights) / days: if every unrecorded night had symptoms"
        )
    )
    awake_nights: int = Field(description="recorded nights with time awake because of the legs")
    awake_nights_per_week: float | None = Field(
        description="7 * awake nights / recorded nights; null below the minimum"
    )
    mean_severity: float | None = Field(description="mean severity of the symptom nights")


class SeverityTrend(Figures):
    """The severity of the symptom nights of the trend window, over time."""

    method: str = "Theil-Sen slope, Mann-Kendall test"
    start: dt.date
    end: dt.date
    nights: int = Field(description="symptom nights in the window (the series)")
    span_days: int = Field(description="days from the first to the last of them")
    enough_data: bool
    slope_per_week: float | None = Field(description="Theil-Sen slope, severity points a week")
    ci_low_per_week: float | None
    ci_high_per_week: float | None
    confidence: float
    mann_kendall: MannKendall | None
    worsening: bool | None = Field(description="null without enough data")


class WeekFigures(Figures):
    """One of the last 12 weeks (oldest first; the last ends on ``as_of``)."""

    start: dt.date
    end: dt.date
    recorded_nights: int
    symptom_nights: int
    mean_severity: float | None = Field(description="mean severity of its symptom nights")
    max_severity: int | None
    minutes_awake: int = Field(description="total minutes awake because of the legs")


class Helped(Figures):
    """How often a measure helped, over the symptom nights of the last 12 weeks."""

    measure: Measure
    tried: int = Field(description="symptom nights it was tried")
    helped: int = Field(description="of those, nights it helped")
    share: float | None = Field(description="helped / tried; null if never tried")


class Summary(Figures):
    """A diary's figures as of a date (docs/diary.md)."""

    as_of: dt.date = Field(description="the last night the windows cover")
    entries: int = Field(description="entries in the whole diary")
    first_date: dt.date | None
    last_date: dt.date | None
    nights_per_week_4w: float | None = Field(
        description=(
            "symptom nights per week over the last 4 weeks, as a rate among recorded "
            "nights (7 * symptom nights / recorded nights); null with fewer than 7 recorded"
        )
    )
    nights_per_week_12w: float | None = Field(
        description="the same over the last 12 weeks; null with fewer than 21 recorded"
    )
    regular: bool | None = Field(
        description="nights_per_week_4w ≥ 2 (the policy's 'regular'); null if not known"
    )
    worsening: bool | None = Field(
        description=(
            "Mann-Kendall p < 0.05 and a Theil-Sen slope above 0 for the severity of the "
            "symptom nights of the last 12 weeks; null without enough data"
        )
    )
    severity_slope: float | None = Field(description="Theil-Sen slope, severity points a week")
    severity_slope_ci_low: float | None = Field(description="95 % confidence interval, low end")
    severity_slope_ci_high: float | None = Field(description="95 % confidence interval, high end")
    severity_p_value: float | None = Field(description="Mann-Kendall two-sided p-value")
    sleep_disturbance: bool | None = Field(
        description=(
            "time awake because of the legs on at least 2 nights a week (rate among the "
            "recorded nights of the last 4 weeks); null if fewer than 7 recorded"
        )
    )
    last_4_weeks: WindowFigures
    last_12_weeks: WindowFigures
    severity_trend: SeverityTrend
    weeks: list[WeekFigures]
    what_helped: list[Helped]


def window(
    entries: Iterable[Entry],
    end: dt.date,
    days: int,
    min_recorded: int,
) -> WindowFigures:
    """The figures of the ``days`` nights ending at ``end`` (inclusive)."""
    start = end - dt.timedelta(days=days - 1)
    inside = [e for e in entries if start <= e.date <= end]
    recorded = len(inside)
    symptom = [e for e in inside if e.has_symptoms]
    awake = sum(1 for e in inside if e.minutes_awake > 0)
    enough = recorded >= min_recorded and recorded > 0
    return WindowFigures(
        start=start,
        end=end,
        days=days,
        recorded_nights=recorded,
        symptom_nights=len(symptom),
        nights_per_week=7 * len(symptom) / recorded if enough else None,
        nights_per_week_low=7 * len(symptom) / days,
        nights_per_week_high=7 * (len(symptom) + days - recorded) / days,
        awake_nights=awake,
        awake_nights_per_week=7 * awake / recorded if enough else None,
        mean_severity=_mean([e.severity for e in symptom]),
    )


def severity_trend(
    entries: Iterable[Entry], end: dt.date, thresholds: Thresholds = THRESHOLDS
) -> SeverityTrend:
    """The trend of the symptom nights' severity over the trend window ending at ``end``."""
    start = end - dt.timedelta(days=thresholds.trend_window_days - 1)
    series = sorted(
        (e for e in entries if start <= e.date <= end and e.has_symptoms), key=lambda e: e.date
    )
    span = (series[-1].date - series[0].date).days if series else 0
    enough = len(series) >= thresholds.trend_min_nights and span >= thresholds.trend_min_span_days
    common: dict[str, object] = {
        "start": start,
        "end": end,
        "nights": len(series),
        "span_days": span,
        "enough_data": enough,
        "confidence": thresholds.slope_confidence,
    }
    if not enough:
        return SeverityTrend.model_validate(
            {
                **common,
                "slope_per_week": None,
                "ci_low_per_week": None,
                "ci_high_per_week": None,
                "mann_kendall": None,
                "worsening": None,
            }
        )
    xs = [float((e.date - start).days) for e in series]
    ys = [float(e.severity) for e in series]
    test = mann_kendall(ys)
    line = theil_sen(xs, ys, thresholds.slope_confidence)
    return SeverityTrend.model_validate(
        {
            **common,
            "slope_per_week": 7 * line.slope,
            "ci_low_per_week": 7 * line.ci_low,
            "ci_high_per_week": 7 * line.ci_high,
            "mann_kendall": test,
            "worsening": test.p_value < thresholds.trend_alpha and line.slope > 0,
        }
    )


def weeks(entries: Iterable[Entry], end: dt.date, count: int) -> list[WeekFigures]:
    """The ``count`` weeks ending at ``end``, oldest first."""
    listed = list(entries)
    result = []
    for back in range(count - 1, -1, -1):
        last = end - dt.timedelta(days=7 * back)
        first = last - dt.timedelta(days=6)
        inside = [e for e in listed if first <= e.date <= last]
        severities = [e.severity for e in inside if e.has_symptoms]
        result.append(
            WeekFigures(
                start=first,
                end=last,
                recorded_nights=len(inside),
                symptom_nights=len(severities),
                mean_severity=_mean(severities),
                max_severity=max(severities) if severities else None,
                minutes_awake=sum(e.minutes_awake for e in inside),
            )
        )
    return result


def what_helped(entries: Iterable[Entry]) -> list[Helped]:
    """Per measure (in the fixed order): symptom nights tried, nights it helped, the share."""
    tried: Counter[str] = Counter()
    helped: Counter[str] = Counter()
    for entry in entries:
        if not entry.has_symptoms:
            continue
        for item in entry.tried:
            tried[item.measure] += 1
            helped[item.measure] += item.helped
    return [
        Helped.model_validate(
            {
                "measure": measure,
                "tried": tried[measure],
                "helped": helped[measure],
                "share": helped[measure] / tried[measure] if tried[measure] else None,
            }
        )
        for measure in MEASURES
    ]


def summarise(
    entries: Iterable[Entry], as_of: dt.date, thresholds: Thresholds = THRESHOLDS
) -> Summary:
    """Every figure of the diary as of the night ``as_of``; later entries are left out.

    Raises ``ValueError`` if two entries share a date.
    """
    listed = sorted(entries, key=lambda e: e.date)
    dates = [e.date for e in listed]
    if len(set(dates)) != len(dates):
        raise ValueError("two entries for the same night")
    counted = [e for e in listed if e.date <= as_of]
    short = window(counted, as_of, thresholds.short_window_days, thresholds.min_recorded_short)
    long = window(counted, as_of, thresholds.long_window_days, thresholds.min_recorded_long)
    trend = severity_trend(counted, as_of, thresholds)
    long_start = as_of - dt.timedelta(days=thresholds.long_window_days - 1)
    rate = short.nights_per_week
    awake = short.awake_nights_per_week
    return Summary(
        as_of=as_of,
        entries=len(listed),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        nights_per_week_4w=rate,
        nights_per_week_12w=long.nights_per_week,
        regular=None if rate is None else rate >= thresholds.regular_nights_per_week,
        worsening=trend.worsening,
        severity_slope=trend.slope_per_week,
        severity_slope_ci_low=trend.ci_low_per_week,
        severity_slope_ci_high=trend.ci_high_per_week,
        severity_p_value=trend.mann_kendall.p_value if trend.mann_kendall else None,
        sleep_disturbance=None if awake is None else awake >= thresholds.awake_nights_per_week,
        last_4_weeks=short,
        last_12_weeks=long,
        severity_trend=trend,
        weeks=weeks(counted, as_of, thresholds.long_window_days // 7),
        what_helped=what_helped(e for e in counted if e.date >= long_start),
    )


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None
