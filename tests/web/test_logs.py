"""Answers are never written to the logs, at any level, by the web pages or the API."""

from __future__ import annotations

import logging

import pytest
from starlette.testclient import TestClient

from tests.web.helpers import run

PROFILE = {
    "leg_symptoms": "present",
    "age": 61,
    "sex": "female",
    "pregnancy": "not_pregnant",
    "urge_to_move": "present",
    "worse_at_rest": "present",
    "relief_with_movement": "present",
    "evening_night_predominance": "present",
    "nights_per_week": 5,
    "ferritin": 23,
}


def test_no_answer_reaches_any_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    run(client, PROFILE, "uk")
    client.post(
        "/api/v1/assessments",
        json={"evidence": [{"finding": "ferritin", "value": 23, "unit": "ng/mL"}]},
    )
    client.post("/api/v1/assessments", json={"evidence": [{"finding": "ferritin", "value": 9999}]})
    logged = "\n".join(f"{r.name}: {r.getMessage()}" for r in caplog.records)
    for secret in ("urge_to_move", "ferritin", "evening_night_predominance", "not_pregnant"):
        assert secret not in logged, logged
