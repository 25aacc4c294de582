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
    "icd": {"uk": "МКХ", "ru": "МКБ", "en": "ICD"},
    "icd10": {"uk": "МКХ-10", "ru": "МКБ-10", "en": "ICD-10"},
    "icd10cm": {"uk": "МКХ-10-CM", "ru": "МКБ-10-CM", "en": "ICD-10-CM"},
    "loinc": {"uk": "LOINC", "ru": "LOINC", "en": "LOINC"},
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
    # The night diary's section (when the report is made from a shared diary).
    "diary": {"uk": "Нічний щоденник", "ru": "Ночной дневник", "en": "Night diary"},
    "diary_entries": {"uk": "Записи", "ru": "Записи", "en": "Entries"},
    "diary_period": {
        "uk": "ночей: {n}, {first} – {last}",
        "ru": "ночей: {n}, {first} – {last}",
        "en": "{n} nights, {first} – {last}",
    },
    "diary_rate_4w": {
        "uk": "Ночей із симптомами на тиждень, останні 4 тижні",
        "ru": "Ночей с симптомами в неделю, последние 4 недели",
        "en": "Nights with symptoms a week, last 4 weeks",
    },
    "diary_rate_12w": {
        "uk": "Ночей із симптомами на тиждень, останні 12 тижнів",
        "ru": "Ночей с симптомами в неделю, последние 12 недель",
        "en": "Nights with symptoms a week, last 12 weeks",
    },
    "diary_counts": {
        "uk": "записано {recorded} з {days} ночей, із симптомами {symptom}",
        "ru": "записано {recorded} из {days} ночей, с симптомами {symptom}",
        "en": "{recorded} of {days} nights recorded, {symptom} with symptoms",
    },
    "diary_bounds": {
        "uk": "{low}–{high}, якщо всі незаписані ночі були спокійні / із симптомами",
        "ru": "{low}–{high}, если все незаписанные ночи были спокойными / с симптомами",
        "en": "{low}–{high} if every unrecorded night was quiet / had symptoms",
    },
    "diary_not_enough": {
        "uk": "замало даних",
        "ru": "недостаточно данных",
        "en": "not enough data",
    },
    "diary_yes": {"uk": "так", "ru": "да", "en": "yes"},
    "diary_no": {"uk": "ні", "ru": "нет", "en": "no"},
    "diary_regular": {
        "uk": "Регулярно (≥ {n} ночей на тиждень, 4 тижні)",
        "ru": "Регулярно (≥ {n} ночей в неделю, 4 недели)",
        "en": "Regular (≥ {n} nights a week, 4 weeks)",
    },
    "diary_severity_trend": {
        "uk": "Тренд тяжкості (Тейла–Сена, Манна–Кендалла, 12 тижнів)",
        "ru": "Тренд тяжести (Тейла–Сена, Манна–Кендалла, 12 недель)",
        "en": "Severity trend (Theil–Sen, Mann–Kendall, 12 weeks)",
    },
    "diary_trend": {
        "uk": "{slope} бала на тиждень (95 % ДІ від {low} до {high}), {p}, n = {n}: {verdict}",
        "ru": "{slope} балла в неделю (95 % ДИ от {low} до {high}), {p}, n = {n}: {verdict}",
        "en": "{slope} points a week (95 % CI {low} to {high}), {p}, n = {n}: {verdict}",
    },
    "diary_worsening": {"uk": "погіршення", "ru": "ухудшение", "en": "worsening"},
    "diary_not_worsening": {
        "uk": "значущого погіршення немає",
        "ru": "значимого ухудшения нет",
        "en": "no significant worsening",
    },
    "diary_trend_unknown": {
        "uk": "замало даних (ночей із симптомами: {nights}; потрібно ≥ {min} за ≥ {span} днів)",
        "ru": "недостаточно данных (ночей с симптомами: {nights}; нужно ≥ {min} за ≥ {span} дней)",
        "en": "not enough data ({nights} nights with symptoms; needs ≥ {min} over ≥ {span} days)",
    },
    "diary_sleep": {
        "uk": "Порушений сон (без сну ≥ 2 ночей на тиждень, 4 тижні)",
        "ru": "Нарушенный сон (без сна ≥ 2 ночей в неделю, 4 недели)",
        "en": "Sleep disturbed (awake ≥ 2 nights a week, 4 weeks)",
    },
    "diary_helped": {
        "uk": "Що допомагало (ночі із симптомами, 12 тижнів)",
        "ru": "Что помогало (ночи с симптомами, 12 недель)",
        "en": "What helped (nights with symptoms, 12 weeks)",
    },
    "diary_helped_item": {
        "uk": "{measure} {helped}/{tried} ({share})",
        "ru": "{measure} {helped}/{tried} ({share})",
        "en": "{measure} {helped}/{tried} ({share})",
    },
    "diary_nothing_tried": {
        "uk": "нічого не записано",
        "ru": "ничего не записано",
        "en": "nothing recorded",
    },
    "measure_stretching": {"uk": "розтягування", "ru": "растяжка", "en": "stretching"},
    "measure_walking": {"uk": "ходьба", "ru": "ходьба", "en": "walking"},
    "measure_warmth_massage": {
        "uk": "тепло або масаж",
        "ru": "тепло или массаж",
        "en": "warmth or massage",
    },
    "measure_leg_elevation": {
        "uk": "підняті ноги",
        "ru": "приподнятые ноги",
        "en": "raising the legs",
    },
    "measure_compression": {"uk": "компресія", "ru": "компрессия", "en": "compression"},
    "measure_medicine": {"uk": "ліки", "ru": "лекарство", "en": "a medicine"},
}


def label(key: str, language: str, **values: object) -> str:
    """One label in one language, with ``{placeholders}`` filled."""
    text = LABELS[key][language]
    return text.format(**values) if values else text
