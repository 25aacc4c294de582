"""The recovery code on the pages: shown in five groups of digits with copy, a .txt file
(without JavaScript) and print; typed back with or without separators; the older codes
of 8 English words still open their diaries; and nothing of a code in any log."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from pathlib import Path

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from nightlegs.diary import codes
from nightlegs.services import diaries
from nightlegs.settings import Settings
from nightlegs.store import diary_repository as repo
from nightlegs.store import migrate
from tests.fixtures.apps import DIARY_ON, SECRET
from tests.fixtures.databases import app_sessions
from tests.servers import environment, server

LANGS = ["uk", "ru", "en"]
CODE = re.compile(r"\d{5}(-\d{5}){4}")
OLD_CODE = "abandon ability able about above absent absorb abstract"


@pytest.fixture
def client(make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]):
    return make_client(make_settings(**DIARY_ON))


def create(client: TestClient, lang: str) -> tuple[str, str]:
    """A diary made on the pages: its code as shown, and the code page."""
    page = client.post(f"/{lang}/diary/new")
    assert page.status_code == 200
    assert page.url.path == f"/{lang}/diary/code"
    (code,) = re.findall(r'data-recovery-code="([^"]*)"', page.text)
    return html.unescape(code), page.text


@pytest.mark.parametrize("lang", LANGS)
def test_the_code_page_shows_five_groups_with_copy_file_and_print(client, lang):
    code, page = create(client, lang)
    assert CODE.fullmatch(code), code
    shown = re.findall(r'<span class="code-groups__group">(\d+)</span>', page)
    assert shown == code.split("-")
    # Copy and print need JavaScript: hidden until diary.js shows them.
    assert re.search(r'<button type="button"[^>]*data-action="copy-code"[^>]*hidden', page)
    assert re.search(r'<button type="button"[^>]*data-action="print-code"[^>]*hidden', page)
    assert f'data-copy="{code}"' in page
    assert '<script src="/static/js/diary.js' in page
    # The file is a plain form: it works without JavaScript.
    form = re.search(
        r'<form method="post" action="/(\w+)/diary/code.txt"[^>]*>(.*?)</form>', page, re.S
    )
    assert form is not None
    assert form.group(1) == lang
    assert f'<input type="hidden" name="code" value="{code}">' in form.group(2)
    assert 'data-action="download-code"' in form.group(2)


@pytest.mark.parametrize("lang", LANGS)
def test_the_code_file_holds_the_code_and_how_to_use_it(client, lang):
    code, _ = create(client, lang)
    spaced = code.replace("-", " ")
    answer = client.post(f"/{lang}/diary/code.txt", data={"code": spaced})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert answer.headers["content-disposition"] == (
        'attachment; filename="nightlegs-recovery-code.txt"'
    )
    assert answer.headers["cache-control"] == "no-store"
    text = answer.content.decode("utf-8")
    lines = text.split("\r\n")
    assert code in lines
    assert f"http://testserver/{lang}/diary/" in text
    header = {"uk": "Нічний щоденник", "ru": "Ночной дневник", "en": "Night diary"}[lang]
    assert lines[0].startswith(header)


@pytest.mark.parametrize("posted", ["", "hello", "12345", "<script>alert(1)</script>", "1" * 300])
def test_the_code_file_writes_nothing_but_a_code(client, posted):
    """It cannot be made to hand out a file of someone else's text."""
    answer = client.post("/en/diary/code.txt", data={"code": posted}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/en/diary/code"


@pytest.mark.parametrize(
    "retype",
    [
        lambda code: code,
        lambda code: code.replace("-", ""),
        lambda code: code.replace("-", " "),
        lambda code: "  " + code.replace("-", " - ") + "  ",
        lambda code: code.replace("-", "\u2013"),
    ],
    ids=["as-shown", "run-together", "spaces", "spaced-dashes", "en-dashes"],
)
def test_the_page_signs_in_with_the_code_typed_any_way(client, make_client, make_settings, retype):
    code, _ = create(client, "uk")
    other = make_client(make_settings(**DIARY_ON))
    answer = other.post("/uk/diary/sign-in", data={"recovery_code": retype(code)})
    assert answer.status_code == 200
    assert answer.url.path == "/uk/diary"


@pytest.mark.parametrize("lang", LANGS)
def test_a_digit_too_many_or_too_few_is_422_and_says_so(client, lang):
    code, _ = create(client, lang)
    client.cookies.clear()
    for typed in (code[:-1], code + "7"):
        answer = client.post(f"/{lang}/diary/sign-in", data={"recovery_code": typed})
        assert answer.status_code == 422
        assert "25" in answer.text
    unknown = "0" * 25 if code.replace("-", "") != "0" * 25 else "1" * 25
    answer = client.post(f"/{lang}/diary/sign-in", data={"recovery_code": unknown})
    assert answer.status_code == 401


def _old_diary(client: TestClient) -> str:
    """A diary as the server made them before the digits: its code is 8 words."""
    keys = diaries.Keys(SECRET.encode(), codes.CodeHasher("fast"))
    normalised = codes.normalise_code(OLD_CODE)
    with app_sessions(client).begin() as session:
        return repo.create_diary(
            session,
            lookup_key=codes.lookup_key(keys.secret, normalised),
            code_hash=keys.hasher.hash(normalised),
        ).id


def test_a_diary_with_an_older_code_of_words_still_opens(client, make_client, make_settings):
    diary_id = _old_diary(client)
    night = diaries.last_night(Settings()).isoformat()
    signed = client.post("/api/v1/diaries/session", json={"recovery_code": OLD_CODE.upper()})
    assert signed.status_code == 200, signed.text
    assert signed.json()["id"] == diary_id
    bearer = {"Authorization": f"Bearer {signed.json()['token']}"}
    put = client.put(
        f"/api/v1/diaries/{diary_id}/entries/{night}", json={"symptoms": []}, headers=bearer
    )
    assert put.status_code == 201
    browser = make_client(make_settings(**DIARY_ON))
    page = browser.post(
        "/ru/diary/sign-in", data={"recovery_code": "aban abil able abou abov abse abso abst"}
    )
    assert page.url.path == "/ru/diary"
    assert f'data-night="{night}" data-recorded' in page.text


def test_nothing_of_a_code_reaches_the_log(client, caplog):
    caplog.set_level(logging.DEBUG)
    code, _ = create(client, "uk")
    client.post("/uk/diary/code.txt", data={"code": code})
    client.cookies.clear()
    client.post("/uk/diary/sign-in", data={"recovery_code": code.replace("-", " ")})
    client.post("/uk/diary/sign-in", data={"recovery_code": code + "1"})
    client.post("/api/v1/diaries/session", json={"recovery_code": code})
    client.post("/api/v1/diaries/session", json={"recovery_code": code[:-2]})
    logged = "\n".join(f"{r.name}: {r.getMessage()} {r.args!r}" for r in caplog.records)
    for form in (code, code.replace("-", ""), code.replace("-", " "), code[:-2]):
        assert form not in logged, logged
    assert "-".join(code.split("-")[:3]) not in logged


@pytest.mark.slow
def test_nothing_of_a_code_reaches_a_real_servers_log(tmp_path: Path, settings: Settings):
    """The access log and uvicorn's own lines too, on a real server at debug level."""
    migrate.upgrade(settings)
    env = {
        **environment(database_url=settings.database_url, log_level="debug", **DIARY_ON),
        "PYTHONUNBUFFERED": "1",
    }
    log = tmp_path / "server.log"
    with server(env, log) as (base, process):
        with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as browser:
            made = browser.post("/uk/diary/new")
            (code,) = re.findall(r'data-recovery-code="([^"]*)"', made.text)
            assert browser.post("/uk/diary/code.txt", data={"code": code}).status_code == 200
            browser.cookies.clear()
            signed = browser.post("/uk/diary/sign-in", data={"recovery_code": code})
            assert signed.url.path == "/uk/diary"
            browser.post("/uk/diary/sign-in", data={"recovery_code": code + "9"})
            browser.post("/api/v1/diaries/session", json={"recovery_code": code[:-1]})
        process.terminate()
        process.wait(timeout=10)
    logged = log.read_text(errors="replace")
    assert "POST /uk/diary/code.txt" in logged  # the access log was written
    digits = code.replace("-", "")
    for form in (code, digits, code.replace("-", " "), code[:-1], digits[:20], digits[5:]):
        assert form not in logged, (form, logged)
