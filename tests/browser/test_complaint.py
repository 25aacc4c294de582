"""The complaint box in a browser (issue 10), uk and ru, JavaScript on and off: a complaint
typed, one statement confirmed, one corrected, one removed, and the interview on to the
expected result; and the box skipped."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.flow import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

#: rls-classic's patient, who sleeps badly but writes that she sleeps well.
COMPLAINTS = {
    "uk": "Ввечері крутить ноги, треба встати й походити, сплю нормально, набряків немає",
    "ru": "По вечерам ноги крутит, надо встать и походить, сплю нормально, отёков нет",
}


def choose(page: Page, statement: str, choice: str) -> None:
    fieldset = page.locator(f"fieldset:has(legend[data-statement='{statement}'])")
    fieldset.locator(f"input[type=radio][value={choice}]").check()


def to_the_box(visit: Visit) -> None:
    page = visit.page
    page.goto(f"/{visit.lang}/")
    visit.tick(page.locator('input[type=checkbox][name=consent][value="yes"]'))
    visit.follow(page.locator("button[type=submit][data-action=start]"))
    assert visit.kind() == "complaint"


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_typed_complaint_confirmed_corrected_and_removed(
    page: Page, js: bool, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases["rls-classic"]
    visit = Visit(page, lang, js, kb, case)
    to_the_box(visit)
    page.locator("textarea[name=complaint]").fill(COMPLAINTS[lang])
    visit.follow(page.locator("button[data-action=read-complaint]"))
    assert visit.kind() == "understood"
    assert COMPLAINTS[lang] not in page.content()  # the text is not carried on
    choose(page, "finding:leg_symptoms=present", "confirm")
    choose(page, "finding:sleep_disturbance=absent", "correct")  # she sleeps badly
    choose(page, "finding:evening_swelling=absent", "remove")
    visit.follow(page.locator("button[data-action=confirm-complaint]"))
    assert visit.kind() == "question"
    assert visit.question_id() == "q-urgent-now"  # the urgent signs still first
    outcome = visit.run()
    assert (outcome.triage, outcome.conditions[:1]) == (
        case.expect.triage,
        [case.expect.condition],
    ), visit.questions


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_the_box_skipped(
    page: Page, js: bool, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases["rls-mild-intermittent"]
    visit = Visit(page, lang, js, kb, case)
    to_the_box(visit)
    visit.follow(page.locator("button[data-action=skip-complaint]"))
    assert visit.question_id() == "q-urgent-now"
    outcome = visit.run()
    assert (outcome.triage, outcome.conditions[:1]) == (
        case.expect.triage,
        [case.expect.condition],
    )
