"""The results page and the emergency page in a real browser, at every triage level and in
every language: axe (WCAG 2.2 AA) finds nothing, nothing scrolls sideways at 320 px, the
parts come in the order a person acts, and on a 390 px phone the first screen says what
to do, by when and whom to see (or the one emergency action).

Each interview is started on the start page and answered through the JSON API, which
holds the same interview (``/api/v1/interviews/{id}/answers``): these tests are about
the pages at the end, not about the questions on the way.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from nightlegs.evaluation.cases import Case
from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import ARTIFACTS, PHONE, NewContext
from tests.browser.flow import follow
from tests.browser.test_accessibility import readable, violations
from tests.profiles import evidence

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LANGS = ["uk", "ru", "en"]
#: One public case per triage level.
BY_LEVEL = {
    "self_care": "rls-mild-intermittent",
    "consultation": "rls-classic",
    "consultation_24": "pad-rest-pain",
    "emergency": "dvt-after-flight",
    "emergency_ambulance": "pe-warning",
}
EMERGENCY = ("emergency", "emergency_ambulance")
NARROW = 320
PRIMARY = {"emergency": "go-to-emergency-department", "emergency_ambulance": "call-ambulance"}

#: Each part's top edge, in the page's order (``data-section``), and the bottom edges of
#: what the first screen must show.
LAYOUT = """() => {
  const top = el => el.getBoundingClientRect().top + window.scrollY;
  const bottom = el => el && el.getBoundingClientRect().bottom + window.scrollY;
  const sections = [...document.querySelectorAll('main [data-section]')];
  const action = document.querySelector('[data-section=action]');
  return {
    sections: sections.map(el => [el.dataset.section, top(el)]),
    title: bottom(action && action.querySelector('h2')),
    whom: bottom(document.querySelector('[data-whom] .whom__name')),
    primary: bottom(document.querySelector('[data-primary-action]')),
    factors: [...document.querySelectorAll('[data-factor]')].map(top),
    conditions: [...document.querySelectorAll('[data-condition]')].map(top),
    // A button or heading whose words stick out of it (the page may still fit).
    clipped: [...document.querySelectorAll('main a, main button, main h1, main h2, main h3')]
      .filter(el => getComputedStyle(el).display !== 'inline' && !el.closest('.visually-hidden'))
      .filter(el => el.scrollWidth > el.clientWidth + 1)
      .map(el => el.textContent.trim().slice(0, 40)),
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  };
}"""


def interview_id(page: Page) -> str:
    cookie = next(c for c in page.context.cookies() if c["name"].endswith("nightlegs_interview"))
    return cookie["value"].partition(".")[0]


def answer_all(page: Page, kb: KnowledgeBase, case: Case, lang: str) -> None:
    """Start on the start page, then answer every question of the case through the API."""
    page.goto(f"/{lang}/")
    page.locator('input[type=checkbox][name=consent][value="yes"]').check()
    follow(page, False, page.locator("button[type=submit][data-action=start]"))
    if page.locator("main[data-page=complaint]").count():  # "in your own words": skipped
        follow(page, False, page.locator("button[type=submit][data-action=skip-complaint]"))
    url = f"/api/v1/interviews/{interview_id(page)}/answers"
    person = SimulatedPerson(kb, case.profile)
    answers: list[dict[str, Any]] = evidence(case.profile)
    for _ in range(60):
        response = page.context.request.post(url, data={"answers": answers})
        assert response.ok, response.text()
        body = response.json()
        if body["done"]:
            return
        answers = person.answer(body["question"])
    raise AssertionError(f"{case.id}: the interview did not end")


def open_results(page: Page, kb: KnowledgeBase, case: Case, lang: str) -> str:
    """The results page of the case (past the emergency page, as a person would go)."""
    answer_all(page, kb, case, lang)
    page.goto(f"/{lang}/interview")
    if page.locator("main[data-page=emergency]").count():
        follow(page, False, page.locator("[data-action=continue]"))
    page.goto(f"/{lang}/results")
    assert page.locator("main[data-page=results]").count() == 1, page.url
    level = page.locator("[data-triage-level]").get_attribute("data-triage-level")
    return str(level)


def open_emergency(page: Page, kb: KnowledgeBase, case: Case, lang: str) -> str:
    answer_all(page, kb, case, lang)
    page.goto(f"/{lang}/interview")
    assert page.locator("main[data-page=emergency]").count() == 1, page.url
    return str(page.locator("[data-triage-level]").get_attribute("data-triage-level"))


def layout(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(LAYOUT)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_results_at_every_level_read_in_order_with_no_axe_finding(
    new_context: NewContext, kb: KnowledgeBase, cases: dict[str, Case], lang: str
) -> None:
    context = new_context(js=True, bypass_csp=True)  # the CSP would block the injected axe
    found: dict[str, list[dict[str, object]]] = {}
    for expected, case_id in BY_LEVEL.items():
        page = context.new_page()
        level = open_results(page, kb, cases[case_id], lang)
        assert level == expected, case_id
        where = f"results {level} ({lang})"
        if problems := violations(page):
            found[where] = problems
        shape = layout(page)
        names = [name for name, _ in shape["sections"]]
        tops = [at for _, at in shape["sections"]]
        assert names[:2] == ["action", "why"], (where, names)
        assert names[-1] == "details", (where, names)
        assert tops == sorted(tops), (where, shape["sections"])
        why, details = tops[1], tops[-1]
        assert all(why < at < details for at in shape["factors"]), where
        assert shape["conditions"], where
        assert all(at > details for at in shape["conditions"]), where
        # A phone's first screen: what to do and by when, and whom (or the one action).
        first_screen = shape["primary"] if level in EMERGENCY else shape["whom"]
        assert shape["title"] <= PHONE["height"], (where, shape)
        assert first_screen is not None, (where, shape)
        assert first_screen <= PHONE["height"], (where, shape)
        if level in EMERGENCY:
            action = page.locator("[data-primary-action]").get_attribute("data-primary-action")
            assert action == PRIMARY[level]
            assert page.locator("main [data-action=start-diary]").count() == 0
            assert page.locator("main .diary-invite").count() == 0
        else:
            assert page.locator("main [data-action=start-diary]").count() == 1
        assert page.locator("main [data-action=report]").count() == 1
        if lang == "uk":
            page.screenshot(path=ARTIFACTS / f"results-{level}-uk-390.png")
        page.close()
    assert not found, "axe found violations:\n" + readable(found)


@pytest.mark.parametrize("lang", LANGS)
def test_the_emergency_page_at_each_level_with_no_axe_finding(
    new_context: NewContext, kb: KnowledgeBase, cases: dict[str, Case], lang: str
) -> None:
    context = new_context(js=True, bypass_csp=True)
    found: dict[str, list[dict[str, object]]] = {}
    for expected in EMERGENCY:
        page = context.new_page()
        level = open_emergency(page, kb, cases[BY_LEVEL[expected]], lang)
        assert level == expected
        if problems := violations(page):
            found[f"emergency {level} ({lang})"] = problems
        main = page.locator("main")
        assert (
            main.locator("[data-primary-action]").get_attribute("data-primary-action")
            == (PRIMARY[level])
        )
        calls = main.locator('a[href^="tel:"]').evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        assert {"tel:103", "tel:112"} <= set(calls)
        assert main.locator("[data-action=continue]").count() == 1
        assert main.locator("[data-action=report]").get_attribute("href") == f"/{lang}/report.pdf"
        assert main.locator("[data-tell=what]").inner_text().strip()
        assert main.locator("[data-tell=who]").inner_text().strip()
        shape = layout(page)
        assert shape["primary"] <= PHONE["height"], shape
        if lang == "uk":
            page.screenshot(path=ARTIFACTS / f"emergency-{level}-uk-390.png", full_page=True)
        page.close()
    assert not found, "axe found violations:\n" + readable(found)


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_scrolls_sideways_or_sticks_out_at_320_px(
    new_context: NewContext, kb: KnowledgeBase, cases: dict[str, Case], lang: str
) -> None:
    context = new_context(js=False)
    wide: list[str] = []

    def measure(page: Page, kind: str, level: str) -> None:
        shape = layout(page)
        if shape["scrollWidth"] > shape["innerWidth"]:
            wide.append(f"{kind} {level} ({lang}): {shape['scrollWidth']} px")
        if shape["clipped"]:
            wide.append(f"{kind} {level} ({lang}): clipped {shape['clipped']}")

    for level, case_id in BY_LEVEL.items():
        page = context.new_page()
        page.set_viewport_size({"width": NARROW, "height": PHONE["height"]})
        if level in EMERGENCY:
            open_emergency(page, kb, cases[case_id], lang)
            measure(page, "emergency", level)
            follow(page, False, page.locator("[data-action=continue]"))
            page.goto(f"/{lang}/results")
        else:
            open_results(page, kb, cases[case_id], lang)
        assert page.locator("main[data-page=results]").count() == 1, page.url
        measure(page, "results", level)
        page.close()
    assert not wide, wide
