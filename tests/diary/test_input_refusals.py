"""Input that no database stores, refused with a documented 4xx on SQLite and PostgreSQL alike,
nothing of it stored, logged or repeated (issue 8, item 6).

A lone surrogate (``"\\ud800"``) in a JSON string answered 500 and the traceback
logged the request; NUL in an id answered 500 on PostgreSQL (404 on SQLite). A
refused sign-in repeated the typed code and could be cached.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.diary.conftest import Diary

pytestmark = pytest.mark.every_database

MARKER = "orchid-lantern-4417"
NOT_TEXT = ["\ud800", "\udfff", "\x00"]


def bodies(diary: Diary, night: dt.date, bad: str) -> list[tuple[str, str, dict[str, Any]]]:
    text = MARKER + bad
    return [
        ("POST", "/api/v1/assessments", {"evidence": [{"finding": "leg_symptoms", "value": text}]}),
        ("POST", "/api/v1/interviews", {"evidence": [{"finding": text, "value": "present"}]}),
        ("POST", "/api/v1/diaries/session", {"recovery_code": text}),
        ("PUT", diary.url(f"/entries/{night}"), {"symptoms": ["cramp"], "note": text}),
        ("POST", diary.url("/interviews"), {"interview_id": text}),
        ("POST", diary.url("/shares"), {"days": 14, text: "uk"}),
    ]


@pytest.mark.parametrize("bad", NOT_TEXT, ids=["lone-high", "lone-low", "nul"])
def test_a_string_that_is_not_text_is_422_and_never_logged(
    client: TestClient,
    diary: Diary,
    today: dt.date,
    bad: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    for method, path, body in bodies(diary, today, bad):
        response = client.request(
            method,
            path,
            content=json.dumps(body).encode("ascii"),  # "\ud800" travels as its escape
            headers={**diary.headers, "content-type": "application/json"},
        )
        assert response.status_code == 422, (path, response.text)
        assert response.json()["detail"][0]["type"] == "json_invalid"
        assert MARKER not in response.text
        assert response.headers["cache-control"] == "no-store"
    assert diary.get("/entries").json()["entries"] == []
    logged = caplog.text + "".join(str(record.args) for record in caplog.records)
    assert MARKER not in logged


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/interviews/{nul}/result"),
        ("POST", "/api/v1/interviews/{nul}/answers"),
        ("GET", "/api/v1/shared/{nul}"),
        ("GET", "/api/v1/diaries/{nul}/summary"),
        ("DELETE", "{diary}/shares/{nul}"),
    ],
)
def test_nul_in_an_id_is_404(client: TestClient, diary: Diary, method: str, path: str) -> None:
    url = path.format(nul="abc%00def", diary=diary.url())
    body = {"answers": [{"finding": "leg_symptoms", "value": "present"}]}
    response = client.request(
        method, url, headers=diary.headers, json=body if method == "POST" else None
    )
    assert response.status_code == 404, response.text


def test_nul_in_an_id_is_404_on_the_pages_too(client: TestClient, diary: Diary) -> None:
    assert client.get("/uk/shared/abc%00def").status_code == 404
    client.cookies.set("nightlegs_diary", diary.token)
    revoked = client.post("/en/diary/share/abc%00def/revoke", follow_redirects=False)
    assert revoked.status_code == 303


@pytest.mark.parametrize(
    "body",
    [
        {"recovery_code": f"abandon ability able about above absent absorb {MARKER}"},
        {"recovery_code": f"{MARKER} " * 40},
        {"recovery_code": f"abandon ability {MARKER}"},
        {"recovery_code": [MARKER]},
        {"recovery_code": "abandon ability", "also": MARKER},
        MARKER,
    ],
)
def test_a_refused_sign_in_repeats_nothing_and_is_not_cached(
    client: TestClient, body: object
) -> None:
    response = client.post("/api/v1/diaries/session", json=body)
    assert response.status_code == 422
    assert MARKER not in response.text
    assert MARKER[:4] not in response.text  # not even the typed word's first letters
    assert response.headers["cache-control"] == "no-store"
