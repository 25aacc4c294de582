"""Numbers as people type them, through the pages without JavaScript (issue 9).

Every number question the interview asks is typed "18,5", "18.5" and "3,4" in Ukrainian,
Russian and English, and the interview's stored values are read: what is stored is 18.5
or 3.4, or nothing, with the page saying why (outside the finding's range, or implausible
for its unit and asked about). A value implausible for its unit is stored only as the
person confirms it. (Every number item, TSH too, is read alike: test_number_items.py.)
"""

# ruff: noqa: RUF001 - Ukrainian and Russian page text is meant to contain Cyrillic letters

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from nightlegs.settings import Settings
from nightlegs.store import make_engine, make_session_factory
from nightlegs.store.models import Interview
from tests.web.helpers import Page, answer, read, start

TYPED = {"18,5": 18.5, "18.5": 18.5, "3,4": 3.4}

#: Public cases whose answers lead, between them, to every number question the interview
#: asks: iron and blood count (restless legs), electrolytes and severity (cramps), sugar
#: and B12 (neuropathy), how long (rest pain). TSH is asked of no one: a thyroid disease
#: already says what an abnormal TSH would (see test_every_number_item_reads_alike).
CASES = (
    "rls-low-ferritin-ssri",
    "cramps-occasional-exertion",
    "neuropathy-alcohol",
    "pad-rest-pain",
)
NEVER_ASKED = {"q-tsh"}


def values(settings: Settings) -> dict[str, Any]:
    """The evidence stored for the one interview of the test."""
    engine = make_engine(settings)
    try:
        with make_session_factory(engine)() as session:
            [interview] = session.scalars(select(Interview))
            return dict(interview.values)
    finally:
        engine.dispose()


def number_questions(kb: KnowledgeBase) -> dict[str, str]:
    return {q.id: q.findings[0] for q in kb.questions if q.source.type == "number"}


def form_of(page: Page, finding: str, typed: str, **extra: str) -> dict[str, str]:
    """The form as a browser sends it: the hidden fields, the unit list's choice, the text."""
    data = {**page.hidden(), finding: typed, "action": "next", **extra}
    for field in page.inputs:
        if field.tag == "select":
            data[field.name] = next((v for v, chosen in field.options if chosen), "")
    return data


def confirm_options(page: Page, finding: str) -> list[str]:
    return page.values(f"{finding}__confirm")


def type_each(
    client: TestClient, settings: Settings, kb: KnowledgeBase, page: Page, finding: str
) -> dict[str, tuple[int, Any]]:
    """Type every text of TYPED into the question ``page`` shows (its own address each
    time); what each gave: the status and the value then stored."""
    outcome: dict[str, tuple[int, Any]] = {}
    definition = kb.findings[finding]
    for typed, number in TYPED.items():
        step = read(client.get(page.action or ""))
        assert step.question == page.question
        before = values(settings).get(finding)
        response = client.post(
            step.action or "", data=form_of(step, finding, typed), follow_redirects=False
        )
        after = values(settings).get(finding)
        if response.status_code == 303:
            assert after == number, (finding, typed, after)
        else:
            assert response.status_code == 422, (finding, typed, response.status_code)
            assert after == before, (finding, typed)
            refused = read(response)
            assert refused.question == page.question
            assert 'aria-invalid="true"' in refused.html
            possible = definition.minimum <= number <= definition.maximum  # type: ignore[operator]
            # Refused inside the range only to ask which value was meant.
            assert not possible or confirm_options(refused, finding), (finding, typed)
        outcome[typed] = (response.status_code, after)
    return outcome


def walk(
    client: TestClient, settings: Settings, kb: KnowledgeBase, lang: str, profile: Mapping[str, Any]
) -> dict[str, dict[str, tuple[int, Any]]]:
    """The whole interview as ``profile``, typing TYPED into each number question."""
    questions = number_questions(kb)
    seen: dict[str, dict[str, tuple[int, Any]]] = {}
    response = start(client, lang)
    for _ in range(80):
        page = read(response)
        if page.kind == "results":
            return seen
        if page.kind == "emergency":
            response = client.post(f"/{lang}/interview/continue")
            continue
        if page.kind == "check":
            response = client.post(f"/{lang}/interview/check", data={"action": "next"})
            continue
        assert page.kind == "question", page.html
        question = page.question or ""
        if question in questions and question not in seen:
            finding = questions[question]
            seen[question] = type_each(client, settings, kb, page, finding)
            # Then the person's own answer, so that the interview goes on as theirs.
            step = read(client.get(page.action or ""))
            own = str(profile.get(finding, "unknown"))
            client.post(step.action or "", data=form_of(step, finding, own))
            assert values(settings)[finding] == profile.get(finding, "unknown")
            response = client.get(f"/{lang}/interview")
            continue
        response = answer(client, page, profile)
    raise AssertionError(f"no results: {sorted(seen)}")


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_every_number_question_stores_what_was_typed(
    make_client: Any,
    settings: Settings,
    kb: KnowledgeBase,
    public_cases: list[Case],
    lang: str,
) -> None:
    profiles = {case.id: case.profile for case in public_cases}
    outcomes: dict[str, dict[str, tuple[int, Any]]] = {}
    for case in CASES:
        outcomes.update(walk(make_client(settings), settings, kb, lang, profiles[case]))
        forget_interviews(settings)
    assert set(outcomes) == set(number_questions(kb)) - NEVER_ASKED
    for question, outcome in outcomes.items():
        # A comma and a point are the same decimal mark, in every language.
        assert outcome["18,5"] == outcome["18.5"], question
    stored = {
        question: {typed: value for typed, (status, value) in outcome.items() if status == 303}
        for question, outcome in outcomes.items()
    }
    assert stored["q-ferritin"]["18,5"] == 18.5
    assert stored["q-potassium"]["3,4"] == 3.4
    assert stored["q-nights"]["3,4"] == 3.4
    assert stored["q-age"] == {"18,5": 18.5, "18.5": 18.5, "3,4": 3.4}
    assert "18,5" not in stored["q-potassium"]  # outside 1-10 mmol/L: refused
    assert sum(len(values) for values in stored.values()) >= 2 * len(outcomes)


def forget_interviews(settings: Settings) -> None:
    engine = make_engine(settings)
    try:
        with make_session_factory(engine)() as session, session.begin():
            for interview in session.scalars(select(Interview)):
                session.delete(interview)
    finally:
        engine.dispose()


def reach(client: TestClient, lang: str, profile: Mapping[str, Any], question: str) -> Page:
    """The page of ``question``, answering the questions before it as ``profile``."""
    response = start(client, lang)
    for _ in range(40):
        page = read(response)
        if page.kind == "emergency":
            response = client.post(f"/{lang}/interview/continue")
            continue
        assert page.kind == "question", page.kind
        if page.question == question:
            return page
        response = answer(client, page, profile)
    raise AssertionError(f"never reached {question}")


@pytest.fixture
def profiles(public_cases: list[Case]) -> dict[str, Mapping[str, Any]]:
    return {case.id: case.profile for case in public_cases}


@pytest.mark.parametrize(
    ("lang", "question", "typed", "asked", "chosen", "stored"),
    [
        ("uk", "q-potassium", "34", "Ви ввели 34 ммоль/л. Можливо, 3,4 ммоль/л?", 0, 3.4),
        ("ru", "q-potassium", "34", "Вы ввели 34 ммоль/л. Может быть, 3,4 ммоль/л?", 0, 3.4),
        ("en", "q-potassium", "34", "You entered 34 mmol/L. Did you mean 3.4 mmol/L?", 0, 3.4),
        (
            "uk",
            "q-haemoglobin",
            "13,5",
            "Ви ввели 13,5 г/л. Можливо, 13,5 г/дл (тобто 135 г/л)?",
            0,
            135.0,
        ),
        ("uk", "q-ferritin", "1850", "Ви ввели 1850 мкг/л. Що саме ви мали на увазі?", 1, 18.5),
        ("ru", "q-ferritin", "1850", "Вы ввели 1850 мкг/л. Что именно вы имели в виду?", 2, 1850),
    ],
)
def test_an_implausible_value_is_asked_about_and_only_the_answer_stored(
    client: TestClient,
    settings: Settings,
    profiles: dict[str, Mapping[str, Any]],
    lang: str,
    question: str,
    typed: str,
    asked: str,
    chosen: int,
    stored: float,
) -> None:
    case = "cramps-occasional-exertion" if question == "q-potassium" else "rls-low-ferritin-ssri"
    page = reach(client, lang, profiles[case], question)
    [finding] = page.findings
    response = client.post(page.action or "", data=form_of(page, finding, typed))
    assert response.status_code == 422
    again = read(response)
    assert asked in again.text
    assert finding not in values(settings)
    options = confirm_options(again, finding)
    assert options
    # Sent again without a choice: asked again, nothing stored.
    response = client.post(again.action or "", data=form_of(again, finding, typed))
    assert response.status_code == 422
    assert finding not in values(settings)
    confirm = {f"{finding}__confirm": options[chosen]}
    response = client.post(
        again.action or "", data=form_of(again, finding, typed, **confirm), follow_redirects=False
    )
    assert response.status_code == 303
    assert values(settings)[finding] == pytest.approx(stored)


def test_a_confirmation_for_another_number_is_not_taken(
    client: TestClient, settings: Settings, profiles: dict[str, Mapping[str, Any]]
) -> None:
    """The person changed the number after being asked: the new number is read afresh."""
    page = reach(client, "uk", profiles["cramps-occasional-exertion"], "q-potassium")
    again = read(client.post(page.action or "", data=form_of(page, "potassium", "34")))
    [meant, *_] = confirm_options(again, "potassium")
    confirm = {"potassium__confirm": meant}
    response = client.post(again.action or "", data=form_of(again, "potassium", "45", **confirm))
    assert response.status_code == 422
    assert "Ви ввели 45 ммоль/л. Можливо, 4,5 ммоль/л?" in read(response).text
    assert "potassium" not in values(settings)


@pytest.mark.parametrize(
    ("lang", "typed", "shown", "read_back"),
    [
        ("uk", "18,5", "18,5", "феритин 18,5 мкг/л"),
        ("uk", "18.5 нг/мл", "18,5", "феритин 18,5 мкг/л"),
        ("ru", "18.5", "18,5", "ферритин 18,5 мкг/л"),
        ("en", "18,5 ng/ml", "18.5", "ferritin 18.5 µg/L"),
    ],
)
def test_the_value_is_read_back_and_shown_with_the_pages_decimal_mark(
    client: TestClient,
    settings: Settings,
    profiles: dict[str, Mapping[str, Any]],
    lang: str,
    typed: str,
    shown: str,
    read_back: str,
) -> None:
    page = reach(client, lang, profiles["rls-low-ferritin-ssri"], "q-ferritin")
    response = client.post(page.action or "", data=form_of(page, "ferritin", typed))
    assert values(settings)["ferritin"] == 18.5
    after = read(response)
    assert after.kind == "question"
    assert after.question != "q-ferritin"
    assert read_back in after.text  # the next page reads the number back
    step = read(client.get(page.action or ""))
    assert step.question == "q-ferritin"
    assert step.number("ferritin") == shown


def test_a_unit_the_question_does_not_take_is_refused(
    client: TestClient, settings: Settings, profiles: dict[str, Mapping[str, Any]]
) -> None:
    page = reach(client, "uk", profiles["rls-low-ferritin-ssri"], "q-ferritin")
    response = client.post(page.action or "", data=form_of(page, "ferritin", "18,5 ммоль/л"))
    assert response.status_code == 422
    assert "Виберіть одиницю виміру зі списку." in read(response).text
    assert "ferritin" not in values(settings)


@pytest.mark.parametrize(("lang", "stored"), [("uk", 1.2), ("ru", 1.2), ("en", 1200.0)])
def test_a_comma_before_three_digits_is_read_as_the_pages_language_writes_it(
    client: TestClient,
    settings: Settings,
    profiles: dict[str, Mapping[str, Any]],
    lang: str,
    stored: float,
) -> None:
    page = reach(client, lang, profiles["pad-rest-pain"], "q-duration")
    client.post(page.action or "", data=form_of(page, "duration_months", "1,200"))
    assert values(settings)["duration_months"] == stored
