"""The interview API on each database: restart, refused requests, revisions."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from starlette.testclient import TestClient

from nightlegs.app import create_app
from nightlegs.store import migrate
from nightlegs.store.models import Interview
from tests.api.helpers import neutral_answers
from tests.fixtures.databases import app_sessions, count_rows

pytestmark = pytest.mark.every_database


@contextmanager
def running(settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


def answer(client, interview_id, answers):
    return client.post(f"/api/v1/interviews/{interview_id}/answers", json={"answers": answers})


def snapshot(client, interview_id):
    with app_sessions(client)() as session:
        row = session.get_one(Interview, interview_id)
        return (row.values, row.asked, row.pending, row.done, row.updated_at)


def test_an_interview_survives_a_restart(settings):
    migrate.upgrade(settings)
    with running(settings) as client:
        step = client.post("/api/v1/interviews", json={"language": "ru"}).json()
        step = answer(client, step["id"], neutral_answers(step["question"])).json()
    with running(settings) as client:
        questions = 0
        while not step["done"]:
            questions += 1
            assert questions <= 30
            response = answer(client, step["id"], neutral_answers(step["question"]))
            assert response.status_code == 200, response.text
            step = response.json()
        result = client.get(f"/api/v1/interviews/{step['id']}/result").json()
        assert result["provisional"] is False
        assert result["language"] == "ru"


def test_refused_requests_store_nothing(settings):
    migrate.upgrade(settings)
    with running(settings) as client:
        step = client.post("/api/v1/interviews", json={"language": "en"}).json()
        before = snapshot(client, step["id"])
        bad = [{"finding": "fever", "value": "absent"}, {"finding": "severity", "value": 42}]
        assert answer(client, step["id"], bad).status_code == 422
        huge = [{"finding": "fever", "value": "absent"}] * 4000
        assert answer(client, step["id"], huge).status_code == 413
        assert snapshot(client, step["id"]) == before

        rows = count_rows(client, Interview)
        refused = client.post("/api/v1/interviews", json={"evidence": huge})
        assert refused.status_code == 413
        refused = client.post("/api/v1/interviews", json={"evidence": bad})
        assert refused.status_code == 422
        assert count_rows(client, Interview) == rows


def test_the_later_answer_wins(settings):
    migrate.upgrade(settings)
    with running(settings) as client:
        step = client.post("/api/v1/interviews", json={"language": "en"}).json()
        interview_id = step["id"]
        assert answer(client, interview_id, [{"finding": "age", "value": 30}]).status_code == 200
        assert answer(client, interview_id, [{"finding": "age", "value": 70}]).status_code == 200
        with app_sessions(client)() as session:
            assert session.get_one(Interview, interview_id).values["age"] == 70


def test_concurrent_answers_are_all_kept(settings):
    migrate.upgrade(settings)
    findings = [
        "fever",
        "after_injury",
        "leg_redness_warmth",
        "painful_cord_along_vein",
        "calf_tenderness_one_leg",
        "sudden_unilateral_swelling",
    ]
    with running(settings) as client, ThreadPoolExecutor(max_workers=len(findings)) as pool:
        for _ in range(3):
            step = client.post("/api/v1/interviews", json={"language": "en"}).json()

            def send(finding, interview_id=step["id"]):
                body = [{"finding": finding, "value": "absent"}]
                return answer(client, interview_id, body).status_code

            assert list(pool.map(send, findings)) == [200] * len(findings)
            with app_sessions(client)() as session:
                values = session.get_one(Interview, step["id"]).values
            assert {f: values.get(f) for f in findings} == dict.fromkeys(findings, "absent")
