"""The diary's SVG charts: valid, accessible, deterministic, the same numbers as the table."""

# ruff: noqa: RUF001 - the charts speak Ukrainian and Russian, with typographic dashes

from __future__ import annotations

import datetime as dt
import hashlib
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nightlegs.diary import charts
from nightlegs.diary.charts import Chart, nights_chart, severity_chart
from nightlegs.diary.model import Entry
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import Summary, summarise
from nightlegs.i18n import translator
from nightlegs.languages import LANGUAGES
from tests.diary.synthetic import night, weekly_diary

AS_OF = dt.date(2026, 11, 20)
SVG = "{http://www.w3.org/2000/svg}"
SNAPSHOTS = Path(__file__).parent / "snapshots"


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b')}"


def diaries() -> dict[str, list[Entry]]:
    """No entries, one, and 84 (12 weeks, symptoms 3 nights a week, severity rising)."""
    return {
        "empty": [],
        "one": [night(AS_OF, 5)],
        "full": weekly_diary(AS_OF, weeks=12, days=(0, 2, 4)),
    }


def all_charts(entries: list[Entry], language: str) -> list[Chart]:
    summary = summarise(entries, AS_OF)
    return [
        nights_chart(summary, language),
        severity_chart(summary, language, entries=entries),
        severity_chart(summary, language),
    ]


CASES = [(name, language) for name in diaries() for language in LANGUAGES]


@pytest.mark.parametrize(("name", "language"), CASES)
def test_every_chart_is_valid_accessible_svg(name, language):
    entries = diaries()[name]
    for chart in all_charts(entries, language):
        root = ET.fromstring(chart.svg)
        assert root.tag == f"{SVG}svg"
        assert root.get("role") == "img"
        assert root.get("viewBox")
        title_id, desc_id = root.get("aria-labelledby", "").split()
        title = root.find(f"{SVG}title")
        desc = root.find(f"{SVG}desc")
        assert title is not None
        assert desc is not None
        assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
        assert title.text == chart.title
        assert desc.text == chart.description
        assert chart.description.endswith(".")
        # Strict CSP: no inline style, no script, no event handler, nothing fetched.
        lowered = chart.svg.lower()
        for forbidden in ("style=", "<style", "<script", "href", "url(", "<foreignobject"):
            assert forbidden not in lowered, forbidden
        for element in root.iter():
            assert not any(key.startswith("on") for key in element.attrib)
        assert chart.table_headers
        assert all(len(row) == len(chart.table_headers) for row in chart.table_rows)


@pytest.mark.parametrize(("name", "language"), CASES)
def test_the_output_is_deterministic(name, language):
    first = [c.svg for c in all_charts(diaries()[name], language)]
    again = [c.svg for c in all_charts(diaries()[name], language)]
    assert first == again


def test_the_nights_table_matches_the_summary():
    entries = weekly_diary(AS_OF, weeks=6, days=(1, 5), record_quiet_nights=False)
    summary = summarise(entries, AS_OF)
    chart = nights_chart(summary, "en")
    assert chart.table_headers == ["Week", "Nights with symptoms", "Nights recorded"]
    assert len(summary.weeks) == 12
    # The weeks from the first with a recorded night: 6 of the 12.
    shown = [w for w in summary.weeks if w.end >= summary.first_date]
    assert len(chart.table_rows) == len(shown) == 6
    for row, week in zip(chart.table_rows, shown, strict=True):
        assert row[1:] == [str(week.symptom_nights), str(week.recorded_nights)]
    assert chart.table_rows[-1][0] == "14 Nov – 20 Nov 2026"
    # One filled bar per week with symptoms (the bar title says symptom/recorded nights).
    root = ET.fromstring(chart.svg)
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == charts.BAR]
    assert len(bars) - 1 == sum(1 for w in summary.weeks if w.symptom_nights)  # + legend


def _x_labels(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    below = str(charts.TOP + charts.PLOT_H + 20)
    return [t.text or "" for t in root.iter(f"{SVG}text") if t.get("y") == below]


@pytest.mark.parametrize("weeks", [1, 3, 7, 12])
def test_the_time_axis_starts_at_the_first_recorded_night(weeks):
    entries = weekly_diary(AS_OF, weeks=weeks, days=(0, 3))
    summary = summarise(entries, AS_OF)
    first = summary.first_date
    assert first is not None
    nights = nights_chart(summary, "en")
    starts = [row[0].split(" – ")[0] for row in nights.table_rows]
    assert len(nights.table_rows) == min(weeks, 12)
    assert starts[0] == format_date(min(w.start for w in summary.weeks if w.end >= first))
    severity = severity_chart(summary, "en", entries=entries)
    labels = [dt.datetime.strptime(f"{x} 2026", "%d %b %Y").date() for x in _x_labels(severity.svg)]
    assert labels, severity.svg
    assert min(labels) >= first
    assert max(labels) == AS_OF


@pytest.mark.parametrize(("name", "language"), CASES)
def test_the_text_is_large_enough_for_a_phone(name, language):
    """At least 12 px on a 390 px phone: the chart is drawn 360 units wide and shown about
    337 px wide there (390 px less the page's and the figure's padding)."""
    shown_width = 390 - 2 * 16 - 2 * 9.6 - 2
    for chart in all_charts(diaries()[name], language):
        root = ET.fromstring(chart.svg)
        width = float(root.get("viewBox", "").split()[2])
        sizes = [
            float(t.get("font-size") or root.get("font-size") or 0) for t in root.iter(f"{SVG}text")
        ]
        assert sizes
        assert min(sizes) * shown_width / width >= 12


def test_the_regular_line_sits_at_the_policy_threshold():
    summary = summarise(diaries()["full"], AS_OF)
    for language, label in (("en", "regular"), ("uk", "регулярно"), ("ru", "регулярно")):
        root = ET.fromstring(nights_chart(summary, language).svg)
        dashed = [
            line
            for line in root.iter(f"{SVG}line")
            if line.get("stroke") == charts.REGULAR and line.get("x1") == str(charts.LEFT)
        ]
        assert len(dashed) == 1
        expected = charts.TOP + charts.PLOT_H * (1 - THRESHOLDS.regular_nights_per_week / 7)
        assert float(dashed[0].get("y1", "")) == pytest.approx(expected, abs=0.05)
        assert dashed[0].get("stroke-dasharray")
        texts = [t.text for t in root.iter(f"{SVG}text")]
        assert label in texts


def test_the_description_says_what_the_chart_shows():
    summary = summarise(diaries()["full"], AS_OF)
    nights = nights_chart(summary, "en").description
    assert nights.startswith("4 of the last 4 weeks had 2 or more nights with symptoms")
    assert "3.0 nights with symptoms a week" in nights
    assert "regular" in nights
    severity = severity_chart(summary, "en", entries=diaries()["full"]).description
    assert "Nights with symptoms in the last 12 weeks: 36; severity 2 to 9" in severity
    slope = summary.severity_slope
    assert slope is not None
    assert f"Severity rising about {slope:.1f} points a week" in severity
    assert "Mann–Kendall p < 0.001" in severity


def test_a_quiet_diary_is_below_regular():
    entries = weekly_diary(AS_OF, weeks=4, days=(3,))
    summary = summarise(entries, AS_OF)
    text = nights_chart(summary, "en").description
    assert text.startswith("0 of the last 4 weeks had 2 or more nights")
    assert "1.0 nights with symptoms a week" in text
    assert "below regular (2 a week)" in text


def test_the_severity_table_lists_each_symptom_night():
    entries = diaries()["full"]
    summary = summarise(entries, AS_OF)
    chart = severity_chart(summary, "en", entries=entries)
    symptom_nights = [e for e in entries if e.has_symptoms]
    assert chart.table_headers == ["Night", "Severity (0–10)"]
    assert [row[1] for row in chart.table_rows] == [str(e.severity) for e in symptom_nights]
    assert len(chart.table_rows) == summary.severity_trend.nights == 36
    root = ET.fromstring(chart.svg)
    points = [c for c in root.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None]
    assert len(points) == 36
    trend = [line for line in root.iter(f"{SVG}line") if line.get("stroke") == charts.TREND]
    assert len(trend) == 2  # the line and its legend sample


def test_without_entries_the_severity_chart_shows_weeks():
    entries = diaries()["full"]
    summary = summarise(entries, AS_OF)
    chart = severity_chart(summary, "en")
    assert chart.table_headers == [
        "Week",
        "Nights with symptoms",
        "Mean severity",
        "Worst severity",
    ]
    for row, week in zip(chart.table_rows, summary.weeks, strict=True):
        assert row[1] == str(week.symptom_nights)
        assert row[3] == str(week.max_severity)
    assert "Severity rising about" in chart.description


def test_no_trend_line_without_enough_data():
    entries = [night(AS_OF - dt.timedelta(days=d), 4 + d % 3) for d in range(0, 20, 3)]
    summary = summarise(entries, AS_OF)
    assert not summary.severity_trend.enough_data
    chart = severity_chart(summary, "en", entries=entries)
    root = ET.fromstring(chart.svg)
    assert not [line for line in root.iter(f"{SVG}line") if line.get("stroke") == charts.TREND]
    assert "Too few nights for a trend: at least 10 nights" in chart.description
    assert len(chart.table_rows) == 7


def test_empty_charts_say_so():
    summary = summarise([], AS_OF)
    for language in LANGUAGES:
        chart = nights_chart(summary, language)
        assert len(chart.table_rows) == 12
        assert all(row[1:] == ["0", "0"] for row in chart.table_rows)
        severity = severity_chart(summary, language, entries=[])
        assert severity.table_rows == []
    assert nights_chart(summary, "en").description == "No nights recorded in the last 12 weeks."
    assert "No nights recorded" in nights_chart(summary, "en").svg


def test_three_languages():
    summary = summarise(diaries()["full"], AS_OF)
    titles = {language: nights_chart(summary, language).title for language in LANGUAGES}
    assert titles == {
        "uk": "Ночі із симптомами за тиждень, останні 12 тижнів",
        "ru": "Ночи с симптомами за неделю, последние 12 недель",
        "en": "Nights with symptoms per week, last 12 weeks",
    }
    uk = nights_chart(summary, "uk").description
    assert "3,0 ночі із симптомами на тиждень" in uk
    ru = severity_chart(summary, "ru", entries=diaries()["full"]).description
    slope = summary.severity_slope
    assert slope is not None
    rising = translator("ru").gettext(
        "Severity rising about %(slope)s points a week", slope=f"{slope:.1f}".replace(".", ",")
    )
    assert rising != "Severity rising about %(slope)s points a week"
    assert rising in ru
    assert "балла в неделю" in ru
    for language in LANGUAGES:
        for chart in all_charts(diaries()["full"], language):
            words = chart.description + " ".join(chart.table_headers)
            cyrillic = any("а" <= ch.lower() <= "я" or ch in "іїєґ" for ch in words)
            assert cyrillic == (language != "en"), (language, chart.title)
    with pytest.raises(ValueError, match="language"):
        nights_chart(summary, "de")


def test_unique_ids_for_two_charts_on_one_page():
    summary = summarise(diaries()["one"], AS_OF)
    first = nights_chart(summary, "en", id_prefix="a")
    second = nights_chart(summary, "en", id_prefix="b")
    assert 'id="a-title"' in first.svg
    assert 'id="b-title"' in second.svg
    assert nights_chart(summary, "en").svg != severity_chart(summary, "en").svg


SNAPSHOT_CASES = ["nights-en", "severity-uk"]


@pytest.mark.parametrize("name", SNAPSHOT_CASES)
def test_snapshot(name):
    """The 84-entry diary's charts, byte for byte (NIGHTLEGS_TEST_UPDATE_SNAPSHOTS=1 rewrites)."""
    entries = diaries()["full"]
    summary: Summary = summarise(entries, AS_OF)
    kind, language = name.split("-")
    chart = (
        nights_chart(summary, language)
        if kind == "nights"
        else severity_chart(summary, language, entries=entries)
    )
    path = SNAPSHOTS / f"{name}.svg"
    if os.environ.get("NIGHTLEGS_TEST_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(chart.svg + "\n", encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert chart.svg + "\n" == expected, hashlib.sha256(chart.svg.encode()).hexdigest()
