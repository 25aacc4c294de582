"""The nights chart: nights with symptoms per week over the last 12 weeks (bars), the
nights recorded each week behind them, and a dashed line at the policy's "regular"
threshold (:data:`THRESHOLDS.regular_nights_per_week`). The weeks start at the first
one with a recorded night: a diary of three weeks is not drawn as nine empty ones and
three bars."""

from __future__ import annotations

import math
from collections.abc import Sequence

from nightlegs.diary.charts.formats import decimal, number, short_date, week_label
from nightlegs.diary.charts.svg import (
    BAR,
    CHAR_WIDTH,
    LEFT,
    PLOT_H,
    PLOT_W,
    RECORDED_FILL,
    RECORDED_STROKE,
    REGULAR,
    TOP,
    Chart,
    Legend,
    Svg,
)
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, WeekFigures
from nightlegs.i18n import Translator, translator

#: Nights a week at the top of the y axis.
MOST_NIGHTS = 7.0


def nights_chart(summary: Summary, language: str, *, id_prefix: str = "chart-nights") -> Chart:
    """Nights with symptoms per week over the last 12 weeks, with the "regular" line."""
    t = translator(language)
    threshold = THRESHOLDS.regular_nights_per_week
    weeks = shown_weeks(summary.weeks)
    title = t.gettext("Nights with symptoms per week, last 12 weeks")
    description = nights_description(summary, t)
    headers = [t.gettext("Week"), t.gettext("Nights with symptoms"), t.gettext("Nights recorded")]
    rows = [
        [week_label(w.start, w.end, language), str(w.symptom_nights), str(w.recorded_nights)]
        for w in weeks
    ]

    svg = Svg(id_prefix, "nights", title, description)
    svg.grid(range(0, 8), _y_of)
    _bars(svg, weeks, language)
    regular_y = _y_of(threshold)
    svg.line(LEFT, regular_y, LEFT + PLOT_W, regular_y, REGULAR, 2, dashed=True)
    svg.text(
        LEFT + PLOT_W - 2,
        regular_y - 6,
        t.gettext("regular"),
        anchor="end",
        fill=REGULAR,
        halo=True,
    )
    svg.x_axis()
    if not any(w.recorded_nights for w in weeks):
        svg.empty(t.gettext("No nights recorded"))
    legend = Legend(svg)
    legend.box(t.gettext("nights with symptoms"), BAR)
    legend.box(t.gettext("nights recorded"), RECORDED_FILL, stroke=RECORDED_STROKE)
    regular = t.gettext("regular (%(threshold)s+ a week)", threshold=number(threshold, language))
    legend.dash(regular, REGULAR)
    return Chart(svg.render(), title, description, headers, rows)


def shown_weeks(weeks: Sequence[WeekFigures]) -> Sequence[WeekFigures]:
    """The weeks from the first with a recorded night on (all of them when none has one)."""
    first = next((i for i, week in enumerate(weeks) if week.recorded_nights), 0)
    return weeks[first:]


def _y_of(nights: float) -> float:
    return TOP + PLOT_H - nights / MOST_NIGHTS * PLOT_H


def _bars(svg: Svg, weeks: Sequence[WeekFigures], language: str) -> None:
    """Each week's recorded nights, its nights with symptoms in front, and the first day
    of as many weeks under the axis as have room (the newest week always)."""
    slot = PLOT_W / max(len(weeks), 1)
    bar = min(slot * 0.62, 36.0)
    room = max((len(short_date(w.start, language)) for w in weeks), default=1) * CHAR_WIDTH
    every = max(1, math.ceil((room + 12) / slot))
    for index, week in enumerate(weeks):
        x = LEFT + index * slot + (slot - bar) / 2
        label = f"{week_label(week.start, week.end, language)}: {week.symptom_nights}/"
        label += f"{week.recorded_nights}"
        for count, fill, stroke in (
            (week.recorded_nights, RECORDED_FILL, RECORDED_STROKE),
            (week.symptom_nights, BAR, None),
        ):
            if count:
                height = count / MOST_NIGHTS * PLOT_H
                svg.rect(x, _y_of(count), bar, height, fill, stroke=stroke, tooltip=label)
        if (len(weeks) - 1 - index) % every == 0:
            svg.x_label(LEFT + index * slot + slot / 2, short_date(week.start, language))


def nights_description(summary: Summary, t: Translator) -> str:
    """The nights chart in words: how many weeks reached "regular", and the rate."""
    language = t.language
    weeks = summary.weeks
    if not any(w.recorded_nights for w in weeks):
        return t.gettext("No nights recorded in the last 12 weeks.")
    threshold = THRESHOLDS.regular_nights_per_week
    shown = number(threshold, language)
    weeks_over = t.gettext(
        "%(k4)d of the last 4 weeks had %(threshold)s or more nights with symptoms "
        "(%(k12)d of the last 12 weeks).",
        k4=sum(1 for w in weeks[-4:] if w.symptom_nights >= threshold),
        k12=sum(1 for w in weeks if w.symptom_nights >= threshold),
        threshold=shown,
    )
    recorded = summary.last_4_weeks.recorded_nights
    rate = summary.nights_per_week_4w
    if rate is None:
        sentence = t.gettext(
            "Too few nights recorded in the last 4 weeks for a weekly rate "
            "(%(recorded)d of 28; at least %(minimum)d needed).",
            recorded=recorded,
            minimum=THRESHOLDS.min_recorded_short,
        )
    elif summary.regular:
        sentence = t.gettext(
            "Last 4 weeks: %(rate)s nights with symptoms a week among %(recorded)d recorded "
            "nights, which counts as regular.",
            rate=decimal(rate, language),
            recorded=recorded,
        )
    else:
        sentence = t.gettext(
            "Last 4 weeks: %(rate)s nights with symptoms a week among %(recorded)d recorded "
            "nights, which is below regular (%(threshold)s a week).",
            rate=decimal(rate, language),
            recorded=recorded,
            threshold=shown,
        )
    return f"{weeks_over} {sentence}"
