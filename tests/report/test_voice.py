"""The report speaks to a doctor: never to the patient ("Калій у вас низький"), never in a
statistician's words ("Тейла–Сена, Манна–Кендалла"), never "Значення: за 1", and never
a double full stop after a date's "р.". Checked on the text of every public case's
report in every language, and on a report with a twelve-week diary."""

# ruff: noqa: RUF001, RUF002 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from nightlegs.diary.trends import summarise
from nightlegs.engine import assess
from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN, Value
from nightlegs.languages import LANGUAGES
from nightlegs.report.context import build_view
from nightlegs.report.diary_section import diary_section
from nightlegs.report.pdf import render_html
from nightlegs.settings import Settings
from tests.conftest import values
from tests.report.conftest import NOW, diary_entries, interview_values

#: Words that address the patient, by language (whole words, any case).
PATIENT_VOICE = {
    "uk": re.compile(r"\b(у вас|вас|вам|ваш\w*|ви|вами)\b", re.IGNORECASE),
    "ru": re.compile(r"\b(у вас|вас|вам|ваш\w*|вы|вами)\b", re.IGNORECASE),
    "en": re.compile(r"\b(you|your|yours)\b", re.IGNORECASE),
}
#: A statistician's words and the old report's riddles.
JARGON = re.compile(
    r"Тейла|Манна|Кендалла|Theil|Mann|Kendall|p\s*[=<]\s*0|95\s*%|Значення: за|Value: for|за 1\b"
)
DOUBLE_STOP = re.compile(r"(?<!\.)\.\s*\.(?!\.)")


def text_of(page: str) -> str:
    """What a reader sees: the HTML without its tags, head and style."""
    body = page.split("<body", 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def everything_answered(kb: KnowledgeBase, case: Case) -> dict[str, Value]:
    """The case's profile, and every other question answered as a person who has none of
    it would (no, no wound, a number not known): every term the report has is printed."""
    evidence: dict[str, Value] = {}
    for finding, definition in kb.findings.items():
        if definition.type == "boolean":
            evidence[finding] = "absent"
        elif "none" in definition.values:
            evidence[finding] = "none"
        else:
            evidence[finding] = UNKNOWN
    evidence.update(values(case.profile))
    return evidence


def _assert_doctor_s_voice(text: str, language: str, where: str) -> None:
    voice = PATIENT_VOICE[language].findall(text)
    assert not voice, f"{where}: speaks to the patient: {voice}\n{text}"
    jargon = JARGON.findall(text)
    assert not jargon, f"{where}: {jargon}\n{text}"
    assert not DOUBLE_STOP.search(text), f"{where}: a double full stop\n{text}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_case_in_the_doctor_s_voice(
    kb: KnowledgeBase, public_cases: list[Case], settings: Settings, language: str
) -> None:
    answered = dt.datetime(2026, 11, 25, 7, 5, tzinfo=dt.UTC)
    for case in public_cases:
        evidence = everything_answered(kb, case)
        assessment = assess(kb, evidence, language)
        view = build_view(kb, assessment, evidence, settings, NOW, interviewed_at=answered)
        _assert_doctor_s_voice(text_of(render_html(view)), language, case.id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_with_a_diary_in_the_doctor_s_voice(
    kb: KnowledgeBase, profiles, settings: Settings, language: str
) -> None:
    as_of = dt.date(2026, 11, 26)
    entries = diary_entries(as_of)
    evidence = interview_values(kb, profiles["rls-classic"])
    view = build_view(kb, assess(kb, evidence, language), evidence, settings, NOW)
    diary = diary_section(summarise(entries, as_of), language, entries)
    text = text_of(render_html(view, diary=diary))
    _assert_doctor_s_voice(text, language, "diary")
    for shown in (diary.trend, diary.weeks[-1].label, diary.nights[0].night):
        assert " ".join(shown.split()) in text  # thin spaces in en ranges are white space


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checks_catch_the_old_report(language: str) -> None:
    """The patterns find what the old report said (so a pass means something)."""
    old = {
        "uk": "Калій у вас низький. Тренд тяжкості (Тейла–Сена, Манна–Кендалла). 2026 р..",
        "ru": "Калий у вас низкий. Тренд (Тейла–Сена, Манна–Кендалла). 2026 г..",
        "en": "Your potassium is low. Trend (Theil–Sen, Mann–Kendall). 2026..",
    }[language]
    assert PATIENT_VOICE[language].search(old)
    assert JARGON.search(old)
    assert DOUBLE_STOP.search(old)
