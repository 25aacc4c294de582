"""Numbers typed as people write them, in chromium on a 390 px phone, with JavaScript on
and off (issue 9): "18,5" for ferritin is read back as it is typed (JavaScript), stored
as 18.5 and read back on the next page; an implausible value is asked about; the
read-back's reading rules in numbers.js are the server's (knowledge/numbers.py)."""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import Page, expect

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.numbers import format_value, read_quantity
from tests.browser.conftest import NewContext
from tests.browser.flow import Visit
from tests.browser.test_accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

#: Restless legs with low ferritin: the iron questions are asked.
CASE = "rls-low-ferritin-ssri"

READ_BACK = {
    "uk": ("Ви ввели: феритин 18,5 мкг/л", "феритин 18,5 мкг/л", "18,5"),
    "ru": ("Вы ввели: ферритин 18,5 мкг/л", "ферритин 18,5 мкг/л", "18,5"),
    "en": ("You entered: ferritin 18.5 µg/L", "ferritin 18.5 µg/L", "18.5"),
}
NOT_A_NUMBER = {
    "uk": "Це не схоже на число.",
    "ru": "Это не похоже на число.",
    "en": "This does not look like a number.",
}
UNIT_NOT_HERE = {
    "uk": "Ця одиниця виміру тут не підходить: абв. Виберіть одиницю зі списку.",
    "ru": "Эта единица измерения здесь не подходит: абв. Выберите единицу из списка.",
    "en": "This unit does not fit here: абв. Please choose one from the list.",
}


def reach(visit: Visit, question: str) -> None:
    """Answer as the person until ``question`` is on the page."""
    for _ in range(40):
        kind = visit.kind()
        if kind == "question" and visit.question_id() == question:
            return
        if kind == "emergency":
            visit.continue_after_emergency()
        elif kind == "question":
            visit.answer()
        else:
            raise AssertionError(f"{kind} before {question}: {visit.questions}")
    raise AssertionError(f"never reached {question}: {visit.questions}")


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("document.documentElement.clientWidth"), width


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_ferritin_typed_with_a_comma_is_read_back_and_stored(
    page: Page, js: bool, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    visit = Visit(page, lang, js, kb, cases[CASE])
    visit.start()
    reach(visit, "q-ferritin")
    step = page.url
    field = page.locator("input#ferritin")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("inputmode") == "decimal"
    line = page.locator("#readback-ferritin")
    expect(line).to_have_attribute("aria-live", "polite")
    typed_back, stored_back, shown = READ_BACK[lang]

    field.press_sequentially("18,5")
    if js:
        expect(line).to_have_text(typed_back)
        field.fill("18,5 абв")
        expect(line).to_have_text(UNIT_NOT_HERE[lang])
        field.fill("вісім")
        expect(line).to_have_text(NOT_A_NUMBER[lang])
        field.fill("")
        field.press_sequentially("18,5")
        expect(line).to_have_text(typed_back)
    else:
        expect(line).to_have_text("")
    assert field.input_value() == "18,5"  # the comma is kept, as typed
    no_sideways_scroll(page)
    visit.next()

    # Stored as 18.5: read back from the stored answers on the next page, and shown
    # again with the page's decimal mark on the question's own address.
    assert visit.question_id() != "q-ferritin"
    expect(page.locator("[data-readback]")).to_contain_text(stored_back)
    page.goto(step)
    assert visit.question_id() == "q-ferritin"
    assert page.locator("input#ferritin").input_value() == shown


def test_a_value_implausible_for_its_unit_is_asked_about(
    page: Page, js: bool, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    visit = Visit(page, "uk", js, kb, cases[CASE])
    visit.start()
    reach(visit, "q-ferritin")
    page.locator("input#ferritin").fill("1850")
    visit.next()
    assert visit.question_id() == "q-ferritin"
    question = page.locator("#confirm-ferritin")
    expect(question).to_contain_text("Ви ввели 1850 мкг/л. Що саме ви мали на увазі?")
    no_sideways_scroll(page)
    page.get_by_label("18,5 мкг/л", exact=True).check()
    visit.next()
    assert visit.question_id() != "q-ferritin"
    expect(page.locator("[data-readback]")).to_contain_text("феритин 18,5 мкг/л")


def test_the_read_back_reads_as_the_server_does(new_context: NewContext) -> None:
    """numbers.js and knowledge/numbers.py give the same value, unit and text back for
    the same typing: a list of the rules' cases and 3000 random texts."""
    page = new_context(js=True).new_page()
    page.goto("/uk/")
    written = [
        "18,5", "18.5", "1 200", "1\u00a0200,5", "\u22124,5", "18,5.", ",5", "1,200",
        "1.200", "0,123", "1.234,5", "1,234.5", "1.234.567", "12 5", "5,", "..5", "1e3",
        "½", "\uff15,\uff15", "18,5 мкг/л", "40 ng/ml", "6,1%", "3-4", "inf", " ",
    ]  # fmt: skip
    rng = random.Random(9)
    alphabet = "0123456789.,  -\u2212+мкг/л\u00a0\u202f\uff15e%"
    written += ["".join(rng.choices(alphabet, k=rng.randint(1, 12))) for _ in range(3000)]
    cases = [(text, language) for text in written for language in ("uk", "en")]
    from_js = page.evaluate(
        """cases => cases.map(([text, language]) => {
            const r = window.nightlegsNumbers.readQuantity(text, language);
            return r && [r.value, r.unit, window.nightlegsNumbers.formatValue(r.value, language)];
        })""",
        cases,
    )
    for (text, language), js_reading in zip(cases, from_js, strict=True):
        reading = read_quantity(text, language)
        expected = (
            None
            if reading is None
            else [reading.value, reading.unit, format_value(reading.value, language)]
        )
        if js_reading is not None:
            js_reading[0] = float(js_reading[0])
        assert js_reading == expected, (text, language)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_axe_finds_nothing_on_a_number_question_read_back_and_asking(
    new_context: NewContext, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    # The app's CSP (script-src 'self') would block the injected axe script.
    page = new_context(js=True, bypass_csp=True).new_page()
    visit = Visit(page, lang, True, kb, cases[CASE])
    visit.start()
    reach(visit, "q-ferritin")
    page.locator("input#ferritin").press_sequentially("18,5")
    expect(page.locator("#readback-ferritin")).to_have_text(READ_BACK[lang][0])
    assert violations(page) == []
    page.locator("input#ferritin").fill("1850")
    visit.next()
    expect(page.locator("#confirm-ferritin")).to_be_visible()
    assert violations(page) == []
