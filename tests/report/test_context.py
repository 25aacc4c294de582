"""What the report shows (no WeasyPrint needed): the case line, urgency and every urgent
sign with its answer, venous signs, the history, medicines and tests, in the doctor's words."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from nightlegs.engine import assess
from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.languages import LANGUAGES
from nightlegs.report import NamedMedicine, terms
from nightlegs.report.answers import Words
from nightlegs.report.context import HASH_CHARS, build_view
from nightlegs.report.pdf import render_html, render_pdf
from nightlegs.report.sections import urgent_signs
from nightlegs.settings import Settings
from tests.conftest import values
from tests.fixtures.profiles import examples
from tests.report.conftest import NOW, interview_values


def _view(kb, evidence, language, settings, now=NOW, **options):
    assessment = assess(kb, evidence, language)
    return build_view(kb, assessment, evidence, settings, now, **options)


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
    assert view.interviewed is None


def test_the_interview_s_time_is_the_clinic_s(kb: KnowledgeBase, profiles, settings) -> None:
    """Answered at 22:40 UTC on 26 November: 00:40 on the 27th in Kyiv."""
    answered = datetime(2026, 11, 26, 22, 40, tzinfo=UTC)
    evidence = values(profiles["rls-classic"])
    view = _view(kb, evidence, "uk", settings, interviewed_at=answered)
    assert view.interviewed == "27 листопада 2026\u202fр., 00:40"  # a narrow no-break space
    assert _view(kb, evidence, "en", settings, interviewed_at=answered).interviewed == (
        "November 27, 2026, 00:40"
    )


def test_clinic_from_settings(kb: KnowledgeBase, profiles) -> None:
    clinic = Settings.model_validate(
        {"clinic_name": "Клініка «Спокійні ночі»", "clinic_phone": "+380 44 000 00 00"}
    )
    view = _view(kb, values(profiles["rls-classic"]), "uk", clinic)
    assert view.clinic == ("Клініка «Спокійні ночі»", "+380 44 000 00 00")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "uk",
            "Жінка, 54 роки. Потреба рухати ногами, неприємні глибинні відчуття в ногах "
            "(не судоми), гірше в спокої, переважно ввечері й уночі, легшає від руху, "
            "триває, поки пацієнт у спокої, обидві ноги. 4 ночі на тиждень, триває 3 роки, "
            "сила відчуттів 6/10, порушує сон, денна втома або пригнічений настрій.",
        ),
        (
            "ru",
            "Женщина, 54 года. Потребность двигать ногами, неприятные глубинные ощущения в "
            "ногах (не судороги), хуже в покое, преимущественно вечером и ночью, легче при "
            "движении, длится, пока пациент в покое, обе ноги. 4 ночи в неделю, длится 3 года, "
            "сила ощущений 6/10, нарушает сон, дневная усталость или подавленное настроение.",
        ),
        (
            "en",
            "Woman, 54 years. Urge to move the legs, deep unpleasant sensations in the legs "
            "(not cramps), worse at rest, mainly in the evening and at night, relieved by "
            "movement, lasts as long as at rest, both legs. 4 nights a week, for 3 years, "
            "intensity 6/10, disturbs sleep, daytime tiredness or low mood.",
        ),
    ],
)
def test_the_first_line_states_the_case(
    kb: KnowledgeBase, profiles, settings: Settings, language: str, expected: str
) -> None:
    view = _view(kb, values(profiles["rls-classic"]), language, settings)
    assert view.case.text == expected


def test_the_first_line_says_what_was_not_asked_or_not_known(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = {**values(profiles["rls-classic"]), "severity": UNKNOWN}
    del evidence["duration_months"]
    text = _view(kb, evidence, "uk", settings).case.text
    assert "тривалість: не питали" in text
    assert "сила відчуттів: невідомо" in text
    assert _view(kb, {**evidence, "nights_per_week": 0.5}, "uk", settings).case.text.count(
        "0,5 ночі на тиждень"
    )


def test_the_first_line_of_an_emergency_names_its_urgent_signs(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["dvt-after-flight"])
    text = _view(kb, evidence, "en", settings).case.text
    assert text.startswith(
        "Woman, 45 years. Sudden swelling of one leg, new pain and tenderness of one calf."
    )


@settings(deadline=None, max_examples=examples(60))
@given(language=st.sampled_from(LANGUAGES), data=st.data())
def test_the_case_line_is_three_clean_sentences(
    kb: KnowledgeBase, public_cases, language: str, data: st.DataObject
) -> None:
    """Whatever was answered, left out or not known: who, what, how, each ending in one
    full stop, the unknown said as such."""
    chosen = data.draw(st.sampled_from(public_cases))
    evidence = dict(values(chosen.profile))
    for finding in sorted(data.draw(st.sets(st.sampled_from(sorted(evidence)), max_size=6))):
        if data.draw(st.booleans()):
            del evidence[finding]
        else:
            evidence[finding] = UNKNOWN
    settings_ = Settings.model_validate({"database_url": "sqlite://"})
    view = _view(kb, evidence, language, settings_)
    sentences = view.case.sentences
    assert all(s.endswith(".") and not s.endswith("..") and not s[0].islower() for s in sentences)
    not_known = _words(language, "not known")
    if evidence.get("severity") == UNKNOWN:
        assert not_known in sentences[2]
    if "age" not in evidence or evidence["age"] == UNKNOWN:
        assert _words(language, "age not known") in sentences[0]


def test_every_urgent_sign_is_listed_with_its_answer(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["pe-warning"])
    evidence["fainting"] = UNKNOWN
    view = _view(kb, evidence, "ru", settings)
    u = view.urgency
    assert u.level == "emergency_ambulance"
    assert u.name == "Немедленно: скорая помощь"
    present = {a.finding for a in u.present}
    assert "sudden_breathlessness_chest_pain" in present
    assert [a.finding for a in u.unknown] == ["fainting"]
    assert "обморок или предобморочное состояние" in {a.term for a in u.unknown}
    # "Don't know" is never listed as "no".
    assert "fainting" not in {a.finding for a in u.absent}
    assert u.basis, "the urgency says what it rests on"


@pytest.mark.parametrize("case", ["rls-classic", "dvt-after-flight", "v2-fainting-with-rls"])
def test_urgent_signs_are_partitioned_by_answer(
    kb: KnowledgeBase, profiles, settings: Settings, case: str
) -> None:
    evidence = interview_values(kb, profiles[case])
    u = _view(kb, evidence, "en", settings).urgency
    signs = urgent_signs(_words_of(kb, evidence))
    asked = [f for f in signs if f in evidence]
    shown = [a.finding for a in (*u.present, *u.unknown, *u.absent)]
    assert sorted(shown) == sorted(asked)
    assert len(u.not_asked) == len(signs) - len(asked)
    for answer in u.absent:
        assert evidence[answer.finding] in ("absent", "none")
    for answer in u.unknown:
        assert evidence[answer.finding] == UNKNOWN


def _words_of(kb: KnowledgeBase, evidence) -> Words:
    return Words(kb, evidence, translator("en"))


@settings(deadline=None, max_examples=examples(40))
@given(data=st.data())
def test_a_don_t_know_is_never_a_no(kb: KnowledgeBase, profiles, data: st.DataObject) -> None:
    """Any urgent or venous sign answered "I don't know" shows as not known, never as no."""
    evidence = interview_values(kb, profiles["cvd-varicose"])
    candidates = sorted(
        f for f in evidence if f in set(kb.red_flags) | set(terms.VENOUS) | {"fever"}
    )
    chosen = data.draw(st.sets(st.sampled_from(candidates), min_size=1, max_size=5))
    for finding in chosen:
        evidence[finding] = UNKNOWN
    settings_ = Settings.model_validate({"database_url": "sqlite://"})
    view = _view(kb, evidence, "uk", settings_)
    denied = {a.finding for a in view.urgency.absent} | {
        a.finding for a in view.venous.answers if a.status == "absent"
    }
    assert not chosen & denied
    shown_unknown = {a.finding for a in view.urgency.unknown} | {
        a.finding for a in view.venous.answers if a.status == "unknown"
    }
    assert chosen <= shown_unknown


def test_venous_signs_yes_first(kb: KnowledgeBase, profiles, settings: Settings) -> None:
    """Spider veins answered "yes" are shown (they were dropped before), before every "no"."""
    evidence = {**interview_values(kb, profiles["cvd-varicose"]), "spider_veins": "present"}
    view = _view(kb, evidence, "uk", settings)
    answers = view.venous.answers
    statuses = [a.status for a in answers]
    assert statuses == sorted(statuses, key=["present", "value", "unknown", "absent"].index)
    lines = {a.finding: a for a in answers}
    assert lines["spider_veins"].status == "present"
    assert lines["spider_veins"].term == "судинні зірочки (телеангіектазії)"
    assert lines["visible_varicose_veins"].status == "present"
    assert lines["skin_changes_lower_leg"].status == "absent"
    assert {a.finding for a in answers} == {f for f in terms.VENOUS if f in evidence}
    assert set(view.venous.not_asked) == {
        translator("uk").gettext(terms.FINDINGS[f]) for f in terms.VENOUS if f not in evidence
    }


def test_history_lists_what_is_there_denied_and_not_known(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["neuropathy-diabetic"])
    history = _view(kb, evidence, "en", settings).history
    assert ("diabetes", True) in history.present  # a contributing factor
    assert "smoking" in history.denied
    assert "intermittent claudication" in history.denied
    assert "alcohol, standard drinks a week" in history.unknown


def test_medicines_by_class_with_a_place_for_names(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["rls-low-ferritin-ssri"])
    view = _view(kb, evidence, "en", settings)
    rows = {row.drug_class: row for row in view.medicines.rows}
    assert rows["SSRI or SNRI antidepressant"].factor
    assert rows["SSRI or SNRI antidepressant"].names == ()
    assert "tricyclic antidepressant" in view.medicines.denied
    html = render_html(view)
    assert "not recorded" in html
    named = (
        NamedMedicine("sertraline", "N06AB06", "med_ssri_snri"),
        NamedMedicine("omeprazole", "A02BC01"),
    )
    view = _view(kb, evidence, "en", settings, named_medicines=named)
    rows = {row.drug_class: row for row in view.medicines.rows}
    assert rows["SSRI or SNRI antidepressant"].names == ("sertraline (N06AB06)",)
    assert rows[""].names == ("omeprazole (A02BC01)",)
    assert "sertraline (N06AB06)" in render_html(view)


@pytest.mark.parametrize("case", ["rls-classic", "neuropathy-diabetic", "cramps-statin-ckd"])
def test_each_test_once_and_no_reason_repeated(
    kb: KnowledgeBase, profiles, settings: Settings, case: str
) -> None:
    evidence = interview_values(kb, profiles[case])
    view = _view(kb, evidence, "uk", settings)
    groups = view.guidance.tests
    reasons = [group.why for group in groups]
    assert len(reasons) == len(set(reasons))
    named = [name for group in groups for name in group.names]
    assert sorted(named) == sorted(test.name for test in view.assessment.tests)
    assert all(group.why for group in groups)


def test_tests_for_restless_legs_are_one_group(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    view = _view(kb, interview_values(kb, profiles["rls-classic"]), "en", settings)
    (group,) = view.guidance.tests
    assert len(group.names) == 3
    assert group.why == view.assessment.conditions[0].name


def test_the_report_speaks_the_assessment_s_language(
    kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    evidence = interview_values(kb, profiles["rls-low-ferritin-ssri"])
    view = _view(kb, evidence, "uk", settings)
    assert view.language == "uk"
    html = render_html(view)
    assert "<h2>Терміновість і тривожні ознаки</h2>" in html
    assert "Нічний дискомфорт у ногах: підсумок для лікаря" in html
    assert "за 1" not in html


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
