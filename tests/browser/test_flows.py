"""Whole interviews through the form inputs, with JavaScript on and off."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.flow import EMERGENCY_LEVELS, Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LANGUAGES = ("uk", "ru", "en")
#: One public case per triage band.
BANDS = ("rls-mild-intermittent", "rls-classic", "thrombophlebitis", "dvt-after-flight")


def console_errors(page: Page) -> list[str]:
    """Errors the page reports from now on (a CSP violation is one)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case_id", BANDS)
def test_a_whole_interview_reaches_the_expected_result(
    page: Page, js: bool, lang: str, case_id: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases[case_id]
    errors = console_errors(page)
    visit = Visit(page, lang, js, kb, case)
    visit.start()
    outcome = visit.run()

    assert (outcome.triage, outcome.conditions[:1]) == (
        case.expect.triage,
        [case.expect.condition],
    ), f"questions: {visit.questions}"
    assert page.locator("html").get_attribute("lang") == lang
    assert errors == []
    # The emergency page (dvt-after-flight) came as soon as an answer made it one.
    assert bool(visit.emergencies) == (case.expect.triage in EMERGENCY_LEVELS)
    visit.check_interruptions()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_ambulance_case_is_interrupted_before_the_results(
    page: Page, js: bool, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases["pe-warning"]
    visit = Visit(page, lang, js, kb, case)
    visit.start()
    outcome = visit.run()

    assert [e.level for e in visit.emergencies][-1:] == ["emergency_ambulance"]
    visit.check_interruptions()
    assert (outcome.triage, outcome.conditions[:1]) == (case.expect.triage, [case.expect.condition])


def test_back_and_change_an_answer_keeps_the_others(
    page: Page, js: bool, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases["rls-classic"]
    visit = Visit(page, "en", js, kb, case)
    visit.start()
    for _ in range(4):
        assert visit.kind() == "question"
        visit.answer()
    earlier, last = visit.questions[:3], visit.questions[3]

    visit.back()
    assert (visit.kind(), visit.question_id()) == ("question", last)
    findings = visit.findings()
    assert visit.prefilled() == {f: visit.submitted[f] for f in findings}, "not prefilled"

    finding = findings[0]
    offered = visit.form.locator(f'input[name="{finding}"]').evaluate_all(
        "els => els.filter(e => e.type !== 'number').map(e => e.value)"
    )
    changed = next(v for v in offered if v != visit.submitted[finding])
    visit.answer({finding: changed})
    assert visit.kind() == "question"

    visit.back()
    assert visit.question_id() == last
    assert visit.prefilled() == {f: visit.submitted[f] for f in findings}
    assert visit.prefilled()[finding] == changed

    visit.answer()  # the person's own answer again, then to the end
    outcome = visit.run()
    assert (outcome.triage, outcome.conditions[:1]) == (case.expect.triage, [case.expect.condition])
    assert not set(earlier) & set(visit.questions[4:]), (
        f"answered before the change and asked again: {visit.questions}"
    )


def test_an_interview_survives_a_reload_and_a_new_tab(
    page: Page, js: bool, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases["rls-classic"]
    visit = Visit(page, "ru", js, kb, case)
    visit.start()
    for _ in range(3):
        visit.answer()
    question = visit.question_id()
    shown = page.locator("main").inner_text()

    page.reload()
    assert (visit.kind(), visit.question_id()) == ("question", question), page.url
    assert page.locator("main").inner_text() == shown

    visit.page = page.context.new_page()
    visit.page.goto("/ru/interview")
    assert (visit.kind(), visit.question_id()) == ("question", question)
    assert visit.page.locator("main").inner_text() == shown
    outcome = visit.run()
    assert (outcome.triage, outcome.conditions[:1]) == (case.expect.triage, [case.expect.condition])
