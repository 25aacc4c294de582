"""The style rules of docs/language.md, checked over every Ukrainian and Russian text: the
knowledge base's (questions, advice, triage, ...) and the interface catalogues'. A rule here
is a calque, a Russianism or a word the glossary replaced; each says what to write instead."""

# ruff: noqa: RUF001, RUF002 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from importlib import resources

import pytest
from babel.messages.pofile import read_po

from nightlegs.i18n import format_date, translator
from tests.kb.test_texts import all_texts

LOCALE = resources.files("nightlegs") / "locale"

#: Ukrainian: the pattern (lower case) and what to write instead.
UKRAINIAN = {
    r"\bприйма\w* участь": "брати участь",
    r"\bна протязі\b": "протягом, упродовж",
    r"\bслідуюч\w*": "наступний",
    r"(?<![\w'’])явля\w*": "є (з'являтися is fine)",
    r"\bміроприєм\w*": "захід",
    r"\bв якості\b": "як",
    r"\bспівпада\w*": "збігатися",
    r"\bтак як\b": "бо, оскільки",
    r"\bпитанн\w*": "запитання (a question asked of the person)",
    r"\bнапевно сказати\b": "точно сказати",
    r"\bтяжкіст\w*": "сила відчуттів (how strong), важкість (heavy legs)",
    r"\bінтенсивніст\w*": "сила відчуттів",
    r"\bвідносит\w*ся\b": "стосується",
    r"\bслідку\w*": "стежити",
    r"\bз метою\b": "щоб",
    r"\bу зв'язку з\b": "через",
    r"\bздійсн\w*": "a plain verb",
    r"\bздайте\b|\bздати аналіз": "зробіть аналіз",
    r"\bрозраховані на\b": "для",
    r"\bпри\s+(?:хвороб|серцев|діабет|неспокійн|відкрит|звужен|вагітн)\w*": "якщо у вас ...",
    r"\bзалишити щоденник\b": "Ні, не видаляти (reads as 'abandon the diary')",
    r"\bповернутися назад\b": "повернутися",
    r"\bпідход\w* під\b": "схожі на",
    r"\bзберегти у файл\b": "зберегти як файл",
}
#: Russian: the pattern (lower case) and what to write instead.
RUSSIAN = {
    r"\bинтенсивност\w*": "сила ощущений",
    r"\bданн(?:ый|ая|ое|ого|ому|ой|ую)\b": "этот",
    r"\bосуществл\w*": "a plain verb",
    r"\bв целях\b": "чтобы",
    r"\bоставить дневник\b": "Нет, не удалять",
    r"\bвернуться назад\b": "вернуться",
    r"\bответьте на эт\w+ част\w*": "Вы не ответили на эти пункты",
    r"\bтож\b": "поэтому (тож is Ukrainian)",
}
RULES = {"uk": UKRAINIAN, "ru": RUSSIAN}


def catalogue_texts(language: str) -> Iterator[tuple[str, str]]:
    with (LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as source:
        for message in read_po(source, locale=language):
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            name = message.id if isinstance(message.id, str) else message.id[0]
            for text in strings:
                yield f"catalogue: {name}", text


def knowledge_texts(kb, language: str) -> Iterator[tuple[str, str]]:
    for path, text in all_texts(kb):
        yield f"kb{path}", text.get(language)


def offences(texts: Iterator[tuple[str, str]], language: str) -> list[str]:
    found = []
    for where, text in texts:
        for pattern, instead in RULES[language].items():
            match = re.search(pattern, text.lower())
            if match:
                found.append(f"{where}: «{match.group(0)}» -> {instead}: {text}")
    return found


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_knowledge_base_keeps_the_style_rules(kb, language):
    problems = offences(knowledge_texts(kb, language), language)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_catalogues_keep_the_style_rules(language):
    problems = offences(catalogue_texts(language), language)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Напевно сказати може лише лікар."),
        ("uk", "На протязі дня так як болить"),
        ("uk", "Повертаємось до попереднього питання."),
        ("uk", "Тяжкість ночей із симптомами"),
        ("uk", "При серцевій недостатності"),
        ("uk", "Залишити щоденник"),
        ("ru", "Оставить дневник"),
        ("ru", "Интенсивность, 0–10"),
    ],
)
def test_a_rule_finds_what_it_is_for(language, text):
    assert offences(iter([("example", text)]), language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Якщо з'являться нові ознаки, зверніться до лікаря."),
        ("uk", "Ноги важкі, втомлені, ниють надвечір"),
        ("uk", "Коли сідаєте або витираєтеся"),
        ("ru", "Данные исследований противоречивы"),
        ("ru", "Тяжесть или отёк"),
    ],
)
def test_plain_words_pass(language, text):
    assert not offences(iter([("example", text)]), language)


INTENSITY = {"uk": "Сила відчуттів", "ru": "Сила ощущений"}
#: The interface's names for how strong the symptoms are (those the code still has).
INTENSITY_IDS = (
    "Severity (0-10)",
    "Severity (0–10)",
    "Mean severity",
    "Worst severity",
    "Intensity",
    "Median intensity",
    "How bad at its worst",
)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_one_term_for_intensity(kb, language):
    """«Сила відчуттів» / «Сила ощущений»: the question's label and every interface name."""
    severity = next(q for q in kb.question_texts.questions if q.id == "q-severity")
    assert severity.items[0].label.get(language).startswith(INTENSITY[language] + ", 0")
    t = translator(language)
    names = [t.gettext(msgid) for msgid in INTENSITY_IDS]
    translated = [name for msgid, name in zip(INTENSITY_IDS, names, strict=True) if name != msgid]
    assert translated
    for name in translated:
        assert INTENSITY[language].lower() in name.lower(), name


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_question_is_zapytannia_in_ukrainian(language):
    word = translator(language).gettext("Question %(num)d", num=3)
    assert word == {"uk": "Запитання 3", "ru": "Вопрос 3"}[language]


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_no_double_full_stop_after_a_long_date(language):
    """A long date ends with «р.» / «г.»; the sentence around it must not add another."""
    first = format_date(dt.date(2026, 11, 2), language)
    last = format_date(dt.date(2026, 11, 26), language)
    assert first.endswith(".")
    t = translator(language)
    for count in (1, 3, 5, 21):
        text = t.ngettext(
            "%(num)d night recorded, from %(first)s to %(last)s.",
            "%(num)d nights recorded, from %(first)s to %(last)s.",
            count,
            first=first,
            last=last,
        )
        assert ".." not in text, text
