"""The doctor's PDF, fetched from the results page as the browser would."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import NewContext
from tests.browser.flow import Visit

pytestmark = [pytest.mark.browser, pytest.mark.pdf, pytest.mark.xdist_group("browser")]


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
        assert 1 <= len(reader.pages) <= 2, (lang, len(reader.pages))
        text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
        for wanted in (
            getattr(condition.name, lang),  # Cyrillic in uk and ru: the fonts are embedded
            condition.codes.icd10 or condition.codes.icd10cm or "ICD code missing from the KB",
            condition.codes.icpc2 or "ICPC-2 code missing from the knowledge base",
            kb.meta.kb_version,
        ):
            assert wanted in text, f"{lang}: {wanted!r} not in the PDF's text:\n{text}"
