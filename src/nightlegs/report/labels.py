"""The doctor's report's own words (headings and short labels) in every language.

Clinical text comes from the knowledge base; only these fixed labels live here.
A test checks that every label exists in uk, ru and en.
"""

# ruff: noqa: RUF001 - Ukrainian and Russian labels are meant to contain Cyrillic letters

from __future__ import annotations

LANGUAGES = ("uk", "ru", "en")

LABELS: dict[str, dict[str, str]] = {
    "title": {
        "uk": "Нічний дискомфорт у ногах: підсумок для лікаря",
        "ru": "Ночной дискомфорт в ногах: итог для врача",
        "en": "Night leg discomfort: summary for the doctor",
    },
    "date": {"uk": "Дата", "ru": "Дата", "en": "Date"},
    "kb": {"uk": "База знань", "ru": "База знаний", "en": "Knowledge base"},
    "patient": {"uk": "Пацієнт", "ru": "Пациент", "en": "Patient"},
    "triage": {"uk": "Терміновість", "ru": "Срочность", "en": "Triage"},
    "conditions": {
        "uk": "Ймовірні стани",
        "ru": "Вероятные состояния",
        "en": "Likely conditions",
    },
    "no_conditions": {
        "uk": "Жоден стан не набрав достатньо ознак, щоб його назвати.",
        "ru": "Ни одно состояние не набрало достаточно признаков, чтобы его назвать.",
        "en": "No condition had enough evidence to be listed.",
    },
    "condition": {"uk": "Стан", "ru": "Состояние", "en": "Condition"},
    "likelihood": {"uk": "Ймовірність", "ru": "Вероятность", "en": "Likelihood"},
    "likelihood_high": {"uk": "висока", "ru": "высокая", "en": "high"},
    "likelihood_moderate": {"uk": "помірна", "ru": "умеренная", "en": "moderate"},
    "likelihood_low": {"uk": "низька", "ru": "низкая", "en": "low"},
    "icd10": {"uk": "МКХ-10", "ru": "МКБ-10", "en": "ICD-10"},
    "icpc2": {"uk": "ICPC-2", "ru": "ICPC-2", "en": "ICPC-2"},
    "criteria": {"uk": "Критерії", "ru": "Критерии", "en": "Criteria"},
    "criterion_met": {"uk": "виконано", "ru": "выполнен", "en": "met"},
    "criterion_not_met": {"uk": "не виконано", "ru": "не выполнен", "en": "not met"},
    "criterion_unknown": {"uk": "невідомо", "ru": "неизвестно", "en": "unknown"},
    "out_of_scope": {
        "uk": "Поза межами інструмента",
        "ru": "Вне рамок инструмента",
        "en": "Outside the tool's scope",
    },
    "factors": {
        "uk": "Чинники, що сприяють",
        "ru": "Способствующие факторы",
        "en": "Contributing factors",
    },
    "tests": {
        "uk": "Обстеження для обговорення",
        "ru": "Обследования для обсуждения",
        "en": "Tests to discuss",
    },
    "specialists": {"uk": "До кого звернутися", "ru": "К кому обратиться", "en": "Whom to see"},
    "advice": {
        "uk": "Поради, надані пацієнтові",
        "ru": "Советы, данные пациенту",
        "en": "Advice given to the patient",
    },
    "withheld": {
        "uk": "Поради, яких не надано",
        "ru": "Советы, которые не даны",
        "en": "Advice withheld",
    },
    "warnings": {"uk": "Попередження", "ru": "Предупреждения", "en": "Warnings"},
    "answers": {
        "uk": "Відповіді, що мали значення",
        "ru": "Ответы, которые имели значение",
        "en": "Answers that mattered",
    },
    "question": {"uk": "Питання", "ru": "Вопрос", "en": "Question"},
    "answer": {"uk": "Відповідь", "ru": "Ответ", "en": "Answer"},
    "relevance": {"uk": "Значення", "ru": "Значение", "en": "Why it mattered"},
    "red_flag": {"uk": "тривожна ознака", "ru": "тревожный признак", "en": "red flag"},
    "for": {"uk": "за {n}", "ru": "за {n}", "en": "for {n}"},
    "against": {"uk": "проти {n}", "ru": "против {n}", "en": "against {n}"},
    "red_flags_denied": {
        "uk": "Інші тривожні ознаки, на які пацієнт відповів «ні»: {n}",
        "ru": "Другие тревожные признаки, на которые пациент ответил «нет»: {n}",
        "en": "Other red flags the patient answered “no”: {n}",
    },
    "no_answers": {
        "uk": "Жодна відповідь не вплинула на результат.",
        "ru": "Ни один ответ не повлиял на результат.",
        "en": "No answer changed the result.",
    },
}


def label(key: str, language: str, **values: object) -> str:
    """One label in one language, with ``{placeholders}`` filled."""
    text = LABELS[key][language]
    return text.format(**values) if values else text
