import json

import pytest
from sqlalchemy import func, select

from nightlegs.store.models import Interview

LIMIT = 65536


def rows(app):
    with app.state.nightlegs.sessions() as session:
        return session.scalar(select(func.count()).select_from(Interview))


def big_body(size=LIMIT + 1000):
    item = {"finding": "fever", "value": "absent"}
    count = size // len(json.dumps(item)) + 1
    body = json.dumps({"language": "en", "evidence": [item] * count}).encode()
    assert len(body) > LIMIT
    return body


def chunks(body, size=4096):
    for start in range(0, len(body), size):
        yield body[start : start + size]


@pytest.mark.parametrize("path", ["/api/v1/interviews", "/api/v1/assessments"])
def test_a_body_over_the_limit_is_413_and_nothing_is_stored(client, app, path):
    before = rows(app)
    response = client.post(path, content=big_body(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"detail": "request body too large"}
    assert rows(app) == before


def test_a_streamed_body_over_the_limit_is_413(client, app):
    # No Content-Length: the body arrives in chunks and is counted as it comes.
    response = client.post(
        "/api/v1/interviews",
        content=chunks(big_body()),
        headers={"content-type": "application/json"},
    )
    assert response.request.headers.get("content-length") is None
    assert response.status_code == 413
    assert response.json() == {"detail": "request body too large"}
    assert rows(app) == 0


def test_an_answer_over_the_limit_changes_nothing(client, app):
    step = client.post("/api/v1/interviews", json={"language": "en"}).json()
    with app.state.nightlegs.sessions() as session:
        before = session.get(Interview, step["id"])
    body = big_body().replace(b'"evidence"', b'"answers"').replace(b'"language": "en", ', b"")
    response = client.post(
        f"/api/v1/interviews/{step['id']}/answers",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    with app.state.nightlegs.sessions() as session:
        after = session.get(Interview, step["id"])
    assert (after.values, after.asked, after.updated_at) == (
        before.values,
        before.asked,
        before.updated_at,
    )


def test_a_body_under_the_limit_is_accepted(client):
    item = {"finding": "fever", "value": "absent"}
    body = json.dumps({"language": "en", "evidence": [item] * 1500}).encode()
    assert 40_000 < len(body) <= LIMIT
    response = client.post(
        "/api/v1/assessments", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200


def test_the_limit_comes_from_the_settings(make_client, make_settings):
    client = make_client(make_settings(max_body_bytes=100))
    body = {"language": "en", "evidence": [{"finding": "fever", "value": "absent"}] * 5}
    assert client.post("/api/v1/assessments", json=body).status_code == 413
    assert client.post("/api/v1/assessments", json={"language": "en"}).status_code == 200
