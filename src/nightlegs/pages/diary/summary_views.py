"""View models of the diary page: the figures of the last weeks, the trend, what helped,
the charts and the recent nights.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from babel.numbers import format_percent
from markupsafe import Markup

from nightlegs.diary import charts
from nightlegs.diary import medicines as diary_medicines
from nightlegs.diary.model import Entry
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, WindowFigures
from nightlegs.engine import Assessment
from nightlegs.i18n import Translator, format_number
from nightlegs.pages.diary.words import (
    MEASURE_LABELS,
    SYMPTOM_LABELS,
    TRIGGER_LABELS,
    long_date,
    night_label,
    number,
    signed,
)
from nightlegs.pages.results.views import LIKELIHOOD_LABELS
from nightlegs.services.interviews import EMERGENCY_LEVELS


@dataclass(frozen=True, slots=True)
class WindowView:
    weeks: int
    days: int
    rate: str | None
    recorded: int
    symptom: int
    low: str
    high: str
    min_recorded: int


@dataclass(frozen=True, slots=True)
class TrendView:
    state: Literal["worse", "better", "steady", "unknown"]
    slope: str | None
    low: str | None
    high: str | None
    p_value: str | None
    alpha: str
    nights: int
    span_days: int
    min_nights: int
    min_span_days: int


@dataclass(frozen=True, slots=True)
class HelpedView:
    measure: str
    name: str
    tried: int
    helped: int
    share: str


@dataclass(frozen=True, slots=True)
class SummaryView:
    entries: int
    first: str | None
    last: str | None
    short: WindowView
    long: WindowView
    regular: bool | None
    regular_threshold: str
    sleep: bool | None
    awake: str | None
    helped: list[HelpedView]
    trend: TrendView


def _window(figures: WindowFigures, minimum: int, language: str) -> WindowView:
    rate = figures.nights_per_week
    return WindowView(
        weeks=figures.days // 7,
        days=figures.days,
        rate=None if rate is None else number(rate, language),
        recorded=figures.recorded_nights,
        symptom=figures.symptom_nights,
        low=number(figures.nights_per_week_low, language),
        high=number(figures.nights_per_week_high, language),
        min_recorded=minimum,
    )


def summary_view(summary: Summary, t: Translator) -> SummaryView:
    language = t.language
    trend = summary.severity_trend
    state: Literal["worse", "better", "steady", "unknown"]
    if not trend.enough_data or trend.mann_kendall is None:
        state = "unknown"
    elif trend.worsening:
        state = "worse"
    elif (
        trend.mann_kendall.p_value < THRESHOLDS.trend_alpha
        and trend.slope_per_week is not None
        and trend.slope_per_week < 0
    ):
        state = "better"
    else:
        state = "steady"
    awake = summary.last_4_weeks.awake_nights_per_week
    return SummaryView(
        entries=summary.entries,
        first=long_date(summary.first_date, language) if summary.first_date else None,
        last=long_date(summary.last_date, language) if summary.last_date else None,
        short=_window(summary.last_4_weeks, THRESHOLDS.min_recorded_short, language),
        long=_window(summary.last_12_weeks, THRESHOLDS.min_recorded_long, language),
        regular=summary.regular,
        regular_threshold=number(THRESHOLDS.regular_nights_per_week, language),
        sleep=summary.sleep_disturbance,
        awake=None if awake is None else number(awake, language),
        helped=[
            HelpedView(
                measure=item.measure,
                name=t(MEASURE_LABELS[item.measure]),
                tried=item.tried,
                helped=item.helped,
                share=format_percent(item.share or 0.0, locale=language),
            )
            for item in summary.what_helped
            if item.tried
        ],
        trend=TrendView(
            state=state,
            slope=_maybe(trend.slope_per_week, language),
            low=_maybe(trend.ci_low_per_week, language),
            high=_maybe(trend.ci_high_per_week, language),
            p_value=(
                None
                if trend.mann_kendall is None
                else _p_value(trend.mann_kendall.p_value, language)
            ),
            alpha=format_number(THRESHOLDS.trend_alpha, language),
            nights=trend.nights,
            span_days=trend.span_days,
            min_nights=THRESHOLDS.trend_min_nights,
            min_span_days=THRESHOLDS.trend_min_span_days,
        ),
    )


def _maybe(value: float | None, language: str) -> str | None:
    return None if value is None else signed(value, language)


def _p_value(p: float, language: str) -> str:
    """``p = 0,003``, or ``p < 0,001``."""
    if p < 0.001:
        return "p < " + format_number(0.001, language)
    return "p = " + format_number(round(p, 3), language)


@dataclass(frozen=True, slots=True)
class ChartView:
    kind: Literal["nights", "severity"]
    svg: Markup
    title: str
    description: str
    headers: list[str]
    rows: list[list[str]]


def chart_views(summary: Summary, entries: Sequence[Entry], language: str) -> list[ChartView]:
    """The nights chart and the severity chart (server-drawn SVG with their tables)."""
    drawn: list[tuple[Literal["nights", "severity"], charts.Chart]] = [
        ("nights", charts.nights_chart(summary, language)),
        ("severity", charts.severity_chart(summary, language, entries=entries)),
    ]
    return [
        ChartView(
            kind=kind,
            # The SVG is ours, drawn from numbers and escaped labels (diary/charts.py).
            svg=Markup(chart.svg),
            title=chart.title,
            description=chart.description,
            headers=list(chart.table_headers),
            rows=[list(row) for row in chart.table_rows],
        )
        for kind, chart in drawn
    ]


@dataclass(frozen=True, slots=True)
class NightView:
    date: str
    label: str
    recorded: bool
    symptoms: list[str] = field(default_factory=list)
    episodes: int = 0
    severity: int = 0
    minutes_awake: int = 0
    triggers: list[str] = field(default_factory=list)
    tried: list[tuple[str, bool]] = field(default_factory=list)
    note: str = ""
    #: The medicines noted, by their INN in the page's language ("Фуросемід").
    medicines: list[str] = field(default_factory=list)


def night_view(entry: Entry, t: Translator, today: dt.date) -> NightView:
    return NightView(
        date=entry.date.isoformat(),
        label=night_label(entry.date, t.language, today),
        recorded=True,
        symptoms=[t(SYMPTOM_LABELS[s]) for s in entry.symptoms],
        episodes=entry.episodes,
        severity=entry.severity,
        minutes_awake=entry.minutes_awake,
        triggers=[t(TRIGGER_LABELS[s]) for s in entry.triggers],
        tried=[(t(MEASURE_LABELS[item.measure]), item.helped) for item in entry.tried],
        note=entry.note,
        medicines=[diary_medicines.name(m, t.language) for m in entry.medicines],
    )


def recent_nights(
    entries: Sequence[Entry], newest: dt.date, count: int, t: Translator, today: dt.date
) -> list[NightView]:
    """The ``count`` nights ending at ``newest``, newest first, recorded or not."""
    by_date = {entry.date: entry for entry in entries}
    nights = []
    for back in range(count):
        day = newest - dt.timedelta(days=back)
        entry = by_date.get(day)
        if entry is not None:
            nights.append(night_view(entry, t, today))
        else:
            label = night_label(day, t.language, today)
            nights.append(NightView(date=day.isoformat(), label=label, recorded=False))
    return nights


def assessment_view(assessment: Assessment, t: Translator) -> dict[str, Any]:
    return {
        "a": assessment,
        "emergency": assessment.triage.level in EMERGENCY_LEVELS,
        "conditions": [
            {
                "id": c.id,
                "name": c.name,
                "likelihood": c.likelihood,
                "likelihood_label": t(LIKELIHOOD_LABELS[c.likelihood]),
                "icd10": c.codes.get("icd10", ""),
                "icd10cm": c.codes.get("icd10cm", ""),
            }
            for c in assessment.conditions
        ],
    }
