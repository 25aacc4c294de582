"""The interview's steps through the pages' forms (no JavaScript): groups of signs by
checkbox, the page of each sign, the check of the answers, start over asked first, and
where each answer leads."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.knowledge import KnowledgeBase, load_kb
from nightlegs.pages.interview import groups, navigation, reset
from nightlegs.pages.interview.views import localized
from nightlegs.settings import Settings
from nightlegs.store import make_engine, make_session_factory
from nightlegs.store.models import Interview
from tests.web.helpers import RLS_PROFILE, Page, answer, read, run, start, ticks_for

URGENT = load_kb().question("q-urgent-now").findings


def values(settings: Settings) -> dict[str, Any]:
    engine = make_engine(settings)
    try:
        with make_session_factory(engine)() as session:
            [interview] = session.scalars(select(Interview))
            return dict(interview.values)
    finally:
        engine.dispose()


def first_page(client: TestClient, lang: str = "uk") -> Page:
    start(client, lang)
    return read(client.get(f"/{lang}/interview/1"))


def test_the_urgent_signs_are_boxes_with_three_ways_on(client: TestClient) -> None:
    page = first_page(client)
    assert page.group
    assert page.findings == list(URGENT)
    assert all(page.values(f) == ["present"] for f in page.findings)
    assert page.buttons() == {"action": "next", "none_of_these": "yes", "not_sure": "yes"}
    assert "Чи є у вас зараз щось із цього?" in page.text
    assert (
        "Позначте все, що у вас є. Якщо в чомусь не впевнені, натисніть «Не впевнений(-а)»."
        in page.text
    )
    assert "Нічого з цього" in page.text
    assert "Не впевнений(-а)" in page.text


def test_none_of_these_stores_every_sign_absent(client: TestClient, settings: Settings) -> None:
    page = first_page(client)
    response = client.post(
        page.action or "", data=ticks_for(page, {}, "none_of_these"), follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (303, "/uk/interview/2")
    assert {f: values(settings)[f] for f in URGENT} == dict.fromkeys(URGENT, "absent")
    again = read(client.get("/uk/interview/1"))
    assert again.group
    assert not any(again.checked(f) for f in URGENT)
    assert "Минулого разу ви відповіли: нічого з цього." in again.text


def test_ticks_store_present_and_the_rest_absent(client: TestClient, settings: Settings) -> None:
    page = first_page(client, "en")
    client.post(page.action or "", data=ticks_for(page, {"fever": "present"}, "action"))
    stored = values(settings)
    assert stored["fever"] == "present"
    assert {stored[f] for f in URGENT if f != "fever"} == {"absent"}
    assert read(client.get("/en/interview/1")).checked("fever") == ["present"]


@pytest.mark.parametrize(
    ("ticked", "button", "message"),
    [
        ({}, "action", "Tick each sign you have, or press “None of these”."),
        ({"fever": "present"}, "none_of_these", "Untick it, or press “Next”."),
    ],
)
def test_a_group_sent_with_the_wrong_button_is_refused(
    client: TestClient, settings: Settings, ticked: dict[str, str], button: str, message: str
) -> None:
    page = first_page(client, "en")
    response = client.post(page.action or "", data=ticks_for(page, ticked, button))
    assert response.status_code == 422
    again = read(response)
    assert again.question == "q-urgent-now"
    assert message in again.text
    assert again.checked("fever") == (["present"] if ticked else [])
    assert not set(URGENT) & set(values(settings))


def test_not_sure_asks_each_sign_and_keeps_i_dont_know(
    client: TestClient, settings: Settings
) -> None:
    page = first_page(client, "ru")
    data = ticks_for(page, {"fever": "present", "fainting": "present"}, "not_sure")
    response = client.post(page.action or "", data=data, follow_redirects=False)
    assert response.status_code == 303
    each_address = response.headers["location"]
    assert each_address.startswith("/ru/interview/1/each?ticked=")
    assert "fever" not in each_address  # the address names places, not signs
    each = read(client.get(each_address))
    assert (each.question, each.group) == ("q-urgent-now", False)
    assert each.action == "/ru/interview/1/each"
    assert each.checked("fever") == each.checked("fainting") == ["present"]
    assert each.checked("sudden_breathlessness_chest_pain") == []
    assert each.values("fever") == ["present", "absent", "unknown"]
    assert "Для каждого признака выберите «Да», «Нет» или «Не знаю»." in each.text

    sent = {**dict.fromkeys(URGENT, "absent"), "fever": "present", "fainting": "unknown"}
    response = client.post(
        each.action or "", data={**each.hidden(), **sent, "action": "next"}, follow_redirects=False
    )
    assert response.headers["location"] == "/ru/interview/2"
    assert {f: values(settings)[f] for f in URGENT} == sent
    # Shown again sign by sign: a box could not show "I don't know".
    response = client.get("/ru/interview/1", follow_redirects=False)
    assert response.headers["location"] == "/ru/interview/1/each"
    assert read(client.get("/ru/interview/1/each")).checked("fainting") == ["unknown"]


def test_an_old_form_without_its_items_is_never_read_as_ticks(
    client: TestClient, settings: Settings
) -> None:
    page = first_page(client)
    data = {"_question": "q-urgent-now", "fever": "present", "action": "next"}
    response = client.post(page.action or "", data=data, follow_redirects=False)
    assert response.headers["location"] == "/uk/interview/1"
    assert not set(URGENT) & set(values(settings))
    # The old address reads each item: the unanswered ones are asked for.
    assert client.post("/uk/interview/answer", data=data).status_code == 422
    assert not set(URGENT) & set(values(settings))


def test_a_group_cut_down_to_one_item_asks_that_item(client: TestClient, kb: KnowledgeBase) -> None:
    profile = {**RLS_PROFILE, "fainting": "unknown"}
    start(client, "uk")
    for _ in range(3):
        page = read(client.get("/uk/interview"))
        if page.question == "q-recheck-urgent":
            break
        answer(client, page, profile)
    assert page.question == "q-recheck-urgent"
    assert page.findings == ["fainting"]
    again = kb.question("q-urgent-now").source.items[1].again
    assert again is not None
    assert f'<span class="question__main">{again.get("uk")}</span>' in page.html
    assert '<span class="question__lead">' in page.html
    assert page.values("fainting") == ["present", "absent", "unknown"]


def test_the_check_page_lists_every_answer_and_leads_to_the_results(client: TestClient) -> None:
    profile = {**RLS_PROFILE, "fainting": "unknown"}
    start(client, "en")
    asked: list[str] = []
    for _ in range(30):
        page = read(client.get("/en/interview"))
        if page.kind == "check":
            break
        asked.append(page.question or "")
        answer(client, page, profile)
    assert page.kind == "check"
    changes = [link for link in page.attr("href") if link.endswith("?from=check")]
    assert changes == [f"/en/interview/{n}?from=check" for n in range(1, len(asked) + 1)]
    assert page.html.count('data-action="change"') == len(asked)
    assert "Fainted or nearly fainted recently: I don't know" in page.text
    assert "54" in page.text
    # Not yet "checked": the results are there once asked for.
    response = client.post("/en/interview/check", data={"action": "next"}, follow_redirects=False)
    assert response.headers["location"] == "/en/results"
    assert read(client.get("/en/results")).kind == "results"


def test_a_change_from_the_check_page_returns_to_it(client: TestClient, settings: Settings) -> None:
    run(client, RLS_PROFILE, "uk")
    check = read(client.get("/uk/interview/check"))
    age_step = next(
        n for n in range(1, 20) if read(client.get(f"/uk/interview/{n}")).question == "q-age"
    )
    page = read(client.get(f"/uk/interview/{age_step}?from=check"))
    assert page.hidden()["_from"] == "check"
    assert page.links["back"] == "/uk/interview/check"
    assert f'href="/uk/interview/{age_step}?from=check"' in check.html
    response = client.post(
        page.action or "",
        data={**page.hidden(), "age": "18,5", "action": "next"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/uk/interview/check?changed={age_step}"
    assert values(settings)["age"] == 18.5
    again = read(client.get(response.headers["location"]))
    assert again.kind == "check"
    assert "data-readback" in again.html
    assert "18,5" in again.text


def test_the_question_after_a_number_reads_it_back(client: TestClient) -> None:
    start(client, "uk")
    for _ in range(3):  # urgent signs, leg symptoms, age
        answer(client, read(client.get("/uk/interview")), RLS_PROFILE)
    page = read(client.get("/uk/interview/4"))
    assert page.question == "q-sex"
    assert "Ви ввели:" in page.text
    assert "54" in page.text
    assert 'href="/uk/interview/3">Змінити</a>' in page.html


def test_start_over_asks_first(client: TestClient, settings: Settings) -> None:
    start(client, "uk")
    answer(client, read(client.get("/uk/interview")), RLS_PROFILE)
    page = read(client.get("/uk/interview/2"))
    assert page.links["reset"] == "/uk/interview/reset?back=/uk/interview/2"
    ask = read(client.get(page.links["reset"]))
    assert ask.kind == "reset"
    assert "Видалити ваші відповіді й почати спочатку?" in ask.text
    assert ask.links["back"] == "/uk/interview/2"
    assert 'name="confirm" value="yes"' in ask.html
    # A start-over without the confirmation's field asks first, and keeps everything.
    response = client.post("/uk/interview/reset", follow_redirects=False)
    assert response.headers["location"] == "/uk/interview/reset"
    assert values(settings)
    response = client.post("/uk/interview/reset", data={"confirm": "yes"}, follow_redirects=False)
    assert response.headers["location"] == "/uk/"
    assert client.get("/uk/interview/reset", follow_redirects=False).headers["location"] == "/uk/"


@pytest.mark.parametrize(
    ("back", "referer", "expected"),
    [
        ("/uk/interview/3", None, "/uk/interview/3"),
        ("/uk/interview/3/each", None, "/uk/interview/3/each"),
        ("/uk/interview/check", None, "/uk/interview/check"),
        (None, "http://testserver/uk/results", "/uk/results"),
        ("https://evil.example/uk/results", None, "/uk/interview"),
        ("//evil.example/uk/results", None, "/uk/interview"),
        ("/ru/interview/3", None, "/uk/interview"),
        ("/uk/interview/3?next=//evil", None, "/uk/interview"),
        (None, None, "/uk/interview"),
    ],
)
def test_no_go_back_returns_only_to_a_page_of_the_interview(
    back: str | None, referer: str | None, expected: str
) -> None:
    assert reset.back_to("uk", back, referer) == expected


GROUP = localized(load_kb(), "q-urgent-now", URGENT, "en")


@given(
    ticked=st.sets(st.sampled_from(URGENT)),
    press=st.sampled_from(["next", "none_of_these"]),
)
def test_a_group_is_read_as_its_ticks(ticked: set[str], press: groups.Press) -> None:
    form = {f: ["present"] for f in ticked}
    submission, problem = groups.read(GROUP, form, press)
    if press == "next" and not ticked:
        assert (problem, submission.answers) == ("nothing_ticked", [])
    elif press == "none_of_these" and ticked:
        assert (problem, submission.answers) == ("ticked_and_none", [])
    else:
        assert problem is None
        assert {a.finding: a.value for a in submission.answers} == {
            f: "present" if f in ticked else "absent" for f in URGENT
        }


@given(finding=st.sampled_from(URGENT), value=st.sampled_from(["unknown", "absent", "yes"]))
def test_a_box_never_turns_another_value_into_no(finding: str, value: str) -> None:
    submission, _ = groups.read(GROUP, {finding: [value]}, "next")
    assert submission.answers == []
    assert submission.problems == {finding: "choice"}


@given(st.lists(st.sampled_from(URGENT), unique=True))
def test_the_places_of_ticked_signs_name_them_again(ticked: list[str]) -> None:
    text = ",".join(map(str, groups.positions(GROUP, ticked)))
    assert set(groups.at_positions(GROUP, text)) == set(ticked)


@given(st.text(max_size=20))
def test_any_places_text_names_only_signs_of_the_question(text: str) -> None:
    assert set(groups.at_positions(GROUP, text)) <= set(URGENT)


def test_the_step_addresses() -> None:
    assert navigation.step_path(3) == "/interview/3"
    assert navigation.step_path(3, each=True, from_check=True) == "/interview/3/each?from=check"
