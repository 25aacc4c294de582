"""Each page type, in each language, with its stable hooks."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from starlette.testclient import TestClient

from nightlegs.knowledge import KnowledgeBase
from nightlegs.pages.common import LANGUAGE_COOKIE
from nightlegs.settings import Settings
from tests.web.helpers import DVT_PROFILE, RLS_PROFILE, answer, read, run, start

LANGS = ["uk", "ru", "en"]


def common_hooks(html: str, lang: str, kind: str) -> None:
    assert f'<html lang="{lang}">' in html
    assert f'<main id="main" class="wrap" data-page="{kind}"' in html
    assert '<body hx-boost="true">' in html
    assert '<meta name="htmx-config"' in html
    assert '"allowEval": false' in html
    assert '"historyCacheSize": 0' in html
    assert '"includeIndicatorStyles": false' in html
    assert re.search(
        r'<link rel="stylesheet" href="/static/css/print.css[^"]*" media="print">', html
    )
    assert '<script src="/static/vendor/htmx-2.0.11.min.js"' in html
    # No inline script or style anywhere (CSP default-src 'self').
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)
    for other in set(LANGS) - {lang}:
        assert f'hreflang="{other}"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_page(client: TestClient, lang: str) -> None:
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    html = response.text
    common_hooks(html, lang, "start")
    assert '<input type="checkbox" name="consent" value="yes"' in html
    assert '<button type="submit" data-action="start"' in html
    assert f'action="/{lang}/interview/agree"' in html  # the consent, then the complaint box
    assert 'href="tel:103"' in html
    assert 'href="tel:112"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_question_page(client: TestClient, lang: str) -> None:
    start(client, lang)
    page = read(client.get(f"/{lang}/interview"))
    common_hooks(page.html, lang, "question")
    assert page.question == "q-urgent-now"
    assert page.action == f"/{lang}/interview/1"
    assert 'data-question-id="q-urgent-now"' in page.html
    assert '<fieldset class="question__set"' in page.html
    assert '<legend class="question__text"' in page.html
    assert '<button type="submit" name="action" value="next"' in page.html
    # The urgent signs: a box per sign, and "none of these" or "not sure".
    for finding in page.findings:
        assert page.values(finding) == ["present"]
    assert {"none_of_these", "not_sure"} <= set(page.buttons())
    # Progress by stage: five stages, the current one marked.
    assert page.html.count('class="stages__item') == 5
    assert page.html.count('aria-current="step"') == 1
    assert "why" in page.html  # "why we ask"
    assert 'data-action="reset"' in page.html
    assert "back" not in page.links  # nothing to go back to yet


@pytest.mark.parametrize("lang", LANGS)
def test_a_number_question_and_a_laboratory_question(
    client: TestClient, lang: str, kb: KnowledgeBase
) -> None:
    start(client, lang)
    for _ in range(2):  # urgent signs, leg symptoms
        answer(client, read(client.get(f"/{lang}/interview")), RLS_PROFILE)
    page = read(client.get(f"/{lang}/interview"))
    assert page.question == "q-age"
    assert '<input type="text" inputmode="decimal" autocomplete="off"' in page.html
    assert page.number("age") == ""
    assert '<input type="checkbox" name="age" value="unknown"' in page.html
    assert 'name="age__unit"' not in page.html
    assert page.links["back"] == f"/{lang}/interview/2"

    # A laboratory question: asked by going back into the flow of an RLS profile.
    _, asked, _ = run(client, RLS_PROFILE, lang, response=client.get(f"/{lang}/interview"))
    assert "q-ferritin" in asked
    back = read(client.get(f"/{lang}/interview/{asked.index('q-ferritin') + 3}"))
    assert back.question == "q-ferritin"
    selects = [i for i in back.inputs if i.name == "ferritin__unit"]
    assert len(selects) == 1
    units = [value for value, _ in selects[0].options]
    assert units == [c.name for c in kb.units["ferritin"].values()]
    assert back.checked("ferritin") == ["unknown"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_emergency_page(client: TestClient, lang: str) -> None:
    start(client, lang)
    page = read(answer(client, read(client.get(f"/{lang}/interview")), DVT_PROFILE))
    common_hooks(page.html, lang, "emergency")
    assert page.attr("data-triage-level") == ["emergency"]
    assert '<button type="submit" data-action="continue"' in page.html
    assert f'action="/{lang}/interview/continue"' in page.html
    # The emergency department: going in is the action; 103 and 112 are there as well.
    assert page.attr("data-primary-action") == ["go-to-emergency-department"]
    assert 'href="tel:103"' in page.html
    assert 'href="tel:112"' in page.html
    assert page.links["report"] == f"/{lang}/report.pdf"


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_page(
    make_client: Callable[..., TestClient],
    make_settings: Callable[..., Settings],
    lang: str,
    kb: KnowledgeBase,
) -> None:
    settings = make_settings(
        clinic_name="Clinic",
        clinic_booking_url="https://clinic.example/book",
        clinic_specialists=["neurologist"],
    )
    client = make_client(settings)
    results, _, _ = run(client, RLS_PROFILE, lang)
    html = results.html
    common_hooks(html, lang, "results")
    assert results.attr("data-triage-level") == ["consultation"]
    conditions = results.attr("data-condition")
    assert conditions[0] == "restless_legs_syndrome"
    assert results.links["report"] == f"/{lang}/report.pdf"
    assert results.links["back"] == f"/{lang}/interview/back"
    assert 'data-action="reset"' in html
    assert f"{kb.version}" in html
    # Supporting findings are named by their question items, not by ids.
    label = next(
        item.label.get(lang)
        for q in kb.questions
        for item in q.source.items
        if item.finding == "urge_to_move"
    )
    assert label in results.text
    assert ">urge_to_move<" not in html
    # Bands in words, criteria with their status in words.
    assert re.search(r'class="band band--(high|moderate|low)"', html)
    assert 'class="criterion criterion--' in html
    # "Book a visit" only for the clinic's specialists.
    assert html.count('href="https://clinic.example/book"') == 1


def test_no_booking_link_without_a_booking_url(client: TestClient) -> None:
    results, _, _ = run(client, RLS_PROFILE, "en")
    assert "Book a visit" not in results.text


def test_results_show_a_date_in_the_page_language(client: TestClient) -> None:
    results, _, _ = run(client, RLS_PROFILE, "uk")
    assert re.search(r"Дата: \d{1,2}\s[а-яіїєґ]+\s\d{4}\sр\.", results.text)
    assert "За вашими відповідями на" in results.text


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"),
        ("en-GB,en;q=0.9,uk;q=0.8", "/en/"),
        ("de-DE,de;q=0.9,uk;q=0.5,ru;q=0.4", "/uk/"),
        ("uk;q=0.3,ru;q=0.6", "/ru/"),
        ("fr", "/uk/"),
        ("", "/uk/"),
    ],
)
def test_accept_language_picks_the_first_language(
    client: TestClient, header: str, expected: str
) -> None:
    response = client.get("/", headers={"accept-language": header}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == expected


def test_the_default_language_comes_from_the_settings(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]
) -> None:
    client = make_client(make_settings(default_language="ru"))
    response = client.get("/", headers={"accept-language": "fr"}, follow_redirects=False)
    assert response.headers["location"] == "/ru/"


def test_the_chosen_language_is_remembered(client: TestClient) -> None:
    client.get("/en/")
    assert client.cookies[LANGUAGE_COOKIE] == "en"
    response = client.get("/", headers={"accept-language": "ru"}, follow_redirects=False)
    assert response.headers["location"] == "/en/"


def test_the_language_switch_keeps_the_page(client: TestClient) -> None:
    start(client, "uk")
    html = client.get("/uk/interview").text
    assert 'href="/ru/interview/1" hreflang="ru"' in html
    assert 'href="/en/interview/1" hreflang="en"' in html
    page = read(client.get("/ru/interview"))
    assert page.lang == "ru"
    assert page.question == "q-urgent-now"


def test_an_unknown_language_or_page_is_an_html_404(client: TestClient) -> None:
    for path in ("/de/", "/de/interview", "/uk/nowhere", "/xx"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="uk">' in client.get("/uk/nowhere").text
    assert '<html lang="en">' in client.get("/en/nowhere").text


def test_the_api_keeps_its_json_errors(client: TestClient) -> None:
    response = client.get("/api/v1/interviews/nope/result")
    assert response.status_code == 404
    assert response.json() == {"detail": "interview not found"}
    assert client.get("/api/v1/nowhere").json() == {"detail": "Not Found"}


def test_the_pages_are_not_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert all(path.startswith("/api/") for path in paths)


def test_static_files_are_served(client: TestClient) -> None:
    for path in ("/static/css/app.css", "/static/css/print.css", "/static/js/app.js"):
        assert client.get(path).status_code == 200, path
