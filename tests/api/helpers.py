"""Helpers shared by the API tests."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from tests.profiles import RLS_CLASSIC, evidence

# One person with classic restless legs (tests/cases/public.yaml, rls-classic).
RLS_EVIDENCE: list[dict[str, Any]] = evidence(RLS_CLASSIC)


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
