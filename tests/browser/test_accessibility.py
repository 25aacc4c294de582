"""axe-core (vendored, tests only) on every page type in every language: WCAG 2.2 AA; and
the same pages on a 320 px screen: nothing scrolls sideways and no text is cut off.

The tour here covers the start page (and its error), a question of each kind (a group of
signs with ticks, the per-sign page, a single yes/no, a choice, a number with its unit, an
error summary), the number read back, the check of the answers, the start-over
confirmation, both emergency levels, results, and the error page (404). The results of
every triage band are checked the same way in ``test_results_pages.py``, and the diary's
pages (create, the recovery code, a night, the overview with charts, share, the doctor's
view, delete) in ``test_diary.py`` (``test_axe_and_a_narrow_screen_on_every_diary_page``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import PHONE, NewContext
from tests.browser.flow import Visit, follow

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""
NARROW = 320
#: How far the page scrolls sideways, and each element whose text is cut off by its own
#: ``overflow: hidden`` (the visually hidden texts for screen readers are meant to be).
NARROW_LAYOUT = """() => {
  const cut = [...document.querySelectorAll("body *")]
    .filter(e => !e.closest(".visually-hidden") && e.textContent.trim())
    .filter(e => ["hidden", "clip"].includes(getComputedStyle(e).overflowX))
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => e.tagName.toLowerCase() + ": " + e.textContent.trim().slice(0, 50));
  return {scroll: document.documentElement.scrollWidth - window.innerWidth, cut};
}"""
#: The page types the tour must meet.
TOUR = {
    "start",
    "start: error",
    "question: group",
    "question: each",
    "question: yes/no",
    "question: choice",
    "question: number with unit",
    "question: error summary",
    "number read back",
    "check",
    "reset",
    "emergency: emergency",
    "emergency: emergency_ambulance",
    "results: consultation",
    "results: emergency",
    "error: 404",
}


def violations(page: Page) -> list[dict[str, object]]:
    if page.evaluate("typeof window.axe") == "undefined":
        page.add_script_tag(path=AXE)
    found: list[dict[str, object]] = page.evaluate(RUN_AXE, WCAG)
    return found


def readable(found: dict[str, list[dict[str, object]]]) -> str:
    lines = []
    for where, items in found.items():
        for v in items:
            lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"]:  # type: ignore[attr-defined]
                lines.append(f"    at {node['target']}: {json.dumps(node['summary'])}")
    return "\n".join(lines)


def narrow(page: Page) -> dict[str, Any]:
    """The page's layout at 320 px (then back to the phone's width)."""
    page.set_viewport_size({"width": NARROW, "height": 700})
    found: dict[str, Any] = page.evaluate(NARROW_LAYOUT)
    page.set_viewport_size(PHONE)
    return found


def question_kind(page: Page) -> str:
    """What kind of question the page shows, from its form."""
    form = page.locator("form[data-question-id]")
    mode = (form.get_attribute("class") or "").rpartition("--")[2]
    if mode in ("group", "each"):
        return mode
    if form.locator("select[name$='__unit']").count():
        return "number with unit"
    if form.locator("input[inputmode=decimal]").count():
        return "number"
    values = set(form.locator("input[type=radio]").evaluate_all("els => els.map(e => e.value)"))
    return "yes/no" if values <= {"present", "absent", "unknown"} else "choice"


class Tour:
    """Each page type once, in one language: axe and the 320 px layout."""

    def __init__(self, page: Page, lang: str) -> None:
        self.page, self.lang = page, lang
        self.axe: dict[str, list[dict[str, object]]] = {}
        self.wide: dict[str, dict[str, Any]] = {}
        self.seen: set[str] = set()

    def check(self, kind: str) -> None:
        if kind in self.seen:
            return
        self.seen.add(kind)
        where = f"{kind} ({self.lang}) {self.page.url}"
        if problems := violations(self.page):
            self.axe[where] = problems
        layout = narrow(self.page)
        if layout["scroll"] > 0 or layout["cut"]:
            self.wide[where] = layout

    def on_page(self, visit: Visit, kind: str) -> None:
        if kind == "question":
            if self.page.locator("main [data-readback]").count():
                self.check("number read back")
            self.check(f"question: {question_kind(self.page)}")
        elif kind in ("emergency", "results"):
            level = self.page.locator("[data-triage-level]").first.get_attribute(
                "data-triage-level"
            )
            self.check(f"{kind}: {level}")
        else:
            self.check(kind)


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_axe_finds_nothing_and_nothing_is_too_wide_on_any_page_type(
    new_context: NewContext, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    # The app's CSP (script-src 'self') would block the injected axe script.
    page = new_context(js=True, bypass_csp=True).new_page()
    tour = Tour(page, lang)
    page.goto(f"/{lang}/")
    tour.check("start")
    follow(page, True, page.locator("button[type=submit][data-action=start]"))
    tour.check("start: error")  # no consent ticked

    visit = Visit(page, lang, True, kb, cases["rls-low-ferritin-ssri"])
    page.locator('input[type=checkbox][name=consent][value="yes"]').check()
    follow(page, True, page.locator("button[type=submit][data-action=start]"))
    if visit.kind() == "complaint":  # the person's own words, when that page is there
        tour.check("complaint")
        visit.follow(page.locator("button[type=submit][data-action=skip-complaint]"))
    visit.next()  # nothing ticked in a group: the error summary
    assert page.locator("main .error-summary").count() == 1, page.url
    tour.check("question: error summary")
    tour.check(f"question: {question_kind(page)}")
    visit.follow(page.locator("form button[type=submit][name=not_sure]"))
    tour.check(f"question: {question_kind(page)}")
    visit.answer()
    visit.walk_to("check", on_page=tour.on_page)
    tour.check("check")
    visit.show_results()
    tour.on_page(visit, "results")
    page.goto(f"/{lang}/interview/reset")
    tour.check("reset")
    page.context.clear_cookies()

    for case_id in ("dvt-after-flight", "pe-warning"):
        visit = Visit(page, lang, True, kb, cases[case_id])
        visit.start()
        visit.run(on_page=tour.on_page)
        page.context.clear_cookies()

    response = page.goto(f"/{lang}/no-such-page")
    assert response is not None
    assert response.status == 404
    tour.check("error: 404")

    assert tour.seen >= TOUR, sorted(TOUR - tour.seen)
    assert not tour.axe, "axe found violations:\n" + readable(tour.axe)
    assert not tour.wide, f"too wide at {NARROW} px: " + json.dumps(
        tour.wide, ensure_ascii=False, indent=1
    )
