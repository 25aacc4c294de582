"""A planted cookie resumes nobody's interview or diary (issue 8, item 6).

Over https every cookie is ``__Host-``: the browser keeps it only when this very
host set it over https, with Path=/ and no Domain, so another subdomain or a
plain-http page cannot plant one; a cookie under the plain name is not read
there. Over plain http (local testing only) the plain names remain. And an
interview resumes only in the browser that started it: its cookie holds the
interview's id and that browser's secret, whose hash the interview keeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from starlette.testclient import TestClient

from nightlegs.pages.common import INTERVIEW_COOKIE, LANGUAGE_COOKIE
from nightlegs.settings import Settings
from tests.fixtures.apps import DIARY_ON
from tests.web.helpers import read, start

DIARY_COOKIE = "nightlegs_diary"


@pytest.fixture
def new_browser(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]
) -> Callable[[str], TestClient]:
    """New browsers on one app (the diary on), at ``https://…`` or ``http://…``."""
    settings = make_settings(**DIARY_ON)

    def make(scheme: str = "https") -> TestClient:
        return make_client(settings, base_url=f"{scheme}://testserver")

    return make


def set_cookie_headers(response_headers: list[str], name: str) -> list[str]:
    return [header for header in response_headers if header.startswith(f"{name}=")]


def test_over_https_every_cookie_is_host_only(new_browser: Callable[[str], TestClient]) -> None:
    client = new_browser("https")
    page = client.get("/en/")
    response = client.post("/en/interview", data={"consent": "yes"}, follow_redirects=False)
    for name, headers in (
        (LANGUAGE_COOKIE, page.headers.get_list("set-cookie")),
        (INTERVIEW_COOKIE, response.headers.get_list("set-cookie")),
    ):
        (header,) = set_cookie_headers(headers, f"__Host-{name}")
        assert "Secure" in header
        assert "Path=/" in header
        assert "Domain" not in header
        assert not set_cookie_headers(headers, name)
    created = client.post("/en/diary/new", follow_redirects=False)
    (header,) = set_cookie_headers(created.headers.get_list("set-cookie"), f"__Host-{DIARY_COOKIE}")
    assert "Secure" in header


def test_over_plain_http_the_plain_names_remain(new_browser: Callable[[str], TestClient]) -> None:
    client = new_browser("http")
    start(client, "en")
    assert INTERVIEW_COOKIE in client.cookies
    assert f"__Host-{INTERVIEW_COOKIE}" not in client.cookies


def test_a_plain_cookie_planted_over_https_resumes_nothing(
    new_browser: Callable[[str], TestClient],
) -> None:
    victim_of_http = new_browser("http")
    start(victim_of_http, "en")
    victim_of_http.post("/en/diary/new")
    interview = victim_of_http.cookies[INTERVIEW_COOKIE]
    diary = victim_of_http.cookies[DIARY_COOKIE]

    planted = new_browser("https")
    planted.cookies.set(INTERVIEW_COOKIE, interview)
    planted.cookies.set(DIARY_COOKIE, diary)
    assert planted.get("/en/interview", follow_redirects=False).headers["location"] == "/en/"
    assert planted.get("/en/diary", follow_redirects=False).headers["location"] == "/en/diary/"
    diary_id = re.findall(r"/api/v1/diaries/([^/]+)/export", victim_of_http.get("/en/diary").text)[
        0
    ]
    assert planted.get(f"/api/v1/diaries/{diary_id}").status_code == 401


def test_the_host_cookie_signs_in_to_the_api_over_https(
    new_browser: Callable[[str], TestClient],
) -> None:
    client = new_browser("https")
    created = client.post("/api/v1/diaries").json()
    client.cookies.set(f"__Host-{DIARY_COOKIE}", created["token"])
    assert client.get(f"/api/v1/diaries/{created['id']}").status_code == 200


def test_an_interview_resumes_only_in_the_browser_that_started_it(
    new_browser: Callable[[str], TestClient],
) -> None:
    first = new_browser("https")
    start(first, "en")
    cookie = first.cookies[f"__Host-{INTERVIEW_COOKIE}"]
    interview_id, _, secret = cookie.partition(".")
    assert interview_id
    assert len(secret) >= 40

    for forged in (interview_id, f"{interview_id}.", f"{interview_id}.{secret[:-1]}x"):
        other = new_browser("https")
        other.cookies.set(f"__Host-{INTERVIEW_COOKIE}", forged)
        response = other.get("/en/interview", follow_redirects=False)
        assert response.headers["location"] == "/en/?gone=1", forged

    copied = new_browser("https")  # the whole cookie, as a person moving it on purpose
    copied.cookies.set(f"__Host-{INTERVIEW_COOKIE}", cookie)
    assert read(copied.get("/en/interview")).kind == "question"


def test_an_api_interview_is_never_resumed_by_a_page(
    new_browser: Callable[[str], TestClient],
) -> None:
    client = new_browser("https")
    interview_id = client.post("/api/v1/interviews", json={}).json()["id"]
    client.cookies.set(f"__Host-{INTERVIEW_COOKIE}", f"{interview_id}.anything")
    response = client.get("/en/interview", follow_redirects=False)
    assert response.headers["location"] == "/en/?gone=1"
