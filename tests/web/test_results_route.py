"""The results page, the emergency page and the report link as served, for interviews
answered through the JSON API (the same interview the pages show): the page's hooks are
the stored assessment's, and the emergency page speaks of the person's own answers."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from nightlegs.evaluation.cases import Case
from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase
from nightlegs.pages.common import INTERVIEW_COOKIE
from nightlegs.pages.results import routes as pages
from tests.profiles import evidence
from tests.web.helpers import read, start

BY_LEVEL = {
    "self_care": "rls-mild-intermittent",
    "consultation": "rls-classic",
    "consultation_24": "pad-rest-pain",
    "emergency": "dvt-after-flight",
    "emergency_ambulance": "pe-warning",
}


def answer_through_the_api(
    client: TestClient, kb: KnowledgeBase, case: Case, lang: str, *, only_profile: bool = False
) -> str:
    """Start on the start page, answer through the API; the interview's id."""
    start(client, lang)
    interview_id = client.cookies[INTERVIEW_COOKIE].partition(".")[0]
    url = f"/api/v1/interviews/{interview_id}/answers"
    person = SimulatedPerson(kb, case.profile)
    answers = evidence(case.profile)
    for _ in range(60):
        response = client.post(url, json={"answers": answers})
        assert response.status_code == 200, response.text
        body = response.json()
        if body["done"] or only_profile:
            return interview_id
        answers = person.answer(body["question"])
    raise AssertionError(f"{case.id}: the interview did not end")


def attr(html: str, name: str) -> list[str]:
    return re.findall(rf'{name}="([^"]*)"', html)


@pytest.mark.parametrize(("level", "case_id"), BY_LEVEL.items())
def test_the_results_page_shows_the_stored_assessment(
    client: TestClient, kb: KnowledgeBase, cases: dict[str, Case], level: str, case_id: str
) -> None:
    interview_id = answer_through_the_api(client, kb, cases[case_id], "uk")
    if level in ("emergency", "emergency_ambulance"):
        client.post("/uk/interview/continue")
    page = read(client.get("/uk/results"))
    assert page.kind == "results"
    stored = client.get(f"/api/v1/interviews/{interview_id}/result").json()
    assert stored["triage"]["level"] == level
    html = page.html
    assert attr(html, "data-triage-level") == [level]
    assert attr(html, "data-condition") == [c["id"] for c in stored["conditions"]]
    assert attr(html, "data-factor") == [f["id"] for f in stored["factors"]]
    urgent = level.startswith("emergency")
    given = [a for a in stored["advice"] if not urgent or a["kind"] == "safety"]
    kinds = ["safety", "self_care"]
    assert attr(html, "data-advice") == [
        a["id"] for kind in kinds for a in given if a["kind"] == kind
    ]
    assert attr(html, "data-withheld-advice") == [w["id"] for w in stored["withheld_advice"]]
    sections = attr(html, "data-section")
    assert sections[:2] == ["action", "why"]
    assert sections[-1] == "details"
    assert ("start-diary" in html) is not urgent


@pytest.fixture
def cases(public_cases: list[Case]) -> dict[str, Case]:
    return {case.id: case for case in public_cases}


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_the_emergency_page_says_what_to_tell_them(
    client: TestClient,
    kb: KnowledgeBase,
    cases: dict[str, Case],
    lang: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = cases["dvt-after-flight"]
    answer_through_the_api(client, kb, case, lang, only_profile=True)
    page = read(client.get(f"/{lang}/interview"))
    assert page.kind == "emergency"
    assert attr(page.html, "data-primary-action") == ["go-to-emergency-department"]
    who = re.search(r'<p data-tell="who">([^<]*)</p>', page.text)
    what = re.search(r'<p data-tell="what">([^<]*)</p>', page.text)
    assert who
    assert str(case.profile["age"]) in who.group(1)
    assert what
    assert what.group(1).endswith(".")
    # The report for the doctor, from the emergency page, before the questions end.
    monkeypatch.setattr(pages, "render_pdf", lambda *_args, **_options: b"%PDF-1.7 test")
    report = client.get(page.links["report"], follow_redirects=False)
    assert report.status_code == 200
    assert report.content.startswith(b"%PDF")
