"""Medicine names on the medicines question in a browser (issue 10), uk and ru, JavaScript
on and off: names typed, "Find", two medicines offered and the rest listed as not
recognised, one confirmed, and the medicine named on the check page; the same through
"Not sure" and the page of each sign; axe on the page with the offers and on the page of
each sign with the medicine carried to it (in a cookie, never in the address)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from nightlegs.pages.interview.medicine_names import QUESTION_ID
from tests.browser.conftest import NewContext
from tests.browser.flow import SETTLED, Visit
from tests.browser.test_accessibility import readable, violations
from tests.browser.test_numbers import reach

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

#: Restless legs, who takes none of the medicines the question lists by class.
CASE = "rls-classic"
#: Furosemide, Atorvacor (a brand of atorvastatin) and words no table knows.
TYPED = {
    "uk": ("фуросемід, аторвакор, щось незрозуміле", "щось незрозуміле"),
    "ru": ("фуросемид, аторвакор, что-то непонятное", "что-то непонятное"),
}
OFFERED = {
    "uk": ("Фуросемід — сечогінний засіб: так?", "Аторвакор (аторвастатин)"),
    "ru": ("Фуросемид — мочегонное средство: да?", "Аторвакор (аторвастатин)"),
}
#: Furosemide as the check page names it.
NAMED = {"uk": "Фуросемід (C03CA01)", "ru": "Фуросемид (C03CA01)"}


def find(visit: Visit) -> None:
    """On the medicines question: the names typed, and "Find"."""
    page = visit.page
    if visit.js:  # app.js moves the focus once htmx has settled: type after that
        page.wait_for_function(SETTLED)
    visit.taps += 1
    page.locator("input#medicine_text").fill(TYPED[visit.lang][0])
    visit.follow(page.locator("button[type=submit][name=find_medicines]"))


def offers(page: Page) -> Locator:
    return page.locator("[data-medicines-found] input[type=checkbox][name=medicine]")


def furosemide(page: Page) -> Locator:
    return page.locator("input[type=checkbox][name=medicine][value=furosemide]")


def to_offers(visit: Visit) -> None:
    """From the start to the medicines question with the typed names found."""
    visit.start()
    reach(visit, QUESTION_ID)
    find(visit)
    assert visit.question_id() == QUESTION_ID


def named_on_the_check_page(visit: Visit) -> Locator:
    visit.walk_to("check")
    return visit.page.locator("main [data-medicines]")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_names_found_one_confirmed_and_named_on_the_check_page(
    page: Page, js: bool, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    visit = Visit(page, lang, js, kb, cases[CASE])
    to_offers(visit)
    expect(offers(page)).to_have_count(2)
    fur, atorvacor = OFFERED[lang]
    expect(page.locator("[data-medicines-found]")).to_contain_text(fur)
    expect(page.locator("[data-medicines-found]")).to_contain_text(atorvacor)
    expect(page.locator("[data-medicines-unrecognised]")).to_contain_text(TYPED[lang][1])
    for box in offers(page).all():
        expect(box).not_to_be_checked()  # offered, not yet confirmed
    assert page.locator("input#medicine_text").input_value() == TYPED[lang][0]

    visit.tick(furosemide(page))
    visit.answer()  # none of the signs listed: "None of these", the medicine kept
    assert QUESTION_ID not in visit.questions[:-1]
    named = named_on_the_check_page(visit)
    expect(named).to_contain_text(NAMED[lang])
    expect(named).not_to_contain_text("C10AA05")  # atorvastatin: offered, not confirmed


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_confirmed_name_goes_through_not_sure(
    page: Page, js: bool, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    visit = Visit(page, lang, js, kb, cases[CASE])
    to_offers(visit)
    visit.tick(furosemide(page))
    visit.follow(visit.form.locator("button[type=submit][name=not_sure]"))
    assert visit.question_id() == QUESTION_ID
    assert "/each?" in page.url
    assert "furosemide" not in page.url  # carried in a cookie: not in the history
    assert TYPED[lang][1] not in page.url
    # The medicine, ticked, among the signs answered one by one; the typed text is not.
    carried = page.locator("[data-medicines-named] input[type=checkbox][name=medicine]")
    expect(carried).to_have_count(1)
    expect(furosemide(page)).to_be_checked()
    assert TYPED[lang][1] not in page.locator("main").inner_text()
    visit.fill()
    visit.next()
    expect(named_on_the_check_page(visit)).to_contain_text(NAMED[lang])


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_axe_finds_nothing_with_the_offers_and_on_the_page_of_each_sign(
    new_context: NewContext, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    # The app's CSP (script-src 'self') would block the injected axe script.
    page = new_context(js=True, bypass_csp=True).new_page()
    visit = Visit(page, lang, True, kb, cases[CASE])
    to_offers(visit)
    expect(offers(page)).to_have_count(2)
    found = violations(page)
    assert found == [], readable({"offers": found})
    visit.tick(furosemide(page))
    visit.follow(visit.form.locator("button[type=submit][name=not_sure]"))
    expect(furosemide(page)).to_be_checked()
    found = violations(page)
    assert found == [], readable({"each": found})
