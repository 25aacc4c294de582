"""No secret and no answer reaches any log: a real server, its logs at the default level.

A whole interview (pages and API), a diary (made, signed in to with its
recovery code on the API and on the page, a night with a note), a share link
(made, opened by the doctor as a page and on the API, revoked) and a few
hostile requests, from start to end; then everything the server printed (its
own log lines, uvicorn's errors and its access log) must hold none of them.
The access log keeps the shape of each path (``/api/v1/interviews/*/answers``).
"""

from __future__ import annotations

import datetime as dt
import re
from http import HTTPMethod, HTTPStatus
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest

from nightlegs.app import create_app
from nightlegs.pages.diary import account, nights, sharing
from nightlegs.pages.interview import routes as interview_pages
from nightlegs.pages.results import routes as results_pages
from nightlegs.services import diaries
from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.api.helpers import RLS_EVIDENCE
from tests.fixtures.apps import DIARY_ON
from tests.servers import environment, server
from tests.web.helpers import RLS_PROFILE, read, run

pytestmark = pytest.mark.slow

NOTE = "calves burned after the long bus ride, mint tea helped"
SHUTDOWN_LINES = "Shutting down. Waiting for application shutdown. Finished server process"
STRING_ANSWERS = ("not_pregnant", "persists_while_resting", "female", "ng/mL")


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def test_no_secret_or_answer_reaches_any_log(tmp_path: Path, settings: Settings) -> None:
    migrate.upgrade(settings)
    env = {
        **environment(database_url=settings.database_url, **DIARY_ON),
        "PYTHONUNBUFFERED": "1",  # the access log goes to a pipe: no line left in a buffer
    }
    log = tmp_path / "server.log"
    secrets: list[str] = []
    with server(env, log) as (base, process):
        # Words the log has anyway (start-up lines, paths, reasons): no code may use them.
        common = words(log.read_text()) | {w for s in HTTPStatus for w in words(s.phrase)}
        common |= words(" ".join(route_paths(settings)))
        # ... and the methods of the access log and the lines of uvicorn's shutdown.
        common |= words(" ".join(HTTPMethod)) | words(SHUTDOWN_LINES)
        with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as browser:
            secrets += interview_on_pages(browser)
        with httpx.Client(base_url=base, timeout=30) as client:
            secrets += interview_on_the_api(client)
            diary, code = diary_without_common_words(client, common)
            secrets += [diary["id"], diary["token"], code, NOTE]
            secrets += diary_and_share(client, base, diary, code)
            hostile(client, diary)
        process.terminate()
        process.wait(timeout=10)
    logged = log.read_text(errors="replace")

    assert '"POST /api/v1/interviews/*/answers HTTP/1.1" 200' in logged, logged
    assert '"GET /en/shared/* HTTP/1.1" 200' in logged, logged
    for secret in [*secrets, *STRING_ANSWERS, NOTE.split()[0]]:
        assert secret not in logged, (secret, logged)
    assert not words(logged) & set(code.split()), logged  # whole words: "view" is in "interview"


def route_paths(settings: Settings) -> list[str]:
    areas = (interview_pages, results_pages, account, nights, sharing)
    pages_routes = [route for area in areas for route in area.router.routes]
    return [*create_app(settings).openapi()["paths"], *(r.path for r in pages_routes)]  # type: ignore[attr-defined]


def interview_on_pages(browser: httpx.Client) -> list[str]:
    results, _asked, _emergencies = run(browser, RLS_PROFILE, "en")  # type: ignore[arg-type]
    assert results.kind == "results"
    cookie = browser.cookies["nightlegs_interview"]
    interview_id = cookie.partition(".")[0]
    assert browser.get(f"/api/v1/interviews/{interview_id}/result").status_code == 200
    return [cookie, interview_id]


def interview_on_the_api(client: httpx.Client) -> list[str]:
    step = client.post("/api/v1/interviews", json={"evidence": RLS_EVIDENCE}).json()
    interview_id = step["id"]
    answers = [{"finding": "ferritin", "value": 23, "unit": "ng/mL"}]
    for _ in range(30):
        if step["done"]:
            break
        question = step["question"]
        answers = [{"finding": item["finding"], "value": "unknown"} for item in question["items"]]
        step = client.post(f"/api/v1/interviews/{interview_id}/answers", json={"answers": answers})
        assert step.status_code == 200, step.text
        step = step.json()
    assert client.get(f"/api/v1/interviews/{interview_id}/result").status_code == 200
    return [interview_id]


def diary_without_common_words(client: httpx.Client, common: set[str]) -> tuple[Any, str]:
    for _ in range(50):
        diary = client.post("/api/v1/diaries").json()
        if not set(diary["recovery_code"].split()) & common:
            return diary, diary["recovery_code"]
    raise AssertionError("every new code had a word the log holds anyway")


def diary_and_share(client: httpx.Client, base: str, diary: Any, code: str) -> list[str]:
    signed = client.post("/api/v1/diaries/session", json={"recovery_code": code})
    assert signed.status_code == 200, signed.text
    with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as browser:
        page = browser.post("/en/diary/sign-in", data={"recovery_code": code.upper()})
        assert read(page).kind == "diary"
        page_token = browser.cookies["nightlegs_diary"]
    headers = {"Authorization": f"Bearer {signed.json()['token']}"}
    day = diaries.today(Settings()) - dt.timedelta(days=1)
    entry = {"symptoms": ["pain_burning"], "severity": 6, "note": NOTE}
    put = client.put(f"/api/v1/diaries/{diary['id']}/entries/{day}", json=entry, headers=headers)
    assert put.status_code == 201, put.text
    shares = f"/api/v1/diaries/{diary['id']}/shares"
    share = client.post(shares, json={"lang": "en"}, headers=headers)
    assert share.status_code == 201, share.text
    link = share.json()
    assert client.get(link["path"]).status_code == 200  # the doctor's page
    assert client.get(f"/api/v1/shared/{link['token']}").status_code == 200
    revoked = client.delete(f"{shares}/{link['id']}", headers=headers)
    assert revoked.status_code == 204
    assert client.get(link["path"]).status_code == 404
    return [signed.json()["token"], page_token, link["token"], link["id"]]


def hostile(client: httpx.Client, diary: Any) -> None:
    """Requests that used to write what they carried to the log."""
    headers = {"Authorization": f"Bearer {diary['token']}", "content-type": "application/json"}
    surrogate = b'{"symptoms": ["cramp"], "note": "mint tea \\ud800"}'
    night = f"/api/v1/diaries/{diary['id']}/entries/{diaries.today(Settings())}"
    assert client.put(night, content=surrogate, headers=headers).status_code == 422
    assert client.get(f"/api/v1/interviews/{diary['token']}%00/result").status_code == 404
    assert client.get(f"/en/shared/{diary['token']}/").status_code in (307, 404)
