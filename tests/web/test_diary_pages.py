"""The night diary's pages and the doctor's view: hooks, flows, refusals, in uk, ru and en."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Callable
from typing import Any

import pypdf
import pytest
from starlette.testclient import TestClient

from nightlegs.diary.model import MEASURES, SYMPTOMS, TRIGGERS
from nightlegs.diary.trends import summarise
from nightlegs.engine import assess
from nightlegs.knowledge import KnowledgeBase
from nightlegs.pages.diary.common import CODE_COOKIE, SHARE_COOKIE
from nightlegs.report.pdf import render_pdf
from nightlegs.services import diaries
from nightlegs.settings import Settings
from tests.fixtures.apps import DIARY_ON
from tests.web.helpers import RLS_PROFILE, read, run
from tests.web.test_pages import common_hooks

LANGS = ["uk", "ru", "en"]
CONFIRM = {"uk": "видалити", "ru": "удалить", "en": "delete"}


@pytest.fixture
def diary_settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(**DIARY_ON)


@pytest.fixture
def client(make_client: Callable[..., TestClient], diary_settings: Settings) -> TestClient:
    return make_client(diary_settings)


def yesterday() -> dt.date:
    return diaries.today(Settings()) - dt.timedelta(days=1)


def night(days_back: int) -> str:
    return (diaries.today(Settings()) - dt.timedelta(days=days_back)).isoformat()


def attr(page: str, selector_attr: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(rf'{selector_attr}="([^"]*)"', page)]


def create(client: TestClient, lang: str = "en") -> str:
    """Make a diary through the pages; its recovery code as shown."""
    response = client.post(f"/{lang}/diary/new")
    assert response.status_code == 200, response.text
    assert response.url.path == f"/{lang}/diary/code"
    codes = attr(response.text, "data-recovery-code")
    assert len(codes) == 1
    return codes[0]


def save(client: TestClient, date: str, lang: str = "en", **form: Any) -> Any:
    return client.post(f"/{lang}/diary/entry/{date}", data=form)


def api_entry(client: TestClient, date: str) -> dict[str, Any] | None:
    """The stored entry through the JSON API (the page's cookie works there too)."""
    diary_id = diary_of(client)
    response = client.get(f"/api/v1/diaries/{diary_id}/entries/{date}")
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def diary_of(client: TestClient) -> str:
    """The signed-in diary's id, from its download link."""
    page = client.get("/en/diary").text
    (href,) = [a for a in attr(page, "href") if a.endswith("/export/json")]
    return href.split("/")[4]


def fill(client: TestClient, nights: int = 35) -> None:
    """Alternate nights: symptoms (severity rising) and quiet ones, going back ``nights``."""
    for back in range(2, nights + 2):
        if back % 2:
            save(client, night(back), no_symptoms="yes")
        else:
            severity = str(min(10, 2 + (nights - back) // 4))
            save(client, night(back), symptoms=["urge_to_move"], severity=severity)


# --- every page, in every language, with its hooks -----------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_page(client: TestClient, lang: str) -> None:
    response = client.get(f"/{lang}/diary/")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    page = response.text
    common_hooks(page, lang, "diary-start")
    assert re.search(rf'<form method="post" action="/{lang}/diary/new">', page)
    assert 'data-action="create-diary"' in page
    assert re.search(r'<input type="text" id="recovery_code" name="recovery_code"', page)
    assert 'data-action="sign-in"' in page
    assert '<label for="recovery_code"' in page


@pytest.mark.parametrize("lang", LANGS)
def test_every_diary_page_renders_with_its_hooks(client: TestClient, lang: str) -> None:
    create(client, lang)
    fill(client)
    assert (
        save(client, yesterday().isoformat(), lang, symptoms=["cramp"], severity="6").status_code
        == 200
    )

    page = client.get(f"/{lang}/diary").text
    common_hooks(page, lang, "diary")
    for hook in (
        "record-night",
        "choose-night",
        "share",
        "export-csv",
        "export-fhir",
        "export-json",
        "delete-diary",
        "sign-out",
    ):
        assert f'data-action="{hook}"' in page, hook
    for kind in ("nights", "severity"):
        figure = re.search(
            rf'<figure class="diary-chart" data-chart="{kind}".*?</figure>', page, re.S
        )
        assert figure is not None, kind
        assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in figure.group(0)
        assert "<table>" in figure.group(0)
        assert '<th scope="row">' in figure.group(0)

    page = client.get(f"/{lang}/diary/entry/{night(3)}").text
    common_hooks(page, lang, "diary-entry")
    assert f'data-entry-date="{night(3)}"' in page
    assert f'action="/{lang}/diary/entry/{night(3)}"' in page
    for value in SYMPTOMS:
        assert f'<input type="checkbox" name="symptoms" value="{value}"' in page
    assert '<input type="checkbox" name="no_symptoms" value="yes"' in page
    for name in ("episodes", "severity", "minutes_awake"):
        # Text, not type=number: chromium drops a typed comma from a number input.
        assert re.search(
            rf'<input type="text" id="{name}" name="{name}" inputmode="numeric"', page
        ), name
    for value in TRIGGERS:
        assert f'<input type="checkbox" name="triggers" value="{value}"' in page
    for value in MEASURES:
        assert f'<input type="checkbox" name="tried" value="{value}"' in page
        assert f'<input type="checkbox" name="helped" value="{value}"' in page
    assert re.search(r'<textarea id="note" name="note" rows="3" maxlength="500"', page)
    assert 'data-action="save-entry"' in page
    assert "<fieldset" in page
    assert "<legend" in page
    assert page.count("<label for=") >= len(SYMPTOMS) + len(TRIGGERS) + 2 * len(MEASURES) + 5

    page = client.get(f"/{lang}/diary/share").text
    common_hooks(page, lang, "diary-share")
    assert re.search(
        r'<input type="text" id="days" name="days" inputmode="numeric"[^>]*value="14"', page
    )
    assert 'data-action="create-share"' in page

    page = client.get(f"/{lang}/diary/delete").text
    common_hooks(page, lang, "diary-delete")
    assert re.search(r'<input type="text" id="confirm" name="confirm"', page)
    assert 'data-action="confirm-delete"' in page
    assert f'<strong class="confirm-word" data-confirm-word>{CONFIRM[lang]}</strong>' in page

    page = client.get(f"/{lang}/diary/code").text
    common_hooks(page, lang, "diary-code")
    assert "data-recovery-code" not in page

    made = client.post(f"/{lang}/diary/share", data={"days": "14"})
    url = attr(made.text, "data-share-url")[0]
    doctor = client.get(url.removeprefix("http://testserver"))
    common_hooks(doctor.text, lang, "shared")


# --- the diary is off without a secret key ------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_secret_key_the_diary_says_it_is_off(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings], lang: str
) -> None:
    client = make_client(make_settings())
    for response in (client.get(f"/{lang}/diary/"), client.post(f"/{lang}/diary/new")):
        assert response.status_code == 503
        common_hooks(response.text, lang, "diary-start")
        assert 'data-action="create-diary"' not in response.text
    assert client.post(f"/{lang}/diary/sign-in", data={"recovery_code": "x"}).status_code == 503
    assert client.get(f"/{lang}/").status_code == 200  # the check itself still works


# --- creating, the code once, signing in and out ----------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_code_is_shown_once_and_signs_in_anywhere(
    client: TestClient, make_client: Callable[..., TestClient], diary_settings: Settings, lang: str
) -> None:
    code = create(client, lang)
    assert re.fullmatch(r"\d{5}(-\d{5}){4}", code), code
    assert client.cookies.get(diaries.SESSION_COOKIE)
    assert CODE_COOKIE not in client.cookies
    again = client.get(f"/{lang}/diary/code")
    assert again.status_code == 200
    assert "data-recovery-code" not in again.text
    # Not any part of the code: a single word (e.g. "history") may be a page word.
    words = code.split()
    assert " ".join(words[:2]) not in again.text
    assert " ".join(words[-2:]) not in again.text
    # Signed in: the start page leads to the diary.
    start = client.get(f"/{lang}/diary/", follow_redirects=False)
    assert start.status_code == 303
    assert start.headers["location"] == f"/{lang}/diary"

    other = make_client(diary_settings)
    response = other.post(f"/{lang}/diary/sign-in", data={"recovery_code": code.upper()})
    assert response.status_code == 200
    assert read(response).kind == "diary"
    assert diary_of(other) == diary_of(client)


def test_sign_in_refusals(client: TestClient) -> None:
    create(client)
    code = client.cookies.get(diaries.SESSION_COOKIE)
    assert code
    client.cookies.clear()
    response = client.post("/en/diary/sign-in", data={"recovery_code": "not a code at all"})
    assert response.status_code == 422
    assert read(response).kind == "diary-start"
    assert 'role="alert"' in response.text
    assert 'value="not a code at all"' in response.text
    words = " ".join(["abandon"] * 8)
    response = client.post("/en/diary/sign-in", data={"recovery_code": words})
    assert response.status_code == 401
    assert "We do not know this recovery code" in response.text


def test_sign_in_and_creation_are_rate_limited(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]
) -> None:
    client = make_client(make_settings(diary_rate_limit="2/minute", **DIARY_ON))
    create(client)
    client.cookies.clear()
    assert client.post("/en/diary/sign-in", data={"recovery_code": "x"}).status_code == 422
    response = client.post("/en/diary/sign-in", data={"recovery_code": "x"})
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 1
    assert read(response).kind == "diary-start"
    assert client.post("/en/diary/new").status_code == 429


def test_sign_out(client: TestClient) -> None:
    create(client)
    token = client.cookies.get(diaries.SESSION_COOKIE)
    diary_id = diary_of(client)
    response = client.post("/en/diary/sign-out", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/en/diary/"
    assert diaries.SESSION_COOKIE not in client.cookies
    answer = client.get(f"/api/v1/diaries/{diary_id}", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 404


@pytest.mark.parametrize(
    "path", ["/en/diary", "/en/diary/share", "/en/diary/delete", f"/en/diary/entry/{night(1)}"]
)
def test_pages_need_a_diary(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/en/diary/"
    client.cookies.set(diaries.SESSION_COOKIE, "nope")
    stale = client.get(path, follow_redirects=False)
    assert stale.status_code == 303
    assert 'nightlegs_diary=""' in stale.headers["set-cookie"]


# --- entries ------------------------------------------------------------------------------


def test_an_entry_is_saved_shown_and_changed(client: TestClient) -> None:
    create(client)
    date = yesterday().isoformat()
    response = save(
        client,
        date,
        symptoms=["cramp", "pain_burning"],
        episodes="2",
        severity="6",
        minutes_awake="30",
        triggers=["caffeine"],
        tried=["walking"],
        helped=["stretching"],
        note="calf, right leg\r\nagain",
    )
    assert response.status_code == 200
    assert response.url.path == "/en/diary"
    assert f"saved={date}" in str(response.url)
    page = response.text
    assert 'role="status"' in page
    assert f'data-night="{date}" data-recorded' in page
    assert "Cramp, Pain or burning · severity 6 of 10 · 2 times · 30 min awake" in page
    assert 'data-chart="nights"' in page
    assert 'data-chart="severity"' in page
    assert 'data-action="quiet-night"' not in page  # last night is recorded
    stored = api_entry(client, date)
    assert stored is not None
    for stamp in ("created_at", "updated_at"):
        stored.pop(stamp)
    assert stored == {
        "date": date,
        "symptoms": ["cramp", "pain_burning"],
        "episodes": 2,
        "severity": 6,
        "minutes_awake": 30,
        "triggers": ["caffeine"],
        "tried": [
            {"measure": "stretching", "helped": True},
            {"measure": "walking", "helped": False},
        ],
        "note": "calf, right leg\nagain",
        "medicines": [],
    }

    form = client.get(f"/en/diary/entry/{date}").text
    assert re.search(r'value="cramp" id="symptom-cramp" checked', form)
    assert not re.search(r'value="urge_to_move" id="symptom-urge_to_move" checked', form)
    assert re.search(r'name="severity"[^>]*value="6"', form)
    assert re.search(r'name="episodes"[^>]*value="2"', form)
    assert re.search(r'value="stretching" id="helped-stretching" checked', form)
    assert ">calf, right leg\nagain</textarea>" in form
    assert 'data-action="delete-entry"' in form

    assert save(client, date, symptoms=["urge_to_move"], severity="3").status_code == 200
    changed = api_entry(client, date)
    assert changed is not None
    assert changed["symptoms"] == ["urge_to_move"]
    assert (changed["severity"], changed["episodes"], changed["tried"]) == (3, 1, [])


def test_a_quiet_night_is_one_tap(client: TestClient) -> None:
    create(client)
    page = client.get("/en/diary").text
    date = yesterday().isoformat()
    assert re.search(
        rf'<form method="post" action="/en/diary/entry/{date}" class="quiet-night">\s*'
        r'<input type="hidden" name="no_symptoms" value="yes">',
        page,
    )
    assert save(client, date, no_symptoms="yes").status_code == 200
    entry = api_entry(client, date)
    assert entry is not None
    assert (entry["symptoms"], entry["episodes"], entry["severity"]) == ([], 0, 0)
    # "No symptoms" wins over numbers the fields still held.
    save(client, night(2), no_symptoms="yes", severity="4", episodes="2")
    assert (api_entry(client, night(2)) or {})["severity"] == 0


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"symptoms": ["cramp"], "severity": "11"}, "severity"),
        ({"symptoms": ["cramp"], "severity": "-1"}, "severity"),
        ({"symptoms": ["cramp"], "severity": "6.5"}, "severity"),
        ({"symptoms": ["cramp"], "episodes": "51"}, "episodes"),
        ({"symptoms": ["cramp"], "minutes_awake": "721"}, "minutes_awake"),
        ({"symptoms": ["cramp"], "no_symptoms": "yes"}, "symptoms"),
        ({"severity": "3"}, "symptoms"),
        ({"symptoms": ["sneezing"]}, "symptoms"),
        ({"symptoms": ["cramp"], "note": "x" * 501}, "note"),
        ({"symptoms": ["cramp"], "note": "bell\x07"}, "note"),
    ],
)
def test_a_bad_entry_is_shown_again_with_422_and_changes_nothing(
    client: TestClient, form: dict[str, Any], field: str
) -> None:
    create(client)
    date = night(2)
    save(client, date, symptoms=["heaviness_swelling"], severity="2", note="before")
    before = api_entry(client, date)
    response = save(client, date, **form)
    assert response.status_code == 422
    page = response.text
    common_hooks(page, "en", "diary-entry")
    assert 'class="error-summary" role="alert"' in page
    assert f'id="{field}-error"' in page
    assert api_entry(client, date) == before
    if field == "severity":
        assert re.search(rf'name="severity"[^>]*value="{re.escape(form["severity"])}"', page)
        assert 'aria-invalid="true" aria-describedby="severity-error"' in page


def test_a_new_bad_entry_is_not_created(client: TestClient) -> None:
    create(client)
    response = save(client, night(1), symptoms=["cramp"], severity="11")
    assert response.status_code == 422
    assert 'data-action="delete-entry"' not in response.text
    assert api_entry(client, night(1)) is None


@pytest.mark.parametrize(
    "date", ["2099-01-01", "1999-12-31", "2026-02-30", "yesterday", "2026-1-1"]
)
def test_nights_outside_the_allowed_dates_have_no_page(client: TestClient, date: str) -> None:
    create(client)
    assert client.get(f"/en/diary/entry/{date}").status_code == 404
    assert save(client, date, symptoms=["cramp"]).status_code == 404


def test_another_night_is_chosen_by_date(client: TestClient) -> None:
    create(client)
    latest = diaries.latest_entry_date_allowed(Settings()).isoformat()
    page = client.get("/en/diary").text
    assert f'max="{latest}"' in page
    assert f'value="{yesterday().isoformat()}"' in page
    response = client.get(f"/en/diary/entry?date={night(5)}", follow_redirects=False)
    assert response.headers["location"] == f"/en/diary/entry/{night(5)}"
    response = client.get("/en/diary/entry?date=2099-01-01")
    assert response.url.path == "/en/diary"
    assert 'aria-invalid="true" aria-describedby="night-date-error"' in response.text


def test_a_night_is_deleted(client: TestClient) -> None:
    create(client)
    save(client, night(3), symptoms=["cramp"], severity="4")
    response = client.post(f"/en/diary/entry/{night(3)}/delete")
    assert response.status_code == 200
    assert f"removed={night(3)}" in str(response.url)
    assert api_entry(client, night(3)) is None


def test_the_summary_in_words(client: TestClient) -> None:
    create(client)
    empty = client.get("/en/diary").text
    assert 'data-chart="nights"' not in empty
    assert "Record a few nights" in empty
    fill(client, 40)
    page = html.unescape(client.get("/en/diary").text)
    assert "Nights with symptoms a week, last 4 weeks" in page
    assert "Nights with symptoms a week, last 12 weeks" in page
    assert "Yes, it is getting worse" in page
    assert "p < 0.001" in page
    assert "Theil–Sen" in page
    uk = html.unescape(client.get("/uk/diary").text)
    assert "за останні 4 тижні" in uk
    assert "Так, стає гірше" in uk


# --- sharing and the doctor's view ---------------------------------------------------------


@pytest.mark.pdf
@pytest.mark.parametrize("lang", LANGS)
def test_share_open_as_the_doctor_then_revoke(
    client: TestClient, make_client: Callable[..., TestClient], diary_settings: Settings, lang: str
) -> None:
    create(client, lang)
    fill(client, 20)
    response = client.post(f"/{lang}/diary/share", data={"days": "14"})
    assert response.status_code == 200
    assert SHARE_COOKIE not in client.cookies
    (url,) = attr(response.text, "data-share-url")
    assert url.startswith(f"http://testserver/{lang}/shared/")
    assert url in response.text  # shown, to copy
    again = client.get(f"/{lang}/diary/share").text
    assert "data-share-url" not in again  # the token is never shown twice
    (share_id,) = attr(again, "data-share-id")
    assert attr(again, "data-share-views") == ["0"]

    firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
    doctor = make_client(diary_settings, headers={"user-agent": firefox})
    path = url.removeprefix("http://testserver")
    view = doctor.get(path)
    assert view.status_code == 200
    assert view.headers["cache-control"] == "no-store"
    assert view.headers["x-robots-tag"] == "noindex, nofollow"
    assert view.headers["referrer-policy"] == "no-referrer"
    page = view.text
    common_hooks(page, lang, "shared")
    assert attr(page, "data-triage-level")
    assert 'data-chart="nights"' in page
    assert 'data-chart="severity"' in page
    assert '<table class="nights-table">' in page
    assert 'data-action="report" hx-boost="false"' in page
    assert f'href="/{lang}/shared/' in page
    assert "<form" not in page.split("<main")[1]
    report = doctor.get(f"{path}/report.pdf")
    assert report.status_code == 200
    assert report.headers["content-type"] == "application/pdf"
    assert report.content.startswith(b"%PDF")

    listed = client.get(f"/{lang}/diary/share").text
    assert attr(listed, "data-share-views") == ["2"]
    on = {"uk": "на", "ru": "на", "en": "on"}[lang]
    assert f"Firefox {on} Windows, " in listed  # the browser's summary, not its string
    assert "Gecko" not in listed
    assert 'data-action="revoke"' in listed
    revoked = client.post(f"/{lang}/diary/share/{share_id}/revoke")
    assert revoked.status_code == 200
    assert attr(revoked.text, "data-share-status") == ["revoked"]
    assert 'data-action="revoke"' not in revoked.text

    gone = doctor.get(path)
    assert gone.status_code == 404
    assert read(gone).kind == "error"
    assert doctor.get(f"{path}/report.pdf").status_code == 404


def test_the_doctor_sees_a_saved_check_with_codes(client: TestClient) -> None:
    create(client)
    fill(client, 30)
    run(client, RLS_PROFILE, "en")
    client.post("/en/diary/save-interview")
    url = attr(client.post("/en/diary/share", data={"days": "1"}).text, "data-share-url")[0]
    page = TestClient(client.app).get(url.removeprefix("http://testserver")).text
    assert attr(page, "data-condition")[0] == "restless_legs_syndrome"
    assert attr(page, "data-icd10")[0] == "G25.8"
    assert "The check saved on" in page


@pytest.mark.parametrize("days", ["0", "91", "abc", "1.5"])
def test_share_days_out_of_range_are_refused(client: TestClient, days: str) -> None:
    create(client)
    response = client.post("/en/diary/share", data={"days": days})
    assert response.status_code == 422
    assert 'aria-invalid="true" aria-describedby="days-error"' in response.text
    assert attr(response.text, "data-share-id") == []


def test_unknown_or_odd_addresses_are_answered_as_pages(client: TestClient) -> None:
    for path in ("/en/shared/nope", "/uk/shared/nope/report.pdf", "/ru/shared/" + "x" * 500):
        response = client.get(path)
        assert response.status_code == 404, path
        assert read(response).kind == "error"
    create(client)
    for query in ("saved=" + "9" * 300, "interview=" + "x" * 300, "removed=junk"):
        assert client.get(f"/en/diary?{query}").status_code == 200
    assert client.post("/en/diary/share/" + "y" * 300 + "/revoke").status_code == 200


# --- the interview, exports, delete everything ----------------------------------------------


def test_save_an_interview_from_the_results_page(client: TestClient) -> None:
    results, _, _ = run(client, RLS_PROFILE, "en")
    assert 'data-action="start-diary"' in results.html
    assert 'data-action="save-to-diary"' not in results.html
    create(client)
    page = client.get("/en/diary").text
    assert 'data-action="save-to-diary"' in page  # the check just done, offered
    assert "No check is saved in this diary yet." in html.unescape(page)
    results_page = client.get("/en/results").text
    assert re.search(
        r'<form method="post" action="/en/diary/save-interview">\s*'
        r'<button type="submit" class="button button--quiet" data-action="save-to-diary">',
        results_page,
    )
    response = client.post("/en/diary/save-interview")
    assert response.status_code == 200
    assert "interview=saved" in str(response.url)
    page = response.text
    assert "Your check is saved in your diary." in page
    assert attr(page, "data-triage-level")
    assert attr(page, "data-condition")[0] == "restless_legs_syndrome"
    diary_id = diary_of(client)
    assert len(client.get(f"/api/v1/diaries/{diary_id}/interviews").json()["interviews"]) == 1


def test_saving_without_a_check_says_so(client: TestClient) -> None:
    create(client)
    response = client.post("/en/diary/save-interview")
    assert "interview=missing" in str(response.url)
    assert "There is no finished check to save." in response.text


def test_the_exports_are_reachable_with_the_cookie(client: TestClient) -> None:
    create(client)
    save(client, night(1), symptoms=["cramp"], severity="5")
    page = client.get("/en/diary").text
    links = {
        action: html.unescape(href)
        for href, action in re.findall(r'href="([^"]+)" data-action="(export-[a-z]+)"', page)
    }
    assert set(links) == {"export-csv", "export-fhir", "export-json"}
    types = {
        "export-csv": "text/csv",
        "export-fhir": "application/fhir+json",
        "export-json": "application/json",
    }
    for action, href in links.items():
        assert href.startswith("/api/v1/diaries/")
        response = client.get(href)
        assert response.status_code == 200, action
        assert response.headers["content-type"].startswith(types[action])
        assert "attachment" in response.headers["content-disposition"]


@pytest.mark.parametrize("lang", LANGS)
def test_delete_everything_needs_the_word(client: TestClient, lang: str) -> None:
    create(client, lang)
    save(client, night(1), lang, symptoms=["cramp"], severity="5")
    url = attr(client.post(f"/{lang}/diary/share", data={"days": "14"}).text, "data-share-url")[0]
    token = client.cookies.get(diaries.SESSION_COOKIE)
    diary_id = diary_of(client)
    page = client.get(f"/{lang}/diary").text
    assert f'href="/{lang}/diary/delete" data-action="delete-diary"' in page

    wrong = "delete" if lang != "en" else "remove"
    response = client.post(f"/{lang}/diary/delete", data={"confirm": wrong})
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert api_entry(client, night(1)) is not None

    response = client.post(
        f"/{lang}/diary/delete", data={"confirm": f" «{CONFIRM[lang].upper()}» "}
    )
    assert response.status_code == 200
    assert response.url.path == f"/{lang}/diary/deleted"
    assert read(response).kind == "diary-deleted"
    assert diaries.SESSION_COOKIE not in client.cookies
    again = client.get(f"/{lang}/diary", follow_redirects=False)
    assert again.headers["location"] == f"/{lang}/diary/"
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/v1/diaries/{diary_id}", headers=bearer).status_code == 404
    assert client.get(url.removeprefix("http://testserver")).status_code == 404


# --- the navigation and the PDF -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_to_the_diary(client: TestClient, lang: str) -> None:
    for path in (f"/{lang}/", f"/{lang}/diary/"):
        assert f'<a class="site__diary" href="/{lang}/diary/">' in client.get(path).text
    assert 'data-action="open-diary"' in client.get(f"/{lang}/").text


@pytest.mark.pdf
def test_the_pdf_carries_the_diary(kb: KnowledgeBase, diary_settings: Settings) -> None:
    from nightlegs.diary.model import Entry

    start = dt.date(2026, 9, 1)
    entries = [
        Entry(date=start + dt.timedelta(days=i), symptoms=["cramp"], severity=2 + i // 8)
        if i % 2
        else Entry(date=start + dt.timedelta(days=i), symptoms=[])
        for i in range(60)
    ]
    summary = summarise(entries, start + dt.timedelta(days=60))
    evidence: dict[str, Any] = {"leg_symptoms": "present"}
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    for lang, title in (("en", "Night diary"), ("uk", "Нічний щоденник")):
        pdf = render_pdf(
            kb,
            assess(kb, evidence, lang),
            evidence,
            lang,
            diary_settings,
            now,
            diary_summary=summary,
            diary_entries=entries,
        )
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        flat = " ".join(text.split())
        assert title.upper() in flat or title in flat
        assert {"en": "Week", "uk": "Тиждень"}[lang] in flat  # the table of weeks
        assert "Theil" not in flat  # the trend in plain words
        assert "Тейла" not in flat
    plain = render_pdf(kb, assess(kb, evidence, "en"), evidence, "en", diary_settings, now)
    flat = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(plain)).pages).split()
    )
    assert "Theil" not in flat
