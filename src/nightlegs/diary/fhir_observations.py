"""The diary's own figures as FHIR ``survey`` Observations: one per night, one per
week with entries, and one with the diary's summary (docs/diary.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nightlegs.diary.fhir_codes import (
    DIARY_CODES,
    DISPLAY,
    MEASURE_CODES,
    SURVEY,
    SYMPTOM_CODES,
    TRIGGER_CODES,
    component,
    concept,
    observation,
    quantity,
)
from nightlegs.diary.model import Entry
from nightlegs.diary.trends import Summary, WeekFigures

#: How a figure is exported: decimals kept, unit as shown, its UCUM code.
Rounding = tuple[int, str, str]
_MEAN_SEVERITY: Rounding = (2, "score", "{score}")
_RATE: Rounding = (2, "/wk", "/wk")
_SLOPE: Rounding = (3, "score/wk", "{score}/wk")
_P_VALUE: Rounding = (4, "1", "1")


def night(entry: Entry, resource_id: str, subject: Mapping[str, str]) -> dict[str, Any]:
    """Value: any symptoms; components: severity, episodes, minutes awake, each
    symptom, trigger and measure tried."""
    components = [
        component("severity", "Worst severity (0-10)", valueInteger=entry.severity),
        component("episodes", "Episodes", valueInteger=entry.episodes),
        _minutes_awake(entry.minutes_awake),
    ]
    for code, text, system, chosen in (
        ("symptom", "Symptom", SYMPTOM_CODES, entry.symptoms),
        ("trigger", "Possible trigger", TRIGGER_CODES, entry.triggers),
    ):
        components.extend(
            component(code, text, valueCodeableConcept=concept(system, value, DISPLAY[value]))
            for value in chosen
        )
    for tried in entry.tried:
        text = f"Tried: {DISPLAY[tried.measure]}; it helped"
        components.append(
            {"code": concept(MEASURE_CODES, tried.measure, text), "valueBoolean": tried.helped}
        )
    resource = observation(
        resource_id,
        SURVEY,
        concept(DIARY_CODES, "night", "Night leg symptoms (diary entry)"),
        subject,
        effectiveDateTime=entry.date.isoformat(),
        valueBoolean=entry.has_symptoms,
        component=components,
    )
    if entry.note:
        resource["note"] = [{"text": entry.note}]
    return resource


def week(figures: WeekFigures, resource_id: str, subject: Mapping[str, str]) -> dict[str, Any]:
    """Value: the nights with symptoms; components: nights recorded, minutes awake,
    mean and worst severity."""
    components = [
        component("recorded-nights", "Nights recorded", valueInteger=figures.recorded_nights),
        _minutes_awake(figures.minutes_awake),
    ]
    components += _known_quantity(
        "mean-severity",
        "Mean severity of the nights with symptoms (0-10)",
        figures.mean_severity,
        _MEAN_SEVERITY,
    )
    if figures.max_severity is not None:
        components.append(
            component(
                "max-severity", "Worst severity of the week", valueInteger=figures.max_severity
            )
        )
    return observation(
        resource_id,
        SURVEY,
        concept(DIARY_CODES, "symptom-nights-week", "Nights with leg symptoms in a week"),
        subject,
        effectivePeriod={"start": figures.start.isoformat(), "end": figures.end.isoformat()},
        valueQuantity=quantity(figures.symptom_nights, "nights", "{nights}"),
        component=components,
    )


def summary(figures: Summary, resource_id: str, subject: Mapping[str, str]) -> dict[str, Any]:
    """Components: nights a week, regular, worsening, sleep disturbance, the
    severity slope with its interval and p-value; each only when known."""
    per_week = "nights a week (rate among recorded nights)"
    components = [
        *_known_quantity(
            "nights-per-week-4w",
            f"Symptom {per_week}, last 4 weeks",
            figures.nights_per_week_4w,
            _RATE,
        ),
        *_known_quantity(
            "nights-per-week-12w",
            f"Symptom {per_week}, last 12 weeks",
            figures.nights_per_week_12w,
            _RATE,
        ),
        *_flags(figures),
        *_known_quantity(
            "severity-slope",
            "Severity trend, Theil-Sen slope (points a week)",
            figures.severity_slope,
            _SLOPE,
        ),
        *_slope_interval(figures),
        *_known_quantity(
            "severity-p-value",
            "Mann-Kendall two-sided p-value",
            figures.severity_p_value,
            _P_VALUE,
        ),
    ]
    return observation(
        resource_id,
        SURVEY,
        concept(DIARY_CODES, "diary-summary", "Night leg symptoms diary summary"),
        subject,
        effectivePeriod={
            "start": figures.last_12_weeks.start.isoformat(),
            "end": figures.as_of.isoformat(),
        },
        component=components,
    )


def _flags(figures: Summary) -> list[dict[str, Any]]:
    flags = (
        ("regular", "Regular: at least 2 symptom nights a week", figures.regular),
        ("worsening", "Worsening severity (Mann-Kendall p < 0.05)", figures.worsening),
        (
            "sleep-disturbance",
            "Awake because of the legs 2 nights a week or more",
            figures.sleep_disturbance,
        ),
    )
    return [
        component(code, text, valueBoolean=flag) for code, text, flag in flags if flag is not None
    ]


def _slope_interval(figures: Summary) -> list[dict[str, Any]]:
    low, high = figures.severity_slope_ci_low, figures.severity_slope_ci_high
    if low is None or high is None:
        return []
    interval = {"low": _rounded(low, _SLOPE), "high": _rounded(high, _SLOPE)}
    return [
        component("severity-slope-ci", "95% confidence interval of the slope", valueRange=interval)
    ]


def _known_quantity(
    code: str, text: str, value: float | None, rounding: Rounding
) -> list[dict[str, Any]]:
    """The component of a figure, or none while the figure is not known."""
    if value is None:
        return []
    return [component(code, text, valueQuantity=_rounded(value, rounding))]


def _rounded(value: float, rounding: Rounding) -> dict[str, Any]:
    digits, unit, ucum = rounding
    return quantity(round(value, digits), unit, ucum)


def _minutes_awake(minutes: int) -> dict[str, Any]:
    return component(
        "minutes-awake",
        "Time awake because of the legs",
        valueQuantity=quantity(minutes, "min", "min"),
    )
