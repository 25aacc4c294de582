"""The interface catalogues: in step with the code (what ``scripts/messages`` extracts),
complete, in the right alphabet, compiled in memory; and the one list of languages."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import get_args

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from nightlegs.diary.model import SavedInterview
from nightlegs.engine.models import Assessment
from nightlegs.i18n import format_date, load_translations, negotiate, translator
from nightlegs.knowledge.schema import LText
from nightlegs.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from nightlegs.pages.templating import Pages
from nightlegs.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "nightlegs"
LOCALE = resources.files("nightlegs") / "locale"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
NOT_UKRAINIAN = set("ыэъёЫЭЪЁ")
NOT_RUSSIAN = set("іїєґІЇЄҐ")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
# Latin words that are the same in every language.
ALLOWED_LATIN = {"PDF"}
#: gettext's plural forms per language (uk and ru: one, few, many).
PLURAL_FORMS = {"uk": 3, "ru": 3, "en": 2}
#: One message of each part of the code, to see that the extraction reaches every part.
ONE_OF_EACH = {
    "pages' templates": "Start",
    "pages' code": "Coffee or strong tea",
    "report's template": "Night leg discomfort: summary for the doctor",
    "report's code": "Nights with symptoms a week, last 4 weeks",
    "diary charts": "Nights with symptoms per week, last 12 weeks",
    "terminal": "Interview stopped. Nothing was saved.",
}


def catalogue(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "messages.po").open("rb") as source:
        return read_po(source, locale=language)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """What ``scripts/messages extract`` finds in the code today (a template in a temp dir)."""
    template = tmp_path_factory.mktemp("messages") / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "messages"), "extract", str(template)],
        env={**os.environ, "PYBABEL": str(pybabel)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with template.open("rb") as source:
        return read_po(source)


def ids(catalog: Catalog) -> set[str | tuple[str, ...]]:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


def strings(message: object) -> list[str]:
    string = message.string  # type: ignore[attr-defined]
    return [string] if isinstance(string, str) else list(string)


def test_the_extraction_reaches_every_part_of_the_code(extracted: Catalog) -> None:
    found = ids(extracted)
    missing = {part: message for part, message in ONE_OF_EACH.items() if message not in found}
    assert not missing
    assert (
        "%(num)d night recorded, %(first)s – %(last)s",
        "%(num)d nights recorded, %(first)s – %(last)s",
    ) in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_in_every_catalogue(extracted: Catalog, language: str) -> None:
    """Run ``scripts/messages`` (and translate what it adds) when this fails."""
    wanted = ids(extracted)
    have = ids(catalogue(language))
    assert wanted - have == set(), f"{language}: not in the catalogue"
    assert have - wanted == set(), f"{language}: no longer used"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    catalog = catalogue(language)
    plurals = PLURAL_FORMS[language]
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


def test_the_translator_fills_placeholders_and_plural_forms() -> None:
    uk, en = translator("uk"), translator("en")
    assert uk.gettext("intensity %(value)s/10", value="6") == "сила відчуттів 6/10"
    assert uk("Urgency and red flags") == "Терміновість і тривожні ознаки"
    assert translator("ru").gettext("Urgency and red flags") == "Срочность и тревожные признаки"
    counts = "%(recorded)d of %(num)d night recorded"
    counts_plural = "%(recorded)d of %(num)d nights recorded"
    assert [uk.ngettext(counts, counts_plural, n, recorded=1) for n in (21, 28)] == [
        "записано 1 з 21 ночі",
        "записано 1 з 28 ночей",
    ]
    assert en.ngettext(counts, counts_plural, 1, recorded=1) == "1 of 1 night recorded"
    assert uk.gettext("95 %% interval %(low)s to %(high)s", low="1", high="2") == (
        "95 % інтервал: від 1 до 2"
    )
    assert translator("uk") is uk  # compiled once
    with pytest.raises(ValueError, match="language"):
        translator("de")


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


def test_one_list_of_languages() -> None:
    """Every list of languages is :data:`nightlegs.languages.LANGUAGES`: no module
    declares its own, and each language has its name and its catalogue. (The database's
    CHECK constraints spell the list in SQL: a new language is a migration.)"""
    assert set(LANGUAGE_NAMES) == set(LANGUAGES)
    assert DEFAULT_LANGUAGE in LANGUAGES
    assert Settings.model_fields["default_language"].default == DEFAULT_LANGUAGE
    for annotation in (
        Settings.model_fields["default_language"].annotation,
        Assessment.model_fields["language"].annotation,
        SavedInterview.model_fields["language"].annotation,
    ):
        assert get_args(annotation) == LANGUAGES
    assert tuple(LText.model_fields) == LANGUAGES
    for language in LANGUAGES:
        assert catalogue(language).locale_identifier == language
    declared = re.compile(r'"uk",\s*"ru"')
    again = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in sorted(SOURCE.rglob("*.py"))
        if path.name != "languages.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if declared.search(line)
    ]
    assert again == [], "import the languages from nightlegs.languages"


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
