"""View models of the night diary's pages: what each shows, in the page's language.

Numbers are formatted here (``2,5`` in uk and ru); the sentences around them
live in the templates (``templates/diary/``), where plural forms are chosen.
The names of symptoms, triggers and measures come from the catalogues.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_percent
from markupsafe import Markup

from nightlegs.diary import charts
from nightlegs.diary.model import MAX_NOTE_LENGTH, MEASURES, SYMPTOMS, TRIGGERS, Entry
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, WindowFigures
from nightlegs.i18n import N_, Translator, format_number
from nightlegs.pages.diary_forms import LIMITS, EntryRaw, Field, Problem
from nightlegs.services.sharing import ShareInfo

__all__ = [
    "MEASURE_LABELS",
    "SYMPTOM_LABELS",
    "TRIGGER_LABELS",
    "ChartView",
    "EntryForm",
    "NightView",
    "ShareRow",
    "SummaryView",
    "chart_views",
    "entry_form",
    "night_view",
    "recent_nights",
    "share_rows",
    "summary_view",
]

SYMPTOM_LABELS: Mapping[str, str] = {
    "cramp": N_("Cramp"),
    "urge_to_move": N_("Urge to move the legs"),
    "pain_burning": N_("Pain or burning"),
    "heaviness_swelling": N_("Heaviness or swelling"),
}
TRIGGER_LABELS: Mapping[str, str] = {
    "caffeine": N_("Coffee or strong tea"),
    "alcohol": N_("Alcohol"),
    "long_sitting_standing": N_("Long sitting or standing"),
    "unusual_exertion": N_("Unusual physical effort"),
    "new_medicine": N_("A new medicine"),
}
MEASURE_LABELS: Mapping[str, str] = {
    "stretching": N_("Stretching"),
    "walking": N_("Walking"),
    "warmth_massage": N_("Warmth or massage"),
    "leg_elevation": N_("Raising the legs"),
    "compression": N_("Compression stockings"),
    "medicine": N_("A medicine"),
}
PROBLEM_MESSAGES: Mapping[Problem, str] = {
    "symptoms_missing": N_("Please tick what happened, or “No symptoms”."),
    "symptoms_both": N_("Please tick either the symptoms or “No symptoms”, not both."),
    "episodes": N_("Please enter a whole number from 0 to %(max)d."),
    "severity": N_("Please enter a whole number from 0 to %(max)d."),
    "minutes_awake": N_("Please enter a whole number from 0 to %(max)d."),
    "note_long": N_("The note is too long: at most %(max)d characters, please."),
    "note_characters": N_("The note holds characters that cannot be saved. Please retype it."),
    "invalid": N_("Something in the form could not be saved. Please check it."),
}
FIELD_LABELS: Mapping[Field, str] = {
    "symptoms": N_("What happened"),
    "episodes": N_("How many times"),
    "severity": N_("How bad at its worst"),
    "minutes_awake": N_("Minutes awake because of the legs"),
    "note": N_("Note"),
    "form": N_("The form"),
}
#: Where each problem's link in the error summary leads.
FIELD_ANCHORS: Mapping[Field, str] = {
    "symptoms": "symptom-cramp",
    "episodes": "episodes",
    "severity": "severity",
    "minutes_awake": "minutes_awake",
    "note": "note",
    "form": "entry-form",
}


# --- numbers and dates ------------------------------------------------------------


def number(value: float, language: str, places: int = 1) -> str:
    """A number rounded to ``places`` decimals, as written in the language."""
    return format_number(round(value, places), language)


def signed(value: float, language: str) -> str:
    """``+0,4`` / ``-0,4`` (with a minus sign) / ``0``: a change, with its sign."""
    rounded = round(value, 1)
    text = format_number(abs(rounded), language)
    if rounded > 0:
        return "+" + text
    if rounded < 0:
        return "\u2212" + text
    return text


def short_date(day: dt.date, language: str) -> str:
    """``Mon, Nov 23`` / ``пн, 23 листопада``."""
    return format_skeleton("MMMMEd", day, locale=language)


def long_date(day: dt.date, language: str) -> str:
    return format_date(day, format="long", locale=language)


def moment(when: dt.datetime, language: str) -> str:
    """A time of the server (UTC) with its date: ``Nov 23, 2026 14:05 UTC``."""
    utc = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    day = format_date(utc.date(), format="medium", locale=language)
    return f"{day} {format_time(utc.time(), format='short', locale=language)} UTC"


# --- the summary ------------------------------------------------------------------


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


# --- charts -----------------------------------------------------------------------


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


# --- nights -----------------------------------------------------------------------


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


def night_view(entry: Entry, t: Translator) -> NightView:
    return NightView(
        date=entry.date.isoformat(),
        label=short_date(entry.date, t.language),
        recorded=True,
        symptoms=[t(SYMPTOM_LABELS[s]) for s in entry.symptoms],
        episodes=entry.episodes,
        severity=entry.severity,
        minutes_awake=entry.minutes_awake,
        triggers=[t(TRIGGER_LABELS[s]) for s in entry.triggers],
        tried=[(t(MEASURE_LABELS[item.measure]), item.helped) for item in entry.tried],
        note=entry.note,
    )


def recent_nights(
    entries: Sequence[Entry], newest: dt.date, count: int, t: Translator
) -> list[NightView]:
    """The ``count`` nights ending at ``newest``, newest first, recorded or not."""
    by_date = {entry.date: entry for entry in entries}
    nights = []
    for back in range(count):
        day = newest - dt.timedelta(days=back)
        entry = by_date.get(day)
        if entry is not None:
            nights.append(night_view(entry, t))
        else:
            nights.append(
                NightView(date=day.isoformat(), label=short_date(day, t.language), recorded=False)
            )
    return nights


# --- the entry form ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Box:
    """A checkbox: its value, label and whether it is ticked."""

    value: str
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class MeasureBox:
    value: str
    label: str
    tried: bool
    helped: bool


@dataclass(frozen=True, slots=True)
class ProblemView:
    field: Field
    anchor: str
    label: str
    message: str


@dataclass(frozen=True, slots=True)
class EntryForm:
    date: str
    label: str
    symptoms: list[Box]
    no_symptoms: bool
    episodes: str
    severity: str
    minutes_awake: str
    triggers: list[Box]
    measures: list[MeasureBox]
    note: str
    problems: list[ProblemView]
    errors: dict[str, str]
    limits: Mapping[str, int]
    note_limit: int
    stored: bool


def entry_form(
    night: dt.date,
    raw: EntryRaw,
    t: Translator,
    *,
    problems: Mapping[Field, Problem] | None = None,
    stored: bool = False,
) -> EntryForm:
    listed = []
    errors: dict[str, str] = dict.fromkeys(FIELD_ANCHORS, "")
    for name, problem in (problems or {}).items():
        message = t(PROBLEM_MESSAGES[problem], max=LIMITS.get(name, MAX_NOTE_LENGTH))
        errors[name] = message
        listed.append(ProblemView(name, FIELD_ANCHORS[name], t(FIELD_LABELS[name]), message))
    return EntryForm(
        date=night.isoformat(),
        label=long_date(night, t.language),
        symptoms=[Box(s, t(SYMPTOM_LABELS[s]), s in raw.symptoms) for s in SYMPTOMS],
        no_symptoms=raw.no_symptoms,
        episodes=raw.episodes,
        severity=raw.severity or "0",
        minutes_awake=raw.minutes_awake,
        triggers=[Box(s, t(TRIGGER_LABELS[s]), s in raw.triggers) for s in TRIGGERS],
        measures=[
            MeasureBox(m, t(MEASURE_LABELS[m]), m in raw.tried, m in raw.helped) for m in MEASURES
        ],
        note=raw.note,
        problems=listed,
        errors=errors,
        limits=LIMITS,
        note_limit=MAX_NOTE_LENGTH,
        stored=stored,
    )


# --- share links --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShareRow:
    id: str
    status: Literal["active", "revoked", "expired"]
    created: str
    expires: str
    revoked: str | None
    views: list[tuple[str, str]]


def share_rows(shares: Sequence[ShareInfo], t: Translator) -> list[ShareRow]:
    language = t.language
    rows = []
    for share in shares:
        status: Literal["active", "revoked", "expired"] = (
            "active" if share.active else "revoked" if share.revoked_at else "expired"
        )
        rows.append(
            ShareRow(
                id=share.id,
                status=status,
                created=moment(share.created_at, language),
                expires=moment(share.expires_at, language),
                revoked=moment(share.revoked_at, language) if share.revoked_at else None,
                views=[
                    (moment(view.viewed_at, language), view.user_agent or "")
                    for view in reversed(share.views)
                ],
            )
        )
    return rows
