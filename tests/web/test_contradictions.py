"""The pages refuse answers that contradict each other like any other invalid
answer: the same question again, with 422 and a message naming the other answer
(policy v2, principle 5); nothing is stored."""

from __future__ import annotations

import pytest
from httpx2 import Response
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.settings import Settings
from nightlegs.store import make_engine, make_session_factory
from nightlegs.store.models import Interview
from tests.web.helpers import RLS_PROFILE, Page, answer, answers_for, read, start

PREGNANT = {**RLS_PROFILE, "age": 31, "pregnancy": "trimester_2"}

MESSAGES = {
    "en": "This answer contradicts your answer under “Pregnancy”.",
    "uk": "Ця відповідь суперечить вашій відповіді в пункті «Вагітність».",
    "ru": "Этот ответ противоречит вашему ответу в пункте «Беременность».",
}


def stored(settings: Settings) -> Interview:
    engine = make_engine(settings)
    try:
        with make_session_factory(engine)() as session:
            [interview] = session.scalars(select(Interview))
            return interview
    finally:
        engine.dispose()


def answer_until_pregnancy_is_known(client: TestClient, settings: Settings, lang: str) -> None:
    start(client, lang)
    for _ in range(15):
        if "pregnancy" in stored(settings).values:
            return
        page = read(client.get(f"/{lang}/interview"))
        assert page.kind == "question", page.html
        answer(client, page, PREGNANT)
    raise AssertionError("pregnancy was never asked")


def back_to(client: TestClient, lang: str, question: str) -> Page:
    for step in range(1, 16):
        page = read(client.get(f"/{lang}/interview/{step}"))
        if page.question == question:
            return page
    raise AssertionError(f"{question} is not among the questions answered")


def revise(client: TestClient, lang: str, question: str, **change: str) -> Response:
    """Go back to ``question`` and send it again, with ``change`` (not following a
    redirect)."""
    back = back_to(client, lang, question)
    data = {**answers_for(back, PREGNANT), **change}
    return client.post(back.action or "", data=data, follow_redirects=False)


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_changing_sex_to_male_during_a_pregnancy_is_refused(
    client: TestClient, settings: Settings, lang: str
) -> None:
    answer_until_pregnancy_is_known(client, settings, lang)
    before = stored(settings)
    assert before.values["pregnancy"] == "trimester_2"

    response = revise(client, lang, "q-sex", sex="male")

    assert response.status_code == 422
    page = read(response)
    assert page.kind == "question"
    assert page.question == "q-sex"
    assert MESSAGES[lang] in page.text
    assert 'href="#item-sex"' in page.html
    # What was chosen stays chosen, and nothing was stored.
    assert page.checked("sex") == ["male"]
    after = stored(settings)
    assert (after.values, after.asked, after.pending, after.updated_at) == (
        before.values,
        before.asked,
        before.pending,
        before.updated_at,
    )


def test_an_age_over_55_during_a_pregnancy_is_refused(
    client: TestClient, settings: Settings
) -> None:
    answer_until_pregnancy_is_known(client, settings, "en")
    before = stored(settings).values
    response = revise(client, "en", "q-age", age="70")
    assert response.status_code == 422
    page = read(response)
    assert page.question == "q-age"
    assert MESSAGES["en"] in page.text
    assert page.number("age") == "70"
    assert stored(settings).values == before


def test_after_correcting_the_pregnancy_the_sex_can_be_changed(
    client: TestClient, settings: Settings
) -> None:
    answer_until_pregnancy_is_known(client, settings, "en")
    assert revise(client, "en", "q-pregnancy", pregnancy="not_pregnant").status_code == 303
    assert revise(client, "en", "q-sex", sex="male").status_code == 303
    values = stored(settings).values
    assert (values["sex"], values["pregnancy"]) == ("male", "not_pregnant")
