"""Screenshots of each page type in each language (phone, full page), and the doctor's PDF
reached from the results page, its first page rendered to PNG (poppler's ``pdftoppm``).

All go to ``test-artifacts/screenshots/`` (gitignored). The README's set, in Ukrainian
(a group of signs, the check of the answers, the results of an emergency and of a
self-care case, the diary's overview and the PDF's first page), is written to
``docs/screenshots/`` only when missing or when ``NIGHTLEGS_UPDATE_SCREENSHOTS=1``, so a
test run does not dirty the clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from playwright.sync_api import Page

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import ARTIFACTS, NewContext
from tests.browser.flow import Visit
from tests.browser.test_diary import Owner, add_nights, sign_in_api, yesterday
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SCREENSHOTS = ARTIFACTS / "screenshots"
DOCS = ROOT / "docs" / "screenshots"
#: A public case for each kind of results page shown.
FLOWS = (("dvt-after-flight", "emergency"), ("rls-mild-intermittent", "self-care"))
README_SHOTS = (
    "question-uk.png",
    "check-uk.png",
    "results-emergency-uk.png",
    "results-self-care-uk.png",
    "diary-uk.png",
    "report-self-care-uk.png",
)
#: The PDF's first page as an image: 80 dots an inch is about a phone screen's width.
PDF_TO_PNG = ("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile")


def report_first_page(page: Page, name: str) -> None:
    """The PDF the results page links to, its first page as ``name``.png."""
    href = page.locator("main [data-action=report]").first.get_attribute("href")
    assert href, f"no report link at {page.url}"
    response = page.context.request.get(href)
    assert response.ok, (href, response.status)
    assert response.body().startswith(b"%PDF"), href
    pdf = SCREENSHOTS / f"{name}.pdf"
    pdf.write_bytes(response.body())
    subprocess.run([*PDF_TO_PNG, str(pdf), str(SCREENSHOTS / name)], check=True)
    assert (SCREENSHOTS / f"{name}.png").stat().st_size > 0


def diary_overview(new_context: NewContext, lang: str) -> None:
    """The diary with four weeks of nights, its charts' tables open."""
    owner = Owner(new_context(js=True).new_page(), lang, True)
    owner.create()
    owner.continue_to_diary()
    diary, token = sign_in_api(owner.page.context.request, owner.code)
    add_nights(owner.page.context.request, diary, token, yesterday())
    owner.page.goto(f"/{lang}/diary")
    owner.page.screenshot(path=SCREENSHOTS / f"diary-{lang}.png", full_page=True)


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

    for case_id, band in FLOWS:
        visit = Visit(page, lang, True, kb, cases[case_id])
        page.goto(f"/{lang}/")
        if "start" not in taken:
            shoot("start")
        visit.start()

        def on_page(visit: Visit, kind: str, band: str = band) -> None:
            if kind == "results":
                shoot(f"results-{band}")
            elif kind not in taken:
                # The first question shown is a group of signs with a box each.
                assert kind != "question" or visit.group(), visit.question_id()
                shoot(kind)

        visit.run(on_page=on_page)
        if band == "self-care":
            report_first_page(page, f"report-{band}-{lang}")
            taken.append(f"report-{band}")
        page.context.clear_cookies()
    diary_overview(new_context, lang)
    taken.append("diary")

    assert sorted(taken) == sorted(
        [
            "start",
            "question",
            "emergency",
            "check",
            "results-emergency",
            "results-self-care",
            "report-self-care",
            "diary",
        ]
    )
    if lang == "uk":
        DOCS.mkdir(parents=True, exist_ok=True)
        update = os.environ.get("NIGHTLEGS_UPDATE_SCREENSHOTS") == "1"
        for name in README_SHOTS:
            if update or not (DOCS / name).exists():
                shutil.copyfile(SCREENSHOTS / name, DOCS / name)
