"""People the tests describe, as case-style profiles (finding: value), written once.

``evidence()`` turns a profile into the API's evidence list, ``tests.conftest.values()``
into engine values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: The restless-legs pattern: every essential criterion met, in both legs, lasting at rest.
RLS_PATTERN: dict[str, Any] = {
    "leg_symptoms": "present",
    "urge_to_move": "present",
    "unpleasant_sensations": "present",
    "worse_at_rest": "present",
    "relief_with_movement": "present",
    "evening_night_predominance": "present",
    "episode_duration": "persists_while_resting",
    "side": "both",
}
#: Classic restless legs (tests/cases/public.yaml, rls-classic).
RLS_CLASSIC: dict[str, Any] = {
    "age": 54,
    "sex": "female",
    "pregnancy": "not_pregnant",
    **RLS_PATTERN,
    "nights_per_week": 4,
    "duration_months": 36,
    "severity": 6,
    "sleep_disturbance": "present",
    "daytime_impact": "present",
    "family_history_rls": "present",
}
#: Occasional mild restless legs and much coffee: self-care
#: (tests/cases/public.yaml, rls-mild-intermittent).
RLS_MILD: dict[str, Any] = {
    "age": 31,
    "sex": "male",
    **RLS_PATTERN,
    "nights_per_week": 0.5,
    "duration_months": 12,
    "severity": 3,
    "caffeine_cups_per_day": 6,
}
#: Restless legs in brief: the four essential criteria, once a week, mild.
RLS_BRIEF: dict[str, Any] = {
    "age": 50,
    "sex": "male",
    "leg_symptoms": "present",
    "urge_to_move": "present",
    "worse_at_rest": "present",
    "relief_with_movement": "present",
    "evening_night_predominance": "present",
    "nights_per_week": 1,
    "severity": 4,
}
#: Night cramps in brief: short, sudden, eased by stretching, once a week.
CRAMPS_BRIEF: dict[str, Any] = {
    "age": 60,
    "sex": "male",
    "leg_symptoms": "present",
    "sudden_muscle_contraction": "present",
    "cramp_relieved_by_stretch": "present",
    "episode_duration": "under_10_min",
    "nights_per_week": 1,
}


def evidence(profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The profile as the API's evidence: ``[{"finding": ..., "value": ...}, ...]``."""
    return [{"finding": finding, "value": value} for finding, value in profile.items()]
