"""What the report shows (no WeasyPrint needed): the answers that mattered, in words."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from babel.dates import format_date

from nightlegs.engine import assess
from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.languages import LANGUAGES
from nightlegs.report.context import HASH_CHARS, build_view
from nightlegs.report.pdf import render_html, render_pdf
from nightlegs.settings import Settings
from tests.conftest import values
from tests.report.conftest import NOW, interview_values


def _view(kb, evidence, language, settings, now=NOW):
    assessment = assess(kb, evidence, language)
    return build_view(kb, assessment, evidence, settings, now)


def _words(language: str, message: str, **values: object) -> str:
    return translator(language).gettext(message, **values)


def test_header(kb: KnowledgeBase, profiles, settings: Settings) -> None:
    view = _view(kb, values(profiles["rls-classic"]), "uk", settings)
    assert view.date == format_date(NOW.date(), format="long", locale="uk")
    assert "листопада 2026" in view.date
    assert view.created == "2026-11-25T11:30:00+02:00"  # NOW is 9:30 UTC, 11:30 in Kyiv
    assert view.kb_version == kb.version
    assert view.kb_hash == kb.content_hash[:HASH_CHARS]
    assert view.clinic == ()
    assert dict(view.patient) == {"Вік, років": "54", "Стать": "Жінка", "Вагітність": "Ні"}


def test_clinic_from_settings(kb: KnowledgeBase, profiles) -> None:
    clinic = Settings.model_validate(
        {"clinic_name": "Клініка «Спокійні ночі»", "clinic_phone": "+380 44 000 00 00"}
    )
    view = _view(kb, values(profiles["rls-classic"]), "uk", clinic)
    assert view.clinic == ("Клініка «Спокійні ночі»", "+380 44 000 00 00")


def test_answers_that_mattered(kb: KnowledgeBase, profiles, settings: Settings) -> None:
    evidence = interview_values(kb, profiles["rls-low-ferritin-ssri"])
    view = _view(kb, evidence, "en", settings)
    rows = {row.finding: row for row in view.answers}
    condition = view.assessment.conditions[0]
    # Every finding for or against a listed condition is shown, in words.
    for finding in condition.supporting:
        assert "for 1" in rows[finding].relevance
    assert rows["urge_to_move"].answer == "Yes"
    assert rows["urge_to_move"].question == "A strong urge to move the legs"
    # Factors: the ferritin behind "low iron" is read through a named predicate.
    assert "Low iron" in rows["ferritin"].relevance
    assert rows["ferritin"].answer == "22"
    assert rows["ferritin"].question.startswith("Ferritin, ")
    medication = next(f for f in view.assessment.factors if f.id == "medication")
    assert medication.name in rows["med_ssri_snri"].relevance
    # Red flags answered "no" are counted, not listed; age and sex are in the header.
    assert not any(row.red_flag for row in view.answers)
    # Policy v2: follow-up red flags (a cord reaching the groin ...) are asked only
    # when they apply, so the count is of those asked and answered "no".
    denied = sum(1 for f in kb.red_flags if evidence.get(f) in ("absent", "none"))
    assert denied >= 13
    assert view.red_flags_denied == f"Other red flags the patient answered “no”: {denied}"
    assert "age" not in rows
    assert "sex" not in rows
    # Interview order.
    order = [row.finding for row in view.answers]
    assert order.index("urge_to_move") < order.index("ferritin")


def test_red_flags_present_and_unknown_are_listed(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["pe-warning"])
    evidence["fainting"] = "unknown"
    view = _view(kb, evidence, "ru", settings)
    rows = {row.finding: row for row in view.answers}
    assert rows["sudden_breathlessness_chest_pain"].red_flag
    assert rows["sudden_breathlessness_chest_pain"].answer == "Да"
    assert "срочность" in rows["sudden_breathlessness_chest_pain"].relevance
    assert rows["fainting"].answer == "Не знаю"
    assert rows["fainting"].red_flag
    denied = sum(1 for f in kb.red_flags if evidence.get(f) == "absent" and f not in rows)
    assert view.red_flags_denied == _words(
        "ru", "Other red flags the patient answered “no”: %(count)d", count=denied
    )
    assert view.red_flags_denied.startswith("Другие тревожные признаки")


def test_numbers_and_choices_in_words(kb: KnowledgeBase, profiles, settings: Settings) -> None:
    rows = {
        row.finding: row
        for row in _view(
            kb, interview_values(kb, profiles["cramps-thiazide"]), "uk", settings
        ).answers
    }
    assert rows["potassium"].answer == "3,2"
    assert rows["potassium"].question == "Калій у крові, ммоль/л"
    assert rows["nights_per_week"].question == "Ночей на тиждень"  # the unit is the label
    # Magnesium ("I don't know") is read by a rule that fired on another answer.
    assert "magnesium" not in rows
    rows = {
        row.finding: row
        for row in _view(kb, values(profiles["neuropathy-diabetic"]), "en", settings).answers
    }
    side = next(
        item
        for question in kb.questions
        for item in question.source.items
        if item.finding == "side" and item.choices
    )
    assert side.choices is not None
    assert rows["side"].answer == side.choices["both"].get("en")


def test_the_report_speaks_the_assessment_s_language(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["rls-low-ferritin-ssri"])
    view = _view(kb, evidence, "uk", settings)
    assert view.language == "uk"
    html = render_html(view)
    assert "<h2>Терміновість</h2>" in html
    assert "Нічний дискомфорт у ногах: підсумок для лікаря" in html
    rows = {row.finding: row for row in view.answers}
    assert "за 1" in rows["urge_to_move"].relevance


def test_a_report_in_another_language_than_its_assessment_is_refused(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = values(profiles["rls-classic"])
    with pytest.raises(ValueError, match="language"):
        render_pdf(kb, assess(kb, evidence, "en"), evidence, "de", settings, NOW)
    with pytest.raises(ValueError, match="language"):
        render_pdf(kb, assess(kb, evidence, "en"), evidence, "uk", settings, NOW)


def test_the_date_is_the_clinic_s(kb: KnowledgeBase, profiles) -> None:
    """Late at night in UTC is already the next day in Kyiv; another zone, another day."""
    evidence = values(profiles["rls-classic"])
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    kyiv = Settings.model_validate({"database_url": "sqlite://"})
    view = _view(kb, evidence, "en", kyiv, late)
    assert view.date == "November 27, 2026"
    assert view.created == "2026-11-27T01:30:00+02:00"
    lisbon = Settings.model_validate({"database_url": "sqlite://", "timezone": "Europe/Lisbon"})
    assert _view(kb, evidence, "en", lisbon, late).date == "November 26, 2026"
    # A naive datetime is read as UTC.
    assert _view(kb, evidence, "en", kyiv, late.replace(tzinfo=None)).date == view.date


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_loads_nothing_from_elsewhere(
    kb: KnowledgeBase, profiles, settings: Settings, language: str
) -> None:
    view = _view(kb, interview_values(kb, profiles["dvt-after-flight"]), language, settings)
    html = render_html(view)
    assert f'lang="{language}"' in html
    links = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert links == ["report.css"]
    assert "@import" not in html
    assert "url(" not in html


def test_laboratory_rows_carry_their_loinc_code(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["cramps-thiazide"])
    view = _view(kb, evidence, "en", settings)
    rows = {row.finding: row for row in view.answers}
    assert rows["potassium"].loinc == "2823-3"  # mmol/L: the mole-based code
    # Every laboratory value shown has its code; nothing else has one.
    for row in view.answers:
        number = isinstance(evidence[row.finding], float)
        assert row.loinc == (kb.loinc.get(row.finding) if number else None), row.finding
    html = render_html(view)
    assert '<span class="loinc">LOINC 2823-3</span>' in html


def test_an_unknown_laboratory_value_has_no_loinc_code(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = {**interview_values(kb, profiles["rls-low-ferritin-ssri"]), "ferritin": "unknown"}
    rows = {row.finding: row for row in _view(kb, evidence, "en", settings).answers}
    assert "ferritin" not in rows or rows["ferritin"].loinc is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_icd_codes_are_shown_with_their_system(
    kb: KnowledgeBase, profiles, settings: Settings, language: str
) -> None:
    view = _view(kb, values(profiles["akathisia"]), language, settings)
    codes = {c.id: c.codes for c in view.assessment.conditions}
    assert "icd10" not in codes["drug_induced_akathisia"]
    html = render_html(view)
    cm, who = _words(language, "ICD-10-CM"), _words(language, "ICD-10")
    assert (cm, who) == {
        "uk": ("МКХ-10-CM", "МКХ-10"),
        "ru": ("МКБ-10-CM", "МКБ-10"),
        "en": ("ICD-10-CM", "ICD-10"),
    }[language]
    assert f'<span class="system">{cm}</span> G25.71' in html
    assert f'<span class="system">{who}</span> G25.71' not in html
    if "restless_legs_syndrome" in codes:  # WHO ICD-10 and ICD-10-CM, each named
        assert f'<span class="system">{who}</span> G25.8<' in html
        assert f'<span class="system">{cm}</span> G25.81' in html
