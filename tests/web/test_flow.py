"""The interview through the pages' forms, as a browser without JavaScript uses it."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.pages.common import INTERVIEW_COOKIE
from nightlegs.settings import Settings
from nightlegs.store import make_engine, make_session_factory, repository
from nightlegs.store.models import Interview, utcnow
from tests.web.helpers import DVT_PROFILE, RLS_PROFILE, answer, answers_for, read, run, start


def stored(settings: Settings) -> list[Interview]:
    engine = make_engine(settings)
    try:
        with make_session_factory(engine)() as session:
            return list(session.scalars(select(Interview)))
    finally:
        engine.dispose()


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_a_restless_legs_profile_reaches_its_results(client: TestClient, lang: str) -> None:
    results, asked, emergencies = run(client, RLS_PROFILE, lang)
    assert results.lang == lang
    assert results.attr("data-triage-level") == ["consultation"]
    assert results.attr("data-condition")[0] == "restless_legs_syndrome"
    assert asked[0] == "q-urgent-now"  # every urgent sign first, on one page
    assert not emergencies
    # Done: the way in leads to the check of the answers, which leads to the results.
    assert str(client.get(f"/{lang}/interview").url).endswith(f"/{lang}/interview/check")


def test_every_answer_is_posted_to_its_step_then_redirected_to_the_next(
    client: TestClient,
) -> None:
    response = client.post("/uk/interview", data={"consent": "yes"}, follow_redirects=False)
    assert response.headers["location"] == "/uk/interview/1"
    page = read(client.get("/uk/interview"))
    assert page.action == "/uk/interview/1"
    response = answer(client, page, RLS_PROFILE, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/uk/interview/2"
    page = read(client.get("/uk/interview/2"))
    assert page.action == "/uk/interview/2"
    response = answer(client, page, RLS_PROFILE, follow_redirects=False)
    assert response.headers["location"] == "/uk/interview/3"


def test_the_web_interview_is_the_api_interview(client: TestClient) -> None:
    run(client, RLS_PROFILE, "en")
    interview_id = client.cookies[INTERVIEW_COOKIE].partition(".")[0]  # <id>.<browser secret>
    result = client.get(f"/api/v1/interviews/{interview_id}/result")
    assert result.status_code == 200
    body = result.json()
    assert body["triage"]["level"] == "consultation"
    assert body["provisional"] is False
    assert body["language"] == "en"


def test_an_emergency_interrupts_then_lets_the_person_continue(client: TestClient) -> None:
    start(client)
    urgent_now = read(client.get("/uk/interview"))
    response = answer(client, urgent_now, DVT_PROFILE)
    assert str(response.url).endswith("/uk/interview/emergency")
    page = read(response)
    assert page.kind == "emergency"
    assert page.attr("data-triage-level") == ["emergency"]
    assert 'href="tel:103"' in page.html
    assert 'href="tel:112"' in page.html
    assert 'data-action="continue"' in page.html
    # Before anything else: the way in, the next question and the results show it too.
    assert read(client.get("/uk/interview")).kind == "emergency"
    assert read(client.get("/uk/interview/2")).kind == "emergency"
    assert read(client.get("/uk/results")).kind == "emergency"
    # The answer that raised it can still be looked at (and changed).
    assert read(client.get("/uk/interview/1")).question == "q-urgent-now"

    response = client.post("/uk/interview/continue")
    assert read(response).kind == "question"
    assert str(response.url).endswith("/uk/interview/2")
    results, _, again = run(client, DVT_PROFILE, "uk", response=response)
    assert not again, "acknowledged once, not shown again for the same level"
    assert results.attr("data-triage-level") == ["emergency"]
    assert results.attr("data-condition")[0] == "deep_vein_thrombosis"
    assert 'href="tel:103"' in results.html


def test_a_higher_emergency_interrupts_again(client: TestClient) -> None:
    start(client)
    first = read(client.get("/en/interview"))
    response = answer(client, first, DVT_PROFILE)
    assert read(response).attr("data-triage-level") == ["emergency"]
    assert read(client.post("/en/interview/continue")).kind == "question"
    # Now change the first answer: breathlessness as well calls for an ambulance.
    back = read(client.get("/en/interview/1"))
    assert back.question == "q-urgent-now"
    assert back.checked("sudden_unilateral_swelling") == ["present"]
    breathless = {**DVT_PROFILE, "sudden_breathlessness_chest_pain": "present"}
    page = read(answer(client, back, breathless))
    assert page.kind == "emergency"
    assert page.attr("data-triage-level") == ["emergency_ambulance"]
    assert read(client.post("/en/interview/continue")).kind == "question"
    # Taking it back, then answering it again, interrupts again.
    answer(client, back, DVT_PROFILE)
    assert read(answer(client, back, breathless)).kind == "emergency"


def test_back_shows_the_last_answer_prefilled_and_walks_further_back(client: TestClient) -> None:
    start(client)
    for _ in range(3):  # urgent signs, leg symptoms, age
        answer(client, read(client.get("/uk/interview")), RLS_PROFILE)
    pending = read(client.get("/uk/interview"))
    assert pending.question == "q-sex"
    assert pending.action == "/uk/interview/4"
    assert pending.links["back"] == "/uk/interview/3"

    back = read(client.get(pending.links["back"]))
    assert back.kind == "question"
    assert back.question == "q-age"
    assert back.number("age") == "54"
    assert back.action == "/uk/interview/3"

    further = read(client.get(back.links["back"]))
    assert further.question == "q-leg-symptoms"
    assert further.checked("leg_symptoms") == ["present"]
    # A reload stays where it is.
    assert read(client.get(back.links["back"])).question == "q-leg-symptoms"
    first = read(client.get("/uk/interview/1"))
    assert first.question == "q-urgent-now"
    assert "back" not in first.links
    # A step not reached yet leads to the pending one.
    response = client.get("/uk/interview/9", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/uk/interview/4"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/uk/interview/back?step=0", "/uk/interview/1"),
        ("/uk/interview/back?step=1", "/uk/interview/2"),
        ("/uk/interview/back", "/uk/interview/2"),
        ("/uk/interview", "/uk/interview/3"),
    ],
)
def test_the_old_addresses_lead_to_the_steps(client: TestClient, old: str, new: str) -> None:
    start(client)
    for _ in range(2):
        answer(client, read(client.get("/uk/interview")), RLS_PROFILE)
    response = client.get(old, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, new)


def test_changing_an_earlier_answer_keeps_the_others(
    client: TestClient, settings: Settings
) -> None:
    start(client)
    for _ in range(4):  # ... age, sex
        answer(client, read(client.get("/uk/interview")), RLS_PROFILE)
    before = stored(settings)[0]
    back = read(client.get("/uk/interview/3"))
    assert back.question == "q-age"
    data = {**answers_for(back, RLS_PROFILE), "age": "61"}
    response = client.post(back.action or "", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/uk/interview/4"  # on to the next step
    after = stored(settings)[0]
    assert after.values["age"] == 61
    assert {k: v for k, v in after.values.items() if k != "age"} == {
        k: v for k, v in before.values.items() if k != "age"
    }
    assert [a["question_id"] for a in after.asked] == [a["question_id"] for a in before.asked]
    # The interview goes on from a freshly planned question, and can be finished.
    results, _, _ = run(
        client, {**RLS_PROFILE, "age": 61}, "uk", response=client.get("/uk/interview")
    )
    assert results.attr("data-condition")[0] == "restless_legs_syndrome"


def test_changing_an_answer_from_the_results_goes_through_the_check(client: TestClient) -> None:
    results, _, _ = run(client, RLS_PROFILE, "en")
    check = read(client.get(results.links["back"]))
    assert check.kind == "check"


def test_a_missing_item_shows_the_same_question_again_with_422(client: TestClient) -> None:
    start(client, "ru")
    page = read(client.get("/ru/interview/1/each"))
    assert page.kind == "question"
    assert page.action == "/ru/interview/1/each"
    data = answers_for(page, {})
    del data["fainting"]
    del data["saddle_numbness"]
    response = client.post(page.action, data=data)
    assert response.status_code == 422
    again = read(response)
    assert again.kind == "question"
    assert again.lang == "ru"
    assert again.question == page.question
    assert "Вы не ответили на эти пункты" in again.html
    assert 'href="#item-fainting"' in again.html
    assert 'href="#item-saddle_numbness"' in again.html
    assert "Выберите ответ или «Не знаю»." in again.text
    # What was chosen stays chosen.
    assert again.checked("sudden_breathlessness_chest_pain") == ["absent"]
    # Nothing was stored: the same question is still pending.
    assert read(client.get("/ru/interview")).question == page.question


def advance_to(client: TestClient, lang: str, question: str) -> None:
    for _ in range(10):
        page = read(client.get(f"/{lang}/interview"))
        if page.question == question:
            return
        answer(client, page, RLS_PROFILE)
    raise AssertionError(f"never reached {question}")


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("fifty", "Please enter a number, for example 4 or 4.5."),
        ("", "Please choose an answer, or “I don't know”."),
        ("130", "Please enter a number from 0 to 120."),
        ("nan", "Please enter a number, for example 4 or 4.5."),
    ],
)
def test_a_number_that_cannot_be_used_is_refused(
    client: TestClient, typed: str, problem: str
) -> None:
    start(client, "en")
    advance_to(client, "en", "q-age")
    page = read(client.get("/en/interview"))
    response = client.post(
        page.action or "", data={**page.hidden(), "age": typed, "action": "next"}
    )
    assert response.status_code == 422
    page = read(response)
    assert page.question == "q-age"
    assert problem in page.text
    assert page.number("age") == typed


def test_a_number_may_be_written_with_a_comma_and_unknown_wins(
    client: TestClient, settings: Settings
) -> None:
    start(client, "uk")
    advance_to(client, "uk", "q-age")
    page = read(client.get("/uk/interview"))
    response = client.post(
        page.action or "",
        data={**page.hidden(), "age": "54,5", "action": "next"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert stored(settings)[0].values["age"] == 54.5
    back = read(client.get("/uk/interview/back"))
    assert back.question == "q-age"
    response = client.post(
        back.action or "",
        data={**back.hidden(), "age": ["40", "unknown"], "action": "next"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert stored(settings)[0].values["age"] == "unknown"


def test_a_form_from_an_older_page_stores_nothing_and_shows_what_is_current(
    client: TestClient, settings: Settings
) -> None:
    start(client)
    answer(client, read(client.get("/uk/interview")), RLS_PROFILE)
    other_tab = read(client.get("/uk/interview/2"))
    assert other_tab.question == "q-leg-symptoms"
    # Meanwhile the first answer changes: a red flag not known is asked again first.
    first = read(client.get("/uk/interview/1"))
    answer(client, first, {"fainting": "unknown"})
    assert read(client.get("/uk/interview/2")).question == "q-recheck-urgent"
    before = stored(settings)[0].values

    response = client.post(
        other_tab.action or "", data=answers_for(other_tab, RLS_PROFILE), follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/uk/interview/2"
    assert stored(settings)[0].values == before
    assert "leg_symptoms" not in before


def test_resume_in_a_new_browser_with_the_cookie(make_client: Callable[..., TestClient]) -> None:
    first = make_client()
    start(first, "en")
    answer(first, read(first.get("/en/interview")), RLS_PROFILE)
    where = read(first.get("/en/interview")).question
    cookie = first.cookies[INTERVIEW_COOKIE]

    fresh = make_client()
    fresh.cookies.set(INTERVIEW_COOKIE, cookie)
    resumed = read(fresh.get("/en/interview"))
    assert resumed.kind == "question"
    assert resumed.question == where == "q-leg-symptoms"
    start_page = read(fresh.get("/en/"))
    assert "/en/interview" in start_page.html  # "continue where you stopped"


def test_the_cookie_is_httponly_lax_and_lasts_as_long_as_the_interview(
    client: TestClient, settings: Settings
) -> None:
    response = client.post("/uk/interview", data={"consent": "yes"}, follow_redirects=False)
    assert response.status_code == 303
    header = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith(INTERVIEW_COOKIE)
    )
    assert "HttpOnly" in header
    assert "SameSite=lax" in header or "SameSite=Lax" in header
    assert "Path=/" in header
    assert f"Max-Age={settings.interview_ttl_hours * 3600}" in header
    assert "Secure" not in header  # plain http here


def test_an_unknown_cookie_goes_back_to_the_start_with_a_message(client: TestClient) -> None:
    client.cookies.set(INTERVIEW_COOKIE, "no-such-interview")
    for path in ("/en/interview", "/en/interview/3", "/en/interview/check"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/en/?gone=1"
    client.cookies.set(INTERVIEW_COOKIE, "no-such-interview")
    page = read(client.get("/en/interview"))
    assert page.kind == "start"
    assert "Your earlier answers are no longer kept" in page.text
    assert "72 hours" in page.html


def test_an_expired_interview_is_gone(
    client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    start(client, "uk")
    real = repository.get

    def later(*args: object, **kwargs: object) -> object:
        kwargs["now"] = utcnow() + timedelta(hours=settings.interview_ttl_hours + 1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "get", later)
    response = client.get("/uk/interview", follow_redirects=False)
    assert response.headers["location"] == "/uk/?gone=1"


def test_without_a_cookie_the_interview_page_leads_to_the_start(client: TestClient) -> None:
    response = client.get("/ru/results", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/ru/"


def test_start_over_deletes_the_interview_and_the_cookie(
    client: TestClient, settings: Settings
) -> None:
    run(client, RLS_PROFILE, "uk")
    assert len(stored(settings)) == 1
    response = client.post("/uk/interview/reset", data={"confirm": "yes"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/uk/"
    assert INTERVIEW_COOKIE not in client.cookies
    assert stored(settings) == []
    assert read(client.get("/uk/")).kind == "start"


def test_starting_again_replaces_the_unfinished_interview(
    client: TestClient, settings: Settings
) -> None:
    start(client)
    first = client.cookies[INTERVIEW_COOKIE]
    start(client)
    assert client.cookies[INTERVIEW_COOKIE] != first
    assert [i.id for i in stored(settings)] == [client.cookies[INTERVIEW_COOKIE].partition(".")[0]]


def test_consent_is_required(client: TestClient, settings: Settings) -> None:
    response = client.post("/en/interview", data={})
    assert response.status_code == 422
    page = read(response)
    assert page.kind == "start"
    assert "please tick the box" in page.text
    assert stored(settings) == []


def test_a_red_flag_answered_i_dont_know_is_asked_again(client: TestClient) -> None:
    results, asked, _ = run(client, {**RLS_PROFILE, "fainting": "unknown"}, "uk")
    assert "q-recheck-urgent" in asked
    step = asked.index("q-recheck-urgent") + 1
    back = read(client.get(f"/uk/interview/{step}"))
    assert back.question == "q-recheck-urgent"
    assert back.findings == ["fainting"]
    assert back.checked("fainting") == ["unknown"]
    assert results.attr("data-condition")[0] == "restless_legs_syndrome"
