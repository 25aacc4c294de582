"""The night's medicines in a real browser (issue 10): names typed on the night's form,
"Find", one of the medicines found confirmed, the night saved and listed with it; axe on
the form as "Find" left it. With JavaScript (htmx swaps the page and moves the focus to
what was found) and without (the button is a plain form button).

Hooks: ``form[data-entry-date]``, ``input[name=medicine_text]``,
``[data-action=find-medicines]``, ``[data-medicines-found]`` with a box
``input[name=medicine]`` per medicine (its value the medicine table's id),
``[data-medicines-unrecognised]``, ``[data-action=save-entry]``, and on the diary page
``[data-night][data-recorded]`` with ``[data-medicines]``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import NewContext
from tests.browser.test_accessibility import readable, violations
from tests.browser.test_diary import API, Owner, sign_in_api
from tests.browser.test_flows import console_errors

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

TYPED = "фуросемід, аторвакор"


def boxes(page: Page) -> dict[str, bool]:
    """The medicine boxes on the page: the table's id -> ticked."""
    found: dict[str, bool] = {}
    for box in page.locator("[data-medicines-found] input[name=medicine]").all():
        found[box.get_attribute("value") or ""] = box.is_checked()
    return found


def test_type_find_confirm_save_and_see_it_listed(new_context: NewContext, js: bool) -> None:
    # The app's CSP (script-src 'self') would block the injected axe script (JS on).
    owner = Owner(new_context(js=js, bypass_csp=True).new_page(), "uk", js)
    page = owner.page
    errors = console_errors(page)
    owner.create()
    owner.continue_to_diary()
    owner.follow(owner.action("record-night"))
    owner.expect("diary-entry")
    form = page.locator("form[data-entry-date]")
    night = form.get_attribute("data-entry-date") or ""
    form.locator('input[type=checkbox][name=symptoms][value="cramp"]').check()
    form.locator("input[name=minutes_awake]").fill("20")
    form.locator("input[name=medicine_text]").fill(TYPED)

    owner.follow(page.locator("[data-action=find-medicines]"))
    owner.expect("diary-entry")
    assert boxes(page) == {"furosemide": False, "atorvastatin": False}, owner.where
    found = page.locator("[data-medicines-found]")
    assert "Фуросемід — сечогінний засіб" in found.inner_text(), owner.where
    assert "Аторвакор (аторвастатин)" in found.inner_text(), owner.where
    assert page.locator("input[name=medicine_text]").input_value() == "", owner.where
    # What was typed before "Find" is still there.
    assert page.locator('input[name=symptoms][value="cramp"]').is_checked(), owner.where
    assert page.locator("input[name=minutes_awake]").input_value() == "20", owner.where
    # Shown at the medicines (without JavaScript: "#medicines" in the button's address).
    top = page.evaluate("document.getElementById('medicines').getBoundingClientRect().top")
    assert -1 < top < 100, f"the medicines part is at {top} px {owner.where}"
    if js:  # the focus on what was found, for a screen reader's user; axe on this state
        focused = page.evaluate("document.activeElement.hasAttribute('data-medicines-found')")
        assert focused, owner.where
        problems = violations(page)
        assert not problems, "axe found violations:\n" + readable({page.url: problems})
    else:  # the page opens at the medicines (the button's address ends in #medicines)
        assert page.url.endswith("#medicines"), owner.where

    page.locator('[data-medicines-found] input[name=medicine][value="furosemide"]').check()
    owner.follow(page.locator("[data-action=save-entry]"))
    owner.expect("diary")
    listed = page.locator(f'[data-night="{night}"][data-recorded] [data-medicines]')
    assert listed.count() == 1, owner.where
    assert listed.inner_text() == "Ліки: Фуросемід", owner.where

    diary, token = sign_in_api(page.context.request, owner.code)
    stored = page.context.request.get(
        f"{API}/{diary}/entries/{night}", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert stored["medicines"] == [{"inn": "furosemide", "atc": "C03CA01"}]
    assert stored["symptoms"] == ["cramp"]
    assert stored["minutes_awake"] == 20
    assert errors == []
