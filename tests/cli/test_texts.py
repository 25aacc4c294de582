"""The terminal's words come from the interface catalogues, in every language."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import pytest

from nightlegs.cli.texts import Language, say, words
from nightlegs.languages import LANGUAGES


def test_the_language_option_offers_every_language() -> None:
    assert tuple(member.value for member in Language) == LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_named_words_exist_in_every_language(language: str) -> None:
    for key in ("stopped", "result"):
        text = say(key, language)
        assert text.strip()
        if language != "en":
            assert text != say(key, "en")


def test_words_in_each_language() -> None:
    assert say("stopped", "uk") == "Опитування зупинено. Нічого не збережено."
    assert say("stopped", "ru") == "Опрос остановлен. Ничего не сохранено."
    assert say("result", "en") == "Result"
    assert words("ru").gettext("Whom to see") == "К кому обратиться"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert say("result", "de") == "Result"
