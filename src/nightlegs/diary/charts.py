"""The diary's two charts, drawn on the server as SVG (pure; no I/O, no clock).

- :func:`nights_chart`: nights with symptoms per week over the last 12 weeks
  (bars), the nights recorded each week behind them, and a dashed line at the
  policy's "regular" threshold (:data:`THRESHOLDS.regular_nights_per_week`).
- :func:`severity_chart`: the severity of each night with symptoms over the
  trend window (12 weeks) with the Theil-Sen trend line when there is enough
  data for one. Pass the diary's ``entries`` for one point per night; without
  them the chart shows each week's mean and worst severity instead.

Each :class:`Chart` has a title, a description a screen-reader user can rely on
(the same facts as the picture, in words), and a data table with the same
numbers. The SVG is deterministic (same summary, same bytes), has
``role="img"`` with ``aria-labelledby`` pointing at its ``<title>`` and
``<desc>``, fixed colours with good contrast on its own white background, no
script, no external reference and no ``style`` attribute (presentation
attributes only, so a CSP of ``style-src 'self'`` holds). Labels in uk, ru, en.
"""

# ruff: noqa: RUF001 - Ukrainian and Russian labels are meant to contain Cyrillic letters

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from statistics import median

from babel.dates import format_date

from nightlegs.diary.model import MAX_SEVERITY, Entry
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, theil_sen

__all__ = ["Chart", "nights_chart", "severity_chart"]

# --- look ---------------------------------------------------------------------------

WIDTH = 640
HEIGHT = 300
LEFT = 44
RIGHT = 84
TOP = 44
BOTTOM = 40
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM

#: Colours, each at least 4.5:1 on white where it carries meaning (text, bars, points,
#: lines); the recorded-night outline and grid are helpers, their data is in the table.
BACKGROUND = "#ffffff"
INK = "#1a1a1a"
MUTED = "#4a5360"
GRID = "#d0d5dc"
RECORDED_FILL = "#eef1f5"
RECORDED_STROKE = "#5b6573"
BAR = "#1f5fa8"
REGULAR = "#a4261c"
POINT = "#1f5fa8"
TREND = "#a4261c"
FONT = "sans-serif"


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart: the inline SVG, its title and description, and its data table."""

    svg: str
    title: str
    description: str
    table_headers: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)


# --- words --------------------------------------------------------------------------

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "nights_title": "Nights with symptoms per week, last 12 weeks",
        "severity_title": "Severity of nights with symptoms, last 12 weeks",
        "week": "Week",
        "night": "Night",
        "symptom_nights": "Nights with symptoms",
        "recorded_nights": "Nights recorded",
        "severity": "Severity (0–10)",
        "mean_severity": "Mean severity",
        "worst_severity": "Worst severity",
        "legend_symptoms": "nights with symptoms",
        "legend_recorded": "nights recorded",
        "legend_regular": "regular ({t}+ a week)",
        "legend_point": "a night with symptoms",
        "legend_week_point": "week's mean (line up to its worst)",
        "legend_trend": "trend (Theil–Sen)",
        "regular": "regular",
        "no_nights": "No nights recorded in the last 12 weeks.",
        "no_symptom_nights": "No nights with symptoms in the last 12 weeks.",
        "empty_nights": "No nights recorded",
        "empty_severity": "No nights with symptoms",
        "weeks_over": (
            "{k4} of the last 4 weeks had {t} or more nights with symptoms "
            "({k12} of the last 12 weeks)."
        ),
        "rate": (
            "Last 4 weeks: {rate} nights with symptoms a week among {recorded} recorded nights"
        ),
        "rate_regular": ", which counts as regular.",
        "rate_not_regular": ", which is below regular ({t} a week).",
        "rate_unknown": (
            "Too few nights recorded in the last 4 weeks for a weekly rate "
            "({recorded} of 28; at least {minimum} needed)."
        ),
        "severity_nights": (
            "Nights with symptoms in the last 12 weeks: {n}; severity {range} out of 10 "
            "(mean {mean})."
        ),
        "rising": "Severity rising about {slope} points a week",
        "falling": "Severity falling about {slope} points a week",
        "level": "Severity about level: {slope} points a week",
        "severity_weeks": (
            "Nights with symptoms in the last 12 weeks: {n}; worst severity {high} out of 10 "
            "(mean {mean})."
        ),
        "interval": "95 % interval {low} to {high}",
        "range": "{low} to {high}",
        "clear": "a clear change (Mann–Kendall p {p})",
        "chance": "could be chance (Mann–Kendall p {p})",
        "no_trend": (
            "Too few nights for a trend: at least {n} nights with symptoms over "
            "{weeks} weeks are needed."
        ),
    },
    "uk": {
        "nights_title": "Ночі із симптомами за тиждень, останні 12 тижнів",
        "severity_title": "Тяжкість ночей із симптомами, останні 12 тижнів",
        "week": "Тиждень",
        "night": "Ніч",
        "symptom_nights": "Ночі із симптомами",
        "recorded_nights": "Записані ночі",
        "severity": "Тяжкість (0–10)",
        "mean_severity": "Середня тяжкість",
        "worst_severity": "Найбільша тяжкість",
        "legend_symptoms": "ночі із симптомами",
        "legend_recorded": "записані ночі",
        "legend_regular": "регулярно ({t}+ на тиждень)",
        "legend_point": "ніч із симптомами",
        "legend_week_point": "середнє за тиждень (лінія до найбільшої)",
        "legend_trend": "тренд (Тейла–Сена)",
        "regular": "регулярно",
        "no_nights": "За останні 12 тижнів немає записаних ночей.",
        "no_symptom_nights": "За останні 12 тижнів немає ночей із симптомами.",
        "empty_nights": "Немає записаних ночей",
        "empty_severity": "Немає ночей із симптомами",
        "weeks_over": (
            "Тижнів із {t} або більше ночами із симптомами: {k4} з останніх 4 "
            "({k12} з останніх 12)."
        ),
        "rate": (
            "За останні 4 тижні: {rate} ночі із симптомами на тиждень серед записаних ночей "
            "(записано: {recorded})"
        ),
        "rate_regular": ", тобто регулярно.",
        "rate_not_regular": ", тобто менше, ніж регулярно ({t} на тиждень).",
        "rate_unknown": (
            "За останні 4 тижні записано замало ночей для частоти на тиждень "
            "({recorded} з 28; потрібно щонайменше {minimum})."
        ),
        "severity_nights": (
            "Ночей із симптомами за останні 12 тижнів: {n}; тяжкість {range} з 10 "
            "(у середньому {mean})."
        ),
        "rising": "Тяжкість зростає приблизно на {slope} бала на тиждень",
        "falling": "Тяжкість знижується приблизно на {slope} бала на тиждень",
        "level": "Тяжкість майже не змінюється: {slope} бала на тиждень",
        "severity_weeks": (
            "Ночей із симптомами за останні 12 тижнів: {n}; найбільша тяжкість {high} з 10 "
            "(у середньому {mean})."
        ),
        "interval": "95 % інтервал: від {low} до {high}",
        "range": "від {low} до {high}",
        "clear": "зміна статистично значуща (тест Манна–Кендалла, p {p})",
        "chance": "це може бути випадковістю (тест Манна–Кендалла, p {p})",
        "no_trend": (
            "Замало ночей для тренду: потрібно щонайменше {n} ночей із симптомами за {weeks} тижні."
        ),
    },
    "ru": {
        "nights_title": "Ночи с симптомами за неделю, последние 12 недель",
        "severity_title": "Тяжесть ночей с симптомами, последние 12 недель",
        "week": "Неделя",
        "night": "Ночь",
        "symptom_nights": "Ночи с симптомами",
        "recorded_nights": "Записанные ночи",
        "severity": "Тяжесть (0–10)",
        "mean_severity": "Средняя тяжесть",
        "worst_severity": "Наибольшая тяжесть",
        "legend_symptoms": "ночи с симптомами",
        "legend_recorded": "записанные ночи",
        "legend_regular": "регулярно ({t}+ в неделю)",
        "legend_point": "ночь с симптомами",
        "legend_week_point": "среднее за неделю (линия до наибольшей)",
        "legend_trend": "тренд (Тейла–Сена)",
        "regular": "регулярно",
        "no_nights": "За последние 12 недель нет записанных ночей.",
        "no_symptom_nights": "За последние 12 недель нет ночей с симптомами.",
        "empty_nights": "Нет записанных ночей",
        "empty_severity": "Нет ночей с симптомами",
        "weeks_over": (
            "Недель с {t} или более ночами с симптомами: {k4} из последних 4 "
            "({k12} из последних 12)."
        ),
        "rate": (
            "За последние 4 недели: {rate} ночи с симптомами в неделю среди записанных ночей "
            "(записано: {recorded})"
        ),
        "rate_regular": ", то есть регулярно.",
        "rate_not_regular": ", то есть реже, чем регулярно ({t} в неделю).",
        "rate_unknown": (
            "За последние 4 недели записано слишком мало ночей для частоты в неделю "
            "({recorded} из 28; нужно не меньше {minimum})."
        ),
        "severity_nights": (
            "Ночей с симптомами за последние 12 недель: {n}; тяжесть {range} из 10 "
            "(в среднем {mean})."
        ),
        "rising": "Тяжесть растёт примерно на {slope} балла в неделю",
        "falling": "Тяжесть снижается примерно на {slope} балла в неделю",
        "level": "Тяжесть почти не меняется: {slope} балла в неделю",
        "severity_weeks": (
            "Ночей с симптомами за последние 12 недель: {n}; наибольшая тяжесть {high} из 10 "
            "(в среднем {mean})."
        ),
        "interval": "95 % интервал: от {low} до {high}",
        "range": "от {low} до {high}",
        "clear": "изменение статистически значимо (тест Манна–Кендалла, p {p})",
        "chance": "это может быть случайностью (тест Манна–Кендалла, p {p})",
        "no_trend": (
            "Слишком мало ночей для тренда: нужно не меньше {n} ночей с симптомами "
            "за {weeks} недели."
        ),
    },
}

LANGUAGES: tuple[str, ...] = tuple(_TEXTS)


def _texts(language: str) -> dict[str, str]:
    try:
        return _TEXTS[language]
    except KeyError:
        raise ValueError(f"unknown language {language!r}") from None


# --- the nights chart -------------------------------------------------------------


def nights_chart(summary: Summary, language: str, *, id_prefix: str = "chart-nights") -> Chart:
    """Nights with symptoms per week over the last 12 weeks, with the "regular" line."""
    texts = _texts(language)
    threshold = THRESHOLDS.regular_nights_per_week
    weeks = summary.weeks
    title = texts["nights_title"]
    description = _nights_description(summary, texts)
    headers = [texts["week"], texts["symptom_nights"], texts["recorded_nights"]]
    rows = [
        [_week_label(w.start, w.end, language), str(w.symptom_nights), str(w.recorded_nights)]
        for w in weeks
    ]

    svg = _Svg(id_prefix, "nights", title, description)
    top = 7.0

    def y_of(value: float) -> float:
        return TOP + PLOT_H - value / top * PLOT_H

    for tick in range(0, 8):
        y = y_of(tick)
        svg.line(LEFT, y, LEFT + PLOT_W, y, GRID, 1)
        svg.text(LEFT - 8, y + 4, str(tick), anchor="end", fill=MUTED)
    slot = PLOT_W / max(len(weeks), 1)
    bar = slot * 0.62
    for index, week in enumerate(weeks):
        x = LEFT + index * slot + (slot - bar) / 2
        label = f"{_week_label(week.start, week.end, language)}: {week.symptom_nights}/"
        label += f"{week.recorded_nights}"
        if week.recorded_nights:
            svg.rect(
                x,
                y_of(week.recorded_nights),
                bar,
                week.recorded_nights / top * PLOT_H,
                RECORDED_FILL,
                stroke=RECORDED_STROKE,
                tooltip=label,
            )
        if week.symptom_nights:
            svg.rect(
                x,
                y_of(week.symptom_nights),
                bar,
                week.symptom_nights / top * PLOT_H,
                BAR,
                tooltip=label,
            )
        if (len(weeks) - 1 - index) % 2 == 0:
            svg.text(
                LEFT + index * slot + slot / 2,
                TOP + PLOT_H + 18,
                _short_date(week.start, language),
                anchor="middle",
                fill=MUTED,
                size=11,
            )
    regular_y = y_of(threshold)
    svg.line(LEFT, regular_y, LEFT + PLOT_W, regular_y, REGULAR, 2, dashed=True)
    svg.text(LEFT + PLOT_W + 6, regular_y + 4, texts["regular"], fill=REGULAR, size=12)
    svg.line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, INK, 1)
    if not any(w.recorded_nights for w in weeks):
        svg.text(LEFT + PLOT_W / 2, TOP + PLOT_H / 2, texts["empty_nights"], anchor="middle")
    legend = _Legend(svg)
    legend.box(texts["legend_symptoms"], BAR)
    legend.box(texts["legend_recorded"], RECORDED_FILL, stroke=RECORDED_STROKE)
    legend.dash(texts["legend_regular"].format(t=_number(threshold, language)), REGULAR)
    return Chart(svg.render(), title, description, headers, rows)


def _nights_description(summary: Summary, texts: dict[str, str]) -> str:
    language = _language_of(texts)
    weeks = summary.weeks
    if not any(w.recorded_nights for w in weeks):
        return texts["no_nights"]
    threshold = THRESHOLDS.regular_nights_per_week
    t = _number(threshold, language)
    k4 = sum(1 for w in weeks[-4:] if w.symptom_nights >= threshold)
    k12 = sum(1 for w in weeks if w.symptom_nights >= threshold)
    parts = [texts["weeks_over"].format(k4=k4, k12=k12, t=t)]
    short = summary.last_4_weeks
    if summary.nights_per_week_4w is None:
        parts.append(
            texts["rate_unknown"].format(
                recorded=short.recorded_nights, minimum=THRESHOLDS.min_recorded_short
            )
        )
    else:
        sentence = texts["rate"].format(
            rate=_decimal(summary.nights_per_week_4w, language), recorded=short.recorded_nights
        )
        sentence += texts["rate_regular" if summary.regular else "rate_not_regular"].format(t=t)
        parts.append(sentence)
    return " ".join(parts)


# --- the severity chart -----------------------------------------------------------


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
    texts = _texts(language)
    trend = summary.severity_trend
    start, end = trend.start, trend.end
    nights = (
        sorted(
            (e for e in entries if start <= e.date <= end and e.has_symptoms),
            key=lambda e: e.date,
        )
        if entries is not None
        else None
    )
    title = texts["severity_title"]
    description = _severity_description(summary, nights, texts)
    days = (end - start).days or 1

    def x_of(day: float) -> float:
        return LEFT + 8 + day / days * (PLOT_W - 16)

    def y_of(value: float) -> float:
        return TOP + PLOT_H - value / MAX_SEVERITY * PLOT_H

    svg = _Svg(id_prefix, "severity", title, description)
    for tick in range(0, MAX_SEVERITY + 1, 2):
        y = y_of(tick)
        svg.line(LEFT, y, LEFT + PLOT_W, y, GRID, 1)
        svg.text(LEFT - 8, y + 4, str(tick), anchor="end", fill=MUTED)
    for back in range(0, days + 1, 14):
        day = days - back
        svg.text(
            x_of(day),
            TOP + PLOT_H + 18,
            _short_date(start + dt.timedelta(days=day), language),
            anchor="middle",
            fill=MUTED,
            size=11,
        )
    svg.line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, INK, 1)

    legend = _Legend(svg)
    line: tuple[float, float, float, float] | None = None
    if nights is not None:
        headers = [texts["night"], texts["severity"]]
        rows = [[_long_date(e.date, language), str(e.severity)] for e in nights]
        for entry in nights:
            day = (entry.date - start).days
            svg.circle(
                x_of(day),
                y_of(entry.severity),
                4.5,
                POINT,
                tooltip=f"{_long_date(entry.date, language)}: {entry.severity}",
            )
        empty = not nights
        legend.dot(texts["legend_point"], POINT)
        if trend.enough_data and len({e.date for e in nights}) >= 2:
            xs = [float((e.date - start).days) for e in nights]
            fitted = theil_sen(xs, [float(e.severity) for e in nights], trend.confidence)
            first, last = xs[0], xs[-1]
            line = (
                first,
                fitted.intercept + fitted.slope * first,
                last,
                fitted.intercept + fitted.slope * last,
            )
    else:
        headers = [
            texts["week"],
            texts["symptom_nights"],
            texts["mean_severity"],
            texts["worst_severity"],
        ]
        rows = [
            [
                _week_label(w.start, w.end, language),
                str(w.symptom_nights),
                _decimal(w.mean_severity, language) if w.mean_severity is not None else "–",
                str(w.max_severity) if w.max_severity is not None else "–",
            ]
            for w in summary.weeks
        ]
        points: list[tuple[float, float]] = []
        for week in summary.weeks:
            if week.mean_severity is None or week.max_severity is None:
                continue
            middle = (week.start - start).days + 3.0
            points.append((middle, week.mean_severity))
            label = f"{_week_label(week.start, week.end, language)}: "
            label += f"{_decimal(week.mean_severity, language)} / {week.max_severity}"
            svg.line(
                x_of(middle),
                y_of(week.mean_severity),
                x_of(middle),
                y_of(week.max_severity),
                POINT,
                2,
            )
            svg.circle(x_of(middle), y_of(week.mean_severity), 4.5, POINT, tooltip=label)
        empty = not points
        legend.dot(texts["legend_week_point"], POINT)
        if trend.enough_data and trend.slope_per_week is not None and points:
            # The summary's slope through the weekly means (the level is approximate:
            # the exact Theil-Sen intercept needs the nights themselves).
            slope = trend.slope_per_week / 7
            intercept = median(y - slope * x for x, y in points)
            first, last = points[0][0], points[-1][0]
            line = (first, intercept + slope * first, last, intercept + slope * last)
    if line is not None:
        x1, y1, x2, y2 = line
        svg.line(x_of(x1), y_of(_clip(y1)), x_of(x2), y_of(_clip(y2)), TREND, 2.5)
        legend.solid(texts["legend_trend"], TREND)
    if empty:
        svg.text(LEFT + PLOT_W / 2, TOP + PLOT_H / 2, texts["empty_severity"], anchor="middle")
    return Chart(svg.render(), title, description, headers, rows)


def _severity_description(
    summary: Summary, nights: Sequence[Entry] | None, texts: dict[str, str]
) -> str:
    language = _language_of(texts)
    trend = summary.severity_trend
    if trend.nights == 0:
        return texts["no_symptom_nights"]
    parts: list[str] = []
    if nights:
        severities = [e.severity for e in nights]
        low, high = min(severities), max(severities)
        spread = str(low) if low == high else texts["range"].format(low=low, high=high)
        parts.append(
            texts["severity_nights"].format(
                n=len(severities),
                range=spread,
                mean=_decimal(sum(severities) / len(severities), language),
            )
        )
    else:
        worst = [w.max_severity for w in summary.weeks if w.max_severity is not None]
        mean = summary.last_12_weeks.mean_severity
        if worst and mean is not None:
            parts.append(
                texts["severity_weeks"].format(
                    n=trend.nights, high=max(worst), mean=_decimal(mean, language)
                )
            )
    slope = trend.slope_per_week
    if not trend.enough_data or slope is None:
        parts.append(
            texts["no_trend"].format(
                n=THRESHOLDS.trend_min_nights, weeks=THRESHOLDS.trend_min_span_days // 7
            )
        )
        return " ".join(parts)
    if round(abs(slope), 1) == 0:
        sentence = texts["level"].format(slope=_decimal(slope, language))
    else:
        key = "rising" if slope > 0 else "falling"
        sentence = texts[key].format(slope=_decimal(abs(slope), language))
    if trend.ci_low_per_week is not None and trend.ci_high_per_week is not None:
        interval = texts["interval"].format(
            low=_decimal(trend.ci_low_per_week, language),
            high=_decimal(trend.ci_high_per_week, language),
        )
        sentence += f" ({interval})"
    if trend.mann_kendall is not None:
        p = trend.mann_kendall.p_value
        shown = (
            f"< {_decimal(0.001, language, 3)}" if p < 0.001 else f"= {_decimal(p, language, 3)}"
        )
        key = "clear" if p < THRESHOLDS.trend_alpha else "chance"
        sentence += "; " + texts[key].format(p=shown)
    parts.append(sentence + ".")
    return " ".join(parts)


# --- drawing ---------------------------------------------------------------------


class _Svg:
    def __init__(self, prefix: str, kind: str, title: str, description: str) -> None:
        self.prefix = prefix
        self.kind = kind
        self.title = title
        self.description = description
        self.parts: list[str] = []

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        colour: str,
        width: float,
        *,
        dashed: bool = False,
    ) -> None:
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        self.parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{colour}" stroke-width="{_n(width)}"{dash}/>'
        )

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        fill: str,
        *,
        stroke: str | None = None,
        tooltip: str | None = None,
    ) -> None:
        outline = f' stroke="{stroke}" stroke-width="1"' if stroke else ""
        attributes = (
            f'x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
            f'fill="{fill}"{outline}'
        )
        self.parts.append(_element("rect", attributes, tooltip))

    def circle(
        self, x: float, y: float, radius: float, fill: str, *, tooltip: str | None = None
    ) -> None:
        attributes = (
            f'cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius)}" fill="{fill}" '
            f'stroke="{BACKGROUND}" stroke-width="1"'
        )
        self.parts.append(_element("circle", attributes, tooltip))

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        anchor: str = "start",
        fill: str = INK,
        size: int = 13,
    ) -> None:
        self.parts.append(
            f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" fill="{fill}" '
            f'font-size="{size}">{escape(content, quote=False)}</text>'
        )

    def render(self) -> str:
        title_id = f"{self.prefix}-title"
        desc_id = f"{self.prefix}-desc"
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
            f'class="chart chart-{self.kind}" font-family="{FONT}" font-size="13">'
        )
        return "\n".join(
            [
                head,
                f'<title id="{escape(title_id)}">{escape(self.title, quote=False)}</title>',
                f'<desc id="{escape(desc_id)}">{escape(self.description, quote=False)}</desc>',
                f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="{BACKGROUND}"/>',
                *self.parts,
                "</svg>",
            ]
        )


class _Legend:
    """Legend items in a row along the top, left to right."""

    def __init__(self, svg: _Svg) -> None:
        self.svg = svg
        self.x = float(LEFT)
        self.y = 18.0

    def _advance(self, label: str) -> None:
        self.x += 24 + 6.6 * len(label) + 18

    def box(self, label: str, fill: str, *, stroke: str | None = None) -> None:
        self.svg.rect(self.x, self.y - 10, 14, 12, fill, stroke=stroke)
        self.svg.text(self.x + 20, self.y, label, size=12)
        self._advance(label)

    def dash(self, label: str, colour: str) -> None:
        self.svg.line(self.x, self.y - 4, self.x + 18, self.y - 4, colour, 2, dashed=True)
        self.svg.text(self.x + 24, self.y, label, size=12)
        self._advance(label)

    def solid(self, label: str, colour: str) -> None:
        self.svg.line(self.x, self.y - 4, self.x + 18, self.y - 4, colour, 2.5)
        self.svg.text(self.x + 24, self.y, label, size=12)
        self._advance(label)

    def dot(self, label: str, colour: str) -> None:
        self.svg.circle(self.x + 7, self.y - 4, 4.5, colour)
        self.svg.text(self.x + 20, self.y, label, size=12)
        self._advance(label)


def _element(name: str, attributes: str, tooltip: str | None) -> str:
    if tooltip is None:
        return f"<{name} {attributes}/>"
    return f"<{name} {attributes}><title>{escape(tooltip, quote=False)}</title></{name}>"


def _n(value: float) -> str:
    """A coordinate with at most one decimal, the same on every platform."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _clip(value: float) -> float:
    return max(0.0, min(float(MAX_SEVERITY), value))


# --- numbers and dates ------------------------------------------------------------


def _language_of(texts: dict[str, str]) -> str:
    for language, candidate in _TEXTS.items():
        if candidate is texts:
            return language
    raise ValueError("unknown texts")


def _decimal(value: float, language: str, places: int = 1) -> str:
    """A number with ``places`` decimals; a decimal comma in uk and ru."""
    text = f"{value:.{places}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", ",") if language in ("uk", "ru") else text


def _number(value: float, language: str) -> str:
    """A whole number without decimals, else one decimal."""
    return str(int(value)) if float(value).is_integer() else _decimal(value, language)


def _short_date(day: dt.date, language: str) -> str:
    return format_date(day, "d MMM", locale=language)


def _long_date(day: dt.date, language: str) -> str:
    return format_date(day, "d MMM y", locale=language)


def _week_label(start: dt.date, end: dt.date, language: str) -> str:
    return f"{_short_date(start, language)} – {_long_date(end, language)}"
