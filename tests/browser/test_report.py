"""The doctor's PDF, fetched from the results page as the browser would: one page for a
simple case, opening with the case, in the doctor's voice."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from nightlegs.evaluation.cases import Case
from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import NewContext
from tests.browser.flow import Visit
from tests.report.test_voice import PATIENT_VOICE

pytestmark = [pytest.mark.browser, pytest.mark.pdf, pytest.mark.xdist_group("browser")]

#: How the report of rls-classic (a woman of 54) begins, by language.
FIRST_WORDS = {"uk": "Жінка, 54 роки.", "ru": "Женщина, 54 года.", "en": "Woman, 54 years."}


def test_the_report_is_a_short_pdf_with_names_and_codes(
    new_context: NewContext, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    case = cases["rls-classic"]
    page: Page = new_context(js=True).new_page()
    visit = Visit(page, "uk", True, kb, case)
    visit.start()
    visit.run()
    condition = next(c.source for c in kb.conditions if c.id == case.expect.condition)

    for lang in ("uk", "ru", "en"):  # the same interview's results in each language
        if lang != "uk":
            page.goto(f"/{lang}/results")
        link = page.locator("main[data-page=results] a[data-action=report]")
        href = link.get_attribute("href")
        assert href == f"/{lang}/report.pdf"
        response = page.request.get(href)
        assert response.status == 200, response.text()[:500]
        assert response.headers["content-type"].split(";")[0] == "application/pdf"

        reader = PdfReader(io.BytesIO(response.body()))
        assert len(reader.pages) == 1, (lang, len(reader.pages))  # a simple case: one page
        text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
        # The first line states the case; the interview's date and time are printed.
        assert FIRST_WORDS[lang] in text, f"{lang}: no case line in:\n{text}"
        assert translator(lang).gettext("Interview") + ":" in text
        assert not PATIENT_VOICE[lang].search(text), f"{lang}: speaks to the patient"
        for wanted in (
            getattr(condition.name, lang),  # Cyrillic in uk and ru: the fonts are embedded
            condition.codes.icd10 or condition.codes.icd10cm or "ICD code missing from the KB",
            condition.codes.icpc2 or "ICPC-2 code missing from the knowledge base",
            kb.meta.kb_version,
        ):
            assert wanted in text, f"{lang}: {wanted!r} not in the PDF's text:\n{text}"
