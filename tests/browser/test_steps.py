"""Each step at its own address: Back and Forward, start over asked first, the check of the
answers, what a group of signs stores, every question readable alone on a narrow phone, and
the taps a person needs (JavaScript on and off)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import NewContext
from tests.browser.flow import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LANGUAGES = ("uk", "ru", "en")
#: What makes a page wider than the screen, and any label whose text is cut off.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("main *")]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + "." + e.className);
  const clipped = [...document.querySelectorAll("main label, main legend, main button")]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).position !== "absolute")
    .map(e => e.textContent.trim());
  return {scroll: document.documentElement.scrollWidth - width, wide, clipped};
}"""


def path(page: Page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def shows(page: Page, question: str, address: str) -> None:
    """The page is question ``question`` at ``address`` (waiting for a reload by htmx)."""
    expect(page.locator("form[data-question-id]")).to_have_attribute("data-question-id", question)
    expect(page).to_have_url(re.compile(re.escape(address) + "$"))


def test_back_and_forward_show_the_previous_and_next_question(
    page: Page, js: bool, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    visit = Visit(page, "uk", js, kb, cases["rls-classic"])
    visit.start()
    for _ in range(4):
        visit.answer()
    asked = visit.questions
    pending = visit.question_id()
    shows(page, pending, "/uk/interview/5")

    page.go_back()
    shows(page, asked[3], "/uk/interview/4")
    assert visit.prefilled() == {f: visit.submitted[f] for f in visit.findings()}
    page.go_back()
    shows(page, asked[2], "/uk/interview/3")
    page.go_forward()
    shows(page, asked[3], "/uk/interview/4")
    page.go_forward()
    shows(page, pending, "/uk/interview/5")

    # Back to the first question, one step at a time, then on from there by the form.
    for number in (4, 3, 2, 1):
        page.go_back()
        shows(page, asked[number - 1], f"/uk/interview/{number}")
    visit.answer()  # the same answer again: on to the next step, not to the end
    shows(page, asked[1], "/uk/interview/2")
    outcome = visit.run()
    case = cases["rls-classic"]
    assert (outcome.triage, outcome.conditions[:1]) == (case.expect.triage, [case.expect.condition])


def test_start_over_asks_first_and_no_keeps_the_answers(
    page: Page, js: bool, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    visit = Visit(page, "en", js, kb, cases["rls-classic"])
    visit.start()
    for _ in range(3):
        visit.answer()
    question = visit.question_id()
    form = page.locator("form[data-question-id]")
    # The control is not under "Next": it stands above the question.
    reset = page.locator("main a[data-action=reset]")
    assert reset.count() == 1
    assert reset.bounding_box()["y"] < form.bounding_box()["y"]  # type: ignore[index]

    visit.follow(reset)
    assert visit.kind() == "reset"
    assert "Delete your answers and start again?" in page.locator("h1").inner_text()
    visit.follow(page.locator("main a[data-action=back]"))  # "No, go back"
    shows(page, question, "/en/interview/4")
    page.goto("/en/interview/3")
    assert visit.prefilled() == {"age": 54.0}

    visit.follow(page.locator("main a[data-action=reset]"))
    visit.follow(page.locator("main button[type=submit][data-action=reset]"))
    assert visit.kind() == "start"
    page.goto("/en/interview/2")
    assert visit.kind() == "start"  # nothing kept


def test_the_check_pages_change_link_changes_an_answer_and_comes_back(
    page: Page, js: bool, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases["rls-classic"]
    visit = Visit(page, "ru", js, kb, case)
    visit.start()
    visit.walk_to("check")
    assert visit.kind() == "check"
    rows = page.locator("main .summary__row")
    assert rows.count() == len(visit.questions)
    age = visit.questions.index("q-age") + 1
    row = page.locator(f"main .summary__row[data-step='{age}']")
    assert row.locator(".summary__value").inner_text().strip() == "54"
    urgent = page.locator("main .summary__row[data-step='1'] .summary__value")
    assert urgent.inner_text().strip() == "Ничего из этого"  # "none of these", in words

    visit.follow(row.locator("a[data-action=change]"))
    shows(page, "q-age", f"/ru/interview/{age}?from=check")
    visit.answer({"age": 55.5})
    assert visit.kind() == "check", page.url
    assert row.locator(".summary__value").inner_text().strip() == "55,5"
    # The number just typed is read back, with a way to change it.
    assert "55,5" in page.locator("main [data-readback]").inner_text()
    outcome = visit.run()
    assert (outcome.triage, outcome.conditions[:1]) == (case.expect.triage, [case.expect.condition])


def test_a_group_of_signs_stores_no_for_none_yes_for_a_tick_and_unknown_for_not_sure(
    page: Page, js: bool, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    visit = Visit(page, "uk", js, kb, cases["rls-classic"])
    visit.start()
    form = page.locator("form[data-question-id]")
    next_button = form.locator("button[type=submit][name=action][value=next]")
    none_button = form.locator("button[type=submit][name=none_of_these]")
    # Next with nothing ticked, and "none of these" with a tick, are refused plainly.
    visit.follow(next_button)
    assert (visit.question_id(), path(page)) == ("q-urgent-now", "/uk/interview/1")
    assert "Позначте кожну ознаку" in page.locator("main .error-summary").inner_text()
    visit.tick(form.locator("input[type=checkbox][name=fever][value=present]"))
    visit.follow(none_button)
    assert "Зніміть позначку" in page.locator("main .error-summary").inner_text()
    assert visit.prefilled()["fever"] == "present"  # the tick is kept

    # Not sure: each sign on its own page, the tick kept as "yes".
    visit.follow(form.locator("button[type=submit][name=not_sure]"))
    assert path(page).startswith("/uk/interview/1/each")
    assert visit.question_id() == "q-urgent-now"
    assert visit.prefilled() == {"fever": "present"}
    assert form.locator("input[type=radio][name=fainting]").evaluate_all(
        "els => els.map(e => e.value)"
    ) == ["present", "absent", "unknown"]
    visit.fill({"fever": "absent", "fainting": "unknown"})
    visit.next()
    # "I don't know" stayed "I don't know": the red flag is asked once more, alone.
    assert visit.question_id() == "q-recheck-urgent"
    assert page.locator("legend .question__lead").count() == 1
    again = kb.question("q-urgent-now").source.items[1].again
    assert again is not None
    assert page.locator("legend .question__main").inner_text() == again.get("uk")

    # The first step shows what was stored: a "don't know" is kept, so sign by sign.
    page.goto("/uk/interview/1")
    assert path(page) == "/uk/interview/1/each"
    held = visit.prefilled()
    assert (held["fainting"], held["fever"]) == ("unknown", "absent")
    visit.fill({"fainting": "absent"})
    visit.next()
    # No "don't know" left: boxes again. A tick is stored as "yes" (one swollen leg: the
    # emergency page), the boxes left empty as "no".
    page.goto("/uk/interview/1")
    assert visit.group()
    assert set(visit.prefilled().values()) == {"absent"}
    visit.tick(form.locator("input[name=sudden_unilateral_swelling]"))
    visit.next()
    assert visit.kind() == "emergency"
    page.goto("/uk/interview/1")
    held = visit.prefilled()
    assert held.pop("sudden_unilateral_swelling") == "present"
    assert set(held.values()) == {"absent"}
    # None of these: every sign "no", and the step says so when shown again.
    form.locator("input[name=sudden_unilateral_swelling]").set_checked(False)
    visit.follow(none_button)
    assert visit.kind() == "question"
    page.goto("/uk/interview/1")
    assert set(visit.prefilled().values()) == {"absent"}
    assert page.locator("main form .notice").count() == 1  # "last time: none of these"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_at_320_px_and_every_question_reads_alone(
    new_context: NewContext, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    context = new_context(js=False)
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 700})
    found: dict[str, object] = {}
    kinds: set[str] = set()
    lone: list[str] = []

    def check(visit: Visit, kind: str) -> None:
        kinds.add(kind)
        if kind == "question":
            kinds.add(
                f"question/{visit.page.locator('form[data-question-id]').get_attribute('class')}"
            )
            if visit.page.locator("legend .question__lead").count():
                lone.append(visit.question_id())
        if kind in ("results", "emergency"):
            return  # the results' own pages, tested with them
        layout = visit.page.evaluate(OVERFLOW)
        if layout["scroll"] > 0 or layout["clipped"]:
            found[f"{kind} {path(visit.page)}"] = layout

    for case_id in ("cramps-classic-older", "dvt-after-flight"):
        visit = Visit(page, lang, False, kb, cases[case_id])
        page.goto(f"/{lang}/")
        check(visit, "start")
        visit.start()
        if case_id == "dvt-after-flight":
            visit.follow(page.locator("form button[type=submit][name=not_sure]"))
            check(visit, "question")  # the signs one by one
            page.goto(f"/{lang}/interview/1")
        visit.run(on_page=check)
        page.goto(f"/{lang}/interview/reset")
        check(visit, "reset")
        context.clear_cookies()

    assert {"start", "question", "emergency", "check", "reset"} <= kinds, kinds
    assert {"question/question question--group", "question/question question--each"} <= kinds
    assert lone, "a group cut down to one item was not asked as its own question"
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
