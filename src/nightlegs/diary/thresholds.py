"""Every number that turns diary entries into figures and findings, in one place.

docs/diary.md lists them again with the same reasons; change both together.
``tests/diary/test_trends.py`` checks that the clinical threshold still matches
the knowledge base's policy.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["THRESHOLDS", "Thresholds"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    #: "Regular" means at least this many nights with symptoms a week. Clinical:
    #: the policy's ``regular_or_troubling`` predicate (kb/predicates.yaml,
    #: ``nights_per_week ge 2``) and the triage rule "regular (2 nights a week or
    #: more)"; sources irlssg-2014 and nightlegs-policy.
    regular_nights_per_week: float = 2.0

    #: The short window: the last 4 weeks, the "last month" over which the
    #: vocabulary's ``nights_per_week`` is an average, and the issue's "2 nights a
    #: week over 4 weeks".
    short_window_days: int = 28
    #: The long window: the last 12 weeks, for the slower picture.
    long_window_days: int = 84

    #: A nights-per-week rate is given only from this many recorded nights in the
    #: window (a quarter of the 4 weeks, a quarter of the 12): fewer and a single
    #: night moves the rate by a whole night a week or more.
    min_recorded_short: int = 7
    min_recorded_long: int = 21

    #: The severity trend looks at the nights with symptoms of the last 12 weeks
    #: (the vocabulary's ``worsening``: "over recent weeks or months").
    trend_window_days: int = 84
    #: The Mann-Kendall p-value comes from the normal approximation, which
    #: Gilbert (1987, ch. 16) uses from about 10 values on: with fewer symptom
    #: nights in the window the test is not run.
    trend_min_nights: int = 10
    #: A trend needs the nights it rests on to span at least 4 weeks: "worse over
    #: weeks", not over a few bad nights.
    trend_min_span_days: int = 28
    #: "Worsening" when the two-sided Mann-Kendall p-value is below this and the
    #: Theil-Sen slope is above 0: the conventional 5 % level.
    trend_alpha: float = 0.05
    #: Confidence of the interval given for the Theil-Sen slope.
    slope_confidence: float = 0.95

    #: ``sleep_disturbance`` is present when, over the short window, at least this
    #: many nights a week had time awake because of the legs: the same frequency
    #: the policy calls regular.
    awake_nights_per_week: float = 2.0

    #: An entry may be dated up to this many days after the server's date (UTC):
    #: local dates run up to 14 hours ahead of UTC, so a person's "tonight" can be
    #: the server's "tomorrow".
    future_days_allowed: int = 1


THRESHOLDS = Thresholds()
