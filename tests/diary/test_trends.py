"""Trends: the statistics by hand, the issue's synthetic diaries, and properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from nightlegs.diary.evidence import evidence_from_summary
from nightlegs.diary.model import Entry, Tried
from nightlegs.diary.thresholds import THRESHOLDS
from nightlegs.diary.trends import mann_kendall, summarise, theil_sen
from tests.diary.synthetic import night, rising_severities, shuffled, weekly_diary
from tests.fixtures.profiles import examples

AS_OF = dt.date(2026, 11, 22)
KB_DIR = Path(__file__).resolve().parents[2] / "src" / "nightlegs" / "kb"

# --- Mann-Kendall by hand ----------------------------------------------------------------


def test_mann_kendall_with_a_tie_by_hand():
    # Pairs of 1, 2, 2, 3: five rise, one is tied: S = 5.
    # Var = [4*3*13 - 2*1*9] / 18 = 138/18; z = (5 - 1) / sqrt(138/18).
    test = mann_kendall([1, 2, 2, 3])
    assert test.n == 4
    assert test.s == 5
    assert test.variance == pytest.approx(138 / 18)
    assert test.z == pytest.approx(4 / math.sqrt(138 / 18))
    assert test.z == pytest.approx(1.4446302)
    assert test.p_value == pytest.approx(0.1485618, abs=1e-7)


def test_mann_kendall_strictly_rising_by_hand():
    # n = 10: S = 45, Var = 10*9*25/18 = 125, z = 44/sqrt(125).
    test = mann_kendall([float(v) for v in range(10)])
    assert (test.s, test.variance) == (45, 125)
    assert test.z == pytest.approx(44 / math.sqrt(125))
    assert test.p_value == pytest.approx(math.erfc(44 / math.sqrt(125) / math.sqrt(2)))
    assert test.p_value < 0.001


def test_mann_kendall_continuity_correction_and_ties():
    # 3, 1, 2: S = -1, corrected to z = 0.
    falling = mann_kendall([3, 1, 2])
    assert (falling.s, falling.z, falling.p_value) == (-1, 0.0, 1.0)
    assert falling.variance == pytest.approx(66 / 18)
    # All tied: no variance at all.
    flat = mann_kendall([5, 5, 5, 5])
    assert (flat.s, flat.variance, flat.z, flat.p_value) == (0, 0.0, 0.0, 1.0)
    # Two groups of ties: 1, 1, 2, 2, 2 -> S = 6; Var = [5*4*15 - 2*1*9 - 3*2*11] / 18 = 12.
    grouped = mann_kendall([1, 1, 2, 2, 2])
    assert grouped.s == 6
    assert grouped.variance == pytest.approx(12)
    assert grouped.z == pytest.approx(5 / math.sqrt(12))


# --- Theil-Sen by hand -------------------------------------------------------------------


def test_theil_sen_with_a_tie_by_hand():
    # Slopes of (0,1) (1,2) (2,2) (3,3): 1, 1/2, 2/3, 0, 1/2, 1 -> sorted
    # 0, 1/2, 1/2, 2/3, 1, 1: median (1/2 + 2/3) / 2 = 7/12.
    line = theil_sen([0, 1, 2, 3], [1, 2, 2, 3])
    assert line.slope == pytest.approx(7 / 12)
    # Residuals 1, 17/12, 5/6, 5/4: median (1 + 5/4) / 2.
    assert line.intercept == pytest.approx(9 / 8)
    # C = 1.96 * sqrt(138/18) = 5.43: M1 = 0.29 -> the 1st slope, M2 + 1 = 7 -> the 6th.
    assert (line.ci_low, line.ci_high) == (0.0, 1.0)


def test_theil_sen_matches_a_published_example():
    # statpsych's ci.theil example (Hollander & Wolfe's interval): 0.5 [0.3243243, 0.75].
    y = [21, 4, 9, 12, 35, 18, 10, 22, 24, 1, 6, 8, 13, 16, 19]
    x = [67, 28, 30, 28, 52, 40, 25, 37, 44, 10, 14, 20, 28, 40, 51]
    line = theil_sen(x, y)
    assert line.slope == pytest.approx(0.5)
    assert line.ci_low == pytest.approx(0.3243243, abs=1e-7)
    assert line.ci_high == pytest.approx(0.75)


def test_theil_sen_needs_two_distinct_x():
    with pytest.raises(ValueError, match="different x"):
        theil_sen([1, 1], [2, 3])
    with pytest.raises(ValueError, match="length"):
        theil_sen([1, 2], [2])


# --- the synthetic diaries ------------------------------------------------------


def test_three_nights_a_week_rising_over_8_weeks_is_regular_and_worsening():
    summary = summarise(weekly_diary(AS_OF), AS_OF)
    assert summary.nights_per_week_4w == pytest.approx(3.0)
    assert summary.last_4_weeks.recorded_nights == 28
    assert summary.regular is True
    assert summary.worsening is True
    assert summary.severity_slope is not None
    assert summary.severity_slope > 0
    assert summary.severity_slope_ci_low is not None
    assert summary.severity_slope_ci_low > 0
    assert summary.severity_p_value is not None
    assert summary.severity_p_value < 0.001
    trend = summary.severity_trend
    assert trend.nights == 24
    assert trend.mann_kendall is not None
    assert trend.mann_kendall.s > 0


def test_the_same_severities_in_random_order_are_not_worsening():
    rising = rising_severities(24)
    mixed = shuffled(rising, seed=20261126)
    summary = summarise(weekly_diary(AS_OF, severities=mixed), AS_OF)
    ordered = summarise(weekly_diary(AS_OF), AS_OF)
    assert summary.last_12_weeks.mean_severity == ordered.last_12_weeks.mean_severity
    assert summary.regular is True
    assert summary.worsening is False
    assert summary.severity_p_value is not None
    assert summary.severity_p_value >= THRESHOLDS.trend_alpha


def test_random_orders_are_rarely_called_worsening():
    # Under no trend the rule should fire about 5 % of the time (less with ties).
    rising = rising_severities(24)
    flagged = sum(
        bool(summarise(weekly_diary(AS_OF, severities=shuffled(rising, seed)), AS_OF).worsening)
        for seed in range(200)
    )
    assert flagged <= 20


def test_one_night_a_week_is_not_regular():
    summary = summarise(weekly_diary(AS_OF, days=(3,)), AS_OF)
    assert summary.nights_per_week_4w == pytest.approx(1.0)
    assert summary.regular is False
    assert evidence_from_summary(summary)["nights_per_week"] == pytest.approx(1.0)


def test_two_nights_a_week_is_regular_exactly_at_the_threshold():
    summary = summarise(weekly_diary(AS_OF, days=(1, 5)), AS_OF)
    assert summary.nights_per_week_4w == pytest.approx(2.0)
    assert summary.regular is True


def test_falling_severity_is_not_worsening():
    falling = list(reversed(rising_severities(24)))
    summary = summarise(weekly_diary(AS_OF, severities=falling), AS_OF)
    assert summary.worsening is False
    assert summary.severity_slope is not None
    assert summary.severity_slope < 0


# --- unknown nights, windows, minimum data ----------------------------------------------


def test_unrecorded_nights_are_unknown_not_quiet():
    # Only the symptom nights are written down: 3 a week.
    summary = summarise(weekly_diary(AS_OF, record_quiet_nights=False), AS_OF)
    short = summary.last_4_weeks
    assert (short.recorded_nights, short.symptom_nights) == (12, 12)
    assert short.nights_per_week == pytest.approx(7.0)  # the rate among recorded nights
    assert short.nights_per_week_low == pytest.approx(3.0)  # if every other night was quiet
    assert short.nights_per_week_high == pytest.approx(7.0)
    assert summary.regular is True


def test_too_few_recorded_nights_give_no_rate():
    entries = [night(AS_OF - dt.timedelta(days=d), 5) for d in range(6)]
    summary = summarise(entries, AS_OF)
    assert summary.last_4_weeks.recorded_nights == 6
    assert summary.nights_per_week_4w is None
    assert summary.nights_per_week_12w is None
    assert summary.regular is None
    assert summary.sleep_disturbance is None
    assert summary.worsening is None
    assert evidence_from_summary(summary) == {}
    seven = summarise([*entries, night(AS_OF - dt.timedelta(days=6))], AS_OF)
    assert seven.nights_per_week_4w == pytest.approx(6.0)
    assert seven.nights_per_week_12w is None  # 21 are needed over 12 weeks


def test_the_trend_needs_10_symptom_nights_over_4_weeks():
    nine = [night(AS_OF - dt.timedelta(days=4 * d), 1 + d) for d in range(9)]
    summary = summarise(nine, AS_OF)
    assert summary.severity_trend.nights == 9
    assert summary.severity_trend.enough_data is False
    assert summary.worsening is None
    assert "worsening" not in evidence_from_summary(summary)

    ten = [night(AS_OF - dt.timedelta(days=4 * d), 10 - d) for d in range(10)]
    assert summarise(ten, AS_OF).worsening is True

    close = [night(AS_OF - dt.timedelta(days=d), 10 - d // 2) for d in range(14)]
    short = summarise(close, AS_OF)
    assert short.severity_trend.span_days == 13
    assert short.worsening is None


def test_windows_count_only_their_nights():
    old = [night(AS_OF - dt.timedelta(days=100 + d), 9) for d in range(20)]
    later = [night(AS_OF + dt.timedelta(days=1), 9)]
    recent = [night(AS_OF - dt.timedelta(days=d)) for d in range(28)]
    summary = summarise(old + recent + later, AS_OF)
    assert summary.entries == 49
    assert summary.last_date == AS_OF + dt.timedelta(days=1)
    assert summary.last_12_weeks.recorded_nights == 28
    assert summary.nights_per_week_4w == 0.0
    assert summary.regular is False
    assert [w.end for w in summary.weeks][-1] == AS_OF
    assert len(summary.weeks) == 12
    assert sum(w.recorded_nights for w in summary.weeks) == 28


def test_sleep_disturbance_from_nights_awake():
    def diary(awake_days: tuple[int, ...]) -> list[Entry]:
        start = AS_OF - dt.timedelta(days=27)
        return [
            night(
                start + dt.timedelta(days=d),
                4,
                minutes_awake=30 if d % 7 in awake_days else 0,
            )
            for d in range(28)
        ]

    twice = summarise(diary((1, 4)), AS_OF)
    assert twice.last_4_weeks.awake_nights_per_week == pytest.approx(2.0)
    assert twice.sleep_disturbance is True
    assert evidence_from_summary(twice)["sleep_disturbance"] == "present"
    once = summarise(diary((1,)), AS_OF)
    assert once.sleep_disturbance is False
    assert evidence_from_summary(once)["sleep_disturbance"] == "absent"


def test_what_helped_counts_symptom_nights_only():
    def tried(*items: tuple[str, bool]) -> list[Tried]:
        return [Tried.model_validate({"measure": m, "helped": h}) for m, h in items]

    entries = [
        night(AS_OF - dt.timedelta(days=1), 5, tried=tried(("stretching", True))),
        night(
            AS_OF - dt.timedelta(days=2), 5, tried=tried(("stretching", True), ("walking", False))
        ),
        night(AS_OF - dt.timedelta(days=3), 5, tried=tried(("stretching", False))),
        night(AS_OF - dt.timedelta(days=4), 5, tried=tried(("stretching", True))),
        night(AS_OF - dt.timedelta(days=5), tried=tried(("stretching", False))),  # quiet night
    ]
    helped = {h.measure: h for h in summarise(entries, AS_OF).what_helped}
    assert list(helped) == [
        "stretching",
        "walking",
        "warmth_massage",
        "leg_elevation",
        "compression",
        "medicine",
    ]
    assert (helped["stretching"].tried, helped["stretching"].helped) == (4, 3)
    assert helped["stretching"].share == pytest.approx(0.75)
    assert helped["walking"].share == 0.0
    assert helped["medicine"].share is None


def test_two_entries_for_one_night_are_refused():
    with pytest.raises(ValueError, match="same night"):
        summarise([night(AS_OF), night(AS_OF, 3)], AS_OF)


def test_an_empty_diary():
    summary = summarise([], AS_OF)
    assert (summary.entries, summary.first_date, summary.regular) == (0, None, None)
    assert summary.last_4_weeks.nights_per_week_high == pytest.approx(7.0)
    assert evidence_from_summary(summary) == {}


# --- thresholds trace to the policy -----------------------------------------------------


def test_regular_is_the_policys_two_nights_a_week():
    predicates = YAML(typ="safe").load((KB_DIR / "predicates.yaml").read_text(encoding="utf-8"))
    rules = predicates["regular_or_troubling"]["when"]["any"]
    (rule,) = [r for r in rules if r.get("finding") == "nights_per_week"]
    assert rule["ge"] == THRESHOLDS.regular_nights_per_week
    assert THRESHOLDS.awake_nights_per_week == THRESHOLDS.regular_nights_per_week


def test_the_thresholds_are_in_the_docs():
    text = (Path(__file__).resolve().parents[2] / "docs" / "diary.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(THRESHOLDS):
        value = getattr(THRESHOLDS, field.name)
        assert f"| `{field.name}` | `{value}` |" in text, field.name


# --- properties -------------------------------------------------------------------------

PROPERTIES = settings(max_examples=examples(150), deadline=None)


@PROPERTIES
@given(st.lists(st.integers(-1000, 1000), min_size=2, max_size=30, unique=True))
def test_a_strictly_rising_series_has_a_rising_slope(values):
    ys = sorted(float(v) for v in values)
    xs = sorted(random.Random(len(ys)).sample(range(500), len(ys)))
    line = theil_sen(xs, ys)
    test = mann_kendall(ys)
    assert line.slope > 0
    assert line.ci_low > 0
    assert line.ci_low <= line.slope <= line.ci_high
    assert test.s == len(ys) * (len(ys) - 1) // 2
    assert test.z > 0 or len(ys) == 2
    falling = theil_sen(xs, list(reversed(ys)))
    assert falling.slope < 0
    assert mann_kendall(list(reversed(ys))).s == -test.s


@PROPERTIES
@given(
    st.lists(st.integers(0, 10), min_size=2, max_size=25),
    st.integers(-3, 3),
)
def test_adding_a_line_adds_its_slope(values, extra):
    xs = [float(i) for i in range(len(values))]
    base = theil_sen(xs, [float(v) for v in values])
    tilted = theil_sen(xs, [v + extra * x for v, x in zip(values, xs, strict=True)])
    assert tilted.slope == pytest.approx(base.slope + extra)


@st.composite
def diaries(draw: st.DrawFn) -> list[Entry]:
    offsets = draw(st.lists(st.integers(0, 120), unique=True, max_size=60))
    entries = []
    for offset in offsets:
        date = AS_OF - dt.timedelta(days=offset)
        if draw(st.booleans()):
            entries.append(night(date))
        else:
            entries.append(
                night(
                    date,
                    draw(st.integers(0, 10)),
                    minutes_awake=draw(st.sampled_from([0, 0, 15, 60])),
                    tried=[
                        Tried.model_validate({"measure": "walking", "helped": draw(st.booleans())})
                    ],
                )
            )
    return entries


@PROPERTIES
@given(diaries(), st.randoms(use_true_random=False))
def test_the_order_of_the_entries_does_not_matter(entries, rnd):
    mixed = list(entries)
    rnd.shuffle(mixed)
    assert summarise(mixed, AS_OF) == summarise(entries, AS_OF)


@PROPERTIES
@given(diaries())
def test_counts_and_rates_are_consistent(entries):
    summary = summarise(entries, AS_OF)
    for figures in (summary.last_4_weeks, summary.last_12_weeks):
        assert 0 <= figures.symptom_nights <= figures.recorded_nights <= figures.days
        assert figures.nights_per_week_low <= figures.nights_per_week_high <= 7
        if figures.nights_per_week is not None:
            assert figures.nights_per_week_low <= figures.nights_per_week + 1e-9
            assert figures.nights_per_week <= figures.nights_per_week_high + 1e-9
    assert sum(w.recorded_nights for w in summary.weeks) == summary.last_12_weeks.recorded_nights
    assert sum(w.symptom_nights for w in summary.weeks) == summary.last_12_weeks.symptom_nights
    if summary.regular is not None:
        assert summary.nights_per_week_4w is not None
        assert summary.regular == (summary.nights_per_week_4w >= 2)
    evidence = evidence_from_summary(summary)
    assert set(evidence) <= {"nights_per_week", "worsening", "sleep_disturbance"}
    assert ("nights_per_week" in evidence) == (summary.nights_per_week_4w is not None)
