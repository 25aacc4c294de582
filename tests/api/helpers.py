"""Helpers shared by the API tests."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

# One person with classic restless legs (tests/cases/public.yaml, rls-classic).
RLS_EVIDENCE: list[dict[str, Any]] = [
    {"finding": "age", "value": 54},
    {"finding": "sex", "value": "female"},
    {"finding": "pregnancy", "value": "not_pregnant"},
    {"finding": "leg_symptoms", "value": "present"},
    {"finding": "urge_to_move", "value": "present"},
    {"finding": "unpleasant_sensations", "value": "present"},
    {"finding": "worse_at_rest", "value": "present"},
    {"finding": "relief_with_movement", "value": "present"},
    {"finding": "evening_night_predominance", "value": "present"},
    {"finding": "episode_duration", "value": "persists_while_resting"},
    {"finding": "side", "value": "both"},
    {"finding": "nights_per_week", "value": 4},
    {"finding": "duration_months", "value": 36},
    {"finding": "severity", "value": 6},
    {"finding": "sleep_disturbance", "value": "present"},
    {"finding": "daytime_impact", "value": "present"},
    {"finding": "family_history_rls", "value": "present"},
]


def neutral_answers(question: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item of a question: "absent" where that is a choice, else "unknown"."""
    answers = []
    for item in question["items"]:
        values = [choice["value"] for choice in item.get("choices") or []]
        value = "absent" if "absent" in values else "unknown"
        answers.append({"finding": item["finding"], "value": value})
    return answers


def findings(question: dict[str, Any]) -> list[str]:
    return [item["finding"] for item in question["items"]]


def answer(client: TestClient, interview_id: str, answers: list[dict[str, Any]]) -> Any:
    response = client.post(f"/api/v1/interviews/{interview_id}/answers", json={"answers": answers})
    assert response.status_code == 200, response.text
    return response.json()
