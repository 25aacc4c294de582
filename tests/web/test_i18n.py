"""The interface catalogues: complete, in the right alphabet, and compiled in memory."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from nightlegs.i18n import LANGUAGES, format_date, load_translations, negotiate
from nightlegs.pages.templating import Pages

WEB = resources.files("nightlegs.pages")
LOCALE = resources.files("nightlegs") / "locale"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
NOT_UKRAINIAN = set("ыэъёЫЭЪЁ")
NOT_RUSSIAN = set("іїєґІЇЄҐ")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
# Latin words that are the same in every language.
ALLOWED_LATIN = {"PDF"}


def catalogue(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as source:
        return read_po(source, locale=language)


def source_messages() -> set[str | tuple[str, ...]]:
    """Every message id in the templates and the Python code of the web package."""
    found: set[str | tuple[str, ...]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(WEB),
        [("**/templates/**.html", "jinja2"), ("**.py", "python")],
        options_map={"**/templates/**.html": {"trimmed": "true"}},
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None},
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


def strings(message: object) -> list[str]:
    string = message.string  # type: ignore[attr-defined]
    return [string] if isinstance(string, str) else list(string)


def test_every_interface_string_is_in_every_catalogue() -> None:
    wanted = source_messages()
    assert len(wanted) > 50
    for language in LANGUAGES:
        have = ids(catalogue(language))
        assert wanted - have == set(), f"{language}: not in the catalogue"
        assert have - wanted == set(), f"{language}: no longer used"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    catalog = catalogue(language)
    plurals = 3 if language in ("uk", "ru") else 2
    assert catalog.num_plurals == plurals
    for message in catalog:
        if not message.id:
            continue
        texts = strings(message)
        assert all(text.strip() for text in texts), message.id
        assert not message.fuzzy, message.id
        if not isinstance(message.id, str):
            assert len(texts) == plurals, message.id
        source = message.id if isinstance(message.id, str) else message.id[0]
        for text in texts:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                message.id
            )


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_ukrainian_and_russian_are_cyrillic_and_not_mixed_up(language: str) -> None:
    foreign = NOT_UKRAINIAN if language == "uk" else NOT_RUSSIAN
    for message in catalogue(language):
        if not message.id:
            continue
        for text in strings(message):
            bare = PLACEHOLDER.sub("", text)
            assert CYRILLIC.search(bare), (language, text)
            assert not foreign & set(bare), (language, text)
            latin = set(LATIN_WORD.findall(bare)) - ALLOWED_LATIN
            assert not latin, (language, text, latin)


def test_english_is_english() -> None:
    for message in catalogue("en"):
        for text in strings(message):
            assert not CYRILLIC.search(text), text


def test_catalogues_compile_in_memory_with_plurals() -> None:
    uk = load_translations("uk")
    ru = load_translations("ru")
    en = load_translations("en")
    singular = "Based on your answers to %(num)d question."
    plural = "Based on your answers to %(num)d questions."
    assert [uk.ngettext(singular, plural, n) % {"num": n} for n in (1, 2, 5, 21)] == [
        "За вашими відповідями на 1 запитання.",
        "За вашими відповідями на 2 запитання.",
        "За вашими відповідями на 5 запитань.",
        "За вашими відповідями на 21 запитання.",
    ]
    assert [ru.ngettext(singular, plural, n) % {"num": n} for n in (1, 3, 11)] == [
        "По вашим ответам на 1 вопрос.",
        "По вашим ответам на 3 вопроса.",
        "По вашим ответам на 11 вопросов.",
    ]
    assert en.ngettext(singular, plural, 1) % {"num": 1} == singular % {"num": 1}
    assert uk.gettext("Start") == "Почати"
    assert ru.gettext("Start") == "Начать"


def test_no_compiled_catalogues_are_kept() -> None:
    for language in LANGUAGES:
        folder = LOCALE / language / "LC_MESSAGES"
        assert [p.name for p in folder.iterdir()] == ["messages.po"]


def test_the_templates_use_the_catalogues() -> None:
    pages = Pages({})
    for language in LANGUAGES:
        environment = pages.environments[language]
        template = environment.from_string(
            '{{ _("Start") }} {{ ngettext("%(num)d x", "%(num)d xs", 2) }}'
        )
        text = template.render()
        assert text.split()[0] == pages.translators[language]("Start")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("uk", "uk"),
        ("uk-UA,uk;q=0.9", "uk"),
        ("RU-ru", "ru"),
        ("de, en;q=0.5, ru;q=0.7", "ru"),
        ("en;q=0, ru;q=0.1", "ru"),
        ("*", None),
        ("en;q=abc, uk", "uk"),
    ],
)
def test_negotiate(header: str | None, expected: str | None) -> None:
    assert negotiate(header) == expected


def test_dates_are_written_in_the_language() -> None:
    day = dt.date(2026, 11, 25)
    spaces = str.maketrans({"\xa0": " ", "\u202f": " "})
    assert format_date(day, "uk").translate(spaces) == "25 листопада 2026 р."
    assert format_date(day, "ru").translate(spaces) == "25 ноября 2026 г."
    assert format_date(day, "en") == "November 25, 2026"
