"""The night's medicines on the diary's pages, without JavaScript: names typed, "Find",
each recognised medicine confirmed by a tick, kept by INN and ATC code; shown in the list
of nights, the doctor's view and the PDF; the typed text kept nowhere (a real server's
log at debug level, the database's bytes)."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pypdf
import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.settings import Settings
from nightlegs.store import migrate
from nightlegs.store.diary_models import DiaryEntry
from tests.fixtures.apps import DIARY_ON
from tests.fixtures.databases import app_sessions
from tests.servers import environment, server
from tests.web.test_diary_pages import api_entry, attr, create, yesterday

LANGS = ["uk", "ru", "en"]
#: Furosemide and a brand of atorvastatin, each as people write them, and a made-up word.
TYPED = {
    "uk": "фуросимід, аторвакор, зюзюмбра",
    "ru": "фуросемид, аторвакор, зюзюмбра",
    "en": "furosemid, Atorvacor, zyuzyumbra",
}
UNRECOGNISED = {"uk": "зюзюмбра", "ru": "зюзюмбра", "en": "zyuzyumbra"}
#: The boxes' words: the INN (or the brand as found, with its INN) and what it is for.
FUROSEMIDE = {
    "uk": "Фуросемід — сечогінний засіб",
    "ru": "Фуросемид — мочегонное средство",
    "en": "Furosemide — a water tablet (diuretic)",
}
ATORVACOR = {"uk": "Аторвакор (аторвастатин)", "ru": "Аторвакор (аторвастатин)"}
LISTED = {"uk": "Ліки: Фуросемід", "ru": "Лекарства: Фуросемид", "en": "Medicines: Furosemide"}
FUROSEMIDE_KEPT = {"inn": "furosemide", "atc": "C03CA01"}
#: A medicine the table has dropped since a night was written, and its box's value.
OLDICILLIN = {"inn": "oldicillin", "atc": "J01ZZ99"}
OLDICILLIN_BOX = "stored:J01ZZ99:oldicillin"
NIGHT: dict[str, Any] = {"symptoms": ["cramp"], "severity": "6", "note": "ліва литка"}


@pytest.fixture
def diary_settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(**DIARY_ON)


@pytest.fixture
def client(make_client: Callable[..., TestClient], diary_settings: Settings) -> TestClient:
    return make_client(diary_settings)


def post(client: TestClient, lang: str, **form: Any) -> Any:
    return client.post(f"/{lang}/diary/entry/{yesterday().isoformat()}", data=form)


def boxes(page: str) -> dict[str, bool]:
    """The medicine boxes shown: the table's id -> ticked."""
    found = re.findall(
        r'<input type="checkbox" name="medicine" value="([^"]+)"[^>]*?( checked)?>', page
    )
    return {value: bool(checked) for value, checked in found}


def labels(page: str) -> list[str]:
    return [
        html.unescape(t) for t in re.findall(r'<label for="medicine-[^"]+">([^<]+)</label>', page)
    ]


def offered(page: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="medicine_offered" value="([^"]+)">', page)


def typed_field(page: str) -> str:
    (value,) = re.findall(
        r'<input type="text" name="medicine_text" id="medicine_text"[^>]*value="([^"]*)"', page
    )
    return html.unescape(value)


@pytest.mark.parametrize("lang", LANGS)
def test_find_offers_each_medicine_then_the_ticked_one_is_saved_by_name(
    client: TestClient, lang: str
) -> None:
    create(client, lang)
    page = client.get(f"/{lang}/diary/entry/{yesterday().isoformat()}").text
    assert 'data-action="find-medicines"' in page
    assert boxes(page) == {}

    found = post(client, lang, **NIGHT, medicine_text=TYPED[lang], find_medicines="yes")
    assert found.status_code == 200
    assert found.headers["hx-push-url"] == "false"
    text = html.unescape(found.text)
    assert boxes(found.text) == {"furosemide": False, "atorvastatin": False}  # none confirmed
    shown = labels(found.text)
    assert shown[0] == FUROSEMIDE[lang]
    assert shown[1].startswith(ATORVACOR.get(lang, "Atorvacor (atorvastatin)"))
    assert UNRECOGNISED[lang] in text  # listed as not recognised, never guessed
    assert "data-medicines-unrecognised" in text
    assert typed_field(found.text) == ""  # looked up: the field is empty again
    assert re.search(r'name="severity"[^>]*value="6"', found.text)  # the rest as it was sent
    assert "ліва литка" in text
    assert "data-medicines-pending" not in text
    assert api_entry(client, yesterday().isoformat()) is None  # "Find" saves nothing

    saved = post(
        client, lang, **NIGHT, medicine=["furosemide"], medicine_offered=offered(found.text)
    )
    assert saved.status_code == 200
    assert saved.url.path == f"/{lang}/diary"
    assert LISTED[lang] in html.unescape(saved.text)
    stored = api_entry(client, yesterday().isoformat())
    assert stored is not None
    assert stored["medicines"] == [FUROSEMIDE_KEPT]


def test_save_with_names_typed_looks_them_up_first_and_saves_nothing(client: TestClient) -> None:
    create(client, "uk")
    pending = post(client, "uk", **NIGHT, medicine_text="фуросемід")
    assert pending.status_code == 200
    assert pending.url.path.endswith(yesterday().isoformat())
    assert "data-medicines-pending" in pending.text
    assert "Ще не збережено" in html.unescape(pending.text)
    assert boxes(pending.text) == {"furosemide": False}
    assert api_entry(client, yesterday().isoformat()) is None
    # Sent again with the box ticked (the field now empty): saved.
    saved = post(client, "uk", **NIGHT, medicine="furosemide", medicine_text="")
    assert saved.url.path == "/uk/diary"
    stored = api_entry(client, yesterday().isoformat())
    assert stored is not None
    assert stored["medicines"] == [FUROSEMIDE_KEPT]


def test_a_second_find_keeps_the_boxes_shown_and_their_ticks(client: TestClient) -> None:
    create(client, "en")
    first = post(
        client, "en", **NIGHT, medicine_text="furosemide, sertraline", find_medicines="yes"
    )
    assert boxes(first.text) == {"furosemide": False, "sertraline": False}
    second = post(
        client,
        "en",
        **NIGHT,
        medicine="sertraline",
        medicine_offered=offered(first.text),
        medicine_text="atorvastatin",
        find_medicines="yes",
    )
    assert boxes(second.text) == {"furosemide": False, "sertraline": True, "atorvastatin": False}
    empty = post(client, "en", **NIGHT, medicine_offered=offered(second.text), find_medicines="yes")
    assert "Please write a medicine" in html.unescape(empty.text)
    assert list(boxes(empty.text)) == ["furosemide", "sertraline", "atorvastatin"]


def test_the_stored_medicines_are_ticked_when_the_night_is_changed(client: TestClient) -> None:
    create(client, "uk")
    post(client, "uk", **NIGHT, medicine=["furosemide", "atorvastatin"])
    stored = api_entry(client, yesterday().isoformat())
    assert stored is not None
    # In the order of their ATC codes: C03 (diuretics) before C10 (statins).
    assert [m["inn"] for m in stored["medicines"]] == ["furosemide", "atorvastatin"]
    form = client.get(f"/uk/diary/entry/{yesterday().isoformat()}").text
    assert boxes(form) == {"furosemide": True, "atorvastatin": True}
    assert labels(form) == [
        "Фуросемід — сечогінний засіб",
        "Аторвастатин — від холестерину (статин)",
    ]
    # Untick one and save: it is gone; the other stays.
    post(client, "uk", **NIGHT, medicine="atorvastatin", medicine_offered=offered(form))
    again = api_entry(client, yesterday().isoformat())
    assert again is not None
    assert again["medicines"] == [{"inn": "atorvastatin", "atc": "C10AA05"}]


def test_a_medicine_the_table_has_since_dropped_stays_when_the_night_is_changed(
    client: TestClient,
) -> None:
    create(client, "en")
    post(client, "en", **NIGHT, medicine=["furosemide"])
    night = yesterday()
    with app_sessions(client).begin() as session:
        row = session.scalars(select(DiaryEntry).where(DiaryEntry.night == night)).one()
        row.medicines = [FUROSEMIDE_KEPT, OLDICILLIN]
    form = client.get(f"/en/diary/entry/{night.isoformat()}").text
    assert boxes(form) == {"furosemide": True, OLDICILLIN_BOX: True}
    assert labels(form)[1] == "Oldicillin (J01ZZ99)"
    # Saved as shown, with a pair of the form's own added: the stored one stays, the
    # made-up one is not kept.
    post(
        client,
        "en",
        **NIGHT,
        medicine=["furosemide", OLDICILLIN_BOX, "stored:J01ZZ98:newicillin"],
        medicine_offered=offered(form),
    )
    stored = api_entry(client, night.isoformat())
    assert stored is not None
    assert stored["medicines"] == [FUROSEMIDE_KEPT, OLDICILLIN]
    # Unticked: gone, like any other.
    post(client, "en", **NIGHT, medicine="furosemide", medicine_offered=offered(form))
    again = api_entry(client, night.isoformat())
    assert again is not None
    assert again["medicines"] == [FUROSEMIDE_KEPT]


def test_a_refused_form_keeps_its_boxes(client: TestClient) -> None:
    create(client, "en")
    refused = post(
        client,
        "en",
        severity="6",
        medicine="furosemide",
        medicine_offered=["furosemide", "sertraline"],
    )
    assert refused.status_code == 422  # neither a symptom nor "no symptoms"
    assert boxes(refused.text) == {"furosemide": True, "sertraline": False}
    assert api_entry(client, yesterday().isoformat()) is None


def test_only_the_tables_ids_are_read(client: TestClient) -> None:
    create(client, "en")
    post(
        client,
        "en",
        **NIGHT,
        medicine=["furosemide", "my own pills", "furosemide"],
        medicine_offered=["<script>", "sertraline"],
    )
    stored = api_entry(client, yesterday().isoformat())
    assert stored is not None
    assert stored["medicines"] == [FUROSEMIDE_KEPT]


def test_enter_in_a_field_saves(client: TestClient) -> None:
    """The form's first submit button (its default, which Enter presses) is a "Save"
    without a name, so Enter in "minutes awake" saves rather than finds."""
    create(client, "en")
    page = client.get(f"/en/diary/entry/{yesterday().isoformat()}").text
    form = page.split('id="entry-form"', 1)[1]
    first = re.search(r"<button [^>]*>", form)
    assert first is not None
    assert 'type="submit"' in first.group()
    assert "name=" not in first.group()
    assert 'aria-hidden="true"' in first.group()
    assert 'tabindex="-1"' in first.group()


@pytest.mark.pdf
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_doctor_sees_the_medicines_in_the_view_and_the_pdf(
    client: TestClient,
    make_client: Callable[..., TestClient],
    diary_settings: Settings,
    lang: str,
) -> None:
    create(client, lang)
    post(client, lang, **NIGHT, medicine=["furosemide"])
    response = client.post(f"/{lang}/diary/share", data={"days": "14"})
    (url,) = attr(response.text, "data-share-url")
    doctor = make_client(diary_settings)  # another browser: the link, not the cookie
    path = url.removeprefix("http://testserver")
    view = doctor.get(path)
    assert view.status_code == 200
    cells = re.findall(r"<td data-medicines>([^<]*)</td>", view.text)
    assert html.unescape(cells[0]) == {"uk": "Фуросемід", "en": "Furosemide"}[lang]
    pdf = doctor.get(f"{path}/report.pdf")
    assert pdf.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    label = {"uk": "Ліки, зазначені в щоденнику", "en": "Medicines noted in the diary"}[lang]
    assert label in text
    assert {"uk": "Фуросемід (C03CA01)", "en": "Furosemide (C03CA01)"}[lang] in text


@pytest.mark.slow
def test_the_typed_names_reach_neither_the_log_nor_the_database(
    tmp_path: Path, diary_settings: Settings
) -> None:
    migrate.upgrade(diary_settings)
    # Two misspelt medicines (found) and a made-up word (not recognised): none of it may stay.
    typed = "фуросимід, аторвакорр, Квакозябра"
    env = {
        **environment(database_url=diary_settings.database_url, log_level="debug", **DIARY_ON),
        "PYTHONUNBUFFERED": "1",
    }
    log = tmp_path / "server.log"
    night = f"/uk/diary/entry/{yesterday().isoformat()}"
    with server(env, log, start_within=90) as (base, process):
        with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as browser:
            assert browser.post("/uk/diary/new").status_code == 200
            found = browser.post(
                night, data={**NIGHT, "medicine_text": typed, "find_medicines": "yes"}
            )
            assert "Квакозябра" in html.unescape(found.text)  # read back on the page only
            ids = list(boxes(found.text))
            assert ids == ["furosemide", "atorvastatin"]
            pending = browser.post(night, data={**NIGHT, "medicine_text": typed, "medicine": ids})
            assert "data-medicines-pending" in pending.text
            saved = browser.post(night, data={**NIGHT, "medicine": ids})
            assert saved.url.path == "/uk/diary"
        process.terminate()
        process.wait(timeout=10)
    logged = log.read_text(errors="replace")
    assert f"POST {night} HTTP/1.1" in logged  # the access log was written
    database = Path(diary_settings.database_url.removeprefix("sqlite:///"))
    kept = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    assert b"C03CA01" in kept  # the medicines are there, by code
    for word in ("фуросимід", "аторвакорр", "Квакозябра"):
        assert word.lower() not in logged.lower(), (word, logged)
        assert word.encode() not in kept
