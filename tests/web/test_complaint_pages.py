"""The complaint box at the start of the interview (issue 10), as a browser without
JavaScript uses it: consent, the box, "We understood it like this:", the choices, and the
interview that starts with what was confirmed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.complaints import MAX_CHARACTERS
from nightlegs.settings import Settings
from nightlegs.store import make_engine, make_session_factory
from nightlegs.store.models import Interview
from tests.web.helpers import read

HEADINGS = {
    "uk": "Опишіть своїми словами, що вас турбує",
    "ru": "Опишите своими словами, что вас беспокоит",
    "en": "Describe in your own words what bothers you",
}
#: A complaint with a word no parser knows, to look for wherever the text could leak.
MARKER = "Квакозябра"
COMPLAINT = f"{MARKER} каже: крутить ноги вночі, не можу заснути, набряків немає, мені 54"


def stored(settings: Settings) -> list[Interview]:
    engine = make_engine(settings)
    try:
        with make_session_factory(engine)() as session:
            return list(session.scalars(select(Interview)))
    finally:
        engine.dispose()


def statements(html: str) -> dict[str, int]:
    """Each statement's field (``kind:finding=value``) and its index on the page."""
    found = re.findall(r'<input type="hidden" name="s(\d+)" value="([^"]*)">', html)
    return {value: int(index) for index, value in found}


def understood(client: TestClient, text: str, lang: str = "uk") -> str:
    response = client.post(f"/{lang}/interview/about", data={"consent": "yes", "complaint": text})
    assert response.status_code == 200, response.text
    assert read(response).kind == "understood"
    return response.text


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_the_start_page_leads_to_the_box_after_the_consent(client: TestClient, lang: str) -> None:
    start = client.get(f"/{lang}/").text
    assert f'action="/{lang}/interview/agree"' in start
    response = client.post(f"/{lang}/interview/agree", data={"consent": "yes"})
    page = read(response)
    assert page.kind == "complaint"
    assert str(response.url).endswith(f"/{lang}/interview/about?consent=yes")
    assert HEADINGS[lang] in page.text
    assert f'maxlength="{MAX_CHARACTERS}"' in page.html
    assert 'data-action="skip-complaint"' in page.html
    assert not stored(client.app.state.nightlegs.settings)  # nothing started yet


def test_no_box_without_the_consent(client: TestClient) -> None:
    response = client.post("/uk/interview/agree", data={})
    assert response.status_code == 422
    assert read(response).kind == "start"
    moved = client.get("/uk/interview/about", follow_redirects=False)
    assert moved.status_code == 303
    assert moved.headers["location"] == "/uk/"
    posted = client.post(
        "/uk/interview/about", data={"complaint": "судоми"}, follow_redirects=False
    )
    assert posted.headers["location"] == "/uk/"


def test_skip_starts_with_the_urgent_signs(client: TestClient, settings: Settings) -> None:
    page = read(client.post("/uk/interview", data={"consent": "yes"}))  # the skip form
    assert page.kind == "question"
    assert page.question == "q-urgent-now"
    assert [i.values for i in stored(settings)] == [{}]


def test_an_empty_text_is_a_skip(client: TestClient, settings: Settings) -> None:
    page = read(client.post("/ru/interview/about", data={"consent": "yes", "complaint": "  "}))
    assert page.question == "q-urgent-now"
    assert [i.values for i in stored(settings)] == [{}]


def test_confirmed_corrected_removed_and_unanswered(client: TestClient, settings: Settings) -> None:
    html = understood(client, COMPLAINT)
    found = statements(html)
    assert "Неприємні відчуття в ногах: Так" in html
    assert "Вік: 54" in html
    legs = found["finding:leg_symptoms=present"]
    swelling = found["finding:evening_swelling=absent"]
    sleep = found["finding:sleep_disturbance=present"]
    assert "finding:age=54" in found  # left unanswered
    form = {"consent": "yes", **{f"s{i}": field for field, i in found.items()}}
    form |= {f"c{legs}": "confirm", f"c{swelling}": "correct", f"c{sleep}": "remove"}
    page = read(client.post("/uk/interview/understood", data=form))
    # The urgent signs come first for everything not confirmed.
    assert page.kind == "question"
    assert page.question == "q-urgent-now"
    (interview,) = stored(settings)
    assert interview.values == {"leg_symptoms": "present", "evening_swelling": "present"}


def test_a_confirmed_urgent_sign_goes_to_the_emergency_page(client: TestClient) -> None:
    html = understood(client, "Left calf suddenly swollen and very tender since the flight", "en")
    found = statements(html)
    assert "finding:sudden_unilateral_swelling=present" in found, found
    form = {"consent": "yes", **{f"s{i}": f for f, i in found.items()}}
    form |= {f"c{i}": "confirm" for i in found.values()}
    page = read(client.post("/en/interview/understood", data=form))
    assert page.kind == "emergency"


def test_a_medicine_is_offered_with_its_sentence(client: TestClient, settings: Settings) -> None:
    html = understood(client, "зводить литку вночі, п'ю фуросемід")
    found = statements(html)
    (medicine,) = [f for f in found if f.startswith("medicine:")]
    assert "med_loop_diuretic=present" in medicine
    assert "Фуросемід" in html
    assert "сечогінн" in html
    form = {"consent": "yes", **{f"s{i}": f for f, i in found.items()}}
    form[f"c{found[medicine]}"] = "confirm"
    client.post("/uk/interview/understood", data=form)
    (interview,) = stored(settings)
    assert interview.values == {"med_loop_diuretic": "present"}


def test_nothing_recognised_says_so_and_starts(client: TestClient, settings: Settings) -> None:
    html = understood(client, MARKER)
    assert "Ми нічого не розпізнали" in html
    assert not statements(html)
    page = read(client.post("/uk/interview/understood", data={"consent": "yes"}))
    assert page.question == "q-urgent-now"


def test_a_text_too_long_is_shown_again(client: TestClient, settings: Settings) -> None:
    text = "ноги крутить " * (MAX_CHARACTERS // 10)
    response = client.post("/uk/interview/about", data={"consent": "yes", "complaint": text})
    assert response.status_code == 422
    assert read(response).kind == "complaint"
    assert str(MAX_CHARACTERS) in response.text
    assert not stored(settings)


@pytest.mark.parametrize(
    "forged",
    [
        "finding:no_such_finding=present",
        "finding:age=not-a-number",
        "finding:age=999",
        "nonsense",
        "medicine:",
    ],
)
def test_a_forged_statement_starts_nothing(
    client: TestClient, settings: Settings, forged: str
) -> None:
    form = {"consent": "yes", "s0": forged, "c0": "confirm"}
    response = client.post("/uk/interview/understood", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/uk/interview/about?consent=yes"
    assert not stored(settings)


def test_the_text_is_never_stored_nor_carried(client: TestClient, settings: Settings) -> None:
    """Not in the database (the file's bytes), not in a cookie, not in the statements page
    (it carries finding ids and values, not the text)."""
    if not settings.database_url.startswith("sqlite:///"):
        pytest.skip("the database file's bytes: SQLite only")
    html = understood(client, COMPLAINT)
    assert MARKER not in html
    hidden = re.findall(r'<input type="hidden" name="[^"]*" value="([^"]*)">', html)
    assert all(re.fullmatch(r"yes|(finding|medicine):[a-z0-9_=.;@/%]+", h) for h in hidden), hidden
    found = statements(html)
    form = {"consent": "yes", **{f"s{i}": f for f, i in found.items()}}
    form |= {f"c{i}": "confirm" for i in found.values()}
    client.post("/uk/interview/understood", data=form)
    assert stored(settings)[0].values["leg_symptoms"] == "present"  # the confirmed answers are
    assert all(MARKER not in value for value in client.cookies.values())
    database = Path(settings.database_url.removeprefix("sqlite:///"))
    files = [p for p in database.parent.glob(database.name + "*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        for word in (MARKER, "Квакозябра", "крутить", "заснути", "набряків"):
            for form in (word, word.lower()):
                # as UTF-8, and as JSON writes it with ASCII escapes
                for spelled in (form.encode(), json.dumps(form).strip('"').encode()):
                    assert spelled not in data, (path, word)
