"""Medicine names on the medicines question (no JavaScript): typed, found with "Find",
confirmed, their class findings ticked, kept by INN and ATC code; the typed text kept
nowhere (the database's bytes, a real server's log). Through "Not sure" the confirmed
medicines go to the page of each sign by their ids and are kept when it is sent; there a
class answered "No" against a medicine named is refused, "I don't know" is answered by
the name; Back, "Change" from the check page and the question's other step keep them."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import httpx2 as httpx
import pypdf
import pytest
import sqlalchemy as sa
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.evaluation.cases import Case
from nightlegs.pages.interview import medicine_names
from nightlegs.settings import Settings
from nightlegs.store import make_engine, make_session_factory, migrate
from nightlegs.store.models import Interview
from tests.fixtures.databases import table_names
from tests.servers import environment, server
from tests.web.helpers import RLS_PROFILE, Page, answer, read, start, ticks_for

# Furosemide and atorvastatin, each misspelt, and a class description (never a medicine).
TYPED = {
    "uk": ("фуросимід, аторвостатин, ліки від тиску", "Фуросемід", "Аторвастатин"),
    "ru": ("фуросимид, аторвостатин, лекарство от давления", "Фуросемид", "Аторвастатин"),
    "en": ("furosemid, atorvastatine, blood pressure pills", "Furosemide", "Atorvastatin"),
}
EXPECTED = [{"inn": "furosemide", "atc": "C03CA01"}, {"inn": "atorvastatin", "atc": "C10AA05"}]


def to_medicines(
    client: Any, lang: str, response: Any = None, profile: Mapping[str, Any] = RLS_PROFILE
) -> Page:
    """Answer as the person with restless legs (or ``profile``) until the medicines
    question."""
    response = response or start(client, lang)
    for _ in range(40):
        page = read(response)
        if page.kind == "question" and page.question == medicine_names.QUESTION_ID:
            return page
        if page.kind == "emergency":
            response = client.post(f"/{lang}/interview/continue")
            continue
        assert page.kind == "question", page.html
        response = answer(client, page, profile)
    raise AssertionError("the medicines question was never asked")


def stored(settings: Settings) -> Interview:
    engine = make_engine(settings)
    try:
        with make_session_factory(engine)() as session:
            [interview] = session.scalars(select(Interview))
            session.expunge(interview)
            return interview
    finally:
        engine.dispose()


def find(client: Any, page: Page, text: str) -> Any:
    return client.post(
        page.action, data={**page.hidden(), "medicine_text": text, "find_medicines": "yes"}
    )


def confirm(client: Any, page: Page, ids: list[str], **fields: str) -> Any:
    """Send the medicines ``ids`` confirmed, and nothing else ticked: "Next" when their
    classes are signs of this step, else "None of these" (of this step's other signs)."""
    by_id = {m.id: m for m in medicine_names.table().data.medicines}
    here = {f for i in ids for f in by_id[i].findings} & set(page.findings)
    button = {"action": "next"} if here else {"none_of_these": "yes"}
    return client.post(
        page.action or "", data={**page.hidden(), "medicine": ids, **button, **fields}
    )


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_typed_names_are_offered_confirmed_and_kept_by_name(
    client: TestClient, settings: Settings, lang: str
) -> None:
    typed, furosemide, atorvastatin = TYPED[lang]
    page = to_medicines(client, lang)
    assert "medicine_text" in page.html
    found = find(client, page, typed)
    assert found.status_code == 200
    offered = read(found)
    assert offered.question == medicine_names.QUESTION_ID
    assert furosemide in offered.text
    assert atorvastatin in offered.text
    ids = offered.values("medicine")
    assert len(ids) == 2
    assert offered.checked("medicine") == []  # offered, not yet confirmed
    assert typed.split(", ")[2] in offered.text  # the class description: not recognised
    assert {"uk": "Не впізнали", "ru": "Не узнали", "en": "Not recognised"}[lang] in offered.text
    assert "med_loop_diuretic" not in stored(settings).values  # nothing stored by "Find"

    sent = confirm(client, page, ids, medicine_text=typed)
    assert sent.status_code == 200, read(sent).text.split("error-summary")[-1][:800]
    interview = stored(settings)
    assert interview.values["med_loop_diuretic"] == "present"
    assert interview.values["med_statin"] == "present"
    assert interview.values["med_ssri_snri"] == "absent"
    assert interview.medicines == EXPECTED
    # The medicines question's other step, if any, does not ask them again.
    response = client.get(f"/{lang}/interview")
    for _ in range(40):
        later = read(response)
        if later.kind != "question":
            break
        if later.question == medicine_names.QUESTION_ID:
            assert not {"med_loop_diuretic", "med_statin"} & set(later.findings)
        response = answer(client, later, RLS_PROFILE)
    assert later.kind == "check"
    assert stored(settings).values["med_loop_diuretic"] == "present"


def test_the_question_still_works_by_its_boxes_and_unconfirmed_names_give_nothing(
    client: TestClient, settings: Settings
) -> None:
    page = to_medicines(client, "uk")
    offered = read(find(client, page, "фуросемід"))
    assert offered.values("medicine")
    sent = client.post(
        page.action or "",
        data={**page.hidden(), "medicine_text": "фуросемід", "none_of_these": "yes"},
    )
    assert sent.status_code == 200
    interview = stored(settings)
    assert interview.values["med_ssri_snri"] == "absent"
    assert "med_loop_diuretic" not in interview.values
    assert interview.medicines is None


def test_a_confirmed_medicine_ticks_its_sign_and_contradicts_none_of_these(
    client: TestClient, settings: Settings
) -> None:
    page = to_medicines(client, "uk")
    assert "med_ssri_snri" in page.findings
    ids = read(find(client, page, "сертралін")).values("medicine")
    data = {**page.hidden(), "medicine_text": "сертралін", "medicine": ids}
    refused = client.post(page.action or "", data={**data, "none_of_these": "yes"})
    assert refused.status_code == 422
    assert read(refused).checked("medicine") == ids  # the confirmation is kept
    assert read(refused).checked("med_ssri_snri") == ["present"]
    sent = client.post(page.action or "", data={**data, "action": "next"})
    assert sent.status_code == 200
    assert stored(settings).values["med_ssri_snri"] == "present"
    assert stored(settings).medicines == [{"inn": "sertraline", "atc": "N06AB06"}]


def test_next_with_only_medicines_named_off_the_list_asks_for_the_list(
    client: TestClient, settings: Settings
) -> None:
    page = to_medicines(client, "uk")
    assert "med_loop_diuretic" not in page.findings  # furosemide's class is not listed here
    ids = read(find(client, page, "фуросемід")).values("medicine")
    data = {**page.hidden(), "medicine_text": "фуросемід", "medicine": ids}
    refused = client.post(page.action or "", data={**data, "action": "next"})
    assert refused.status_code == 422
    assert "Ліки, які ви назвали, ми записали" in read(refused).text
    assert read(refused).checked("medicine") == ids  # the confirmation is kept
    assert "med_ssri_snri" not in stored(settings).values  # an empty Next is not "no"
    sent = client.post(page.action or "", data={**data, "none_of_these": "yes"})
    assert sent.status_code == 200
    assert stored(settings).values["med_ssri_snri"] == "absent"
    assert stored(settings).medicines == [{"inn": "furosemide", "atc": "C03CA01"}]


def test_the_check_page_and_the_pdf_name_the_medicines(client: TestClient) -> None:
    page = to_medicines(client, "uk")
    ids = read(find(client, page, "фуросемід аторвакор")).values("medicine")
    response = confirm(client, page, ids)
    for _ in range(40):
        now = read(response)
        if now.kind == "check":
            break
        response = answer(client, now, RLS_PROFILE)
    assert "Ліки, які ви назвали" in now.text
    assert "Фуросемід (C03CA01)" in now.text
    assert "Аторвастатин (C10AA05)" in now.text
    client.post("/uk/interview/check", data={"action": "next"})
    pdf = client.get("/uk/report.pdf")
    assert pdf.status_code == 200, pdf.text[:300]
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Фуросемід (C03CA01)" in text
    assert "Аторвастатин (C10AA05)" in text


def test_an_earlier_answer_changed_keeps_its_medicines(client: TestClient) -> None:
    page = to_medicines(client, "en")
    ids = read(find(client, page, "furosemide")).values("medicine")
    assert confirm(client, page, ids).status_code == 200
    again = read(client.get(page.action or ""))
    assert again.checked("medicine") == ids


@pytest.mark.slow
def test_the_typed_text_reaches_neither_the_log_nor_the_database(
    tmp_path: Path, settings: Settings
) -> None:
    migrate.upgrade(settings)
    typed = "фуросимідкс, аторвакорр, зюзюмбра"
    log = tmp_path / "server.log"
    env = {**environment(database_url=settings.database_url), "PYTHONUNBUFFERED": "1"}
    with server(env, log) as (base, process):
        with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as browser:
            page = to_medicines(
                browser, "uk", browser.post("/uk/interview", data={"consent": "yes"})
            )
            offered = read(find(browser, page, typed))
            assert "зюзюмбра" in offered.text  # read back on the page only
            sent = confirm(browser, page, offered.values("medicine"), medicine_text=typed)
            assert sent.status_code == 200
        process.terminate()
        process.wait(timeout=10)
    logged = log.read_text(errors="replace")
    assert "POST /uk/interview/" in logged  # the access log was written
    database = Path(settings.database_url.removeprefix("sqlite:///"))
    kept = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    assert b"C10AA05" in kept  # the medicines are there, by code
    for word in ("фуросимідкс", "аторвакорр", "зюзюмбра"):
        assert word not in logged
        assert word.encode() not in kept


@pytest.mark.every_database
def test_the_migration_adds_and_removes_the_columns(settings: Settings) -> None:
    def has_column() -> list[bool]:
        engine = make_engine(settings)
        try:
            inspector = sa.inspect(engine)
            tables = ("interviews", "diary_interviews")
            return [any(c["name"] == "medicines" for c in inspector.get_columns(t)) for t in tables]
        finally:
            engine.dispose()

    migrate.upgrade(settings)
    assert has_column() == [True, True]
    migrate.downgrade(settings, "0006")
    assert has_column() == [False, False]
    assert "interviews" in table_names(settings)
    migrate.upgrade(settings)
    assert has_column() == [True, True]


# -- "Not sure": the page of each sign -----------------------------------------------------

#: Sertraline and furosemide, and a word no table knows (carried nowhere).
SERTRALINE = {
    "uk": ("сертралін, фуросемід, зюзюмбра", "Сертралін"),
    "ru": ("сертралин, фуросемид, зюзюмбра", "Сертралин"),
}
EXPECTED_NOT_SURE = [
    {"inn": "sertraline", "atc": "N06AB06"},
    {"inn": "furosemide", "atc": "C03CA01"},
]


def not_sure(client: Any, page: Page, ids: list[str], **fields: str) -> Any:
    """The medicines ``ids`` confirmed, then "Not sure": to the page of each sign."""
    data = {**page.hidden(), "medicine": ids, "not_sure": "yes", **fields}
    return client.post(page.action or "", data=data)


def each_answers(each: Page, ids: list[str], **answers: str) -> dict[str, Any]:
    """The page of each sign sent: every sign "no" unless told, the medicines ``ids``."""
    signs = {finding: "absent" for finding in each.findings if finding != "medicine"}
    return {**each.hidden(), **signs, **answers, "medicine": ids, "action": "next"}


def to_each(client: Any, lang: str) -> tuple[Page, Page, list[str]]:
    """The medicines question, sertraline and furosemide found, confirmed, "Not sure"."""
    typed = SERTRALINE[lang][0]
    page = to_medicines(client, lang)
    ids = read(find(client, page, typed)).values("medicine")
    assert len(ids) == 2
    response = not_sure(client, page, ids, medicine_text=typed)
    assert response.status_code == 200
    each = read(response)
    assert (each.question, each.group) == (medicine_names.QUESTION_ID, False)
    return page, each, ids


def walk_to_check(client: Any, response: Any) -> Page:
    for _ in range(40):
        now = read(response)
        if now.kind == "check":
            return now
        assert now.kind == "question", now.html
        response = answer(client, now, RLS_PROFILE)
    raise AssertionError("no check page")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_not_sure_carries_the_confirmed_medicines_by_id(
    client: TestClient, settings: Settings, lang: str
) -> None:
    typed, sertraline = SERTRALINE[lang]
    page = to_medicines(client, lang)
    ids = read(find(client, page, typed)).values("medicine")
    response = not_sure(client, page, ids, medicine_text=typed)
    moved = response.history[0]
    address = moved.headers["location"]
    assert "/each?ticked=" in address
    # Not in the address (the browser's history keeps it): in a short-lived cookie.
    assert "medicine" not in parse_qs(urlsplit(address).query)
    assert not any(i in unquote(address) for i in ids)
    carried = moved.cookies.get(medicine_names.CARRIED_COOKIE)
    assert medicine_names.carried_ids(carried) == ids
    # The typed text stays in the form it was typed in.
    assert "зюзюмбра" not in address
    assert "зюзюмбра" not in unquote(carried or "")
    assert "зюзюмбра" not in response.text
    assert "medicine_text" not in response.text
    each = read(response)
    assert each.checked("medicine") == ids  # offered again, ticked
    assert f"{sertraline}:" in each.text
    assert each.checked("med_ssri_snri") == ["present"]  # its class: "yes" already
    assert "med_ssri_snri" not in stored(settings).values  # nothing stored by "Not sure"

    sent = client.post(each.action or "", data=each_answers(each, ids, med_ssri_snri="present"))
    assert sent.status_code == 200
    interview = stored(settings)
    assert interview.values["med_ssri_snri"] == "present"
    assert interview.values["med_loop_diuretic"] == "present"  # its class: another step's
    assert interview.values["med_lithium"] == "absent"
    assert interview.medicines == EXPECTED_NOT_SURE
    check = walk_to_check(client, sent)
    assert f"{sertraline} (N06AB06)" in check.text
    assert "(C03CA01)" in check.text


def test_i_dont_know_about_a_named_medicines_class_is_answered_by_the_name(
    client: TestClient, settings: Settings
) -> None:
    _, each, ids = to_each(client, "uk")
    data = each_answers(each, ids, med_ssri_snri="unknown", med_iron_supplement="unknown")
    sent = client.post(each.action or "", data=data)
    assert sent.status_code == 200
    values = stored(settings).values
    assert values["med_ssri_snri"] == "present"  # sertraline is one
    assert values["med_iron_supplement"] == "unknown"  # no medicine named says otherwise


def test_a_named_medicines_class_answered_no_is_refused_until_one_gives_way(
    client: TestClient, settings: Settings
) -> None:
    """The person may not know the class of a medicine they know by name, and either
    answer may be the wrong one: neither is dropped without asking."""
    _, each, ids = to_each(client, "uk")
    refused = client.post(each.action or "", data=each_answers(each, ids))
    assert refused.status_code == 422
    again = read(refused)
    assert "Ви назвали Сертралін — це саме такі ліки." in again.text
    assert again.checked("medicine") == ids  # the medicines still ticked
    assert again.checked("med_ssri_snri") == ["absent"]  # and the answer as given
    assert "med_ssri_snri" not in stored(settings).values
    assert stored(settings).medicines is None

    # Sertraline unticked: the answer "no" stands, the other medicine is kept.
    furosemide = [i for i in ids if i != "sertraline"]
    sent = client.post(each.action or "", data=each_answers(again, furosemide))
    assert sent.status_code == 200
    interview = stored(settings)
    assert interview.values["med_ssri_snri"] == "absent"
    assert interview.medicines == [{"inn": "furosemide", "atc": "C03CA01"}]


def test_back_from_the_page_of_each_sign_keeps_nothing(
    client: TestClient, settings: Settings
) -> None:
    page, each, _ = to_each(client, "uk")
    back = client.get(each.links["back"])
    assert back.status_code == 200
    assert read(back).question != medicine_names.QUESTION_ID  # the step before
    assert stored(settings).medicines is None
    again = read(client.get(page.action or ""))  # the step, still to be answered
    assert (again.question, again.group, again.checked("medicine")) == (
        medicine_names.QUESTION_ID,
        True,
        [],
    )


def test_the_cookie_names_only_the_tables_medicines(client: TestClient) -> None:
    page = to_medicines(client, "uk")
    cookie = quote("sertraline\n<b>x</b>", safe="")  # a cookie may say anything
    client.cookies.set(medicine_names.CARRIED_COOKIE, cookie)
    each = client.get(f"{page.action}/each?ticked=")
    assert read(each).checked("medicine") == ["sertraline"]
    assert "<b>x</b>" not in each.text
    # An address that still names medicines (an older page) carries nothing.
    client.cookies.delete(medicine_names.CARRIED_COOKIE)
    old = client.get(f"{page.action}/each?ticked=&medicine=sertraline")
    assert read(old).checked("medicine") == []


def test_change_from_the_check_page_keeps_the_medicines_either_way(
    client: TestClient, settings: Settings
) -> None:
    page, each, ids = to_each(client, "uk")
    data = each_answers(each, ids, med_ssri_snri="present", med_iron_supplement="unknown")
    check = walk_to_check(client, client.post(each.action or "", data=data))
    assert "Фуросемід (C03CA01)" in check.text
    change = next(
        href for href in check.attr("href") if href.startswith(f"{page.action}?from=check")
    )
    # An "I don't know" among the answers: the step is shown one sign at a time.
    shown = client.get(change)
    assert "/each" in str(shown.url)
    again = read(shown)
    assert again.checked("medicine") == ids
    sent = client.post(
        again.action or "",
        data=each_answers(again, ids, med_ssri_snri="present", med_iron_supplement="absent"),
    )
    assert read(sent).kind == "check"
    assert stored(settings).medicines == EXPECTED_NOT_SURE
    # Now every answer is yes or no: the boxes, the medicines ticked; "Not sure" again.
    boxes = read(client.get(change))
    assert boxes.group
    assert boxes.checked("medicine") == ids
    response = not_sure(client, boxes, ids, med_ssri_snri="present")
    assert "from=check" in str(response.url)
    each = read(response)
    assert each.checked("medicine") == ids
    assert each.hidden()["_from"] == "check"
    sent = client.post(each.action or "", data=each_answers(each, ids[:1], med_ssri_snri="present"))
    assert read(sent).kind == "check"
    assert stored(settings).medicines == EXPECTED_NOT_SURE[:1]
    assert "Фуросемід" not in read(sent).text


def test_the_questions_other_step_offers_the_medicines_named_at_the_first(
    client: TestClient, settings: Settings, public_cases: list[Case]
) -> None:
    """cramps-thiazide is asked the medicines question twice, both times with boxes."""
    [case] = [case for case in public_cases if case.id == "cramps-thiazide"]
    profile = case.profile
    page = to_medicines(client, "uk", profile=profile)
    ids = read(find(client, page, "гідрохлортіазид")).values("medicine")
    response = confirm(client, page, ids)
    for _ in range(40):
        later = read(response)
        if later.question == medicine_names.QUESTION_ID:
            break
        assert later.kind == "question", later.kind
        response = answer(client, later, profile)
    else:
        raise AssertionError("the medicines question was asked once")
    assert later.group
    assert later.checked("medicine") == ids  # named at the first step, offered ticked
    sent = client.post(later.action or "", data={**ticks_for(later, profile), "medicine": ids})
    assert sent.status_code == 200
    assert stored(settings).medicines == [{"inn": "hydrochlorothiazide", "atc": "C03AA03"}]
