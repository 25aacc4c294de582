"""Answers that contradict each other are refused with 422 and nothing is stored
(policy v2, principle 5; contract: "Answers that contradict each other ...")."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from nightlegs.store.models import Interview

from .helpers import RLS_EVIDENCE, answer

PREGNANT = ["trimester_1", "trimester_2", "trimester_3", "postpartum"]

# A pregnant woman of 31 with restless legs (her evidence sets sex, age and pregnancy).
PREGNANT_RLS: list[dict[str, Any]] = [
    {**item, "value": {"pregnancy": "trimester_2", "age": 31}.get(item["finding"], item["value"])}
    for item in RLS_EVIDENCE
]


def ev(finding: str, value: object) -> dict[str, Any]:
    return {"finding": finding, "value": value}


def assess(client, evidence: list[dict[str, Any]]):
    return client.post("/api/v1/assessments", json={"language": "en", "evidence": evidence})


def start(client, evidence: list[dict[str, Any]]):
    return client.post("/api/v1/interviews", json={"language": "en", "evidence": evidence})


def result(client, interview_id: str) -> dict[str, Any]:
    response = client.get(f"/api/v1/interviews/{interview_id}/result")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def stored(app, interview_id: str) -> tuple[Any, ...]:
    with app.state.nightlegs.sessions() as session:
        row = session.scalars(select(Interview).where(Interview.id == interview_id)).one()
        return (row.values, row.asked, row.pending, row.done, row.updated_at)


def stored_values(app, interview_id: str) -> dict[str, Any]:
    return dict(stored(app, interview_id)[0])


def interviews(app) -> list[Interview]:
    with app.state.nightlegs.sessions() as session:
        return list(session.scalars(select(Interview)).all())


def the_contradiction(response, findings: list[str]) -> dict[str, Any]:
    """The one problem of a 422 that refused a contradiction of ``findings``."""
    assert response.status_code == 422, response.text
    problem: dict[str, Any]
    [problem] = response.json()["detail"]
    assert problem["type"] == "contradiction"
    assert problem["findings"] == findings
    assert problem["finding"] in findings
    # The message (the knowledge base's) names both findings.
    for finding in findings:
        assert finding in problem["message"]
    assert problem["msg"] == problem["message"]
    return problem


# -- the stateless assessment ----------------------------------------------------


@pytest.mark.parametrize("pregnancy", PREGNANT)
def test_a_pregnant_man_is_refused_naming_both_findings(client, pregnancy):
    response = assess(
        client, [ev("leg_symptoms", "present"), ev("sex", "male"), ev("pregnancy", pregnancy)]
    )
    problem = the_contradiction(response, ["pregnancy", "sex"])
    # It points at the item that made the answers clash: the last one sent.
    assert problem["loc"] == ["body", "evidence", 2]
    assert problem["finding"] == "pregnancy"


def test_a_pregnancy_over_55_is_refused_naming_both_findings(client):
    response = assess(client, [ev("pregnancy", "postpartum"), ev("age", 56)])
    problem = the_contradiction(response, ["pregnancy", "age"])
    assert problem["loc"] == ["body", "evidence", 1]
    assert problem["finding"] == "age"


def test_both_contradictions_are_reported(client):
    response = assess(client, [ev("sex", "male"), ev("age", 70), ev("pregnancy", "trimester_3")])
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert sorted(p["findings"] for p in detail) == [["pregnancy", "age"], ["pregnancy", "sex"]]
    assert {p["type"] for p in detail} == {"contradiction"}


def test_an_invalid_item_is_reported_before_any_contradiction(client):
    response = assess(client, [ev("sex", "male"), ev("pregnancy", "trimester_2"), ev("age", 300)])
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["type"] == "evidence"
    assert problem["finding"] == "age"


@pytest.mark.parametrize(
    "evidence",
    [
        pytest.param([ev("sex", "male"), ev("pregnancy", "not_pregnant")], id="man-not-pregnant"),
        pytest.param([ev("sex", "male"), ev("pregnancy", "unknown")], id="man-unknown"),
        pytest.param([ev("age", 80), ev("pregnancy", "not_pregnant")], id="80-not-pregnant"),
        pytest.param([ev("age", 80), ev("pregnancy", "unknown")], id="80-unknown"),
        pytest.param([ev("age", 55), ev("pregnancy", "trimester_1")], id="55-is-not-over-55"),
        pytest.param([ev("sex", "unknown"), ev("pregnancy", "trimester_1")], id="sex-unknown"),
        pytest.param([ev("age", "unknown"), ev("pregnancy", "postpartum")], id="age-unknown"),
        pytest.param([ev("pregnancy", "trimester_2")], id="sex-and-age-not-given"),
        pytest.param(
            # A later item wins, before anything is checked.
            [ev("pregnancy", "trimester_2"), ev("sex", "male"), ev("sex", "female")],
            id="revised-in-the-same-request",
        ),
    ],
)
def test_answers_that_can_all_be_true_are_accepted(client, evidence):
    response = assess(client, [ev("leg_symptoms", "present"), *evidence])
    assert response.status_code == 200, response.text


def test_the_422_is_declared_with_the_findings_field(client):
    schema = client.get("/openapi.json").json()
    problem = schema["components"]["schemas"]["Problem"]["properties"]
    assert "findings" in problem


# -- the interview ----------------------------------------------------------------


def test_contradictory_evidence_at_the_start_is_refused_and_stores_nothing(client, app):
    response = start(client, [*PREGNANT_RLS, ev("sex", "male")])
    problem = the_contradiction(response, ["pregnancy", "sex"])
    assert problem["loc"] == ["body", "evidence", len(PREGNANT_RLS)]
    assert problem["finding"] == "sex"
    assert interviews(app) == []


def test_consistent_evidence_at_the_start_is_accepted(client):
    response = start(client, [*PREGNANT_RLS, ev("pregnancy", "not_pregnant"), ev("sex", "male")])
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("answers", "findings", "finding"),
    [
        pytest.param([ev("sex", "male")], ["pregnancy", "sex"], "sex", id="sex-to-male"),
        pytest.param([ev("age", 60)], ["pregnancy", "age"], "age", id="age-over-55"),
        pytest.param(
            # A valid answer sent with the contradiction is not stored either.
            [ev("fever", "absent"), ev("sex", "male")],
            ["pregnancy", "sex"],
            "sex",
            id="with-another-answer",
        ),
        pytest.param(
            [ev("pregnancy", "not_pregnant"), ev("sex", "male"), ev("pregnancy", "postpartum")],
            ["pregnancy", "sex"],
            "pregnancy",
            id="revised-back-in-the-same-request",
        ),
    ],
)
def test_an_answer_that_contradicts_a_stored_one_is_refused_and_changes_nothing(
    client, app, answers, findings, finding
):
    step = start(client, PREGNANT_RLS)
    assert step.status_code == 201, step.text
    interview_id = step.json()["id"]
    before, result_before = stored(app, interview_id), result(client, interview_id)

    response = client.post(f"/api/v1/interviews/{interview_id}/answers", json={"answers": answers})

    problem = the_contradiction(response, findings)
    assert problem["finding"] == finding
    index = max(i for i, a in enumerate(answers) if a["finding"] == finding)
    assert problem["loc"] == ["body", "answers", index]
    assert stored(app, interview_id) == before
    assert result(client, interview_id) == result_before
    assert dict(before[0])["pregnancy"] == "trimester_2"


@pytest.mark.parametrize(
    ("revision", "pregnancy"),
    [
        pytest.param(
            [ev("pregnancy", "not_pregnant"), ev("sex", "male")],
            "not_pregnant",
            id="pregnancy-first",
        ),
        # The answers are merged before they are checked: sex first is fine too.
        pytest.param([ev("sex", "male"), ev("pregnancy", "unknown")], "unknown", id="sex-first"),
    ],
)
def test_both_sides_revised_in_one_request_are_accepted(client, app, revision, pregnancy):
    step = start(client, PREGNANT_RLS)
    interview_id = step.json()["id"]
    answer(client, interview_id, revision)
    values = stored_values(app, interview_id)
    assert (values["pregnancy"], values["sex"]) == (pregnancy, "male")


def test_the_interview_carries_on_after_a_refused_answer(client):
    step = start(client, PREGNANT_RLS).json()
    pending = step["question"]
    refused = client.post(
        f"/api/v1/interviews/{step['id']}/answers", json={"answers": [ev("age", 70)]}
    )
    assert refused.status_code == 422
    # The question that was pending is still the one to answer.
    items = [item["finding"] for item in pending["items"]]
    again = client.post(
        f"/api/v1/interviews/{step['id']}/answers",
        json={"answers": [ev(f, "unknown") for f in items]},
    )
    assert again.status_code == 200, again.text
    assert again.json()["done"] or again.json()["question"]["id"] != pending["id"]
