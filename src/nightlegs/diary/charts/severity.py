"""The severity chart: the severity of each night with symptoms over the trend window
(12 weeks), with the Theil-Sen trend line when there is enough data for one.

With the diary's ``entries``: one point per night. Without them: each week's mean
severity, with a line up to its worst, and the summary's slope. The time axis starts at
the first recorded night when that is inside the window, not at an empty stretch
before it."""

# ruff: noqa: RUF001 - en dashes in ranges and names (Theil-Sen) are meant

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

from nightlegs.diary.charts.formats import decimal, short_date, week_label
from nightlegs.diary.charts.svg import (
    CHAR_WIDTH,
    LEFT,
    PLOT_H,
    PLOT_W,
    POINT,
    TOP,
    TREND,
    Chart,
    Legend,
    Svg,
    clip,
)
from nightlegs.diary.model import MAX_SEVERITY, Entry
from nightlegs.diary.night_names import night_dates
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import SeverityTrend, Summary, theil_sen
from nightlegs.i18n import Translator, translator

#: A trend line from (day, severity) to (day, severity), days counted from the window's start.
Line = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class _Frame:
    """The plot's scales: days from ``start`` across, severity up."""

    start: dt.date
    days: int

    def x(self, day: float) -> float:
        return LEFT + 8 + day / self.days * (PLOT_W - 16)

    def y(self, severity: float) -> float:
        return TOP + PLOT_H - severity / MAX_SEVERITY * PLOT_H


@dataclass(frozen=True, slots=True)
class _Drawn:
    """What the points drawn leave for the rest of the chart."""

    headers: list[str]
    rows: list[list[str]]
    empty: bool
    line: Line | None


def severity_chart(
    summary: Summary,
    language: str,
    *,
    entries: Iterable[Entry] | None = None,
    id_prefix: str = "chart-severity",
) -> Chart:
    """Severity of the nights with symptoms over the trend window, with the trend line.

    With ``entries`` (the diary's; those outside the window are left out): one
    point per night with symptoms and the Theil-Sen line through them. Without:
    each week's mean severity (a line up to its worst) and the summary's slope.
    """
    t = translator(language)
    trend = summary.severity_trend
    nights = None if entries is None else _symptom_nights(entries, trend.start, trend.end)
    title = t.gettext("Severity of nights with symptoms, last 12 weeks")
    description = severity_description(summary, nights, t)
    start = max(trend.start, summary.first_date or trend.start)
    frame = _Frame(start, (trend.end - start).days or 1)
    svg = Svg(id_prefix, "severity", title, description)
    _axes(svg, frame, language)
    legend = Legend(svg)
    if nights is not None:
        drawn = _night_points(svg, legend, frame, nights, trend, t)
    else:
        drawn = _week_points(svg, legend, frame, summary, t)
    if drawn.line is not None:
        x1, y1, x2, y2 = drawn.line
        svg.line(frame.x(x1), frame.y(clip(y1)), frame.x(x2), frame.y(clip(y2)), TREND, 2.5)
        legend.solid(t.gettext("trend line"), TREND)
    if drawn.empty:
        svg.empty(t.gettext("No nights with symptoms"))
    return Chart(svg.render(), title, description, drawn.headers, drawn.rows)


def _symptom_nights(entries: Iterable[Entry], start: dt.date, end: dt.date) -> list[Entry]:
    return sorted(
        (e for e in entries if start <= e.date <= end and e.has_symptoms), key=lambda e: e.date
    )


def _axes(svg: Svg, frame: _Frame, language: str) -> None:
    """The severity grid, a date every so many weeks back from the last day (as many as
    have room), the x axis."""
    svg.grid(range(0, MAX_SEVERITY + 1, 2), frame.y)
    room = len(short_date(frame.start, language)) * CHAR_WIDTH + 16
    weeks = max(1, math.ceil(room / (PLOT_W - 16) * frame.days / 7))
    for back in range(0, frame.days + 1, 7 * weeks):
        day = frame.days - back
        svg.x_label(frame.x(day), short_date(frame.start + dt.timedelta(days=day), language))
    svg.x_axis()


def _night_points(
    svg: Svg,
    legend: Legend,
    frame: _Frame,
    nights: Sequence[Entry],
    trend: SeverityTrend,
    t: Translator,
) -> _Drawn:
    """One point per night with symptoms, and the Theil-Sen line through them."""
    language = t.language
    for entry in nights:
        day = (entry.date - frame.start).days
        tooltip = f"{night_dates(entry.date, language)}: {entry.severity}"
        svg.circle(frame.x(day), frame.y(entry.severity), 4.5, POINT, tooltip=tooltip)
    legend.dot(t.gettext("a night with symptoms"), POINT)
    line: Line | None = None
    if trend.enough_data and len({e.date for e in nights}) >= 2:
        xs = [float((e.date - frame.start).days) for e in nights]
        fitted = theil_sen(xs, [float(e.severity) for e in nights], trend.confidence)
        first, last = xs[0], xs[-1]
        line = (
            first,
            fitted.intercept + fitted.slope * first,
            last,
            fitted.intercept + fitted.slope * last,
        )
    headers = [t.gettext("Night"), t.gettext("Severity (0–10)")]
    rows = [[night_dates(e.date, language), str(e.severity)] for e in nights]
    return _Drawn(headers, rows, not nights, line)


def _week_points(
    svg: Svg, legend: Legend, frame: _Frame, summary: Summary, t: Translator
) -> _Drawn:
    """Each week's mean severity with a line up to its worst, and the summary's slope."""
    language = t.language
    points: list[tuple[float, float]] = []
    for week in summary.weeks:
        if week.mean_severity is None or week.max_severity is None:
            continue
        middle = max((week.start - frame.start).days + 3.0, 0.0)
        points.append((middle, week.mean_severity))
        label = f"{week_label(week.start, week.end, language)}: "
        label += f"{decimal(week.mean_severity, language)} / {week.max_severity}"
        x = frame.x(middle)
        svg.line(x, frame.y(week.mean_severity), x, frame.y(week.max_severity), POINT, 2)
        svg.circle(x, frame.y(week.mean_severity), 4.5, POINT, tooltip=label)
    legend.dot(t.gettext("week's mean (line up to its worst)"), POINT)
    trend = summary.severity_trend
    line: Line | None = None
    if trend.enough_data and trend.slope_per_week is not None and points:
        # The summary's slope through the weekly means (the level is approximate:
        # the exact Theil-Sen intercept needs the nights themselves).
        slope = trend.slope_per_week / 7
        intercept = median(y - slope * x for x, y in points)
        first, last = points[0][0], points[-1][0]
        line = (first, intercept + slope * first, last, intercept + slope * last)
    headers = [
        t.gettext("Week"),
        t.gettext("Nights with symptoms"),
        t.gettext("Mean severity"),
        t.gettext("Worst severity"),
    ]
    rows = [
        [
            week_label(w.start, w.end, language),
            str(w.symptom_nights),
            decimal(w.mean_severity, language) if w.mean_severity is not None else "–",
            str(w.max_severity) if w.max_severity is not None else "–",
        ]
        for w in summary.weeks
    ]
    return _Drawn(headers, rows, not points, line)


def severity_description(summary: Summary, nights: Sequence[Entry] | None, t: Translator) -> str:
    """The severity chart in words: the nights and their severity, then the trend."""
    if summary.severity_trend.nights == 0:
        return t.gettext("No nights with symptoms in the last 12 weeks.")
    spread = _spread(summary, nights, t)
    trend = _trend_sentence(summary.severity_trend, t)
    return trend if spread is None else f"{spread} {trend}"


def _spread(summary: Summary, nights: Sequence[Entry] | None, t: Translator) -> str | None:
    language = t.language
    if nights:
        severities = [e.severity for e in nights]
        low, high = min(severities), max(severities)
        spread = str(low) if low == high else t.gettext("%(low)d to %(high)d", low=low, high=high)
        return t.gettext(
            "Nights with symptoms in the last 12 weeks: %(nights)d; severity %(range)s out of 10 "
            "(mean %(mean)s).",
            nights=len(severities),
            range=spread,
            mean=decimal(sum(severities) / len(severities), language),
        )
    worst = [w.max_severity for w in summary.weeks if w.max_severity is not None]
    mean = summary.last_12_weeks.mean_severity
    if not worst or mean is None:
        return None
    return t.gettext(
        "Nights with symptoms in the last 12 weeks: %(nights)d; worst severity %(high)d "
        "out of 10 (mean %(mean)s).",
        nights=summary.severity_trend.nights,
        high=max(worst),
        mean=decimal(mean, language),
    )


def _trend_sentence(trend: SeverityTrend, t: Translator) -> str:
    language = t.language
    slope = trend.slope_per_week
    if not trend.enough_data or slope is None:
        return t.gettext(
            "Too few nights for a trend: at least %(nights)d nights with symptoms over "
            "%(weeks)d weeks are needed.",
            nights=THRESHOLDS.trend_min_nights,
            weeks=THRESHOLDS.trend_min_span_days // 7,
        )
    if round(abs(slope), 1) == 0:
        sentence = t.gettext(
            "Severity about level: %(slope)s points a week", slope=decimal(slope, language)
        )
    elif slope > 0:
        sentence = t.gettext(
            "Severity rising about %(slope)s points a week", slope=decimal(slope, language)
        )
    else:
        sentence = t.gettext(
            "Severity falling about %(slope)s points a week", slope=decimal(-slope, language)
        )
    if trend.ci_low_per_week is not None and trend.ci_high_per_week is not None:
        interval = t.gettext(
            "95 %% interval %(low)s to %(high)s",
            low=decimal(trend.ci_low_per_week, language),
            high=decimal(trend.ci_high_per_week, language),
        )
        sentence += f" ({interval})"
    if trend.mann_kendall is not None:
        p = trend.mann_kendall.p_value
        shown = f"< {decimal(0.001, language, 3)}" if p < 0.001 else f"= {decimal(p, language, 3)}"
        if p < THRESHOLDS.trend_alpha:
            sentence += "; " + t.gettext("a clear change (Mann–Kendall p %(p)s)", p=shown)
        else:
            sentence += "; " + t.gettext("could be chance (Mann–Kendall p %(p)s)", p=shown)
    return sentence + "."
