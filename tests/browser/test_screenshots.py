"""Screenshots of each page type in each language (phone, full page).

All go to ``test-artifacts/screenshots/`` (gitignored). The README's three, in
Ukrainian, are written to ``docs/screenshots/`` only when missing or when
``NIGHTLEGS_UPDATE_SCREENSHOTS=1``, so a test run does not dirty the clone.
"""

from __future__ import annotations

import os
import shutil

import pytest

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import ARTIFACTS, ROOT, NewContext
from tests.browser.flow import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SCREENSHOTS = ARTIFACTS / "screenshots"
DOCS = ROOT / "docs" / "screenshots"
#: A public case for each kind of results page shown.
FLOWS = (("dvt-after-flight", "emergency"), ("rls-mild-intermittent", "self-care"))
README_SHOTS = ("question-uk.png", "results-emergency-uk.png", "results-self-care-uk.png")


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_screenshots_of_every_page_type(
    new_context: NewContext, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_context(js=True).new_page()
    taken: list[str] = []

    def shoot(name: str) -> None:
        page.screenshot(path=SCREENSHOTS / f"{name}-{lang}.png", full_page=True)
        taken.append(name)

    for case_id, band in (
        ("dvt-after-flight", "emergency"),
        ("rls-mild-intermittent", "self-care"),
    ):
        visit = Visit(page, lang, True, kb, cases[case_id])
        page.goto(f"/{lang}/")
        if "start" not in taken:
            shoot("start")
        visit.start()

        def on_page(visit: Visit, kind: str, band: str = band) -> None:
            if kind == "results":
                shoot(f"results-{band}")
            elif kind not in taken:
                shoot(kind)

        visit.run(on_page=on_page)
        page.context.clear_cookies()

    assert sorted(taken) == sorted(
        ["start", "question", "emergency", "check", "results-emergency", "results-self-care"]
    )
    if lang == "uk":
        DOCS.mkdir(parents=True, exist_ok=True)
        update = os.environ.get("NIGHTLEGS_UPDATE_SCREENSHOTS") == "1"
        for name in README_SHOTS:
            if update or not (DOCS / name).exists():
                shutil.copyfile(SCREENSHOTS / name, DOCS / name)
