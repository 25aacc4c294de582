"""Words of the terminal interface itself (clinical texts come from the knowledge base)."""

# Ukrainian and Russian text is meant to contain Cyrillic letters.
# ruff: noqa: RUF001

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    uk = "uk"
    ru = "ru"
    en = "en"


_TEXTS: dict[str, dict[str, str]] = {
    "help": {
        "uk": "Введіть номер відповіді; ? — не знаю, b — назад, q — вийти.",
        "ru": "Введите номер ответа; ? — не знаю, b — назад, q — выйти.",
        "en": "Type the number of your answer; ? = I don't know, b = back, q = quit.",
    },
    "question": {"uk": "Питання", "ru": "Вопрос", "en": "Question"},
    "number_hint": {
        "uk": "Введіть число{unit}{range}, або ? якщо не знаєте",
        "ru": "Введите число{unit}{range} или ?, если не знаете",
        "en": "Type a number{unit}{range}, or ? if you don't know",
    },
    "other_units": {
        "uk": "можна з одиницею після пробілу: {units}",
        "ru": "можно с единицей через пробел: {units}",
        "en": "you may add a unit after a space: {units}",
    },
    "pick_one": {
        "uk": "Оберіть одне (номер) або ? якщо не знаєте",
        "ru": "Выберите одно (номер) или ?, если не знаете",
        "en": "Pick one (its number), or ? if you don't know",
    },
    "invalid_choice": {
        "uk": "Введіть один із номерів, ?, b або q.",
        "ru": "Введите один из номеров, ?, b или q.",
        "en": "Please type one of the numbers shown, ?, b or q.",
    },
    "invalid_number": {
        "uk": "Це не число. Приклад: 40 або 40 ng/mL; ? — не знаю.",
        "ru": "Это не число. Пример: 40 или 40 ng/mL; ? — не знаю.",
        "en": "That is not a number. For example 40, or 40 ng/mL; ? = I don't know.",
    },
    "first_question": {
        "uk": "Це перше питання, повертатися нікуди.",
        "ru": "Это первый вопрос, возвращаться некуда.",
        "en": "This is the first question; there is nothing to go back to.",
    },
    "going_back": {
        "uk": "Повертаємось до попереднього питання.",
        "ru": "Возвращаемся к предыдущему вопросу.",
        "en": "Back to the previous question.",
    },
    "stopped": {
        "uk": "Опитування зупинено. Нічого не збережено.",
        "ru": "Опрос остановлен. Ничего не сохранено.",
        "en": "Interview stopped. Nothing was saved.",
    },
    "result": {"uk": "Результат", "ru": "Результат", "en": "Result"},
    "conditions": {"uk": "На що це схоже", "ru": "На что это похоже", "en": "What it may be"},
    "factors": {
        "uk": "Що може сприяти",
        "ru": "Что может способствовать",
        "en": "What may contribute",
    },
    "specialists": {"uk": "До кого звернутися", "ru": "К кому обратиться", "en": "Whom to see"},
    "tests": {
        "uk": "Аналізи, про які варто спитати",
        "ru": "Анализы, о которых стоит спросить",
        "en": "Tests to ask about",
    },
    "advice": {"uk": "Що можна зробити", "ru": "Что можно сделать", "en": "What you can do"},
    "withheld": {
        "uk": "Поки що не радимо",
        "ru": "Пока не советуем",
        "en": "Not advised for now",
    },
    "warnings": {"uk": "Важливо", "ru": "Важно", "en": "Important"},
    "out_of_scope": {
        "uk": "Поза межами інструмента",
        "ru": "Вне рамок инструмента",
        "en": "Outside what this tool covers",
    },
    "first": {"uk": "спершу", "ru": "сначала", "en": "first"},
    "sources": {"uk": "джерела", "ru": "источники", "en": "sources"},
    "likelihood_high": {"uk": "висока ймовірність", "ru": "высокая вероятность", "en": "likely"},
    "likelihood_moderate": {
        "uk": "можливо",
        "ru": "возможно",
        "en": "possible",
    },
    "likelihood_low": {"uk": "малоймовірно", "ru": "маловероятно", "en": "less likely"},
    "kb_version": {
        "uk": "база знань",
        "ru": "база знаний",
        "en": "knowledge base",
    },
}


def say(key: str, language: str, **values: str) -> str:
    text = _TEXTS[key].get(language) or _TEXTS[key]["en"]
    return text.format(**values) if values else text
