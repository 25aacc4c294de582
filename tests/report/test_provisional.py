"""A report of an unfinished interview says so near the top, in the doctor's voice: from
the emergency page (the interview stopped at an emergency level) that urgent signs were
found before all questions were asked; otherwise that the interview was not finished. A
finished interview's report says neither."""

from __future__ import annotations

import io
from types import ModuleType

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nightlegs.engine import assess
from nightlegs.evaluation.cases import Case
from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.languages import LANGUAGES
from nightlegs.report.context import INTERRUPTING_LEVELS, build_view
from nightlegs.report.pdf import render_html, render_pdf
from nightlegs.settings import Settings
from tests.conftest import values
from tests.fixtures.profiles import examples
from tests.report.conftest import NOW
from tests.report.test_voice import _assert_doctor_s_voice, text_of

URGENT = (
    "Interview not finished: the assessment is provisional; "
    "urgent signs were found before all questions were asked."
)
UNFINISHED = "Provisional: the interview was not finished."


def report_text(kb: KnowledgeBase, case: Case, language: str, provisional: bool) -> str:
    evidence = values(case.profile)
    assessment = assess(kb, evidence, language, provisional=provisional)
    view = build_view(kb, assessment, evidence, Settings.model_validate({}), NOW)
    return text_of(render_html(view))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case_id", ["pe-warning", "dvt-after-flight"])
def test_the_emergency_page_s_report_says_it_is_provisional_and_why(
    kb: KnowledgeBase, public_cases: list[Case], case_id: str, language: str
) -> None:
    case = next(c for c in public_cases if c.id == case_id)
    text = report_text(kb, case, language, provisional=True)
    say = translator(language).gettext
    line = say(URGENT)
    assert line != URGENT or language == "en"  # translated in uk and ru
    assert line in text
    assert say(UNFINISHED) not in text
    # Near the top: before the urgency section, right after the case line.
    assert text.index(line) < text.index(say("Urgency and red flags"))
    _assert_doctor_s_voice(text, language, case_id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unfinished_interview_below_the_emergency_levels_is_only_provisional(
    kb: KnowledgeBase, public_cases: list[Case], language: str
) -> None:
    case = next(c for c in public_cases if c.id == "rls-classic")
    text = report_text(kb, case, language, provisional=True)
    say = translator(language).gettext
    assert say(UNFINISHED) in text
    assert say(URGENT) not in text


@settings(deadline=None, max_examples=examples(40))
@given(data=st.data(), language=st.sampled_from(LANGUAGES), provisional=st.booleans())
def test_the_line_follows_the_assessment(
    kb: KnowledgeBase,
    public_cases: list[Case],
    data: st.DataObject,
    language: str,
    provisional: bool,
) -> None:
    case = data.draw(st.sampled_from(public_cases), label="case")
    evidence = values(case.profile)
    assessment = assess(kb, evidence, language, provisional=provisional)
    text = report_text(kb, case, language, provisional)
    say = translator(language).gettext
    urgent = assessment.triage.level in INTERRUPTING_LEVELS
    assert (say(URGENT) in text) == (provisional and urgent)
    assert (say(UNFINISHED) in text) == (provisional and not urgent)


@pytest.mark.pdf
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_prints_it_on_the_first_page(
    weasyprint: ModuleType, kb: KnowledgeBase, public_cases: list[Case], language: str
) -> None:
    case = next(c for c in public_cases if c.id == "pe-warning")
    evidence = values(case.profile)
    assessment = assess(kb, evidence, language, provisional=True)
    pdf = render_pdf(kb, assessment, evidence, language, Settings.model_validate({}), NOW)
    first = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert translator(language).gettext(URGENT) in first
